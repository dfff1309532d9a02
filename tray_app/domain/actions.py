"""What a user does to awork's timer, as a type, and a start or an edit as it waits to be sent.

`TimerAction`'s values are the words every layer already uses for them: the command line's command,
the offline queue's "kind" on disk, the `busy` state. What each is called in a sentence is in
tray_app.core.wording (it needs the translations, which the domain does not import).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import datetime

from .entities import Project, StartRequest, Task, TimeEntry, TypeOfWork


class TimerAction(str, enum.Enum):
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    STOP = "stop"
    EDIT = "edit"  # change the running entry's note, type, task, billable or start
    DISCARD = "discard"  # delete the running entry


@dataclass(frozen=True, slots=True)
class QueuedStart:
    """A start awork has not got yet: the request it will be sent as, and what it is about, so
    the card shows the task (and a replay, or a restart, keeps it) before awork answers."""

    request: StartRequest
    task: Task | None = None
    type_of_work: TypeOfWork | None = None
    project: Project | None = None

    @property
    def label(self) -> str:
        """What it was about, for messages: the task's name, else the type of work's."""
        return (self.task.name if self.task else self.type_of_work.name if self.type_of_work else "") or ""


@dataclass(frozen=True, slots=True)
class EntryChange:
    """What the user changes about the running (or paused) entry; None leaves a field as it is.

    `note` "" clears the note. A new `task` brings its project. awork's PUT replaces the entry, so
    the change is applied to the whole entry as awork last had it (`applied`), and all of it sent."""

    note: str | None = None
    type_of_work: TypeOfWork | None = None
    task: Task | None = None
    is_billable: bool | None = None
    start: datetime | None = None

    @property
    def empty(self) -> bool:
        return all(value is None for value in (self.note, self.type_of_work, self.task, self.is_billable, self.start))

    def applied(self, entry: TimeEntry) -> TimeEntry:
        changes: dict = {}
        if self.note is not None:
            changes["note"] = self.note.strip() or None
        if self.type_of_work is not None:
            changes["type_of_work"] = self.type_of_work
        if self.task is not None:
            changes["task"] = self.task
            changes["project"] = self.task.project  # the entry's own project follows its task
        if self.is_billable is not None:
            changes["is_billable"] = self.is_billable
        if self.start is not None:
            changes["start"] = self.start
        return replace(entry, **changes)

    def changes(self, entry: TimeEntry) -> bool:
        """Would applying it change anything awork keeps?"""
        after = self.applied(entry)
        return (after.note, after.type_of_work_id, after.task.id if after.task else None, after.is_billable,
                after.start) != (entry.note, entry.type_of_work_id, entry.task.id if entry.task else None,
                                 entry.is_billable, entry.start)


@dataclass(frozen=True, slots=True)
class QueuedEdit:
    """An edit or a discard awork has not got yet, and the entry it is for: awork's id, or
    intended.PENDING_ID for the timer a queued start is to make. A discard has no `change`."""

    entry_id: str
    change: EntryChange | None = None
