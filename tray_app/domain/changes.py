"""Telling the user what changed in awork without them: another device, or awork's auto-stop."""

from __future__ import annotations

from datetime import timedelta

from .entities import TimeEntry
from .timer import TimerState, describe, timer_state

AUTO_STOP = timedelta(hours=24)


def remote_change(old: TimeEntry | None, new: TimeEntry | None) -> str | None:
    """A short sentence for a notification, or None when nothing worth telling changed."""
    before, after = timer_state(old), timer_state(new)
    what = describe(new) or "your timer"
    same_entry = old is not None and new is not None and old.id == new.id
    if after is not TimerState.IDLE and not same_entry:
        return f"Timer started in awork: {what}"
    if not same_entry:
        # A different, finished entry: ours (if one ran) was ended by a start elsewhere, then
        # that one was stopped too, all between two polls.
        return f"Timer stopped in awork: {describe(old) or 'your timer'}" if before is not TimerState.IDLE else None
    if before is not TimerState.IDLE and after is TimerState.IDLE:
        if new.end is not None and new.end - new.start >= AUTO_STOP - timedelta(minutes=1):
            return f"awork stopped your timer after 24 hours: {what}"
        return f"Timer stopped in awork: {what}"
    if before is TimerState.RUNNING and after is TimerState.PAUSED:
        return f"Timer paused in awork: {what}"
    if before is TimerState.PAUSED and after is TimerState.RUNNING:
        return f"Timer resumed in awork: {what}"
    return None


def fingerprint(entry: TimeEntry | None) -> tuple:
    """Changes whenever awork's entry changes: another entry, a new break, an end, an edit."""
    if entry is None:
        return (None, None, TimerState.IDLE.value, 0)
    updated = entry.updated.isoformat() if entry.updated else None
    return (entry.id, updated, timer_state(entry).value, len(entry.breaks))
