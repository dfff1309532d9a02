"""Launch → tray icon docked, and launch → tray icon painted: what the user sees.

A tray maps the icon's window as soon as the app asks to dock, but the app paints it only once
its event loop runs; until then the panel shows an empty slot in its own background colour. So
the clock starts right before the process is spawned, and the X server is asked every ~2 ms:

- docked: a window is embedded in the tray (a grandchild of trayer's panel), viewable, with a size;
- painted: that window's pixels, as the screen shows them, are no longer all the panel's background.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from xpixels import Window, XServer

POLL_S = 0.002


@dataclass(frozen=True)
class Launch:
    docked_ms: float
    painted_ms: float
    polls: int  # how often the tray was read between the launch and the paint (its resolution)
    proc: object  # the AppProcess, still running


def panel_background(x: XServer, panel: int) -> bytes:
    """The panel's colour (blue, green, red) where no icon is: read before any icon docks."""
    window = x.window(panel)
    pixels = x.pixels(panel, window.width, window.height) if window else None
    if not pixels:
        raise RuntimeError("cannot read the tray panel's pixels")
    common, _ = Counter(pixels[i:i + 3] for i in range(0, len(pixels), 4)).most_common(1)[0]
    return common


def docked_icons(x: XServer, panel: int) -> list[Window]:
    return [w for w in x.descendants(panel) if w.depth == 2 and w.viewable and w.width > 1 and w.height > 1]


def is_painted(pixels: bytes, background: bytes) -> bool:
    """Any pixel whose colour is not the background's (4 bytes a pixel: blue, green, red, unused)."""
    n = len(pixels) // 4
    return any(pixels[i::4] != bytes([background[i]]) * n for i in range(3))


def watch_launch(x: XServer, panel: int, background: bytes, start: Callable[[], object],
                 timeout: float = 30.0) -> Launch:
    """Start the app with `start()` (the only icon in the tray) and time its icon on screen."""
    if docked_icons(x, panel):
        raise RuntimeError("an icon is still in the tray: each launch must be alone")
    t0 = time.monotonic()
    proc = start()
    docked_at, icon, polls = None, None, 0
    while True:
        if time.monotonic() - t0 > timeout:
            raise RuntimeError(f"no painted tray icon after {timeout:.0f} s (docked: {docked_at is not None})")
        polls += 1
        if icon is None:
            icons = docked_icons(x, panel)
            icon = icons[0] if icons else None
            if icon is not None:
                docked_at = docked_at or time.monotonic()  # (each time taken once the server has answered)
        if icon is not None:  # from here on, one request a poll: the pixels
            pixels = x.pixels(icon.wid, icon.width, icon.height)
            if pixels is None:
                icon = None  # unmapped or re-docked: look again
            elif is_painted(pixels, background):
                painted_at = time.monotonic()
                return Launch((docked_at - t0) * 1000, (painted_at - t0) * 1000, polls, proc)
        time.sleep(POLL_S)


def wait_tray_empty(x: XServer, panel: int, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while docked_icons(x, panel):
        if time.monotonic() > deadline:
            raise RuntimeError("the tray icon did not go away")
        time.sleep(0.01)
