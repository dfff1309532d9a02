"""The timer as the user intends it while awork cannot be told yet (the offline queue)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Iterable

from .actions import QueuedEdit, QueuedStart, TimerAction
from .entities import Break, TimeEntry
from .timer import TimerState, timer_state

PENDING_ID = "pending"


def apply_intent(
    entry: TimeEntry | None, action: TimerAction, at: datetime, start: QueuedStart | None = None,
    edit: QueuedEdit | None = None,
) -> TimeEntry | None:
    """The entry after the user's `action` at `at`, following awork's own rules: a start (`start`
    says what it is about) ends a running or paused timer, pause/resume/stop of nothing change nothing.
    An edit or a discard (`edit`) changes only the entry it was made for."""
    state = timer_state(entry)
    if action in (TimerAction.EDIT, TimerAction.DISCARD):
        if state is TimerState.IDLE or edit is None or edit.entry_id != entry.id:
            return entry
        if action is TimerAction.DISCARD:
            return None
        return edit.change.applied(entry) if edit.change is not None else entry
    if action is TimerAction.START:
        task = start.task if start else None
        # A project known by its id alone would show as a blank: then the task or the type does.
        named = start.project if start and start.project and start.project.name else None
        return TimeEntry(
            id=PENDING_ID,
            start=at,
            type_of_work=start.type_of_work if start else None,
            task=task,
            project=(task.project if task else None) or named,
            note=start.request.note if start else None,
            is_billable=start.request.is_billable if start else None,
        )
    if state is TimerState.IDLE:
        return entry
    if action is TimerAction.PAUSE and state is TimerState.RUNNING:
        return replace(entry, breaks=(*entry.breaks, Break(start=at)))
    if action is TimerAction.RESUME and state is TimerState.PAUSED:
        last = entry.breaks[-1]
        return replace(entry, breaks=(*entry.breaks[:-1], Break(last.start, max(at, last.start))))
    if action is TimerAction.STOP:
        breaks = entry.breaks
        if state is TimerState.PAUSED:
            breaks = (*breaks[:-1], Break(breaks[-1].start, max(at, breaks[-1].start)))
        return replace(entry, end=max(at, entry.start), breaks=breaks)
    return entry


def intended_timer(
    entry: TimeEntry | None, queued: Iterable[tuple]
) -> TimeEntry | None:
    """`entry` with every queued action applied in order: what the user will see once awork has them.
    Each is (action, at, start) or (action, at, start, edit)."""
    for action, at, start, *edit in queued:
        entry = apply_intent(entry, action, at, start, *edit)
    return entry
