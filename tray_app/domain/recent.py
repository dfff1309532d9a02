"""Which tasks the popover offers first: the ones the user tracked most recently."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable

from .entities import Task, TimeEntry


def recent_tasks(
    entries: Iterable[TimeEntry], assigned: Iterable[Task] = (), limit: int = 10
) -> list[Task]:
    """Distinct tasks from entries (newest first), topped up with assigned open tasks.

    A task's type of work is taken from the task itself, else from its most recent entry,
    so starting it again books the same kind of work. Done tasks and tasks of closed projects
    are left out: they are finished (search still finds them).
    """
    if limit <= 0:
        return []
    ordered = sorted(entries, key=lambda e: e.start, reverse=True)
    seen: set[str] = set()
    result: list[Task] = []
    for entry in ordered:
        task = entry.task
        if task is None or task.id in seen:
            continue
        seen.add(task.id)
        if task.type_of_work_id is None and entry.type_of_work is not None:
            task = replace(task, type_of_work_id=entry.type_of_work.id)
        if task.project is None and entry.project is not None:
            task = replace(task, project=entry.project)
        if task.is_finished:
            continue
        result.append(task)
        if len(result) >= limit:
            return result
    for task in assigned:
        if task.id in seen or task.is_finished:
            continue
        seen.add(task.id)
        result.append(task)
        if len(result) >= limit:
            break
    return result

