"""The things awork tray talks about, as plain immutable values."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class TypeOfWork:
    id: str
    name: str
    icon: str | None = None
    is_archived: bool = False


@dataclass(frozen=True, slots=True)
class Project:
    id: str
    name: str
    key: str | None = None
    is_billable_by_default: bool | None = None  # None: awork did not say
    is_closed: bool = False  # projectStatus.type "closed": awork's "done" for projects


@lru_cache(maxsize=4096)
def shared_project(project_id: str, name: str, key: str | None, billable: bool | None = None, *,
                   is_closed: bool = False) -> Project:
    """The one Project with these values: thousands of tasks (from awork or the cache on disk)
    name the same few hundred projects, so each is one immutable object, not one per task."""
    return Project(id=project_id, name=name, key=key, is_billable_by_default=billable, is_closed=is_closed)


@dataclass(frozen=True, slots=True)
class Task:
    id: str
    name: str
    key: str | None = None
    project: Project | None = None
    type_of_work_id: str | None = None
    is_done: bool = False

    @property
    def project_id(self) -> str | None:
        return self.project.id if self.project else None

    @property
    def is_finished(self) -> bool:
        """Done, or in a closed project: no longer something to pick up again."""
        return self.is_done or (self.project is not None and self.project.is_closed)


@dataclass(frozen=True, slots=True)
class Break:
    start: datetime
    end: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.end is None


@dataclass(frozen=True, slots=True)
class TimeEntry:
    """One awork time tracking: a timer (running while it has no end) or a manual entry.

    awork's manual entries may come with a `duration` and no end, or with no start time at all
    (then `start` is midnight of their day and `start_time_known` is False): both are finished.
    """

    id: str
    start: datetime
    end: datetime | None = None
    breaks: tuple[Break, ...] = ()
    type_of_work: TypeOfWork | None = None
    task: Task | None = None
    project: Project | None = None
    note: str | None = None
    timezone: str | None = None
    updated: datetime | None = None  # awork's updatedOn: tells a change made elsewhere
    created: datetime | None = None  # awork's createdOn: a timer's is its start, a manual entry's later
    user_id: str | None = None
    is_billable: bool | None = None  # None: not in awork's reply, so unknown
    is_billed: bool | None = None
    duration: timedelta | None = None  # awork's own `duration`; 0 while a timer runs
    start_time_known: bool = True

    @property
    def type_of_work_id(self) -> str | None:
        return self.type_of_work.id if self.type_of_work else None

    @property
    def effective_project(self) -> Project | None:
        """The project the time counts toward: the entry's own, else its task's (awork may name
        only the task). `project` is only what awork sent in the entry's own field."""
        return self.project or (self.task.project if self.task else None)


@dataclass(frozen=True, slots=True)
class Workspace:
    id: str
    name: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class User:
    id: str
    first_name: str
    last_name: str
    workspace: Workspace | None = None

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True, slots=True)
class StartRequest:
    """What the user asked to start; becomes awork's StartTimeTrackingForm."""

    type_of_work_id: str
    timezone: str
    task_id: str | None = None
    project_id: str | None = None
    note: str | None = None
    is_billable: bool | None = None  # None: leave it to awork

    def to_form(self) -> dict[str, str | bool]:
        # awork rejects unknown fields, so only documented keys, and only the ones we know.
        form: dict[str, str | bool] = {"typeOfWorkId": self.type_of_work_id, "timezone": self.timezone}
        if self.task_id:
            form["taskId"] = self.task_id
        if self.project_id:
            form["projectId"] = self.project_id
        if self.note:
            form["note"] = self.note
        if self.is_billable is not None:
            form["isBillable"] = self.is_billable
        return form


@dataclass(frozen=True, slots=True)
class TrackingSetting:
    """One of awork's workspace rules for time tracking (`GET /timetracking/settings`)."""

    type: str  # e.g. "prevent-on-done-projects", "allow-on-past-days"; others may come
    enabled: bool = False
    day_count: int | None = None


@dataclass(frozen=True, slots=True)
class TrackingRules:
    settings: tuple[TrackingSetting, ...] = ()

    def enabled(self, setting_type: str) -> bool:
        return any(s.type == setting_type and s.enabled for s in self.settings)

    @property
    def prevent_on_done_projects(self) -> bool:
        return self.enabled("prevent-on-done-projects")


@dataclass(frozen=True, slots=True)
class ProjectTypes:
    """The types of work a project allows (`GET /projects/{id}/typeofwork`); empty: no restriction."""

    project_id: str
    type_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Workload:
    """The lists the popover offers, as last loaded."""

    types_of_work: tuple[TypeOfWork, ...] = ()
    recent_tasks: tuple[Task, ...] = ()
    known_tasks: tuple[Task, ...] = field(default=())
    rules: TrackingRules = TrackingRules()
    project_types: tuple[ProjectTypes, ...] = ()  # only the projects asked about so far

    def allowed_type_ids(self, project_id: str | None) -> tuple[str, ...] | None:
        """The project's allowed types (empty: any), None while not known."""
        if project_id is None:
            return ()
        for known in self.project_types:
            if known.project_id == project_id:
                return known.type_ids
        return None
