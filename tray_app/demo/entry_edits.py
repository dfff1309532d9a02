"""Changing time entries after the fact: `PUT /timeentries/{id}`, and changes made "elsewhere"
(the web app, the phone, awork's own 24-hour auto-stop) for tests and soak runs.

The PUT follows awork's document (TimeTrackingPutForm and the operation's description):
`typeOfWorkId` and `timezone` are required, ids are GUIDs or null, `isBillable`/`isBilled` are
booleans (not null), `breakDuration` is accepted and kept as it is ("cannot be set via API").
Times come as `…DateUtc` + `…TimeUtc` or as `…DateLocal` + `…TimeLocal` in the form's time zone
(the UTC pair wins when both are sent; the document does not say). A finished entry takes start
and end, start and duration, or end and duration; a running one only a new start, its duration
staying 0. Only the entry's owner may change it.
"""

from __future__ import annotations

import calendar
import json
import re
import zoneinfo
from datetime import datetime, timedelta, timezone

from .validation import Rejected, is_guid, is_iana_zone
from .workspace import Record, new_id

PUT_FIELDS = {
    "typeOfWorkId", "timezone", "taskId", "projectId", "note", "isBillable", "isBilled", "userId",
    "startDateUtc", "startTimeUtc", "endDateUtc", "endTimeUtc", "duration", "breakDuration",
}
LOCAL_FIELDS = {"startDateLocal", "startTimeLocal", "endDateLocal", "endTimeLocal"}


_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T00:00:00(?:\.0+)?Z?)?$")
_GUID_OR_NULL = ("taskId", "projectId", "userId")
_TIME = re.compile(r"^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?$")


def _moment(date_value, time_value, name: str, zone: str = "UTC") -> datetime:
    """v1's split fields, read independently of the client's parser so each checks the other;
    local ones (`zone`, an IANA name) come back in UTC."""
    d = _DATE.match(date_value) if isinstance(date_value, str) else None
    t = _TIME.match(time_value) if isinstance(time_value, str) else None
    if not d or not t:
        raise Rejected(400, "validation-failed", f"'{name}' is not a valid date and time.", [(name, "invalid")])
    micros = int((t.group(4) or "0")[:6].ljust(6, "0"))
    try:
        moment = datetime(*map(int, d.groups()), *map(int, t.groups()[:3]), micros, zoneinfo.ZoneInfo(zone))
    except ValueError:
        raise Rejected(400, "validation-failed", f"'{name}' is not a valid date and time.", [(name, "invalid")]) from None
    return moment.astimezone(timezone.utc)


def _form_problems(form: dict) -> list[tuple[str, str]]:
    problems = [(k, f"Could not find member '{k}' on object of type 'TimeTrackingPutForm'.")
                for k in form if k not in PUT_FIELDS and k not in LOCAL_FIELDS]
    if not is_guid(form.get("typeOfWorkId")):
        problems.append(("TypeOfWorkId", "'Type Of Work Id' must be a valid GUID."))
    if not is_iana_zone(form.get("timezone")):
        problems.append(("Timezone", "'Timezone' must be an IANA time zone."))
    problems += [(k, f"'{k}' must be a valid GUID.") for k in _GUID_OR_NULL if form.get(k) is not None
                 and not is_guid(form[k])]
    problems += [(k, f"'{k}' must be true or false.") for k in ("isBillable", "isBilled")
                 if k in form and not isinstance(form[k], bool)]
    if form.get("note") is not None and not isinstance(form["note"], str):
        problems.append(("Note", "'Note' must be a string."))
    problems += [(k, f"'{k}' must be a whole number of seconds.") for k in ("duration", "breakDuration")
                 if form.get(k) is not None and (type(form[k]) is not int or form[k] < 0)]
    return problems


def _pair(form: dict, which: str, zone: str) -> datetime | None:
    """`which` is "start" or "end": the UTC pair, else the local one, else None."""
    for suffix, pair_zone in (("Utc", "UTC"), ("Local", zone)):
        date_key, time_key = f"{which}Date{suffix}", f"{which}Time{suffix}"
        if form.get(date_key) is not None or form.get(time_key) is not None:
            return _moment(form.get(date_key), form.get(time_key), date_key, pair_zone)
    return None


def apply_put(record: Record, body: bytes, content_type: str, user_id: str, now: datetime) -> None:
    if content_type != "application/json":
        raise Rejected(400, "invalid-model", "The request body must be JSON (Content-Type: application/json).")
    try:
        form = json.loads(body or b"null")
    except ValueError:
        raise Rejected(400, "invalid-model", "The request body is not valid JSON.") from None
    if not isinstance(form, dict):
        raise Rejected(400, "invalid-model", "The request body must be a JSON object.")
    if record.user_id != user_id:
        raise Rejected(403, "invalid-operation", "You can only change your own time entries.")
    problems = _form_problems(form)
    if form.get("userId") is not None and form["userId"] != record.user_id:
        problems.append(("UserId", "A time entry cannot be moved to another user here."))
    if problems:
        raise Rejected(400, "validation-failed", "One or more validation errors occurred.", problems)
    start, end = _pair(form, "start", form["timezone"]), _pair(form, "end", form["timezone"])
    duration = form.get("duration")
    if start is None and end is not None and duration is not None:
        start = end - timedelta(seconds=duration)
    if start is None:
        raise Rejected(400, "validation-failed", "A start time is required (UTC or local), or an end and a duration.",
                       [("StartDateUtc", "required")])
    if end is None and duration is not None and (record.end is not None or duration > 0):
        end = start + timedelta(seconds=duration)  # a running entry's duration stays 0: it keeps running
    if record.end is not None and end is None:
        raise Rejected(400, "validation-failed", "A finished time entry needs an end time or a duration.")
    if record.end is None and end is not None:
        raise Rejected(400, "invalid-operation", "Stop the running timer instead of setting its end.")
    if start > now + timedelta(minutes=1) or (end is not None and end > now + timedelta(minutes=1)):
        raise Rejected(400, "date-out-of-range", "Time entries cannot lie in the future.")
    if end is not None and end < start:
        raise Rejected(400, "date-dependency", "The end must not be before the start.")
    record.start, record.end = start, end
    record.type_of_work_id = form["typeOfWorkId"]
    record.timezone = form["timezone"]
    record.task_id = form.get("taskId")
    record.project_id = form.get("projectId")
    record.note = form.get("note")
    # The form replaces the entry: awork's booleans are never null, so one left out is false.
    record.is_billable = form.get("isBillable") is True
    record.is_billed = form.get("isBilled") is True
    touch(record, now)


_TICKS_AT_UNIX_EPOCH = 621_355_968_000_000_000


def ticks(moment: datetime) -> int:
    """.NET ticks (100 ns since 0001-01-01 UTC): what awork's resourceVersion counts in."""
    return _TICKS_AT_UNIX_EPOCH + calendar.timegm(moment.utctimetuple()) * 10_000_000 + moment.microsecond * 10


def version(record: Record) -> int:
    return record.version or ticks(record.updated or record.created or record.start)


def touch(record: Record, now: datetime) -> None:
    """The entry changed: updatedOn is now, resourceVersion moves on (even within one tick)."""
    record.version = max(version(record) + 1, ticks(now))
    record.updated = now


_STAMP = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?Z?$")


def _stamp(date_value: str, time_value, name: str) -> tuple[datetime, bool]:
    """A moment from a date that may carry its time, or a date plus a time; and whether it had one."""
    match = _STAMP.match(date_value) if isinstance(date_value, str) else None
    if match is None:
        raise Rejected(400, "validation-failed", f"'{name}' is not a valid date.", [(name, "invalid")])
    y, mo, d, hh, mi, ss = match.groups()
    if time_value is not None:
        return _moment(f"{y}-{mo}-{d}", time_value, name), True
    try:
        moment = datetime(int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0), tzinfo=timezone.utc)
    except ValueError:
        raise Rejected(400, "validation-failed", f"'{name}' is not a valid date.", [(name, "invalid")]) from None
    return moment, moment.time() != datetime.min.time()


def new_manual(form: object, now: datetime) -> Record:
    """`POST /timeentries` (TimeEntryPostForm): a manual entry, from `startDateUtc` (which may carry
    the time itself, as in awork's own example) or `startDateUtc` + `startTimeUtc`, with an end or
    a duration. Without an end it keeps its duration and no end, as awork's manual entries may;
    without a time of day it has no start time at all. This fake takes the UTC fields only."""
    if not isinstance(form, dict):
        raise Rejected(400, "invalid-model", "The request body must be a JSON object.")
    problems = [(k, f"Could not find member '{k}' on object of type 'TimeEntryPostForm'.")
                for k in form if k not in PUT_FIELDS and k not in LOCAL_FIELDS]
    if any(k in form for k in LOCAL_FIELDS):
        problems.append(("startDateLocal", "This fake awork takes the UTC fields only."))
    if not is_guid(form.get("typeOfWorkId")):
        problems.append(("TypeOfWorkId", "'Type Of Work Id' must be a valid GUID."))
    if not is_guid(form.get("userId")):
        problems.append(("UserId", "'User Id' must be a valid GUID."))
    if not is_iana_zone(form.get("timezone")):
        problems.append(("Timezone", "'Timezone' must be an IANA time zone."))
    if not isinstance(form.get("startDateUtc"), str):
        problems.append(("StartDateUtc", "'Start Date Utc' is required."))
    duration = form.get("duration")
    if duration is not None and (not isinstance(duration, int) or isinstance(duration, bool) or duration < 0):
        problems.append(("Duration", "'duration' must be a whole number of seconds."))
    if problems:
        raise Rejected(400, "validation-failed", "One or more validation errors occurred.", problems)
    start, known = _stamp(form["startDateUtc"], form.get("startTimeUtc"), "startDateUtc")
    end = None
    if form.get("endDateUtc") is not None:
        end, _ = _stamp(form["endDateUtc"], form.get("endTimeUtc"), "endDateUtc")
    elif duration is None:
        raise Rejected(400, "validation-failed", "A time entry needs an end time or a duration.",
                       [("Duration", "required without an end")])
    if end is not None and end < start:
        raise Rejected(400, "date-dependency", "The end must not be before the start.")
    record = Record(new_id(), form["userId"], form["typeOfWorkId"], form["timezone"], start, form.get("taskId"),
                    form.get("projectId"), note=form.get("note"), end=end, created=now, updated=now,
                    is_billable=form.get("isBillable") is True, is_billed=form.get("isBilled") is True,
                    duration=duration if end is None else None, start_time_known=known)
    return record


def close(record: Record, now: datetime) -> None:
    if record.breaks and record.breaks[-1][1] is None:
        record.breaks[-1][1] = now
    record.end = now
    touch(record, now)


def change_elsewhere(record: Record, action: str, now: datetime) -> None:
    """What the web app, the phone or awork's auto-stop does to the running entry."""
    if action not in ("pause", "resume", "stop", "auto-stop"):
        raise ValueError(action)
    paused = bool(record.breaks) and record.breaks[-1][1] is None
    if action == "pause" and not paused:
        record.breaks.append([now, None])
    elif action == "resume" and paused:
        record.breaks[-1][1] = now
    elif action == "stop":
        close(record, now)
    elif action == "auto-stop":
        # awork ends timers after 24 h; the entry then ends 24 h after its start.
        close(record, min(now, record.start + timedelta(hours=24)))
    else:
        return  # paused already, or running already: nothing changes, as in awork
    touch(record, now)
