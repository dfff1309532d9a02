"""Where awork's OpenAPI document and awork itself (or openapi-core) part ways: the one list.

The contract tier validates against the extract of awork's document as it is, except for the
deviations below. Each names the exact place it changes, what it changes and why; `apply`
refuses one that no longer matches the document (so a fixed document retires its exception).
Nothing here switches validation of an operation off.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass


@dataclass(frozen=True)
class Deviation:
    """Set (or, with None, remove) `changes` on the node at `pointer` (JSON pointer into the extract)."""

    pointer: str
    expect: dict  # what the document says there now: the deviation applies only while it does
    changes: dict
    reason: str


_LOCAL_DATE_TIME = {"type": "string", "nullable": True,
                    "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?$"}

DEVIATIONS: tuple[Deviation, ...] = (
    Deviation(
        "/components/securitySchemes/oauth2",
        expect={"type": "oauth2"},
        changes={"type": "http", "scheme": "bearer", "flows": None},
        reason="openapi-core cannot check an oauth2 scheme (it warns and lets any request through). An OAuth "
               "access token travels as `Authorization: Bearer <token>` (awork-docs/authentication.mdx, RFC 6750), "
               "so every operation's oauth2 requirement is checked as exactly that header.",
    ),
    Deviation(
        "/paths/~1clientapplications~1register/post",
        expect={"security": [{"oauth2": ["full_access"]}]},
        changes={"security": []},
        reason="Dynamic client registration happens before there is any token: the operation's own description "
               "says \"Allows unauthenticated access\" (x-access: anonymous), as RFC 7591 intends, yet it lists the "
               "oauth2 requirement every operation carries.",
    ),
    *(Deviation(
        f"/components/schemas/{schema}/properties/{field}",
        expect={"type": "string", "format": "date-time", "nullable": True},
        changes={"format": None, **_LOCAL_DATE_TIME},
        reason="A local date has no UTC offset (\"2022-03-01T00:00:00\", the document's own example for these "
               "fields; .NET writes an unspecified-kind DateTime so), which JSON Schema's date-time (RFC 3339) "
               "refuses. Checked against that shape instead, with up to 7 fractional digits.",
    ) for schema in ("TimeTracking", "TimeTrackingPutForm") for field in ("startDateLocal", "endDateLocal")),
    Deviation(
        "/paths/*/*/responses",
        expect={"default": None},
        changes={"default": {"description": "Any error", "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}}}},
        reason="awork answers a failed request on any operation with its ErrorResponse (awork-docs/error-handling.mdx: "
               "400, 401, 404 for every request; rate-limits.mdx: 429), but the document declares error replies on "
               "some operations only. An error status an operation does not list is checked against ErrorResponse; "
               "a success status it does not list is still a violation (see validating.py).",
    ),
)

# Endpoints awork tray calls that the document does not describe at all: (METHOD, path below /api/v1).
UNDOCUMENTED: dict[tuple[str, str], str] = {
    ("POST", "/accounts/token"): "OAuth's token endpoint (code exchange, refresh) is described only in "
                                 "awork-docs/authentication.mdx and the oauth2 scheme's tokenUrl, not as an operation.",
}

# What the document leaves open or says inconsistently, where our requests need no deviation.
NOTES: dict[str, str] = {
    "GET /accounts/authorize": "Not in the document either (only in authentication.mdx and the oauth2 scheme); the "
                               "user's browser opens it, never our HTTP client, so no exchange is checked.",
    "POST /me/timetracking/pause, /resume": "No requestBody in the document; the client sends none (awork ignored "
                                            "\"{}\"), and the fake refuses a body.",
    "POST /me/timetracking/stop": "requestBody StopTimeTrackingForm, optional, with additionalProperties:false and no "
                                  "properties, while the description offers a `stopReason`. The client sends no body.",
    "GET /search": "The task hits' project (ProjectEntity) has no projectKey and the type of work (TypeOfWorkEntity) "
                   "no id: search results cannot show a project key or start without GET /tasks/{taskId}.",
    "startTimeUtc, endTimeUtc": "Plain strings in the document (no format): awork's 7-digit fractions "
                                "(\"07:09:28.3515950\") need no exception.",
}


def _nodes(document: dict, pointer: str) -> list:
    """The nodes at `pointer`; a `*` part stands for every key at that level."""
    nodes = [document]
    for part in pointer.lstrip("/").split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        found = []
        for node in nodes:
            if not isinstance(node, dict):
                continue
            if part == "*":
                found += [value for value in node.values() if isinstance(value, dict)]
            elif part in node:
                found.append(node[part])
        nodes = found
    if not nodes:
        raise LookupError(f"deviation {pointer!r}: nothing there in the extract")
    return nodes


def apply(document: dict, deviations: tuple[Deviation, ...] | None = None) -> dict:
    for deviation in DEVIATIONS if deviations is None else deviations:
        for node in _nodes(document, deviation.pointer):
            for key, value in deviation.expect.items():
                if node.get(key, None) != value:
                    raise LookupError(f"deviation {deviation.pointer!r}: the extract has {key}={node.get(key)!r}, "
                                      f"not {value!r}; the document changed, so revisit this exception")
            for key, value in deviation.changes.items():
                if value is None:
                    node.pop(key, None)
                else:
                    node[key] = copy.deepcopy(value)
    return document
