"""macOS: Carbon's RegisterEventHotKey, through ctypes.

Still the only global-hotkey API that needs no Accessibility or Input Monitoring permission (event
taps and NSEvent monitors need one) and that swallows the chord. Its handler runs on the main run
loop, which Qt's Cocoa event dispatcher drives.
"""

from __future__ import annotations

import ctypes
import logging

from ...i18n import translate
from .base import Activated, ChordBackend, StatusReport, taken
from .chord import Chord

log = logging.getLogger(__name__)


def fourcc(code: bytes) -> int:
    return int.from_bytes(code, "big")


K_EVENT_CLASS_KEYBOARD = fourcc(b"keyb")
K_EVENT_HOTKEY_PRESSED = 5
K_EVENT_PARAM_DIRECT_OBJECT = fourcc(b"----")
TYPE_EVENT_HOTKEY_ID = fourcc(b"hkid")
SIGNATURE = fourcc(b"AwTr")
EVENT_HOTKEY_EXISTS_ERR = -9878
CMD_KEY, SHIFT_KEY, OPTION_KEY, CONTROL_KEY = 0x0100, 0x0200, 0x0800, 0x1000


class EventTypeSpec(ctypes.Structure):
    _fields_ = [("eventClass", ctypes.c_uint32), ("eventKind", ctypes.c_uint32)]


class EventHotKeyID(ctypes.Structure):
    _fields_ = [("signature", ctypes.c_uint32), ("id", ctypes.c_uint32)]


HANDLER = ctypes.CFUNCTYPE(ctypes.c_int32, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)


def load_carbon():
    carbon = ctypes.CDLL("/System/Library/Frameworks/Carbon.framework/Carbon")
    carbon.GetApplicationEventTarget.restype = ctypes.c_void_p
    carbon.InstallEventHandler.argtypes = [ctypes.c_void_p, HANDLER, ctypes.c_uint32, ctypes.POINTER(EventTypeSpec),
                                           ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)]
    carbon.RegisterEventHotKey.argtypes = [ctypes.c_uint32, ctypes.c_uint32, EventHotKeyID, ctypes.c_void_p,
                                           ctypes.c_uint32, ctypes.POINTER(ctypes.c_void_p)]
    carbon.UnregisterEventHotKey.argtypes = [ctypes.c_void_p]
    carbon.GetEventParameter.argtypes = [ctypes.c_void_p, ctypes.c_uint32, ctypes.c_uint32, ctypes.c_void_p,
                                         ctypes.c_size_t, ctypes.c_void_p, ctypes.c_void_p]
    return carbon


class MacHotkeys(ChordBackend):
    name = "macos"

    def __init__(self, on_activated: Activated, on_status: StatusReport, *, carbon=None):
        super().__init__(on_activated, on_status)
        self.carbon = carbon or load_carbon()
        self.target = self.carbon.GetApplicationEventTarget()
        self._refs: dict[int, tuple[str, ctypes.c_void_p]] = {}
        self._next = 1
        self._handler = HANDLER(self._on_event)  # kept: Carbon holds only the C pointer
        spec = EventTypeSpec(K_EVENT_CLASS_KEYBOARD, K_EVENT_HOTKEY_PRESSED)
        self._handler_ref = ctypes.c_void_p()
        status = self.carbon.InstallEventHandler(self.target, self._handler, 1, ctypes.byref(spec), None,
                                                 ctypes.byref(self._handler_ref))
        if status != 0:
            raise OSError(f"InstallEventHandler failed ({status})")

    def register(self, hotkey_id: str, chord: Chord) -> str | None:
        if chord.key.mac is None:
            return translate("Hotkeys", "Mac keyboards have no {0} key.").format(chord.key.name)
        # Qt's names: "Ctrl" is ⌘ Command on a Mac, "Meta" is ⌃ Control.
        table = {"ctrl": CMD_KEY, "shift": SHIFT_KEY, "alt": OPTION_KEY, "meta": CONTROL_KEY}
        mods = sum(table[m] for m in chord.modifiers)
        number = self._next
        self._next += 1
        ref = ctypes.c_void_p()
        status = self.carbon.RegisterEventHotKey(chord.key.mac, mods, EventHotKeyID(SIGNATURE, number), self.target, 0,
                                                 ctypes.byref(ref))
        if status == EVENT_HOTKEY_EXISTS_ERR:
            return taken(chord)
        if status != 0:
            return translate("Hotkeys", "macOS refused the shortcut (error {0}).").format(status)
        self._refs[number] = (hotkey_id, ref)
        return None

    def unregister_all(self) -> None:
        for _, ref in self._refs.values():
            self.carbon.UnregisterEventHotKey(ref)
        self._refs.clear()

    def _on_event(self, _call_ref, event, _user_data) -> int:
        hkid = EventHotKeyID()
        status = self.carbon.GetEventParameter(event, K_EVENT_PARAM_DIRECT_OBJECT, TYPE_EVENT_HOTKEY_ID, None,
                                               ctypes.sizeof(hkid), None, ctypes.byref(hkid))
        if status == 0 and hkid.signature == SIGNATURE and hkid.id in self._refs:
            self.on_activated(self._refs[hkid.id][0])
        return 0
