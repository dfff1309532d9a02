"""Yesterday's lists on disk, so the popover opens instantly while fresh data loads."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import asdict
from pathlib import Path

from ..api.parse import shared_project
from ..config import private_dir
from ..domain.entities import (
    Task,
    TrackingRules,
    TrackingSetting,
    TypeOfWork,
    User,
    Workload,
    Workspace,
)

log = logging.getLogger(__name__)
VERSION = 1


class WorkloadCache:
    def __init__(self, cache_dir: Path, api_url: str):
        # One file per awork endpoint, so the demo, a test server and production never mix.
        digest = hashlib.sha256(api_url.encode()).hexdigest()[:12]
        self.path = cache_dir / f"workload-{digest}.json"

    def load(self) -> tuple[User | None, Workload]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("version") != VERSION:
                return None, Workload()
            user = _user(data["user"]) if data.get("user") else None
            workload = Workload(
                types_of_work=tuple(TypeOfWork(**t) for t in data.get("types_of_work", ())),
                recent_tasks=tuple(_task(t) for t in data.get("recent_tasks", ())),
                known_tasks=tuple(_task(t) for t in data.get("known_tasks", ())),
                rules=TrackingRules(tuple(TrackingSetting(**r) for r in data.get("rules", ()))),
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
            private_dir(self.path.parent)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".workload-", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, self.path)  # atomic: a crash never leaves half a file
        except OSError as exc:
            log.warning("could not write cache %s: %s", self.path, exc)


def _task(d: dict) -> Task:
    p = d.get("project")
    project = shared_project(p["id"], p["name"], p.get("key"), is_closed=p.get("is_closed", False)) if p else None
    return Task(d["id"], d["name"], d.get("key"), project, d.get("type_of_work_id"), d.get("is_done", False))


def _user(d: dict) -> User:
    ws = Workspace(**d["workspace"]) if d.get("workspace") else None
    return User(d["id"], d["first_name"], d["last_name"], ws)
