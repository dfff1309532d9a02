"""X11: a passive key grab on the root window (XGrabKey), the way desktop environments do it.

A grab, not a keylogger: the X server sends us only the grabbed chords, and swallows them. The
grab is made once per "ignored" modifier state too (NumLock, CapsLock, ScrollLock), because X
matches modifiers exactly and the chord would otherwise stop working while NumLock is on.
"""

from __future__ import annotations

import itertools
import logging

from PySide6.QtCore import QSocketNotifier

from ...i18n import translate
from ..xcb import BAD_ACCESS, KEY_PRESS, KEY_RELEASE, MAPPING_NOTIFY, XcbConnection, XcbUnavailable
from .base import UNAVAILABLE, Activated, ChordBackend, HotkeyStatus, StatusReport, taken
from .chord import Chord

log = logging.getLogger(__name__)

SHIFT, LOCK, CONTROL = 1, 2, 4
NUM_LOCK, SCROLL_LOCK = 0xFF7F, 0xFF14
ALT_SYMS = {0xFFE9, 0xFFEA, 0xFFE7}  # Alt_L, Alt_R, Meta_L
SUPER_SYMS = {0xFFEB, 0xFFEC}  # Super_L, Super_R


class X11Hotkeys(ChordBackend):
    name = "x11"

    def __init__(self, on_activated: Activated, on_status: StatusReport, *, display: str | None = None,
                 connection: XcbConnection | None = None):
        super().__init__(on_activated, on_status)
        self.conn = connection or XcbConnection(display)
        self._grabs: dict[str, list[tuple[int, int]]] = {}
        self._wanted: dict[tuple[int, int], str] = {}  # (keycode, modifiers without ignored ones) -> id
        self._released_at: dict[int, int] = {}
        self._read_keymap()
        self._notifier = QSocketNotifier(self.conn.fileno(), QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._dispatch)

    def _read_keymap(self) -> None:
        self._keymap = self.conn.keyboard_mapping()
        bits = {sym: 0 for sym in (NUM_LOCK, SCROLL_LOCK)}
        self.alt_mask, self.super_mask = 1 << 3, 1 << 6  # Mod1 and Mod4, unless the map says otherwise
        found_alt = found_super = False
        for index, keycodes in enumerate(self.conn.modifier_mapping()):
            if index < 3:
                continue  # Shift, Lock, Control are fixed
            syms = {s for code in keycodes for s in self._keymap.get(code, [])}
            for sym in bits:
                if sym in syms:
                    bits[sym] |= 1 << index
            if syms & ALT_SYMS and not found_alt:
                self.alt_mask, found_alt = 1 << index, True
            if syms & SUPER_SYMS and not found_super:
                self.super_mask, found_super = 1 << index, True
        self.ignored = [LOCK] + [b for b in bits.values() if b]

    def _modifiers(self, chord: Chord) -> int:
        table = {"shift": SHIFT, "ctrl": CONTROL, "alt": self.alt_mask, "meta": self.super_mask}
        return sum(table[m] for m in chord.modifiers)

    def _keycodes(self, keysym: int) -> list[int]:
        # The unshifted level first: "A" is grabbed on the key that types "a".
        for level in (0, 1):
            codes = [code for code, syms in sorted(self._keymap.items()) if len(syms) > level and syms[level] == keysym]
            if codes:
                return codes
        return []

    def register(self, hotkey_id: str, chord: Chord) -> str | None:
        keycodes = self._keycodes(chord.key.x11)
        if not keycodes:
            return translate("Hotkeys", "This keyboard layout has no key for {0}.").format(chord.key.name)
        base = self._modifiers(chord)
        variants = [sum(c) for n in range(len(self.ignored) + 1) for c in itertools.combinations(self.ignored, n)]
        done: list[tuple[int, int]] = []
        for keycode in keycodes:
            for extra in variants:
                error = self.conn.grab_key(keycode, base | extra)
                if error:
                    for grabbed in done:
                        self.conn.ungrab_key(*grabbed)
                    self._dispatch()
                    if error == BAD_ACCESS:
                        return taken(chord)
                    return translate("Hotkeys", "The X server refused the shortcut (error {0}).").format(error)
                done.append((keycode, base | extra))
            self._wanted[(keycode, base)] = hotkey_id
        self._grabs[hotkey_id] = done
        self._dispatch()  # replies may have brought events along: xcb queued them, no wake-up will come
        return None

    def unregister_all(self) -> None:
        for grabs in self._grabs.values():
            for keycode, modifiers in grabs:
                self.conn.ungrab_key(keycode, modifiers)
        self._grabs.clear()
        self._wanted.clear()
        self.conn.flush()

    def close(self) -> None:
        self.unregister_all()
        self._notifier.setEnabled(False)
        self.conn.close()

    def _dispatch(self, *_):
        ignored = sum(set(self.ignored))
        remap = False
        try:
            events = self.conn.events()
        except XcbUnavailable as exc:  # the X server went away: stop listening, say so
            log.warning("global shortcuts: %s", exc)
            self._notifier.setEnabled(False)
            for binding in self.bindings:
                self.on_status(binding.id, HotkeyStatus(UNAVAILABLE, translate("Hotkeys", "The connection to the X server broke.")))
            return
        for event in events:
            if event.kind == MAPPING_NOTIFY:
                remap = True
            elif event.kind == KEY_RELEASE:
                self._released_at[event.keycode] = event.time
            elif event.kind == KEY_PRESS:
                if self._released_at.get(event.keycode) == event.time:
                    continue  # auto-repeat: X sends release+press with one timestamp while held
                hotkey_id = self._wanted.get((event.keycode, event.state & ~ignored & 0xFF))
                if hotkey_id:
                    log.info("hotkey %s pressed", hotkey_id)
                    self.on_activated(hotkey_id)
        if remap:
            log.info("keyboard mapping changed: grabbing the shortcuts again")
            self._read_keymap()
            self.bind(self.bindings)
