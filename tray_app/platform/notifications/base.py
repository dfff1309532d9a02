"""What every notification backend offers, and the one that is Qt's own message by the icon."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

Balloon = Callable[[str, str, bool], None]  # (title, text, warning)


class Notifier(Protocol):
    def notify(self, title: str, text: str, *, warning: bool = True) -> None:
        """Show a message; returns at once, never raises, never waits on the desktop."""

    async def close(self) -> None:
        """Let go of whatever connection the backend holds."""


class BalloonNotifier:
    """Windows and macOS: QSystemTrayIcon.showMessage is the platform's notification there."""

    def __init__(self, balloon: Balloon):
        self._balloon = balloon

    def notify(self, title: str, text: str, *, warning: bool = True) -> None:
        self._balloon(title, text, warning)

    async def close(self) -> None:
        return None
