"""X11: the MIT-SCREEN-SAVER extension's idle time (ms since the last input the X server saw),
through libxcb-screensaver with ctypes on a connection of our own (platform/xcb.py).

Debian: libxcb-screensaver0. Input sent with XTest (xdotool) counts as input, as a person's does.
"""

from __future__ import annotations

from ctypes import POINTER, Structure, c_uint8, c_uint16, c_uint32, c_void_p

from ..xcb import XcbConnection, XcbUnavailable, _Cookie, load_library
from .base import IdleUnavailable


class _InfoReply(Structure):  # xcb_screensaver_query_info_reply_t
    _fields_ = [
        ("response_type", c_uint8), ("state", c_uint8), ("sequence", c_uint16), ("length", c_uint32),
        ("saver_window", c_uint32), ("ms_until_server", c_uint32), ("ms_since_user_input", c_uint32),
        ("event_mask", c_uint32), ("kind", c_uint8), ("pad0", c_uint8 * 7),
    ]


def _load_screensaver():
    try:
        lib = load_library("libxcb-screensaver.so.0", "xcb-screensaver")
    except OSError as exc:
        raise IdleUnavailable(f"libxcb-screensaver not found ({exc}); install libxcb-screensaver0") from exc
    lib.xcb_screensaver_query_info.restype = _Cookie
    lib.xcb_screensaver_query_info.argtypes = [c_void_p, c_uint32]
    lib.xcb_screensaver_query_info_reply.restype = POINTER(_InfoReply)
    lib.xcb_screensaver_query_info_reply.argtypes = [c_void_p, _Cookie, c_void_p]
    return lib


class ScreenSaverConnection:
    """One X connection that asks the MIT-SCREEN-SAVER extension; raises IdleUnavailable."""

    def __init__(self, display: str | None):
        self._lib = _load_screensaver()
        try:
            self._conn = XcbConnection(display)
        except XcbUnavailable as exc:
            raise IdleUnavailable(str(exc)) from exc

    def ms_since_input(self) -> int:
        conn = self._conn
        ptr = self._lib.xcb_screensaver_query_info_reply(
            conn.pointer, self._lib.xcb_screensaver_query_info(conn.pointer, conn.root), None)
        if not ptr:  # no extension on this server (or the connection broke)
            raise IdleUnavailable("the X server has no MIT-SCREEN-SAVER extension")
        try:
            return ptr.contents.ms_since_user_input
        finally:
            conn.free(ptr)

    def close(self) -> None:
        self._conn.close()


class X11Idle:
    name = "X11 (MIT-SCREEN-SAVER)"

    def __init__(self, display: str | None, *, connect=ScreenSaverConnection):
        """`connect(display)`: an object with ms_since_input() and close() (tests pass a fake)."""
        self._display = display
        self._connect = connect
        self._conn = None

    async def idle_seconds(self) -> float:
        if self._conn is None:
            self._conn = self._connect(self._display)
        try:
            return self._conn.ms_since_input() / 1000.0
        except (IdleUnavailable, XcbUnavailable) as exc:
            self._conn.close()  # a broken connection: a fresh one next time
            self._conn = None
            raise IdleUnavailable(str(exc)) from exc

    async def locked(self) -> bool | None:
        return None  # X11 has no lock of its own: the desktop's D-Bus service says (dbus.py)

    async def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
