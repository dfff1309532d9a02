"""What the X server shows: window trees, map states and window pixels, read through libxcb.

The benchmark polls the tray icon's window every few milliseconds while an app starts. A tool
per poll (xwininfo, xwd, import) costs 10–50 ms of process start each, so this talks to the X
server itself, through ctypes on libxcb (which Qt's xcb platform plugin needs anyway, so it is
installed wherever the benchmark runs). Errors (a window destroyed between two requests) come
back as values, never as Xlib's process-ending error handler.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from dataclasses import dataclass

_IS_VIEWABLE = 2  # xcb_map_state_t
_Z_PIXMAP = 2  # xcb_image_format_t


class _Cookie(ctypes.Structure):
    _fields_ = [("sequence", ctypes.c_uint)]


class _Geometry(ctypes.Structure):
    _fields_ = [("response_type", ctypes.c_uint8), ("depth", ctypes.c_uint8), ("sequence", ctypes.c_uint16),
                ("length", ctypes.c_uint32), ("root", ctypes.c_uint32), ("x", ctypes.c_int16), ("y", ctypes.c_int16),
                ("width", ctypes.c_uint16), ("height", ctypes.c_uint16), ("border_width", ctypes.c_uint16)]


class _Attributes(ctypes.Structure):
    _fields_ = [("response_type", ctypes.c_uint8), ("backing_store", ctypes.c_uint8), ("sequence", ctypes.c_uint16),
                ("length", ctypes.c_uint32), ("visual", ctypes.c_uint32), ("klass", ctypes.c_uint16),
                ("bit_gravity", ctypes.c_uint8), ("win_gravity", ctypes.c_uint8), ("backing_planes", ctypes.c_uint32),
                ("backing_pixel", ctypes.c_uint32), ("save_under", ctypes.c_uint8),
                ("map_is_installed", ctypes.c_uint8), ("map_state", ctypes.c_uint8)]


def _load():
    xcb = ctypes.CDLL(ctypes.util.find_library("xcb") or "libxcb.so.1")
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    p, u32, err = ctypes.c_void_p, ctypes.c_uint32, ctypes.POINTER(ctypes.c_void_p)
    signatures = {
        "xcb_connect": ([ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)], p),
        "xcb_connection_has_error": ([p], ctypes.c_int),
        "xcb_disconnect": ([p], None),
        "xcb_query_tree": ([p, u32], _Cookie),
        "xcb_query_tree_reply": ([p, _Cookie, err], p),
        "xcb_query_tree_children": ([p], ctypes.POINTER(u32)),
        "xcb_query_tree_children_length": ([p], ctypes.c_int),
        "xcb_get_geometry": ([p, u32], _Cookie),
        "xcb_get_geometry_reply": ([p, _Cookie, err], ctypes.POINTER(_Geometry)),
        "xcb_get_window_attributes": ([p, u32], _Cookie),
        "xcb_get_window_attributes_reply": ([p, _Cookie, err], ctypes.POINTER(_Attributes)),
        "xcb_get_image": ([p, ctypes.c_uint8, u32, ctypes.c_int16, ctypes.c_int16, ctypes.c_uint16,
                           ctypes.c_uint16, u32], _Cookie),
        "xcb_get_image_reply": ([p, _Cookie, err], p),
        "xcb_get_image_data": ([p], ctypes.POINTER(ctypes.c_uint8)),
        "xcb_get_image_data_length": ([p], ctypes.c_int),
    }
    for name, (args, result) in signatures.items():
        fn = getattr(xcb, name)
        fn.argtypes, fn.restype = args, result
    libc.free.argtypes, libc.free.restype = [p], None
    return xcb, libc


@dataclass(frozen=True)
class Window:
    wid: int
    depth: int  # 1 = a direct child of the window the tree was read from
    width: int
    height: int
    viewable: bool


class XServer:
    """One connection to the X server on `display` (":n"). Close it, or use it as a context manager."""

    def __init__(self, display: str):
        self._xcb, self._libc = _load()
        self._c = self._xcb.xcb_connect(display.encode(), None)
        if not self._c or self._xcb.xcb_connection_has_error(self._c):
            raise RuntimeError(f"cannot connect to the X server on {display}")

    def __enter__(self) -> XServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._c:
            self._xcb.xcb_disconnect(self._c)
            self._c = None

    def _reply(self, request: str, *args):
        """The reply to one request, or None when the server answered with an error (freed here)."""
        error = ctypes.c_void_p()
        reply = getattr(self._xcb, request + "_reply")(self._c, getattr(self._xcb, request)(self._c, *args),
                                                       ctypes.byref(error))
        if error.value:
            self._libc.free(error)
        return reply or None

    def children(self, wid: int) -> list[int]:
        reply = self._reply("xcb_query_tree", wid)
        if reply is None:
            return []
        try:
            n = self._xcb.xcb_query_tree_children_length(reply)
            return list(self._xcb.xcb_query_tree_children(reply)[:n])
        finally:
            self._libc.free(reply)

    def window(self, wid: int, depth: int = 0) -> Window | None:
        """Its size and whether it is viewable (mapped, and all its ancestors too); None once destroyed."""
        geometry = self._reply("xcb_get_geometry", wid)
        if geometry is None:
            return None
        width, height = geometry.contents.width, geometry.contents.height
        self._libc.free(geometry)
        attributes = self._reply("xcb_get_window_attributes", wid)
        if attributes is None:
            return None
        viewable = attributes.contents.map_state == _IS_VIEWABLE
        self._libc.free(attributes)
        return Window(wid, depth, width, height, viewable)

    def descendants(self, wid: int, levels: int = 2) -> list[Window]:
        out: list[Window] = []
        parents = [wid]
        for depth in range(1, levels + 1):
            below = [child for parent in parents for child in self.children(parent)]
            out += [w for w in (self.window(child, depth) for child in below) if w is not None]
            parents = below
        return out

    def pixels(self, wid: int, width: int, height: int) -> bytes | None:
        """The window's pixels as the screen shows them (Z format, 4 bytes a pixel at depth 24/32);
        None when the window is gone or not viewable."""
        reply = self._reply("xcb_get_image", _Z_PIXMAP, wid, 0, 0, width, height, 0xFFFFFFFF)
        if reply is None:
            return None
        try:
            n = self._xcb.xcb_get_image_data_length(reply)
            return ctypes.string_at(self._xcb.xcb_get_image_data(reply), n)
        finally:
            self._libc.free(reply)
