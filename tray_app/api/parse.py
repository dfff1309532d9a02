"""awork JSON -> domain objects.

Lenient where we can be (unknown fields ignored, nulls tolerated, 7-digit fractions) and loud
only about what we truly need (an entry's id and start, an item's id and name).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from ..domain.entities import (
    Break,
    Project,
    Task,
    TimeEntry,
    TrackingRules,
    TrackingSetting,
    TypeOfWork,
    User,
    Workspace,
    shared_project,
)
from ..i18n import translate
from . import fields
from .errors import MalformedResponseError
from .v1_time import _LATEST, combine_v1, parse_datetime

# Every field is read through fields.py, so each shape is judged the same way everywhere.
_obj = fields.obj
_text = fields.text
_flag = fields.flag


def _required(data: dict, key: str, what: str) -> str:
    value = _text(data, key)
    if value is None:
        raise MalformedResponseError(translate("ApiError", "awork sent a {0} without “{1}”.").format(what, key))
    return value


def type_of_work(data: Any) -> TypeOfWork:
    d = _obj(data)
    return TypeOfWork(
        id=_required(d, "id", "type of work"),
        name=_text(d, "name") or "",
        icon=_text(d, "icon"),
        is_archived=bool(_flag(d, "isArchived")),
    )


def project(data: Any) -> Project | None:
    d = _obj(data)
    if not _text(d, "id"):
        return None
    closed = _text(_obj(d.get("projectStatus")), "type") == "closed"
    return shared_project(d["id"], _text(d, "name") or "", _text(d, "projectKey"), _flag(d, "isBillableByDefault", None),
                          is_closed=closed)




def _seconds(value: Any) -> timedelta | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return timedelta(seconds=max(value, 0))


def task(data: Any) -> Task:
    d = _obj(data)
    proj = project(d.get("project"))
    if proj is None and _text(d, "projectId"):
        proj = Project(id=d["projectId"], name="")
    status_type = _text(_obj(d.get("taskStatus")), "type")
    return Task(
        id=_required(d, "id", "task"),
        name=_text(d, "name") or "",
        key=_text(d, "taskIdentifier"),
        project=proj,
        type_of_work_id=_text(d, "typeOfWorkId") or _text(_obj(d.get("typeOfWork")), "id"),
        is_done=status_type == "done" or _flag(d, "isOpen", None) is False,
    )


def _break(data: Any) -> Break | None:
    d = _obj(data)
    if d.get("startDate") is None:
        return None
    start = parse_datetime(d["startDate"])
    end = parse_datetime(d["endDate"]) if d.get("endDate") else None
    duration = fields.number(d, "duration")
    if end is None and duration is None and type(d.get("duration")) in (int, float):
        raise ValueError(f"not a break's duration: {d['duration']!r}")  # infinite, NaN or past any float
    if end is None and duration is not None and duration > 0:
        try:
            end = start + timedelta(seconds=duration)
        except OverflowError:
            raise ValueError(f"not a break's duration: {duration!r}") from None
        if end > _LATEST:
            raise ValueError(f"not a break's duration: {duration!r}")
    return Break(start=start, end=end)


def time_entry(data: Any) -> TimeEntry:
    d = _obj(data)
    entry_id = _required(d, "id", "time entry")
    try:
        start = combine_v1(d.get("startDateUtc"), d.get("startTimeUtc"))
        # No start time: awork counts the entry from midnight of its day, and it is a manual one.
        # (A full timestamp in the date field alone still says when it started.)
        start_time_known = d.get("startTimeUtc") is not None or (start is not None and start.time() != time(0))
        if start is None and d.get("startDate"):  # v2 shape
            start = parse_datetime(d["startDate"])
            start_time_known = True
        end = combine_v1(d.get("endDateUtc"), d.get("endTimeUtc"))
        if end is None and d.get("endDate"):
            end = parse_datetime(d["endDate"])
        raw_breaks = fields.items(d.get("breaks"))
        breaks = tuple(b for b in (_break(x) for x in raw_breaks) if b is not None)
    except ValueError as exc:
        raise MalformedResponseError(translate("ApiError", "awork sent a time entry with an unreadable time: {0}").format(
            exc)) from exc
    if start is None:
        raise MalformedResponseError(translate("ApiError", "awork sent a time entry without a start time."))
    tow = type_of_work(d["typeOfWork"]) if _text(_obj(d.get("typeOfWork")), "id") else None
    if tow is None and _text(d, "typeOfWorkId"):
        tow = TypeOfWork(id=d["typeOfWorkId"], name="")
    tsk = task(d["task"]) if _text(_obj(d.get("task")), "id") else None
    if tsk is None and _text(d, "taskId"):
        tsk = Task(id=d["taskId"], name="")
    proj = project(d.get("project"))
    if proj is None and _text(d, "projectId"):
        proj = Project(id=d["projectId"], name="")
    return TimeEntry(
        id=entry_id,
        start=start,
        end=end,
        breaks=tuple(sorted(breaks, key=lambda b: b.start)),
        type_of_work=tow,
        task=tsk,
        project=proj,
        note=_text(d, "note"),
        timezone=_text(d, "timezone"),
        updated=_optional_datetime(d.get("updatedOn")),
        created=_optional_datetime(d.get("createdOn")),
        user_id=_text(d, "userId"),
        is_billable=_flag(d, "isBillable", None),
        is_billed=_flag(d, "isBilled", None),
        duration=_seconds(d.get("duration")),
        start_time_known=start_time_known,
    )


def _optional_datetime(value: Any) -> datetime | None:
    try:
        return parse_datetime(value) if value else None
    except ValueError:
        return None  # only informative: an unreadable one must not lose the entry


def user(data: Any) -> User:
    d = _obj(data)
    ws = _obj(d.get("workspace"))
    workspace = Workspace(id=ws["id"], name=_text(ws, "name") or "", url=_text(ws, "url")) if _text(ws, "id") else None
    return User(
        id=_required(d, "id", "user"),
        first_name=_text(d, "firstName") or "",
        last_name=_text(d, "lastName") or "",
        workspace=workspace,
    )


def tracking_rules(data: Any) -> TrackingRules:
    """`GET /timetracking/settings`: every setting with a type, known or not (awork may add some)."""
    if not isinstance(data, list):
        raise MalformedResponseError(translate("ApiError", "awork sent something other than a list."))
    settings = []
    for raw in data:
        d = _obj(raw)
        kind = _text(d, "type")
        if kind is None:
            continue
        count = d.get("dayCount")
        settings.append(TrackingSetting(
            type=kind,
            enabled=d.get("enabled") is True,
            day_count=count if isinstance(count, int) and not isinstance(count, bool) else None,
        ))
    return TrackingRules(tuple(settings))


def listing(data: Any, parse_one) -> list:
    """A JSON array of items; single broken items are skipped rather than losing the list."""
    if not isinstance(data, list):
        raise MalformedResponseError(translate("ApiError", "awork sent something other than a list."))
    items = []
    for raw in data:
        try:
            items.append(parse_one(raw))
        except MalformedResponseError:
            continue
    return items


def search_tasks(data: Any) -> list[Task]:
    hits = fields.items(_obj(_obj(data).get("taskHits")).get("hits"))
    return listing([_obj(h).get("entity") for h in hits if isinstance(h, dict)], task)
