"""Entry point: `python -m tray_app` and the `awork-tray` script."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
