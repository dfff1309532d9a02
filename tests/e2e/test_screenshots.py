"""The README's popover screenshots, light and dark, from the real app (demo workspace).

AWORK_TRAY_COLOR_SCHEME is the user option for desktops that report no scheme; Xvfb is one.
Copy tests/e2e/artifacts/popover-{light,dark}.png to docs/screenshots/ after a visible change.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ARTIFACTS = Path(__file__).parent / "artifacts"
TIMEOUT = 20


def _luma(path: Path, x: int, y: int) -> float:
    from PySide6.QtGui import QImage

    colour = QImage(str(path)).pixelColor(x, y)
    return 0.2126 * colour.red() + 0.7152 * colour.green() + 0.0722 * colour.blue()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_popover_screenshot(virtual_desktop, tmp_path, scheme):
    from helpers import tray_state
    from helpers.waiting import wait_for

    d = virtual_desktop
    d.env.pop("AWORK_API_TOKEN", None)
    d.env.pop("AWORK_API_URL", None)
    env = {"AWORK_TRAY_CONFIG_DIR": str(tmp_path), "TZ": "Europe/Berlin", "AWORK_TRAY_COLOR_SCHEME": scheme,
           "QT_STYLE_OVERRIDE": "Fusion", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "LANGUAGE": "en"}
    d.launch([sys.executable, "-m", "tray_app", "--demo"], env=env)
    x, y, w, h = d.tray_icon_geometry(timeout=TIMEOUT)
    wait_for(lambda: tray_state.lists_loaded(tmp_path), TIMEOUT, what="demo lists loaded")
    d.click(x + w // 2, y + h // 2)
    wid = d.find_window("Quick start", timeout=TIMEOUT)
    d.wait_focused(wid)
    wait_for(lambda: tray_state.timer(tmp_path, dict(d.env, **env), demo=True) == "running", TIMEOUT,
             what="the demo's running timer")
    d.move_pointer(0, 0)  # no hover highlight in the picture
    px, py, pw, ph = d.window_geometry(wid)
    shot = d.screenshot(ARTIFACTS / f"popover-{scheme}.png", crop=(px, py, pw, ph))
    # The popover's own background (just inside its border) follows the scheme.
    background = _luma(shot, pw // 2, ph - 3)
    assert (background < 90) if scheme == "dark" else (background > 200), background
    d.key("Escape")
    d.wait_window_gone(wid, timeout=TIMEOUT)
