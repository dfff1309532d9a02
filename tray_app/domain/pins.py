"""Pinned items: a task, a type of work, or a task with its type of work and note, kept at the top
of the quick-start list.

A pin keeps a copy of the names it showed when it was pinned (task, key, project, type of work),
so it can be shown and started before the lists have loaded, or once its task has dropped out of
the recent ones; the lists' own (fresher) task replaces the copy whenever they know it. What a pin
*is* is only its key: the task's id, the type of work's id and the note.

The settings file keeps pins as plain JSON (`to_json`/`from_json`); anything in it that is not a
pin (a hand edit, a newer version's shape) is skipped, never a reason to lose the rest.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from .entities import Project, Task, TypeOfWork

MAX_PINS = 10  # the top of a list, not a second list: beyond this it stops being quick
MAX_NOTE = 500  # longer "notes" in a settings file are not something the user pinned


@dataclass(frozen=True, slots=True)
class Pin:
    task: Task | None = None
    type_of_work: TypeOfWork | None = None  # None with a task: the task's own type of work
    note: str = ""

    @property
    def key(self) -> tuple[str | None, str | None, str]:
        return (self.task.id if self.task else None, self.type_of_work.id if self.type_of_work else None, self.note)

    @property
    def is_combination(self) -> bool:
        """More than "this task": a type of work of its own or a note."""
        return self.task is not None and (self.type_of_work is not None or bool(self.note))


class PinOutcome(enum.Enum):
    PINNED = "pinned"
    ALREADY = "already"  # nothing changed: it is pinned (then the user is shown that row)
    FULL = "full"  # nothing changed: MAX_PINS are pinned already


def pin_for(task: Task | None, type_of_work: TypeOfWork | None = None, note: str = "") -> Pin | None:
    """The pin for what would start; None when there is nothing to pin. A type of work alone
    is its own row; with a task it is kept only when it differs from the task's own."""
    note = " ".join(note.split())[:MAX_NOTE]
    if task is None:
        return Pin(type_of_work=type_of_work, note=note) if type_of_work is not None else None
    if type_of_work is not None and type_of_work.id == task.type_of_work_id:
        type_of_work = None
    return Pin(task=task, type_of_work=type_of_work, note=note)


def find(pins: Iterable[Pin], pin: Pin) -> int | None:
    key = pin.key
    return next((i for i, p in enumerate(pins) if p.key == key), None)


def add(pins: tuple[Pin, ...], pin: Pin, limit: int = MAX_PINS) -> tuple[tuple[Pin, ...], PinOutcome]:
    """`pin` pinned last (the order is the user's), unless it is pinned already or `limit` are."""
    if find(pins, pin) is not None:
        return pins, PinOutcome.ALREADY
    if len(pins) >= limit:
        return pins, PinOutcome.FULL
    return (*pins, pin), PinOutcome.PINNED


def remove(pins: tuple[Pin, ...], pin: Pin) -> tuple[Pin, ...]:
    key = pin.key
    return tuple(p for p in pins if p.key != key)


def move(pins: tuple[Pin, ...], pin: Pin, step: int) -> tuple[Pin, ...]:
    """`pin` moved `step` places up (negative) or down, within the list's ends."""
    at = find(pins, pin)
    if at is None:
        return pins
    to = min(max(at + step, 0), len(pins) - 1)
    rest = pins[:at] + pins[at + 1:]
    return (*rest[:to], pins[at], *rest[to:])


def refreshed(pins: tuple[Pin, ...], tasks: Mapping[str, Task], types: Mapping[str, TypeOfWork]) -> tuple[Pin, ...]:
    """The pins with the lists' current task and type of work where the lists know them (renamed,
    done, moved to another project): what is shown and started is never older than the lists."""
    fresh = []
    for pin in pins:
        task = tasks.get(pin.task.id, pin.task) if pin.task else None
        tow = types.get(pin.type_of_work.id, pin.type_of_work) if pin.type_of_work else None
        fresh.append(replace(pin, task=task, type_of_work=tow))
    return tuple(fresh)


def search_text(pin: Pin) -> str:
    """What typing finds a pin by: its task, key, project, type of work and note."""
    task, tow = pin.task, pin.type_of_work
    parts = (task.name if task else "", task.key or "" if task else "",
             task.project.name if task and task.project else "", tow.name if tow else "", pin.note)
    return " ".join(p for p in parts if p)


# -- the settings file -----------------------------------------------------------------------------

def to_json(pins: Iterable[Pin]) -> list[dict]:
    return [_pin_json(p) for p in pins]


def _pin_json(pin: Pin) -> dict:
    data: dict = {}
    task = pin.task
    if task is not None:
        data["task"] = {"id": task.id, "name": task.name, "key": task.key, "typeOfWorkId": task.type_of_work_id}
        if task.project is not None:
            data["task"]["project"] = {"id": task.project.id, "name": task.project.name, "key": task.project.key}
    if pin.type_of_work is not None:
        data["typeOfWork"] = {"id": pin.type_of_work.id, "name": pin.type_of_work.name}
    if pin.note:
        data["note"] = pin.note
    return data


def from_json(value: object, limit: int = MAX_PINS) -> tuple[tuple[Pin, ...], int]:
    """The pins in `value` (a settings file's list), and how many entries were skipped as damaged
    (not a pin, or a second copy of one). At most `limit` are kept, the first ones."""
    if not isinstance(value, list):
        return (), 0 if value is None else 1
    pins: list[Pin] = []
    seen: set = set()
    skipped = 0
    for item in value:
        pin = _pin_from(item)
        if pin is None or pin.key in seen:
            skipped += 1
            continue
        seen.add(pin.key)
        pins.append(pin)
    return tuple(pins[:limit]), skipped + max(len(pins) - limit, 0)


def _pin_from(item: object) -> Pin | None:
    if not isinstance(item, dict):
        return None
    note = item.get("note", "")
    if not isinstance(note, str) or len(note) > MAX_NOTE:
        return None
    task = tow = None
    if item.get("task") is not None:
        task = _task_from(item["task"])
        if task is None:
            return None
    if item.get("typeOfWork") is not None:
        tow = _named(item["typeOfWork"])
        if tow is None:
            return None
        tow = TypeOfWork(id=tow[0], name=tow[1])
    return pin_for(task, tow, note)  # None when it names neither


def _task_from(data: object) -> Task | None:
    named = _named(data)
    if named is None:
        return None
    key, type_id = data.get("key"), data.get("typeOfWorkId")
    if not _optional_text(key) or not _optional_text(type_id):
        return None
    project = None
    if data.get("project") is not None:
        project_named = _named(data["project"])
        project_key = data["project"].get("key") if isinstance(data["project"], dict) else None
        if project_named is None or not _optional_text(project_key):
            return None
        project = Project(id=project_named[0], name=project_named[1], key=project_key)
    return Task(id=named[0], name=named[1], key=key, project=project, type_of_work_id=type_id)


def _named(data: object) -> tuple[str, str] | None:
    """(id, name) of an {"id": ..., "name": ...} object, both non-empty text; else None."""
    if not isinstance(data, dict):
        return None
    ident, name = data.get("id"), data.get("name")
    if isinstance(ident, str) and ident.strip() and isinstance(name, str) and name.strip():
        return ident, name
    return None


def _optional_text(value: object) -> bool:
    return value is None or isinstance(value, str)
