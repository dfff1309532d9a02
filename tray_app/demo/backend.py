"""An in-memory awork: the endpoints awork tray uses, with awork's rules and reply shapes.

It serves the demo (through an httpx transport, no socket) and the tests (behind a real HTTP
server on 127.0.0.1, see tests/fake_awork). It validates every request strictly.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import uuid
import zoneinfo
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from typing import Callable
from urllib.parse import unquote

from . import entry_edits
from .validation import Rejected, check_bool, check_int, check_paging, check_start_form, is_guid, media_type
from .workspace import Record, Workspace, new_id

log = logging.getLogger(__name__)


@dataclass
class Reply:
    status: int
    body: object = None
    headers: dict[str, str] = field(default_factory=dict)

    def encoded(self) -> bytes:
        return b"" if self.body is None else json.dumps(self.body).encode()


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _date_v1(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT00:00:00Z")


def _time_v1(moment: datetime) -> str:
    # awork sends .NET ticks: seven fractional digits.
    return moment.strftime("%H:%M:%S.") + f"{moment.microsecond:06d}0"


def _local(moment: datetime, zone: str) -> datetime:
    try:
        return moment.astimezone(zoneinfo.ZoneInfo(zone))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return moment


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond:06d}Z"


_FILTER_USER = re.compile(r"^userId eq guid'([^']+)'$")
_NO_END = "endDateUtc eq null"
# `startDateUtc ge datetime'2024-05-06T00:00'`: the day an entry started (its UTC date at midnight).
_FILTER_START_DAY = re.compile(r"^startDateUtc (ge|gt|le|lt) datetime'(\d{4}-\d{2}-\d{2})(?:T00:00(?::00)?)?'$")
_COMPARE = {"ge": lambda a, b: a >= b, "gt": lambda a, b: a > b, "le": lambda a, b: a <= b, "lt": lambda a, b: a < b}
_OPEN_TASKS = "taskStatus/type ne 'done'"
_CONTROL = ("start", "stop", "pause", "resume")


def allowed_methods(parts: list[str]) -> set[str] | None:
    """The methods this fake serves on a path, None for a path it does not know."""
    path = "/".join(parts)
    if path == "timeentries":
        return {"GET", "POST"}
    if path in ("me", "users/me", "me/timeentries/last", "typeofwork", "me/assignedtasks", "search",
                "timetracking/settings"):
        return {"GET"}
    if len(parts) == 3 and parts[0] == "projects" and parts[1] and parts[2] == "typeofwork":
        return {"GET"}
    if len(parts) == 3 and parts[:2] == ["tasks", "key"] and parts[2]:
        return {"GET"}
    if len(parts) == 2 and parts[0] == "tasks" and parts[1]:
        return {"GET"}
    if len(parts) == 3 and parts[:2] == ["me", "timetracking"] and parts[2] in _CONTROL:
        return {"POST"}
    if len(parts) == 2 and parts[0] == "timeentries" and parts[1]:
        return {"GET", "PUT", "DELETE"}
    return None


class FakeAwork:
    def __init__(self, workspace: Workspace, *, token: str | None = None, clock: Callable[[], datetime] = _utc_now):
        self.ws = workspace
        self.token = token
        self.clock = clock
        self.lock = threading.Lock()
        self._types = {t["id"]: t for t in workspace.types_of_work}
        self._tasks = {t["id"]: t for t in workspace.tasks}
        self._tasks_by_key = {t["taskIdentifier"].upper(): t for t in workspace.tasks}
        self._projects = {p["id"]: p for p in workspace.projects}

    # -- state helpers used by tests too ---------------------------------------------------------

    def last(self) -> Record | None:
        """awork's "last time entry": the last one that *started*, manual entries included.
        Entries starting in the future are ignored; one without a start time counts from
        midnight of its day (its `start`); of two starting in the same instant, the later made."""
        now = self.clock()
        mine = [(r.start, i) for i, r in enumerate(self.ws.entries)
                if r.user_id == self.ws.user["id"] and r.start <= now]
        return self.ws.entries[max(mine)[1]] if mine else None

    def running(self) -> Record | None:
        """The user's timer (running or paused): awork keeps at most one."""
        return next((r for r in self.ws.entries if r.user_id == self.ws.user["id"] and r.running), None)

    def entry_json(self, r: Record) -> dict:
        tow = self._types.get(r.type_of_work_id)
        task = self._tasks.get(r.task_id) if r.task_id else None
        project = self._projects.get(r.project_id) if r.project_id else None
        closed = [(s, e) for s, e in r.breaks if e is not None]
        data = {
            "id": r.id,
            "userId": r.user_id,
            "typeOfWorkId": r.type_of_work_id,
            "taskId": r.task_id,
            "projectId": r.project_id,
            "note": r.note,
            "timezone": r.timezone,
            "isBillable": r.is_billable,
            "isBilled": r.is_billed,
            "startDateUtc": _date_v1(r.start),
            "startTimeUtc": _time_v1(r.start) if r.start_time_known else None,
            "endDateUtc": _date_v1(r.end) if r.end else None,
            "endTimeUtc": _time_v1(r.end) if r.end else None,
            "startDateLocal": _date_v1(_local(r.start, r.timezone)).rstrip("Z"),
            "startTimeLocal": _time_v1(_local(r.start, r.timezone)) if r.start_time_known else None,
            "endDateLocal": _date_v1(_local(r.end, r.timezone)).rstrip("Z") if r.end else None,
            "endTimeLocal": _time_v1(_local(r.end, r.timezone)) if r.end else None,
            "duration": r.duration if r.duration is not None else int((r.end - r.start).total_seconds()) if r.end else 0,
            "breakDuration": sum(int((e - s).total_seconds()) for s, e in closed) if closed else None,
            "breaks": [
                {"startDate": _iso(s)} if e is None
                else {"startDate": _iso(s), "endDate": _iso(e), "duration": int((e - s).total_seconds())}
                for s, e in r.breaks
            ],
            "createdOn": _iso(r.created or r.start),
            "updatedOn": _iso(r.updated or r.created or r.start),
            "resourceVersion": entry_edits.version(r),
            "isExternal": False,
        }
        # The document's nested models are not nullable: an entry without a task has no "task".
        for key, nested in (("typeOfWork", tow), ("task", task), ("project", project)):
            if nested:
                data[key] = dict(nested)
        return data

    # -- the HTTP surface ------------------------------------------------------------------------

    def handle(self, method: str, path: str, query: dict[str, str], headers: dict[str, str], body: bytes) -> Reply:
        """`path` is relative to /api/v1, without leading slash; header names lower-case."""
        trace_id = uuid.uuid4().hex[:16]
        try:
            self._check_auth(headers)
            with self.lock:
                reply = self._route(method, path, query, headers, body)
        except Rejected as rej:
            reply = Reply(rej.status, rej.body(trace_id), dict(rej.headers))
        except Exception:  # a bug here must look like awork's 500, not kill the transport
            log.exception("fake awork failed on %s %s (trace id %s)", method, path, trace_id)
            reply = Reply(500, Rejected(500, "server-error", "An unexpected error occurred.").body(trace_id))
        reply.headers.setdefault("trace-id", trace_id)
        # awork's clock, as every real reply carries it (and FakeAwork's may be set apart from ours).
        reply.headers.setdefault("date", format_datetime(self.clock().astimezone(timezone.utc), usegmt=True))
        return reply

    def _check_auth(self, headers: dict[str, str]) -> None:
        auth = headers.get("authorization", "")
        # awork's code for a token it cannot use (error-handling.mdx); `unauthorized` is its code
        # for a missing permission, which the app must not take for "signed out".
        if not auth.startswith("Bearer ") or not auth[7:].strip():
            raise Rejected(401, "workspaceid-missing", "The request is missing a valid team id.")
        if self.token is not None and auth[7:] != self.token:
            raise Rejected(401, "workspaceid-missing", "The request is missing a valid team id. Most likely, your "
                                                       "token is invalid.")

    def _route(self, method, path, query, headers, body) -> Reply:
        parts = [unquote(p) for p in path.strip("/").split("/")]
        allowed = allowed_methods(parts)
        if allowed is None:
            raise Rejected(404, "not-found", f"No endpoint {method} /api/v1/{path}.")
        if method not in allowed:
            raise Rejected(
                405, "invalid-operation", f"The method {method} is not allowed on /api/v1/{path}.",
                headers={"allow": ", ".join(sorted(allowed))},
            )
        route = (method, "/".join(parts))
        if method == "GET" and route[1] in ("me", "users/me"):
            return Reply(200, self.ws.user)
        if route == ("GET", "me/timeentries/last"):
            _check_user_id(query)
            last = self.last()
            return Reply(204) if last is None else Reply(200, self.entry_json(last))
        if route == ("GET", "typeofwork"):
            show_archived = check_bool(query, "showArchived", False)
            items = [t for t in self.ws.types_of_work if show_archived or not t["isArchived"]]
            return self._page(items, query)
        if route == ("GET", "timeentries"):
            return self._time_entries(query)
        if route == ("POST", "timeentries"):
            form = self._json_body(headers, body)
            record = entry_edits.new_manual(form, self.clock())
            self._check_references(form)
            if record.user_id != self.ws.user["id"]:
                raise Rejected(403, "invalid-operation", "You can only add time entries for yourself.")
            self.ws.entries.append(record)
            return Reply(200, self.entry_json(record))
        if route == ("GET", "timetracking/settings"):
            return Reply(200, [dict(s) for s in self.ws.settings])
        if method == "GET" and len(parts) == 3 and parts[0] == "projects":
            return Reply(200, [dict(t) for t in self._project_types(parts[1])])
        if route == ("GET", "me/assignedtasks"):
            assigned = [self._tasks[i] for i in self.ws.assigned_task_ids]
            if check_bool(query, "inProgress", False):  # "only assigned project tasks of running projects"
                assigned = [t for t in assigned if t["project"]["projectStatus"]["type"] == "progress"]
            for name in ("assignedOnFrom", "assignedOnTo"):
                if name in query:  # the fake keeps no assignment dates: it says so rather than ignore it
                    raise Rejected(400, "validation-failed", f"This fake awork does not filter by {name}.")
            filterby = query.get("filterby")
            if filterby not in (None, _OPEN_TASKS):
                # awork knows more filters; this fake only the one it can apply, and says so.
                raise Rejected(400, "invalid-filter-or-order", f"The filter '{filterby}' is not valid.")
            if filterby:
                assigned = [t for t in assigned if t["taskStatus"]["type"] != "done"]
            return self._page(assigned, query)
        if route == ("GET", "search"):
            return self._search(query)
        if method == "GET" and len(parts) == 3 and parts[:2] == ["tasks", "key"]:
            task = self._tasks_by_key.get(parts[2].upper())
            if task is None:
                raise Rejected(404, "not-found", f"No task with the key '{parts[2]}' was found.")
            return Reply(200, task)
        if method == "GET" and len(parts) == 2 and parts[0] == "tasks":
            if not is_guid(parts[1]):
                raise Rejected(400, "validation-failed", "The task id is not a valid GUID.")
            task = self._tasks.get(parts[1])
            if task is None:
                raise Rejected(404, "not-found", "The task was not found.")
            return Reply(200, task)
        if method == "POST" and len(parts) == 3 and parts[:2] == ["me", "timetracking"]:
            return self._timetracking(parts[2], query, headers, body)
        if method == "PUT" and len(parts) == 2 and parts[0] == "timeentries":
            record = self._record(parts[1])
            entry_edits.apply_put(record, body, media_type(headers), self.ws.user["id"], self.clock())
            return Reply(200, self.entry_json(record))
        if method == "GET" and len(parts) == 2 and parts[0] == "timeentries":
            return Reply(200, self.entry_json(self._record(parts[1])))
        if method == "DELETE" and len(parts) == 2 and parts[0] == "timeentries":
            record = self._record(parts[1])
            if record.user_id != self.ws.user["id"]:  # awork: another's entry needs a permission
                raise Rejected(401, "unauthorized", "You are not allowed to delete this time entry.")
            self.ws.entries.remove(record)
            return Reply(204)
        raise Rejected(404, "not-found", f"No endpoint {method} /api/v1/{path}.")

    def _page(self, items: list, query: dict[str, str]) -> Reply:
        page, size = check_paging(query)
        chunk = items[(page - 1) * size : page * size]
        return Reply(200, [dict(x) for x in chunk], _paging_headers(page, size, len(chunk), len(items)))

    def _time_entries(self, query: dict[str, str]) -> Reply:
        check_bool(query, "searchReindex", False)
        records = list(self.ws.entries)
        filterby = query.get("filterby")
        if filterby:
            # awork's filter language knows far more; this fake applies these clauses, joined by
            # "and", and refuses the rest rather than ignoring them.
            for clause in filterby.split(" and "):
                match = _FILTER_USER.match(clause.strip())
                if match and is_guid(match.group(1)):
                    records = [r for r in records if r.user_id == match.group(1)]
                elif clause.strip() == _NO_END:
                    records = [r for r in records if r.end is None]
                elif day := _FILTER_START_DAY.match(clause.strip()):
                    compare, bound = _COMPARE[day.group(1)], _day(day.group(2))
                    records = [r for r in records if compare(r.start.date(), bound)]
                else:
                    raise Rejected(400, "invalid-filter-or-order", f"The filter '{filterby}' is not valid.")
        order = query.get("orderby", "")
        if order not in ("", "startDateUtc desc,startTimeUtc desc", "createdOn desc"):
            raise Rejected(400, "invalid-filter-or-order", f"The order '{order}' is not valid.")
        if order:
            records.sort(key=lambda r: r.start if order.startswith("start") else (r.created or r.start), reverse=True)
        page, size = check_paging(query)
        chunk = records[(page - 1) * size : page * size]
        return Reply(200, [self.entry_json(r) for r in chunk], _paging_headers(page, size, len(chunk), len(records)))

    def _search(self, query: dict[str, str]) -> Reply:
        term = query.get("searchTerm")
        if not term:
            raise Rejected(400, "validation-failed", "'searchTerm' must not be empty.", [("SearchTerm", "required")])
        if len(term) > 50:
            raise Rejected(400, "validation-failed", "'searchTerm' must be 50 characters or fewer.")
        types = {t.strip().lower() for t in query.get("searchTypes", "").split(",") if t.strip()}
        if not types <= {"task", "project", "user", "company", "document"}:
            raise Rejected(400, "validation-failed", f"Unknown searchTypes '{query.get('searchTypes')}'.")
        top = check_int(query, "top", 10, 1, 100)
        # "If true, the result will include entities where the status is closed, stuck and done."
        closed_too = check_bool(query, "includeClosedAndStuck", False)
        words = term.casefold().split()
        hits = []
        if "task" in types or not types:
            for task in self.ws.tasks:
                if not closed_too and _closed_or_stuck(task):
                    continue
                text = f"{task['name']} {task['taskIdentifier']} {task['project']['name']}".casefold()
                if all(w in text for w in words):
                    entity = {k: task[k] for k in ("id", "name", "taskIdentifier", "projectId", "taskStatus")}
                    # A hit's project (ProjectEntity) has no key; its type of work only a name.
                    entity["project"] = {k: task["project"][k]
                                         for k in ("id", "name", "isBillableByDefault", "projectStatus")}
                    entity["typeOfWork"] = {"name": self._types[task["typeOfWorkId"]]["name"]}
                    entity["isOpen"] = task["taskStatus"]["type"] != "done"
                    hits.append({"type": "task", "score": 1.0, "entity": entity})
        hits = hits[:top]
        return Reply(200, {"totalCount": len(hits), "taskHits": {"totalCount": len(hits), "hasHits": bool(hits), "hits": hits}})

    def _timetracking(self, action: str, query, headers, body: bytes) -> Reply:
        _check_user_id(query)
        now = self.clock()
        active = self.running()
        if action == "start":
            form = self._json_body(headers, body)
            check_start_form(form)
            self._check_references(form)
            if active is not None:
                self._close(active, now)
            task = self._tasks.get(form.get("taskId") or "")
            record = Record(
                id=new_id(),
                user_id=self.ws.user["id"],
                type_of_work_id=form["typeOfWorkId"],
                timezone=form["timezone"],
                start=now,
                task_id=form.get("taskId"),
                project_id=form.get("projectId") or (task["projectId"] if task else None),
                note=form.get("note"),
                created=now,
                updated=now,
                # A boolean awork holds, never null: what the start says, else false.
                is_billable=bool(form.get("isBillable", False)),
                is_billed=bool(form.get("isBilled", False)),
            )
            self.ws.entries.append(record)
            return Reply(200, self.entry_json(record))
        if body and body.strip():
            # awork silently ignored pause/resume sent with "{}"; here it fails loudly.
            raise Rejected(400, "invalid-model", f"/me/timetracking/{action} takes no request body.")
        if active is None:
            return Reply(204)
        paused = bool(active.breaks) and active.breaks[-1][1] is None
        if action == "pause" and not paused:
            active.breaks.append([now, None])
            entry_edits.touch(active, now)
        elif action == "resume" and paused:
            active.breaks[-1][1] = now
            entry_edits.touch(active, now)
        elif action == "stop":
            self._close(active, now)
        return Reply(200, self.entry_json(active))

    @staticmethod
    def _json_body(headers: dict[str, str], body: bytes) -> object:
        if media_type(headers) != "application/json":
            raise Rejected(400, "invalid-model", "The request body must be JSON (Content-Type: application/json).")
        try:
            return json.loads(body or b"null")
        except ValueError:
            raise Rejected(400, "invalid-model", "The request body is not valid JSON.") from None

    def _project_types(self, project_id: str) -> list[dict]:
        """GET /projects/{id}/typeofwork: a restricting project's types; any other, every active type
        (a project in `project_types` with an empty list answers an empty list: no restriction)."""
        if not is_guid(project_id):
            raise Rejected(400, "validation-failed", "The project id is not a valid GUID.")
        if project_id not in self._projects:
            raise Rejected(404, "not-found", "The project was not found.")
        allowed = self.ws.project_types.get(project_id)
        if allowed is None:
            return [t for t in self.ws.types_of_work if not t["isArchived"]]
        return [self._types[i] for i in allowed]

    def _check_references(self, form: dict) -> None:
        tow = self._types.get(form["typeOfWorkId"])
        if tow is None:
            raise Rejected(404, "not-found", "The type of work was not found.")
        if tow["isArchived"]:
            raise Rejected(400, "entity-archived", f"The type of work '{tow['name']}' is archived.")
        task = self._tasks.get(form["taskId"]) if form.get("taskId") else None
        if form.get("taskId") and task is None:
            raise Rejected(404, "not-found", "The task was not found.")
        if form.get("projectId") and form["projectId"] not in self._projects:
            raise Rejected(404, "not-found", "The project was not found.")
        if task and form.get("projectId") and task["projectId"] != form["projectId"]:
            raise Rejected(400, "invalid-operation", "The task does not belong to the given project.")
        project = self._projects.get(form.get("projectId") or (task or {}).get("projectId") or "")
        if project is None:
            return
        allowed = self.ws.project_types.get(project["id"])
        if allowed and tow["id"] not in allowed:  # an empty list restricts nothing
            raise Rejected(400, "invalid-operation",
                           f"The type of work '{tow['name']}' is not allowed in the project '{project['name']}'.")
        prevent = any(s["type"] == "prevent-on-done-projects" and s.get("enabled") for s in self.ws.settings)
        if prevent and project["projectStatus"]["type"] == "closed":
            raise Rejected(400, "invalid-operation",
                           f"Time tracking on the done project '{project['name']}' is not allowed in this workspace.")

    @staticmethod
    def _close(record: Record, now: datetime) -> None:
        entry_edits.close(record, now)

    def _record(self, entry_id: str) -> Record:
        if not is_guid(entry_id):
            raise Rejected(400, "validation-failed", "The time entry id is not a valid GUID.")
        for record in self.ws.entries:
            if record.id == entry_id:
                return record
        raise Rejected(404, "not-found", "The time entry was not found.")

    # -- changes "elsewhere", for tests and the demo's realism -----------------------------------

    def start_elsewhere(self, type_of_work_id: str, task_id: str | None = None, start: datetime | None = None) -> Record:
        with self.lock:
            now = self.clock()
            current = self.running()
            if current is not None:
                self._close(current, now)
            task = self._tasks.get(task_id or "")
            record = Record(new_id(), self.ws.user["id"], type_of_work_id, "Europe/Berlin", start or now,
                            task_id, task["projectId"] if task else None, created=now, updated=now)
            self.ws.entries.append(record)
            return record

    def change_elsewhere(self, action: str) -> Record | None:
        """pause, resume, stop or auto-stop the user's timer as another device would."""
        with self.lock:
            current = self.running()
            if current is None:
                return None
            entry_edits.change_elsewhere(current, action, self.clock())
            return current

    def add_manual_elsewhere(self, start: datetime, *, seconds: int, with_end: bool = False,
                             start_time_known: bool = True, task_id: str | None = None) -> Record:
        """A manual entry made in the web app: `seconds` long, with or without an end."""
        with self.lock:
            now = self.clock()
            task = self._tasks.get(task_id or "") or self.ws.tasks[0]
            record = Record(new_id(), self.ws.user["id"], task["typeOfWorkId"], "Europe/Berlin", start, task["id"],
                            task["projectId"], created=now, updated=now, start_time_known=start_time_known,
                            is_billable=bool(task["project"].get("isBillableByDefault")))
            if with_end:
                record.end = start + timedelta(seconds=seconds)
            else:
                record.duration = seconds
            self.ws.entries.append(record)
            return record

    def edit_elsewhere(self, record: Record, **changes) -> None:
        """An edit in the web app (note, type of work, …): the timer itself stays as it is."""
        with self.lock:
            for name, value in changes.items():
                setattr(record, name, value)
            entry_edits.touch(record, self.clock())


def _day(text: str):
    try:
        return datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        raise Rejected(400, "invalid-filter-or-order", f"'{text}' is not a date.") from None


def _check_user_id(query: dict[str, str]) -> None:
    if "userId" in query and not is_guid(query["userId"]):
        raise Rejected(400, "validation-failed", "The userId is not a valid GUID.")


def _closed_or_stuck(task: dict) -> bool:
    project_status = task["project"]["projectStatus"]["type"]
    return task["taskStatus"]["type"] in ("done", "stuck") or project_status in ("closed", "stuck")


def _paging_headers(page: int, size: int, items: int, total: int) -> dict[str, str]:
    return {"aw-page": str(page), "aw-pagesize": str(size), "aw-items": str(items), "aw-totalitems": str(total)}
