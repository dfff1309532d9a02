"""Plain AppState objects and domain values for the UI tests (no core, no network)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from tray_app.api import parse
from tray_app.core.state import AppState, Auth
from tray_app.demo.workspace import demo_workspace
from tray_app.domain.entities import Break, Task, TimeEntry, User, Workload, Workspace
from tray_app.domain.recent import recent_tasks

USER = User("u1", "Carla", "Creative", Workspace("w1", "Demo Agentur"))


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def workload_from(ws, recent: int = 10) -> Workload:
    """The lists the core would build from a fake workspace (tasks parsed like awork's JSON)."""
    types = tuple(
        sorted((parse.type_of_work(t) for t in ws.types_of_work if not t["isArchived"]), key=lambda t: t.name.casefold())
    )
    tasks = [parse.task(t) for t in ws.tasks]
    recent_list = recent_tasks((), tasks, limit=recent)
    return Workload(types_of_work=types, recent_tasks=tuple(recent_list), known_tasks=tuple(tasks))


def demo_workload() -> Workload:
    return workload_from(demo_workspace(seed=7), recent=5)


def task_named(workload: Workload, name: str) -> Task:
    return next(t for t in workload.known_tasks if t.name == name)


def type_named(workload: Workload, name: str):
    return next(t for t in workload.types_of_work if t.name == name)


def type_of(workload: Workload, task: Task):
    return next(t for t in workload.types_of_work if t.id == task.type_of_work_id)


def signed_in(workload: Workload | None = None, **changes) -> AppState:
    state = AppState(user=USER, workload=workload or Workload(), auth=Auth.SIGNED_IN, auth_source="test")
    return replace(state, **changes)


def entry_for(
    workload: Workload,
    task_name: str = "Sitemap entwerfen",
    *,
    started: timedelta = timedelta(minutes=13, seconds=7),
    now: datetime | None = None,
    note: str | None = "Header und Footer",
    paused_for: timedelta | None = None,
) -> TimeEntry:
    """A running entry (or paused, with an open break `paused_for` long) started `started` ago."""
    now = now or utc_now()
    task = task_named(workload, task_name)
    breaks = (Break(start=now - paused_for),) if paused_for is not None else ()
    return TimeEntry(
        id="e1",
        start=now - started - (paused_for or timedelta(0)),
        breaks=breaks,
        type_of_work=type_of(workload, task),
        task=task,
        project=task.project,
        note=note,
        timezone="Europe/Berlin",
    )
