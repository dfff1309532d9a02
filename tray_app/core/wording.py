"""Words the core shows for its own states and actions, in the app's language (tray_app.i18n).

`ACTIONS` is the one table of the timer actions: what each is called in a sentence, while it is on
its way, while awork's rate limit holds it back, and its command on the command line. Everything
that names an action reads it from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..domain.actions import TimerAction
from ..i18n import translate


@dataclass(frozen=True)
class ActionWords:
    # Functions, not strings: the language may change while the app runs.
    name: Callable[[], str]  # inside a sentence ("Your offline stop at 14:05 …")
    busy: Callable[[], str]  # on its way to awork ("Stopping…")
    waiting: Callable[[], str]  # held back by a rate limit, {0} seconds to go
    command: str  # `awork-tray <command>`


ACTIONS: dict[TimerAction, ActionWords] = {
    TimerAction.START: ActionWords(
        name=lambda: translate("Action", "start"),
        busy=lambda: translate("Busy", "Starting…"),
        waiting=lambda: translate("Busy", "awork is busy — starting in {0} s"),
        command="start",
    ),
    TimerAction.PAUSE: ActionWords(
        name=lambda: translate("Action", "pause"),
        busy=lambda: translate("Busy", "Pausing…"),
        waiting=lambda: translate("Busy", "awork is busy — pausing in {0} s"),
        command="pause",
    ),
    TimerAction.RESUME: ActionWords(
        name=lambda: translate("Action", "resume"),
        busy=lambda: translate("Busy", "Resuming…"),
        waiting=lambda: translate("Busy", "awork is busy — resuming in {0} s"),
        command="resume",
    ),
    TimerAction.STOP: ActionWords(
        name=lambda: translate("Action", "stop"),
        busy=lambda: translate("Busy", "Stopping…"),
        waiting=lambda: translate("Busy", "awork is busy — stopping in {0} s"),
        command="stop",
    ),
    TimerAction.EDIT: ActionWords(
        name=lambda: translate("Action", "change of the timer"),
        busy=lambda: translate("Busy", "Saving…"),
        waiting=lambda: translate("Busy", "awork is busy — saving in {0} s"),
        command="edit",
    ),
    TimerAction.DISCARD: ActionWords(
        name=lambda: translate("Action", "discard"),
        busy=lambda: translate("Busy", "Discarding…"),
        waiting=lambda: translate("Busy", "awork is busy — discarding in {0} s"),
        command="discard",
    ),
}


# What the core runs for a front end (the command line, a running tray's remote control): the timer
# actions by their commands, and the commands built on them. `show` and the sign-in are not here.
TIMER_INTENTS = ("status", *(words.command for words in ACTIONS.values()), "toggle", "continue", "whoami", "today")


def _words(action: TimerAction | str | None) -> ActionWords | None:
    try:
        return ACTIONS[TimerAction(action)]
    except ValueError:
        return None  # no action (a read), or not one of the timer actions


def busy_text(action: TimerAction | str | None) -> str:
    """What the popover and the command line say while `action` is on its way to awork."""
    words = _words(action)
    return words.busy() if words else translate("Busy", "Working…")


def action_name(action: TimerAction | str) -> str:
    """A queued action by name, inside a sentence ("Your offline stop at 14:05 …")."""
    words = _words(action)
    return words.name() if words else str(action)


def waiting_text(action: TimerAction | str | None, seconds: int) -> str:
    """A user's action held back by awork's rate limit, counting down to when it is sent; no
    action (None or ""): the read that decides what a toggle does."""
    words = _words(action)
    text = words.waiting() if words else translate("Busy", "awork is busy — asking again in {0} s")
    return text.format(seconds)


def held_text(action: TimerAction | str, seconds: float) -> str:
    """A user's action queued because awork's rate limit lasts too long to wait for it."""
    return translate("Busy", "awork is busy (too many requests) for {0} s. Your {1} is queued and sent to awork "
                             "after that.").format(max(round(seconds), 1), action_name(action))


def keychain_waiting_text() -> str:
    """While a keychain call waits for the user to answer its password prompt."""
    return translate("Keychain", "Waiting for the keychain to be unlocked…")
