"""Request checks the way awork's API applies them, so a mistake fails here before it fails there."""

from __future__ import annotations

import re
import zoneinfo
from functools import lru_cache

GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")

START_FIELDS = {"typeOfWorkId", "timezone", "isBillable", "isBilled", "taskId", "projectId", "note"}


class Rejected(Exception):
    """Becomes an awork ErrorResponse."""

    def __init__(
        self,
        status: int,
        code: str,
        description: str,
        problems: list[tuple[str, str]] = (),
        headers: dict[str, str] | None = None,
    ):
        super().__init__(description)
        self.status = status
        self.code = code
        self.description = description
        self.problems = list(problems)
        self.headers = dict(headers or {})

    def body(self, trace_id: str) -> dict:
        body = {
            "code": self.code,
            "description": self.description,
            "link": "https://developers.awork.com/#response-types",
            "traceId": trace_id,
        }
        if self.problems:
            body["validationErrors"] = [{"property": p, "message": m} for p, m in self.problems]
        return body


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def is_iana_zone(name: object) -> bool:
    """A full IANA name such as 'Europe/Berlin' (or UTC). tzdata also carries legacy keys like
    'CET' or 'EST5EDT'; they are abbreviations, not the zone names awork asks for."""
    if not isinstance(name, str) or name not in _zones():
        return False
    return "/" in name or name in ("UTC", "GMT")


def is_guid(value: object) -> bool:
    return isinstance(value, str) and bool(GUID.match(value))


def check_start_form(form: object) -> None:
    if not isinstance(form, dict):
        raise Rejected(400, "invalid-model", "The request body must be a JSON object.")
    problems: list[tuple[str, str]] = []
    for key in form:
        if key not in START_FIELDS:
            problems.append((key, f"Could not find member '{key}' on object of type 'StartTimeTrackingForm'."))
    if form.get("typeOfWorkId") is None:
        problems.append(("TypeOfWorkId", "'Type Of Work Id' must not be empty."))
    elif not is_guid(form["typeOfWorkId"]):
        problems.append(("TypeOfWorkId", "'Type Of Work Id' is not a valid GUID."))
    zone = form.get("timezone")
    if not isinstance(zone, str) or not zone:
        problems.append(("Timezone", "'Timezone' must not be empty."))
    elif not is_iana_zone(zone):
        problems.append(("Timezone", f"'{zone}' is not a valid IANA time zone."))
    for key in ("taskId", "projectId"):
        if form.get(key) is not None and not is_guid(form[key]):
            problems.append((key[0].upper() + key[1:], f"'{key}' is not a valid GUID."))
    if form.get("note") is not None and not isinstance(form["note"], str):
        problems.append(("Note", "'Note' must be a string."))
    for key in ("isBillable", "isBilled"):
        if key in form and not isinstance(form[key], bool):
            problems.append((key[0].upper() + key[1:], f"'{key}' must be a boolean."))
    if problems:
        raise Rejected(400, "validation-failed", "One or more validation errors occurred.", problems)


def check_bool(query: dict[str, str], name: str, default: bool) -> bool:
    value = query.get(name)
    if value is None:
        return default
    if value.lower() not in ("true", "false"):
        raise Rejected(400, "validation-failed", f"The value '{value}' is not valid for {name}.", [(name, "must be true or false")])
    return value.lower() == "true"


def check_int(query: dict[str, str], name: str, default: int, low: int, high: int) -> int:
    try:
        value = int(query.get(name, str(default)))
    except ValueError:
        raise Rejected(400, "validation-failed", f"{name} must be a whole number.", [(name, "not a number")]) from None
    if not low <= value <= high:
        raise Rejected(400, "value-out-of-range", f"{name} must be between {low} and {high}.")
    return value


def media_type(headers: dict[str, str]) -> str:
    return headers.get("content-type", "").split(";")[0].strip().lower()


def check_paging(query: dict[str, str]) -> tuple[int, int]:
    try:
        page = int(query.get("page", "1"))
        size = int(query.get("pageSize", "10"))
    except ValueError:
        raise Rejected(400, "validation-failed", "page and pageSize must be whole numbers.") from None
    if page < 1 or not 1 <= size <= 1000:
        raise Rejected(400, "value-out-of-range", "page must be >= 1 and pageSize between 1 and 1000.")
    return page, size
