"""Synthetic key presses and clicks sent straight to the X server (XTest through ctypes).

The timed inputs of the benchmark go through this, not through xdotool: starting an xdotool
process costs 5–20 ms before the event even exists, and that would be counted as the app's time.
Here the clock starts right before the event is sent and flushed. libXtst comes with xdotool.
"""

from __future__ import annotations

import ctypes
import ctypes.util


def _load():
    x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    xtst = ctypes.CDLL(ctypes.util.find_library("Xtst") or "libXtst.so.6")
    p, ulong, uint = ctypes.c_void_p, ctypes.c_ulong, ctypes.c_uint
    x11.XOpenDisplay.argtypes, x11.XOpenDisplay.restype = [ctypes.c_char_p], p
    x11.XCloseDisplay.argtypes, x11.XCloseDisplay.restype = [p], ctypes.c_int
    x11.XSync.argtypes, x11.XSync.restype = [p, ctypes.c_int], ctypes.c_int
    x11.XStringToKeysym.argtypes, x11.XStringToKeysym.restype = [ctypes.c_char_p], ulong
    x11.XKeysymToKeycode.argtypes, x11.XKeysymToKeycode.restype = [p, ulong], ctypes.c_ubyte
    xtst.XTestFakeKeyEvent.argtypes, xtst.XTestFakeKeyEvent.restype = [p, uint, ctypes.c_int, ulong], ctypes.c_int
    xtst.XTestFakeButtonEvent.argtypes, xtst.XTestFakeButtonEvent.restype = [p, uint, ctypes.c_int, ulong], ctypes.c_int
    xtst.XTestFakeMotionEvent.argtypes = [p, ctypes.c_int, ctypes.c_int, ctypes.c_int, ulong]
    xtst.XTestFakeMotionEvent.restype = ctypes.c_int
    return x11, xtst


KEYSYM_NAMES = {" ": "space", "-": "minus", ".": "period"}


class XInput:
    """Keys and clicks on `display` (":n"). Close it, or use it as a context manager."""

    def __init__(self, display: str):
        self._x11, self._xtst = _load()
        self._d = self._x11.XOpenDisplay(display.encode())
        if not self._d:
            raise RuntimeError(f"cannot open the X display {display}")

    def __enter__(self) -> XInput:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._d:
            self._x11.XCloseDisplay(self._d)
            self._d = None

    def keycode(self, key: str) -> int:
        """`key`: one character of an unshifted key ("a", "1", " ") or a keysym name ("Return")."""
        name = KEYSYM_NAMES.get(key, key)
        code = self._x11.XKeysymToKeycode(self._d, self._x11.XStringToKeysym(name.encode()))
        if not code:
            raise ValueError(f"no key for {key!r} on this keyboard map")
        return code

    def press(self, keycode: int) -> None:
        """Press and release; returns once the server has both events (the press is what apps act on)."""
        self._xtst.XTestFakeKeyEvent(self._d, keycode, 1, 0)
        self._x11.XSync(self._d, 0)
        self._xtst.XTestFakeKeyEvent(self._d, keycode, 0, 0)
        self._x11.XSync(self._d, 0)

    def move(self, x: int, y: int) -> None:
        self._xtst.XTestFakeMotionEvent(self._d, -1, x, y, 0)
        self._x11.XSync(self._d, 0)

    def click(self, button: int = 1) -> None:
        """A click where the pointer is (move it first)."""
        self._xtst.XTestFakeButtonEvent(self._d, button, 1, 0)
        self._x11.XSync(self._d, 0)
        self._xtst.XTestFakeButtonEvent(self._d, button, 0, 0)
        self._x11.XSync(self._d, 0)
