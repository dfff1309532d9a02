"""Telling the user what changed in awork without them: another device, or awork's auto-stop."""

from __future__ import annotations

from datetime import datetime, timedelta

from .entities import TimeEntry
from .timer import TimerState, describe, is_manual, timer_state

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


def timer_changed(baseline: tuple | None, entry: TimeEntry | None) -> bool:
    """Did the *timer* change since `baseline` (a fingerprint): started, stopped, paused, resumed,
    or another entry? An edit of the note or the type of work in the web app is no change of the
    timer, and neither is a manual entry added while no timer ran."""
    if baseline is None:
        return False
    old_id, _, old_state, old_breaks = baseline
    new_id, _, state, breaks = fingerprint(entry)
    if old_state != state:
        return True
    if state == TimerState.IDLE.value and entry is not None and new_id != old_id and is_manual(entry):
        return False
    return (old_id, old_breaks) != (new_id, breaks)


def timer_changed_at(entry: TimeEntry | None) -> datetime | None:
    """When awork's timer last changed: the latest start, pause, resume or stop of `entry` (not
    updatedOn, which an edit of the note moves too)."""
    if entry is None:
        return None
    moments = [entry.start] + ([entry.end] if entry.end is not None else [])
    for brk in entry.breaks:
        moments += [brk.start] + ([brk.end] if brk.end is not None else [])
    return max(moments)
