"""Windows: RegisterHotKey on the GUI thread, WM_HOTKEY picked up by a native event filter.

With no window handle Windows posts WM_HOTKEY to the thread's queue, and Qt's event dispatcher
hands every message it takes from there to the installed native event filters. No permission is
needed; a chord another program registered first fails with ERROR_HOTKEY_ALREADY_REGISTERED.
"""

from __future__ import annotations

import ctypes
import logging
from typing import Callable

from PySide6.QtCore import QAbstractNativeEventFilter

from ...i18n import translate
from .base import Activated, ChordBackend, StatusReport, taken
from .chord import Chord

log = logging.getLogger(__name__)

WM_HOTKEY = 0x0312
MOD_ALT, MOD_CONTROL, MOD_SHIFT, MOD_WIN, MOD_NOREPEAT = 0x1, 0x2, 0x4, 0x8, 0x4000
ERROR_HOTKEY_ALREADY_REGISTERED = 1409
FIRST_ID = 0xA000  # our ids; the range 0x0000-0xBFFF is for applications


class _MSG(ctypes.Structure):  # wintypes.MSG, spelled out so the tests can build one on any OS
    _fields_ = [("hWnd", ctypes.c_void_p), ("message", ctypes.c_uint), ("wParam", ctypes.c_size_t),
                ("lParam", ctypes.c_ssize_t), ("time", ctypes.c_uint32), ("pt_x", ctypes.c_long), ("pt_y", ctypes.c_long)]


class HotkeyMessageFilter(QAbstractNativeEventFilter):
    def __init__(self, on_hotkey: Callable[[int], bool]):
        super().__init__()
        self.on_hotkey = on_hotkey

    def nativeEventFilter(self, event_type, message):
        if bytes(event_type) in (b"windows_generic_MSG", b"windows_dispatcher_MSG") and message:
            msg = _MSG.from_address(int(message))
            if msg.message == WM_HOTKEY and self.on_hotkey(int(msg.wParam)):
                return True, 0
        return False, 0


class WindowsHotkeys(ChordBackend):
    name = "windows"

    def __init__(self, on_activated: Activated, on_status: StatusReport, *, user32=None,
                 last_error: Callable[[], int] | None = None, install_filter: Callable[[QAbstractNativeEventFilter], None] | None = None):
        super().__init__(on_activated, on_status)
        if user32 is None:
            user32 = ctypes.WinDLL("user32", use_last_error=True)
            last_error = ctypes.get_last_error
        self.user32 = user32
        self.last_error = last_error or (lambda: 0)
        self._ids: dict[int, str] = {}
        self._next = FIRST_ID
        self.filter = HotkeyMessageFilter(self._hotkey)
        if install_filter is None:
            from PySide6.QtCore import QCoreApplication

            install_filter = QCoreApplication.instance().installNativeEventFilter
        install_filter(self.filter)

    def _vk(self, chord: Chord) -> int | None:
        if chord.key.windows is not None:
            return chord.key.windows
        scan = self.user32.VkKeyScanW(ord(chord.key.name))  # punctuation: where it is on this layout
        return None if scan == -1 or scan & 0xFF == 0xFF else scan & 0xFF

    def register(self, hotkey_id: str, chord: Chord) -> str | None:
        vk = self._vk(chord)
        if vk is None:
            return translate("Hotkeys", "This keyboard layout has no key for {0}.").format(chord.key.name)
        table = {"alt": MOD_ALT, "ctrl": MOD_CONTROL, "shift": MOD_SHIFT, "meta": MOD_WIN}
        mods = sum(table[m] for m in chord.modifiers) | MOD_NOREPEAT  # holding the keys fires once
        number = self._next
        self._next += 1
        if not self.user32.RegisterHotKey(None, number, mods, vk):
            error = self.last_error()
            if error == ERROR_HOTKEY_ALREADY_REGISTERED:
                return taken(chord)
            return translate("Hotkeys", "Windows refused the shortcut (error {0}).").format(error)
        self._ids[number] = hotkey_id
        return None

    def unregister_all(self) -> None:
        for number in self._ids:
            self.user32.UnregisterHotKey(None, number)
        self._ids.clear()

    def _hotkey(self, number: int) -> bool:
        hotkey_id = self._ids.get(number)
        if hotkey_id is None:
            return False
        self.on_activated(hotkey_id)
        return True
