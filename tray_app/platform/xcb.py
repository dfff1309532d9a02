"""The few X11 requests we need, through libxcb with ctypes (libxcb ships with Qt's xcb plugin).

Our own X connection, not Qt's: errors come back per request (a chord another program grabbed is
a BadAccess we can tell the user about), and Python runs only for our key events instead of
inspecting every X event Qt receives, as a native event filter on Qt's connection would.
"""

from __future__ import annotations

import ctypes
from ctypes import POINTER, Structure, c_char_p, c_int, c_int16, c_uint, c_uint8, c_uint16, c_uint32, c_void_p
from dataclasses import dataclass

KEY_PRESS = 2
KEY_RELEASE = 3
MAPPING_NOTIFY = 34
BAD_ACCESS = 10
GRAB_MODE_ASYNC = 1


class XcbUnavailable(Exception):
    pass


class _Cookie(Structure):
    _fields_ = [("sequence", c_uint)]


class _Setup(Structure):
    _fields_ = [
        ("status", c_uint8), ("pad0", c_uint8), ("protocol_major_version", c_uint16),
        ("protocol_minor_version", c_uint16), ("length", c_uint16), ("release_number", c_uint32),
        ("resource_id_base", c_uint32), ("resource_id_mask", c_uint32), ("motion_buffer_size", c_uint32),
        ("vendor_len", c_uint16), ("maximum_request_length", c_uint16), ("roots_len", c_uint8),
        ("pixmap_formats_len", c_uint8), ("image_byte_order", c_uint8), ("bitmap_format_bit_order", c_uint8),
        ("bitmap_format_scanline_unit", c_uint8), ("bitmap_format_scanline_pad", c_uint8),
        ("min_keycode", c_uint8), ("max_keycode", c_uint8), ("pad1", c_uint8 * 4),
    ]


class _ScreenIterator(Structure):
    _fields_ = [("data", POINTER(c_uint32)), ("rem", c_int), ("index", c_int)]  # data->root comes first


class _ReplyHeader(Structure):
    _fields_ = [("response_type", c_uint8), ("byte1", c_uint8), ("sequence", c_uint16), ("length", c_uint32)]


class _AtomReply(Structure):  # intern_atom and get_selection_owner replies: one CARD32 after the header
    _fields_ = [("header", _ReplyHeader), ("value", c_uint32)]


class _Error(Structure):
    _fields_ = [("response_type", c_uint8), ("error_code", c_uint8), ("sequence", c_uint16)]


class _Event(Structure):
    _fields_ = [
        ("response_type", c_uint8), ("detail", c_uint8), ("sequence", c_uint16), ("time", c_uint32),
        ("root", c_uint32), ("event", c_uint32), ("child", c_uint32), ("root_x", c_int16),
        ("root_y", c_int16), ("event_x", c_int16), ("event_y", c_int16), ("state", c_uint16),
        ("same_screen", c_uint8), ("pad0", c_uint8),
    ]


@dataclass(frozen=True)
class KeyEvent:
    kind: int  # KEY_PRESS, KEY_RELEASE or MAPPING_NOTIFY
    keycode: int
    state: int
    time: int


_lib = None


def load_library(soname: str, name: str) -> ctypes.CDLL:
    """The library by its usual soname, else wherever ctypes.util finds `name`: its search runs
    ldconfig (or a compiler) in a subprocess and parses all its output, at every start."""
    try:
        return ctypes.CDLL(soname)
    except OSError:
        from ctypes.util import find_library

        found = find_library(name)
        if found is None:
            raise
        return ctypes.CDLL(found)


def _load():
    global _lib
    if _lib is not None:
        return _lib
    try:
        lib = load_library("libxcb.so.1", "xcb")
    except OSError as exc:
        raise XcbUnavailable(f"libxcb not found: {exc}") from exc
    sig = {
        "xcb_connect": (c_void_p, [c_char_p, POINTER(c_int)]),
        "xcb_connection_has_error": (c_int, [c_void_p]),
        "xcb_disconnect": (None, [c_void_p]),
        "xcb_get_setup": (POINTER(_Setup), [c_void_p]),
        "xcb_setup_roots_iterator": (_ScreenIterator, [POINTER(_Setup)]),
        "xcb_screen_next": (None, [POINTER(_ScreenIterator)]),
        "xcb_get_file_descriptor": (c_int, [c_void_p]),
        "xcb_flush": (c_int, [c_void_p]),
        "xcb_poll_for_event": (c_void_p, [c_void_p]),
        "xcb_request_check": (c_void_p, [c_void_p, _Cookie]),
        "xcb_grab_key_checked": (_Cookie, [c_void_p, c_uint8, c_uint32, c_uint16, c_uint8, c_uint8, c_uint8]),
        "xcb_ungrab_key_checked": (_Cookie, [c_void_p, c_uint8, c_uint32, c_uint16]),
        "xcb_get_keyboard_mapping": (_Cookie, [c_void_p, c_uint8, c_uint8]),
        "xcb_get_keyboard_mapping_reply": (c_void_p, [c_void_p, _Cookie, c_void_p]),
        "xcb_get_keyboard_mapping_keysyms": (POINTER(c_uint32), [c_void_p]),
        "xcb_get_keyboard_mapping_keysyms_length": (c_int, [c_void_p]),
        "xcb_get_modifier_mapping": (_Cookie, [c_void_p]),
        "xcb_get_modifier_mapping_reply": (c_void_p, [c_void_p, _Cookie, c_void_p]),
        "xcb_get_modifier_mapping_keycodes": (POINTER(c_uint8), [c_void_p]),
        "xcb_get_modifier_mapping_keycodes_length": (c_int, [c_void_p]),
        "xcb_intern_atom": (_Cookie, [c_void_p, c_uint8, c_uint16, c_char_p]),
        "xcb_intern_atom_reply": (c_void_p, [c_void_p, _Cookie, c_void_p]),
        "xcb_get_selection_owner": (_Cookie, [c_void_p, c_uint32]),
        "xcb_get_selection_owner_reply": (c_void_p, [c_void_p, _Cookie, c_void_p]),
    }
    for fname, (restype, argtypes) in sig.items():
        fn = getattr(lib, fname)
        fn.restype, fn.argtypes = restype, argtypes
    libc = load_library("libc.so.6", "c")
    libc.free.argtypes, libc.free.restype = [c_void_p], None
    _lib = (lib, libc.free)
    return _lib


class XcbConnection:
    def __init__(self, display: str | None = None):
        self._xcb, self._free = _load()
        screen = c_int(0)
        self._c = self._xcb.xcb_connect(display.encode() if display else None, ctypes.byref(screen))
        if not self._c or self._xcb.xcb_connection_has_error(self._c):
            if self._c:
                self._xcb.xcb_disconnect(self._c)
            self._c = None
            raise XcbUnavailable(f"cannot connect to the X display {display or ''}".strip())
        self.screen_number = screen.value
        setup = self._xcb.xcb_get_setup(self._c)
        self.min_keycode, self.max_keycode = setup.contents.min_keycode, setup.contents.max_keycode
        it = self._xcb.xcb_setup_roots_iterator(setup)
        for _ in range(screen.value):
            self._xcb.xcb_screen_next(ctypes.byref(it))
        self.root = it.data[0]

    def close(self) -> None:
        if self._c:
            self._xcb.xcb_disconnect(self._c)
            self._c = None

    @property
    def pointer(self):
        """The xcb_connection_t, for requests of an extension's own library (platform/idle/x11.py)."""
        return self._c

    def free(self, ptr) -> None:
        """Free a reply xcb allocated."""
        self._free(ptr)

    def fileno(self) -> int:
        return self._xcb.xcb_get_file_descriptor(self._c)

    def _reply(self, fn, cookie):
        ptr = fn(self._c, cookie, None)
        if not ptr:
            raise XcbUnavailable("the X server sent no reply")
        return ptr

    def keyboard_mapping(self) -> dict[int, list[int]]:
        """keycode -> its keysyms (per group and level), as the X server maps them now."""
        count = self.max_keycode - self.min_keycode + 1
        ptr = self._reply(self._xcb.xcb_get_keyboard_mapping_reply,
                          self._xcb.xcb_get_keyboard_mapping(self._c, self.min_keycode, count))
        try:
            per = _ReplyHeader.from_address(ptr).byte1
            syms = self._xcb.xcb_get_keyboard_mapping_keysyms(ptr)
            total = self._xcb.xcb_get_keyboard_mapping_keysyms_length(ptr)
            return {self.min_keycode + i: [syms[i * per + j] for j in range(per)] for i in range(total // max(per, 1))}
        finally:
            self._free(ptr)

    def modifier_mapping(self) -> list[list[int]]:
        """For each of the 8 modifier bits (Shift, Lock, Control, Mod1..Mod5), its keycodes."""
        ptr = self._reply(self._xcb.xcb_get_modifier_mapping_reply, self._xcb.xcb_get_modifier_mapping(self._c))
        try:
            per = _ReplyHeader.from_address(ptr).byte1
            codes = self._xcb.xcb_get_modifier_mapping_keycodes(ptr)
            return [[codes[m * per + k] for k in range(per) if codes[m * per + k]] for m in range(8)]
        finally:
            self._free(ptr)

    def grab_key(self, keycode: int, modifiers: int) -> int:
        """Grab on the root window; returns 0 or the X error code (10 = BadAccess: someone has it)."""
        cookie = self._xcb.xcb_grab_key_checked(self._c, 1, self.root, modifiers, keycode, GRAB_MODE_ASYNC, GRAB_MODE_ASYNC)
        return self._check(cookie)

    def ungrab_key(self, keycode: int, modifiers: int) -> int:
        return self._check(self._xcb.xcb_ungrab_key_checked(self._c, keycode, self.root, modifiers))

    def _check(self, cookie) -> int:
        err = self._xcb.xcb_request_check(self._c, cookie)
        if not err:
            return 0
        code = _Error.from_address(err).error_code
        self._free(err)
        return code

    def selection_owner(self, selection: str) -> int:
        name = selection.encode()
        atom_ptr = self._reply(self._xcb.xcb_intern_atom_reply, self._xcb.xcb_intern_atom(self._c, 0, len(name), name))
        atom = _AtomReply.from_address(atom_ptr).value
        self._free(atom_ptr)
        owner_ptr = self._reply(self._xcb.xcb_get_selection_owner_reply, self._xcb.xcb_get_selection_owner(self._c, atom))
        owner = _AtomReply.from_address(owner_ptr).value
        self._free(owner_ptr)
        return owner

    def flush(self) -> None:
        self._xcb.xcb_flush(self._c)

    def events(self) -> list[KeyEvent]:
        """Every event xcb has read so far (call when the socket is readable, and after requests)."""
        found = []
        while self._c:
            ptr = self._xcb.xcb_poll_for_event(self._c)
            if not ptr:
                break
            ev = _Event.from_address(ptr)
            kind = ev.response_type & 0x7F
            if kind in (KEY_PRESS, KEY_RELEASE):
                found.append(KeyEvent(kind, ev.detail, ev.state, ev.time))
            elif kind == MAPPING_NOTIFY:
                found.append(KeyEvent(kind, 0, 0, 0))
            self._free(ptr)
        if self._c and self._xcb.xcb_connection_has_error(self._c):
            raise XcbUnavailable("the X connection broke")
        return found
