"""PyInstaller's entry script: what the `awork-tray` console script runs, as a plain script
(tray_app/__main__.py uses a relative import, which a top-level script cannot)."""

import sys

from tray_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
