"""Telling the user what changed in awork without them: another device, or awork's auto-stop."""

from __future__ import annotations

from datetime import timedelta

from .entities import TimeEntry
from .timer import TimerState, describe, timer_state

AUTO_STOP = timedelta(hours=24)


def _untranslated(context: str, text: str) -> str:
    return text


def remote_change(old: TimeEntry | None, new: TimeEntry | None, translate=_untranslated) -> str | None:
    """A short sentence for a notification, or None when nothing worth telling changed.

    `translate(context, text)` is tray_app.i18n's; passed in because the domain imports nothing
    of ours, and named so that lupdate collects these sentences."""
    before, after = timer_state(old), timer_state(new)
    what = describe(new) or translate("RemoteChange", "your timer")
    same_entry = old is not None and new is not None and old.id == new.id
    if after is not TimerState.IDLE and not same_entry:
        return translate("RemoteChange", "Timer started in awork: {0}").format(what)
    if not same_entry:
        # A different, finished entry: ours (if one ran) was ended by a start elsewhere, then
        # that one was stopped too, all between two polls.
        if before is TimerState.IDLE:
            return None
        return translate("RemoteChange", "Timer stopped in awork: {0}").format(
            describe(old) or translate("RemoteChange", "your timer"))
    if before is not TimerState.IDLE and after is TimerState.IDLE:
        if new.end is not None and new.end - new.start >= AUTO_STOP - timedelta(minutes=1):
            return translate("RemoteChange", "awork stopped your timer after 24 hours: {0}").format(what)
        return translate("RemoteChange", "Timer stopped in awork: {0}").format(what)
    if before is TimerState.RUNNING and after is TimerState.PAUSED:
        return translate("RemoteChange", "Timer paused in awork: {0}").format(what)
    if before is TimerState.PAUSED and after is TimerState.RUNNING:
        return translate("RemoteChange", "Timer resumed in awork: {0}").format(what)
    return None


def fingerprint(entry: TimeEntry | None) -> tuple:
    """Changes whenever awork's entry changes: another entry, a new break, an end, an edit."""
    if entry is None:
        return (None, None, TimerState.IDLE.value, 0)
    updated = entry.updated.isoformat() if entry.updated else None
    return (entry.id, updated, timer_state(entry).value, len(entry.breaks))
