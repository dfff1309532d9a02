"""The four things a user does to awork's timer, as a type, and a start as it waits to be sent.

`TimerAction`'s values are the words every layer already uses for them: the command line's command,
the offline queue's "kind" on disk, the `busy` state. What each is called in a sentence is in
tray_app.core.wording (it needs the translations, which the domain does not import).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .entities import Project, StartRequest, Task, TypeOfWork


class TimerAction(str, enum.Enum):
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    STOP = "stop"


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
