"""Words the core shows for its own states and actions, in the app's language (tray_app.i18n)."""

from __future__ import annotations

from ..i18n import translate


def busy_text(action: str | None) -> str:
    """What the popover and the command line say while `action` is on its way to awork."""
    if action == "start":
        return translate("Busy", "Starting…")
    if action == "pause":
        return translate("Busy", "Pausing…")
    if action == "resume":
        return translate("Busy", "Resuming…")
    if action == "stop":
        return translate("Busy", "Stopping…")
    return translate("Busy", "Working…")


def action_name(kind: str) -> str:
    """A queued action by name, inside a sentence ("Your offline stop at 14:05 …")."""
    if kind == "start":
        return translate("Action", "start")
    if kind == "pause":
        return translate("Action", "pause")
    if kind == "resume":
        return translate("Action", "resume")
    if kind == "stop":
        return translate("Action", "stop")
    return kind


def waiting_text(action: str, seconds: int) -> str:
    """A user's action held back by awork's rate limit, counting down to when it is sent."""
    if action == "start":
        return translate("Busy", "awork is busy — starting in {0} s").format(seconds)
    if action == "pause":
        return translate("Busy", "awork is busy — pausing in {0} s").format(seconds)
    if action == "resume":
        return translate("Busy", "awork is busy — resuming in {0} s").format(seconds)
    if action == "stop":
        return translate("Busy", "awork is busy — stopping in {0} s").format(seconds)
    return translate("Busy", "awork is busy — asking again in {0} s").format(seconds)


def held_text(action: str, seconds: float) -> str:
    """A user's action queued because awork's rate limit lasts too long to wait for it."""
    return translate("Busy", "awork is busy (too many requests) for {0} s. Your {1} is queued and sent to awork "
                             "after that.").format(max(round(seconds), 1), action_name(action))
