#!/usr/bin/env bash
# Set up (once) and run every test tier: domain, API, fake server, CLI, UI and end to end.
# Extra arguments go to pytest, e.g. scripts/test.sh tests/unit -q
source "$(dirname "$0")/setup.sh"
# The end-to-end tier runs the real app on a virtual X server with a real tray host.
ensure_apt $QT_APT_PACKAGES xvfb trayer xdotool x11-utils imagemagick dbus desktop-file-utils
# Xfce's panel is the real StatusNotifierItem host (tests/e2e/test_xfce_panel.py); xfwm4 sets the work area.
ensure_apt xfce4-panel xfconf xfwm4
# tests/e2e/test_atspi.py reads the app as a screen reader does: the AT-SPI bus and, for the
# system Python that runs tests/e2e/atspi_probe.py, pyatspi (with python3-gi).
ensure_apt at-spi2-core python3-pyatspi python3-gi gir1.2-atspi-2.0
# tests/packaging: appstreamcli checks the AppStream file; the Linux bundle's build trims ICU's data
# with icupkg (icu-devtools), readelf and a C compiler.
ensure_apt appstream icu-devtools binutils gcc
# tests/e2e/test_gnome_keyring.py: a real Secret Service (gnome-keyring brings gcr's password prompter).
ensure_apt gnome-keyring
ensure_venv test
cd "$ROOT"
exec "$VENV/bin/python" -m pytest "$@"
