"""Where the icons and translations are, installed or not.

They live in the checkout's top-level resources/ folder, and the build maps that folder into the
package as tray_app.resources (pyproject.toml). So an install (a wheel, the PyInstaller bundle) has
the package; a checkout run without installing, or an editable install (which only puts the
checkout on sys.path), has the folder next to tray_app/.

The package's own folder, not importlib.resources: Qt and the autostart entry need real file
names, which is what importlib.resources would hand back here too, and importing it would delay
the tray icon by about 9 ms at start-up.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path


def resource_file(*parts: str) -> Path:
    """resource_file("icons", "tray-idle.svg"); with no parts, the folder itself."""
    return _folder().joinpath(*parts)


@cache
def _folder() -> Path:
    try:
        from . import resources
    except ImportError:  # a checkout: nothing has mapped resources/ into the package
        return Path(__file__).resolve().parent.parent / "resources"
    return Path(resources.__file__).parent
