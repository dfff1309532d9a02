#!/usr/bin/env bash
# Set up (once) and run awork tray against its built-in demo workspace: no account needed.
source "$(dirname "$0")/setup.sh"
ensure_apt $QT_APT_PACKAGES
ensure_venv
exec "$VENV/bin/awork-tray" --demo "$@"
