"""Keeps the shortcuts bound as the settings say, and remembers how each one fared."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Signal

from . import create_backend
from .base import Binding, HotkeyBackend, HotkeyStatus


class HotkeyManager(QObject):
    activated = Signal(str)  # the hotkey's id
    statuses_changed = Signal()

    def __init__(self, backend_factory: Callable[..., HotkeyBackend] = create_backend, parent: QObject | None = None):
        super().__init__(parent)
        self.statuses: dict[str, HotkeyStatus] = {}
        self.bindings: list[Binding] = []
        self._suspended = False
        self.backend = backend_factory(self._activated, self._status)

    @property
    def backend_name(self) -> str:
        return self.backend.name

    def apply(self, bindings: list[Binding]) -> None:
        self.bindings = list(bindings)
        if not self._suspended:
            self.backend.bind(self.bindings)

    def suspend(self) -> None:
        """While a shortcut is being recorded: our own grab would swallow the keys being typed."""
        if not self._suspended and hasattr(self.backend, "unregister_all"):
            self._suspended = True
            self.backend.unregister_all()

    def resume(self) -> None:
        if self._suspended:
            self._suspended = False
            self.backend.bind(self.bindings)

    def close(self) -> None:
        self.backend.close()

    def _activated(self, hotkey_id: str) -> None:
        if not self._suspended:
            self.activated.emit(hotkey_id)

    def _status(self, hotkey_id: str, status: HotkeyStatus) -> None:
        if self.statuses.get(hotkey_id) != status:
            self.statuses[hotkey_id] = status
            self.statuses_changed.emit()
