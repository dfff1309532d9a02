"""Yesterday's lists on disk, so the popover opens instantly while fresh data loads."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict
from pathlib import Path

from ..domain.entities import (
    Task,
    TrackingRules,
    TrackingSetting,
    TypeOfWork,
    User,
    Workload,
    Workspace,
    shared_project,
)
from ..storage import write_json

log = logging.getLogger(__name__)
VERSION = 1


class WorkloadCache:
    def __init__(self, cache_dir: Path, api_url: str):
        # One file per awork endpoint, so the demo, a test server and production never mix.
        digest = hashlib.sha256(api_url.encode()).hexdigest()[:12]
        self.path = cache_dir / f"workload-{digest}.json"

    def load(self) -> tuple[User | None, Workload]:
        """What was saved, or nothing: a cache is disposable, so anything unreadable is ignored
        (and rebuilt by the next save), whatever shape it has."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, dict) or data.get("version") != VERSION:
                return None, Workload()
            user = _user(_obj(data["user"])) if data.get("user") is not None else None
            workload = Workload(
                types_of_work=tuple(_type_of_work(_obj(t)) for t in _list(data.get("types_of_work"))),
                recent_tasks=tuple(_task(_obj(t)) for t in _list(data.get("recent_tasks"))),
                known_tasks=tuple(_task(_obj(t)) for t in _list(data.get("known_tasks"))),
                rules=TrackingRules(settings=tuple(_setting(_obj(r)) for r in _list(data.get("rules")))),
            )
            return user, workload
        except FileNotFoundError:
            return None, Workload()
        except (OSError, ValueError, TypeError, KeyError) as exc:
            log.warning("ignoring unreadable cache %s: %s", self.path, exc)
            return None, Workload()

    def save(self, user: User | None, workload: Workload) -> None:
        data = {
            "version": VERSION,
            "user": asdict(user) if user else None,
            "types_of_work": [asdict(t) for t in workload.types_of_work],
            "recent_tasks": [asdict(t) for t in workload.recent_tasks],
            "known_tasks": [asdict(t) for t in workload.known_tasks],
            "rules": [asdict(r) for r in workload.rules.settings],
        }
        try:
            write_json(self.path, data)
        except OSError as exc:
            log.warning("could not write cache %s: %s", self.path, exc)


# A strict reader: every value has the type the domain promises, or the whole cache is dropped.

def _obj(value) -> dict:
    if not isinstance(value, dict):
        raise TypeError(f"expected an object, got {type(value).__name__}")
    return value


def _list(value) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        raise TypeError(f"expected a list, got {type(value).__name__}")
    return value


def _str(d: dict, key: str, *, optional: bool = False) -> str | None:
    value = d.get(key)
    if isinstance(value, str) or (optional and value is None):
        return value
    raise TypeError(f"{key}: expected text, got {type(value).__name__}")


def _bool(d: dict, key: str) -> bool:
    value = d.get(key, False)
    if isinstance(value, bool):
        return value
    raise TypeError(f"{key}: expected true or false, got {type(value).__name__}")


def _type_of_work(d: dict) -> TypeOfWork:
    return TypeOfWork(id=_str(d, "id"), name=_str(d, "name"), icon=_str(d, "icon", optional=True),
                      is_archived=_bool(d, "is_archived"))


def _task(d: dict) -> Task:
    p = d.get("project")
    project = None
    if p is not None:
        p = _obj(p)
        billable = p.get("is_billable_by_default")
        if billable is not None and not isinstance(billable, bool):
            raise TypeError(f"is_billable_by_default: expected true, false or null, got {type(billable).__name__}")
        project = shared_project(_str(p, "id"), _str(p, "name"), _str(p, "key", optional=True), billable,
                                 is_closed=_bool(p, "is_closed"))
    return Task(id=_str(d, "id"), name=_str(d, "name"), key=_str(d, "key", optional=True), project=project,
                type_of_work_id=_str(d, "type_of_work_id", optional=True), is_done=_bool(d, "is_done"))


def _setting(d: dict) -> TrackingSetting:
    days = d.get("day_count")
    if days is not None and (type(days) is not int):
        raise TypeError(f"day_count: expected a whole number, got {type(days).__name__}")
    return TrackingSetting(type=_str(d, "type"), enabled=_bool(d, "enabled"), day_count=days)


def _user(d: dict) -> User:
    ws = d.get("workspace")
    workspace = None
    if ws is not None:
        ws = _obj(ws)
        workspace = Workspace(id=_str(ws, "id"), name=_str(ws, "name"), url=_str(ws, "url", optional=True))
    return User(id=_str(d, "id"), first_name=_str(d, "first_name"), last_name=_str(d, "last_name"), workspace=workspace)
