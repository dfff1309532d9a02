"""Canned misbehaviour for the fake awork server: errors, broken JSON, slow, empty, trickled and huge replies."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field

LINK = "https://developers.awork.com/#response-types"

DEFAULT_ERRORS = {
    400: ("validation-failed", "One or more validation errors occurred."),
    # A bad token. A missing permission is also a 401, with code "unauthorized": arm it with
    # body={"code": "unauthorized", ...} (see PERMISSION_401).
    401: ("workspaceid-missing", "The request is missing a valid team id. Most likely, your token is invalid."),
    403: ("forbidden", "The request was blocked."),
    404: ("not-found", "The requested entity was not found."),
    405: ("invalid-operation", "The method is not allowed."),
    409: ("concurrency-violation", "The entity was changed in the meantime."),
    429: ("too-many-requests", "Too many requests. Please wait before retrying."),
    500: ("server-error", "An unexpected error occurred."),
    502: ("server-error", "Bad gateway."),
    503: ("server-error", "The service is temporarily unavailable."),
}


# awork's answer when the user lacks a permission (error-handling.mdx): a 401 with this body.
PERMISSION_401 = {"code": "unauthorized", "description": "You do not have the permission to track time on this project.",
                  "details": ["Ask a project manager for the 'time tracking' permission."]}


def new_trace_id() -> str:
    return uuid.uuid4().hex[:16]


def error_body(status: int, trace_id: str, **fields) -> dict:
    """awork's ErrorResponse: code, description, link, traceId (+ validationErrors, details)."""
    code, description = DEFAULT_ERRORS.get(status, ("server-error" if status >= 500 else "invalid-operation", f"Error {status}."))
    body = {"code": code, "description": description, "link": LINK, "traceId": trace_id}
    body.update(fields)
    return body


def merge_headers(headers: dict[str, str], extra: dict[str, str]) -> dict[str, str]:
    """Header names are case-insensitive: an extra 'trace-id' replaces 'Trace-Id'."""
    for name, value in extra.items():
        for old in [k for k in headers if k.lower() == name.lower()]:
            del headers[old]
        headers[name] = value
    return headers


def normalise_path(path: str | None) -> str | None:
    """'/api/v1/me', 'api/v1/me', '/me' and 'me' all name the same endpoint."""
    if path is None:
        return None
    path = path.split("?", 1)[0].strip("/")
    return path[len("api/v1/"):] if path.startswith("api/v1/") else path


@dataclass
class Fault:
    """One armed misbehaviour; `times` replies get it, then it is used up."""

    kind: str  # "fail" | "malformed" | "delay" | "empty" | "trickle" | "huge"
    path: str | None = None
    times: int = 1
    status: int = 200
    body: object = None
    headers: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    part: str = "body"  # trickle: "headers" or "body"
    size: int = 0  # huge: bytes in the body
    declare_length: bool = True  # huge: send Content-Length, or end the body by closing
    sent: int = 0  # trickle/huge: bytes of the reply written before the client went away

    def matches(self, path: str) -> bool:
        return self.times > 0 and (self.path is None or self.path == path)

    def canned(self, trace_id: str) -> tuple[int, dict[str, str], bytes]:
        """The reply for fail/malformed/empty faults: (status, headers, body bytes)."""
        headers = {"Trace-Id": trace_id}
        if self.kind == "malformed":
            headers["Content-Type"] = "application/json; charset=utf-8"
            return 200, headers, self.body if isinstance(self.body, bytes) else str(self.body).encode()
        if self.kind == "empty":
            return self.status, headers, b""
        if isinstance(self.body, dict) and isinstance(self.body.get("traceId"), str):
            trace_id = headers["Trace-Id"] = self.body["traceId"]
        if self.status == 429:
            headers.update({"ratelimit-limit": "1000", "ratelimit-remaining": "0", "ratelimit-reset": "60"})
        if self.status == 403:
            headers["X-Edge-Ref"] = f"edge-{trace_id}"
        merge_headers(headers, self.headers)
        if isinstance(self.body, (bytes, str)):
            content = self.body.encode() if isinstance(self.body, str) else self.body
        else:
            content = json.dumps(error_body(self.status, trace_id, **(self.body or {}))).encode()
            headers.setdefault("Content-Type", "application/json; charset=utf-8")
        return self.status, headers, content
