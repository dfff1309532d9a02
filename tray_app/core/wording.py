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
