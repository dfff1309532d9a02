"""What every notification backend offers, and the one that is Qt's own message by the icon.

A message may offer actions (a reminder's Continue / Open quick start). The first is the default:
what a click on the message itself does, which is all Qt's own message can offer (Windows and
macOS, where QSystemTrayIcon.messageClicked says the message was clicked).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Protocol

from ...i18n import translate

log = logging.getLogger(__name__)

Balloon = Callable[[str, str, bool], None]  # (title, text, warning)
Action = tuple[str, str]  # (key, label); the first of a message's actions is its default
ActionHandler = Callable[[str], None]  # called with the key of the action the user picked


class Notifier(Protocol):
    def notify(self, title: str, text: str, *, warning: bool = True, actions: Sequence[Action] = (),
               on_action: ActionHandler | None = None) -> None:
        """Show a message; returns at once, never raises, never waits on the desktop.

        With `actions`, `on_action(key)` is called on the event loop when the user picks one, at
        most once per message, and never after a later message has replaced it."""

    def clicked(self) -> None:
        """Qt's own message by the icon was clicked (QSystemTrayIcon.messageClicked)."""

    async def close(self) -> None:
        """Let go of whatever connection the backend holds."""


def run_action(handler: ActionHandler, key: str) -> None:
    """The user's choice reaches the app; a mistake in the app never reaches the desktop's side."""
    try:
        handler(key)
    except Exception:  # logged, never a traceback on the user's screen
        log.exception("a notification's action failed")


class BalloonClicks:
    """Qt's message by the icon has no buttons: a click on it picks the default action, and the
    text says what that click does. Only the latest message counts."""

    def __init__(self, balloon: Balloon):
        self._balloon = balloon
        self._pending: tuple[ActionHandler, str] | None = None

    def show(self, title: str, text: str, warning: bool, actions: Sequence[Action] = (),
             on_action: ActionHandler | None = None) -> None:
        self._pending = (on_action, actions[0][0]) if actions and on_action is not None else None
        if self._pending is not None:
            text += "\n" + translate("Notifications", "Click here: {0}").format(actions[0][1])
        self._balloon(title, text, warning)

    def clicked(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            run_action(*pending)


class BalloonNotifier:
    """Windows and macOS: QSystemTrayIcon.showMessage is the platform's notification there."""

    def __init__(self, balloon: Balloon):
        self._balloons = BalloonClicks(balloon)

    def notify(self, title: str, text: str, *, warning: bool = True, actions: Sequence[Action] = (),
               on_action: ActionHandler | None = None) -> None:
        self._balloons.show(title, text, warning, actions, on_action)

    def clicked(self) -> None:
        self._balloons.clicked()

    async def close(self) -> None:
        return None
