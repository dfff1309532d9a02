#!/usr/bin/env bash
# Set up (once) and run every test tier: domain, API, fake server, CLI, UI and end to end.
# Extra arguments go to pytest, e.g. scripts/test.sh tests/unit -q
source "$(dirname "$0")/setup.sh"
# The end-to-end tier runs the real app on a virtual X server with a real tray host.
ensure_apt $QT_APT_PACKAGES xvfb trayer xdotool x11-utils imagemagick dbus desktop-file-utils
# tests/packaging: appstreamcli checks the AppStream file; the Linux bundle's build trims ICU's data
# with icupkg (icu-devtools), readelf and a C compiler.
ensure_apt appstream icu-devtools binutils gcc
# tests/e2e/test_gnome_keyring.py: a real Secret Service (gnome-keyring brings gcr's password prompter).
ensure_apt gnome-keyring
ensure_venv test
cd "$ROOT"
exec "$VENV/bin/python" -m pytest "$@"
