"""The timer as the user intends it while awork cannot be told yet (the offline queue)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from .entities import Break, Task, TimeEntry, TypeOfWork
from .timer import TimerState, timer_state

PENDING_ID = "pending"


def apply_intent(
    entry: TimeEntry | None,
    kind: str,
    at: datetime,
    *,
    type_of_work: TypeOfWork | None = None,
    task: Task | None = None,
    note: str | None = None,
) -> TimeEntry | None:
    """The entry after the user's `kind` action at `at`, following awork's own rules:
    a start ends a running or paused timer, pause/resume/stop of nothing change nothing."""
    state = timer_state(entry)
    if kind == "start":
        return TimeEntry(
            id=PENDING_ID,
            start=at,
            type_of_work=type_of_work,
            task=task,
            project=task.project if task else None,
            note=note,
        )
    if state is TimerState.IDLE:
        return entry
    if kind == "pause" and state is TimerState.RUNNING:
        return replace(entry, breaks=entry.breaks + (Break(start=at),))
    if kind == "resume" and state is TimerState.PAUSED:
        last = entry.breaks[-1]
        return replace(entry, breaks=entry.breaks[:-1] + (Break(last.start, max(at, last.start)),))
    if kind == "stop":
        breaks = entry.breaks
        if state is TimerState.PAUSED:
            breaks = breaks[:-1] + (Break(breaks[-1].start, max(at, breaks[-1].start)),)
        return replace(entry, end=max(at, entry.start), breaks=breaks)
    return entry
