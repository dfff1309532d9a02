from helpers.desktop import virtual_desktop
