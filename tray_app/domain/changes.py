"""Telling the user what changed in awork without them: another device, or awork's auto-stop."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import NamedTuple

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


class Fingerprint(NamedTuple):
    """What awork's entry was at one moment, small enough to keep on disk (a JSON list of four)."""

    entry_id: str | None
    updated: str | None  # awork's updatedOn, ISO 8601
    state: str  # a TimerState value
    breaks: int

    @property
    def timer_state(self) -> TimerState:
        return TimerState(self.state)


def fingerprint(entry: TimeEntry | None) -> Fingerprint:
    """Changes whenever awork's entry changes: another entry, a new break, an end, an edit."""
    if entry is None:
        return Fingerprint(None, None, TimerState.IDLE.value, 0)
    updated = entry.updated.isoformat() if entry.updated else None
    return Fingerprint(entry.id, updated, timer_state(entry).value, len(entry.breaks))


def timer_changed(baseline: Fingerprint | None, entry: TimeEntry | None) -> bool:
    """Did the *timer* change since `baseline`: started, stopped, paused, resumed, or another
    entry? An edit of the note or the type of work in the web app is no change of the timer, and
    neither is a manual entry added while no timer ran."""
    if baseline is None:
        return False
    now = fingerprint(entry)
    if baseline.state != now.state:
        return True
    if now.state == TimerState.IDLE.value and entry is not None and now.entry_id != baseline.entry_id \
            and is_manual(entry):
        return False
    return (baseline.entry_id, baseline.breaks) != (now.entry_id, now.breaks)


def timer_changed_at(entry: TimeEntry | None) -> datetime | None:
    """When awork's timer last changed: the latest start, pause, resume or stop of `entry` (not
    updatedOn, which an edit of the note moves too)."""
    if entry is None:
        return None
    moments = [entry.start] + ([entry.end] if entry.end is not None else [])
    for brk in entry.breaks:
        moments += [brk.start] + ([brk.end] if brk.end is not None else [])
    return max(moments)
