"""Request checks the way awork's API applies them, so a mistake fails here before it fails there."""

from __future__ import annotations

import re
import zoneinfo
from functools import lru_cache

GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")

START_FIELDS = {"typeOfWorkId", "timezone", "isBillable", "isBilled", "taskId", "projectId", "note"}


class Rejected(Exception):
    """Becomes an awork ErrorResponse."""

    def __init__(self, status: int, code: str, description: str, problems: list[tuple[str, str]] = ()):
        super().__init__(description)
        self.status = status
        self.code = code
        self.description = description
        self.problems = list(problems)

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
    return isinstance(name, str) and name in _zones()


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


def check_paging(query: dict[str, str]) -> tuple[int, int]:
    try:
        page = int(query.get("page", "1"))
        size = int(query.get("pageSize", "10"))
    except ValueError:
        raise Rejected(400, "validation-failed", "page and pageSize must be whole numbers.") from None
    if page < 1 or not 1 <= size <= 1000:
        raise Rejected(400, "value-out-of-range", "page must be >= 1 and pageSize between 1 and 1000.")
    return page, size
