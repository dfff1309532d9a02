"""What every hotkey backend offers, and the bookkeeping the per-OS backends share."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable, Protocol

from ...i18n import translate
from .chord import Chord

log = logging.getLogger(__name__)

ACTIVE, PENDING, OFF, UNAVAILABLE = "active", "pending", "off", "unavailable"


@dataclass(frozen=True)
class HotkeyStatus:
    state: str  # ACTIVE, PENDING (the desktop is asking the user), OFF (no shortcut set) or UNAVAILABLE
    message: str = ""  # why it is unavailable, or what the desktop bound it to

    @property
    def active(self) -> bool:
        return self.state == ACTIVE


@dataclass(frozen=True)
class Binding:
    id: str  # "quick_start", "toggle"
    description: str  # shown by the desktop (portal) next to the shortcut
    sequence: str  # Qt portable text; "" = no shortcut


Activated = Callable[[str], None]
StatusReport = Callable[[str, HotkeyStatus], None]


class HotkeyBackend(Protocol):
    name: str

    def bind(self, bindings: list[Binding]) -> None:
        """Replace every shortcut with `bindings`; each one's status arrives through the status callback."""

    def close(self) -> None:
        ...


class ChordBackend:
    """For backends that register one chord at a time and know at once whether it worked."""

    name = "chord"

    def __init__(self, on_activated: Activated, on_status: StatusReport):
        self.on_activated = on_activated
        self.on_status = on_status
        self.bindings: list[Binding] = []

    def bind(self, bindings: list[Binding]) -> None:
        self.unregister_all()
        self.bindings = list(bindings)
        seen: dict[Chord, str] = {}
        for binding in bindings:
            if not binding.sequence:
                self.on_status(binding.id, HotkeyStatus(OFF))
                continue
            try:
                chord = Chord.parse(binding.sequence)
            except ValueError as exc:
                self.on_status(binding.id, HotkeyStatus(UNAVAILABLE, str(exc)))
                continue
            if chord in seen:
                self.on_status(binding.id, HotkeyStatus(UNAVAILABLE, used_for(binding.sequence, seen[chord])))
                continue
            problem = self.register(binding.id, chord)
            if problem:
                log.warning("hotkey %s (%s) not registered: %s", binding.id, binding.sequence, problem)
                self.on_status(binding.id, HotkeyStatus(UNAVAILABLE, problem))
            else:
                seen[chord] = binding.description
                log.info("hotkey %s registered: %s (%s)", binding.id, binding.sequence, self.name)
                self.on_status(binding.id, HotkeyStatus(ACTIVE))

    def register(self, hotkey_id: str, chord: Chord) -> str | None:
        """Returns None when the chord is registered, else why not (for the user)."""
        raise NotImplementedError

    def unregister_all(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.unregister_all()


class NoHotkeys:
    """Where no backend works: every shortcut says why, and the settings offer the command instead."""

    name = "none"

    def __init__(self, on_status: StatusReport, reason: str):
        self.on_status = on_status
        self.reason = reason

    def bind(self, bindings: list[Binding]) -> None:
        for binding in bindings:
            self.on_status(binding.id, HotkeyStatus(OFF if not binding.sequence else UNAVAILABLE, self.reason))

    def close(self) -> None:
        pass


def taken(chord: Chord) -> str:
    return translate("Hotkeys", "Another program already uses {0}. Choose another shortcut.").format(chord.portable())


def used_for(sequence: str, description: str) -> str:
    return translate("Hotkeys", "{0} is already used for “{1}”.").format(sequence, description)
