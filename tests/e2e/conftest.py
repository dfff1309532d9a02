from helpers.desktop import virtual_desktop  # noqa: F401  (the fixture)
