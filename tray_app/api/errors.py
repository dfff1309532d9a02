"""One error family for everything that can go wrong talking to awork.

HTTP status codes are mapped to these classes in exactly one place (`error_for_response`);
the UI and CLI catch `ApiError` at their edge and show `user_message`.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

import httpx

from ..i18n import translate
from . import fields

MAX_WAIT = 600.0  # the longest awork may make us wait before asking again, whatever it says
DEFAULT_WAIT = 60.0  # for a 429 that says nothing usable


@dataclass(frozen=True)
class FieldProblem:
    property: str
    message: str


class ApiError(Exception):
    """Base class. `description` is awork's own words when it sent any."""

    def __init__(
        self,
        description: str,
        *,
        status: int | None = None,
        code: str | None = None,
        trace_id: str | None = None,
        edge_ref: str | None = None,
        problems: tuple[FieldProblem, ...] = (),
        details: tuple[str, ...] = (),
    ):
        super().__init__(description)
        self.description = description
        self.status = status
        self.code = code
        self.trace_id = trace_id
        self.edge_ref = edge_ref
        self.problems = problems
        self.details = details  # awork's hints on the cause ("No project with the id '123' exists.")

    @property
    def user_message(self) -> str:
        lines = [self.description]
        lines += [d for d in self.details if d != self.description]
        lines += [f"{p.property}: {p.message}" if p.property else p.message for p in self.problems]
        if self.status is not None and self.status >= 403:
            # What awork's support asks for, e.g. when its edge security refused a request.
            # The labels stay English: they are for awork's support, who asks for them by these names.
            refs = [f"trace id {self.trace_id}"] if self.trace_id else []
            refs += [f"edge ref {self.edge_ref}"] if self.edge_ref else []
            if refs:
                lines.append(f"(awork {', '.join(refs)})")
        return "\n".join(line for line in lines if line)


class AuthError(ApiError):
    """401: the token is missing, wrong, expired or revoked."""


class PermissionDeniedError(ApiError):
    """401 with awork's code `unauthorized`: the token is fine, but the user lacks a permission
    for this one request (awork-docs/error-handling.mdx). Not an AuthError: the user stays
    signed in, and a queued action that meets it is dropped, not retried.

    `action` is set by the core to the intent that met it ("start", "search", …), so the message
    says what could not be done.
    """

    action: str | None = None

    @property
    def user_message(self) -> str:
        said = super().user_message
        if self.action == "start_task":
            return translate("ApiError", "You cannot book time on this task: {0}").format(said)
        if self.action == "start":
            return translate("ApiError", "You cannot start this timer: {0}").format(said)
        if self.action == "pause":
            return translate("ApiError", "You cannot pause this timer: {0}").format(said)
        if self.action == "resume":
            return translate("ApiError", "You cannot resume this timer: {0}").format(said)
        if self.action == "stop":
            return translate("ApiError", "You cannot stop this timer: {0}").format(said)
        if self.action == "search":
            return translate("ApiError", "You cannot search these tasks: {0}").format(said)
        if self.action == "discard":
            return translate("ApiError", "You cannot delete this time entry: {0}").format(said)
        if self.action in ("correct", "edit"):
            return translate("ApiError", "You cannot change this time entry: {0}").format(said)
        return said


# awork's codes on a 401 (error-handling.mdx): a missing permission, or a token it cannot use.
PERMISSION_CODE = "unauthorized"
BAD_TOKEN_CODE = "workspaceid-missing"


class ForbiddenError(ApiError):
    """403: awork's edge refused the request, or the user lacks a permission."""


class ValidationError(ApiError):
    """400: awork rejected the request, usually with validationErrors."""


class NotFoundError(ApiError):
    """404."""


class RateLimitedError(ApiError):
    """429: wait `retry_after` seconds before talking to awork again.

    Its message promises no retry: whether one follows is the caller's business (the sync loop
    and a user's timer action retry; a one-shot read does not)."""

    def __init__(self, description: str, *, retry_after: float, **kw):
        super().__init__(description, **kw)
        # Whoever built it: an endless or impossible wait must not block the client for good.
        self.retry_after = min(retry_after, MAX_WAIT) if retry_after >= 0 else DEFAULT_WAIT


class ServerError(ApiError):
    """5xx."""


class NetworkError(ApiError):
    """awork could not be reached: no network, refused connection, DNS, timeout."""


class MalformedResponseError(ApiError):
    """awork answered, but not with what the API promises."""


class NotSignedInError(ApiError):
    """There is no token to send."""


def _retry_after(response: httpx.Response) -> float:
    """Seconds to wait, from 0 to MAX_WAIT: unreadable, negative or NaN values are skipped."""
    for header in ("ratelimit-reset", "retry-after"):
        value = response.headers.get(header)
        wait = _seconds(value) if value is not None else None
        if wait is None and header == "retry-after" and value is not None:
            wait = _until(value, response.headers.get("date"))
        if wait is not None:
            return min(wait, MAX_WAIT)  # inf and "a year from now" alike
    return DEFAULT_WAIT


def _seconds(value: str) -> float | None:
    try:
        wait = float(value)  # "inf" and "1e400" read as infinity, "nan" as NaN
    except ValueError:
        return None
    return wait if wait >= 0 else None  # NaN compares false too


def _until(value: str, date_header: str | None) -> float | None:
    """An HTTP date, measured from awork's own Date header when it sent one (awork's clock is the clock)."""
    try:
        until = parsedate_to_datetime(value)
        now = parsedate_to_datetime(date_header) if date_header else datetime.now(timezone.utc)
        if until.tzinfo is None or now.tzinfo is None:
            return None
        wait = (until - now).total_seconds()
    except (TypeError, ValueError, OverflowError, IndexError):
        return None
    return max(wait, 0.0) if math.isfinite(wait) else None


def _redirect(response: httpx.Response) -> str:
    location = response.headers.get("location", "").strip()
    if not location:
        return translate("ApiError", "awork's address answered with a redirect ({0}) without a "
                                     "destination; it was not followed.").format(response.status_code)
    try:
        location = str(response.request.url.join(location))  # a relative one, in full
    except (RuntimeError, httpx.InvalidURL, ValueError):  # RuntimeError: a response with no request
        pass
    if len(location) > 300:
        location = location[:300] + "…"
    return translate("ApiError", "awork's address answered with a redirect to {0}; it was not followed. If this "
                                 "network needs you to sign in first, do that in your browser.").format(location)


def busy_message(wait: float) -> str:
    """What a 429 says when awork sent no words of its own (no "retrying": a read is not retried)."""
    if wait >= MAX_WAIT:
        return translate("ApiError", "awork is busy and asked to wait longer than 10 minutes; it takes new requests "
                                     "again in 10 minutes.")
    return translate("ApiError", "awork is busy (too many requests); it takes new requests again in {0} s.").format(
        max(round(wait), 1))


def _details(body: dict) -> tuple[str, ...]:
    # ErrorResponse.details: a nullable list of strings. Anything else is ignored, never fatal.
    raw = body.get("details")
    if not isinstance(raw, list):
        return ()
    return tuple(d.strip() for d in raw if isinstance(d, str) and d.strip())


def error_for_response(response: httpx.Response, *, permission: bool = False) -> ApiError:
    """The error for a failed reply. `permission`: a 401 is known to be about a permission (the
    token still works for GET /me), whatever its code says."""
    status = response.status_code
    body: dict = {}
    try:
        parsed = json.loads(response.content or b"null")
        if isinstance(parsed, dict):
            body = parsed
    except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
        pass
    problems = tuple(
        FieldProblem(fields.text(p, "property") or "", fields.text(p, "message") or "")
        for p in fields.items(body.get("validationErrors"))
        if isinstance(p, dict)
    )
    description = fields.text(body, "description")
    common = dict(
        status=status,
        code=fields.text(body, "code"),
        trace_id=response.headers.get("trace-id") or fields.text(body, "traceId"),
        edge_ref=response.headers.get("x-edge-ref"),
        problems=problems,
        details=_details(body),
    )
    # awork's own description stays as awork wrote it; only our fallbacks are translated.
    if 300 <= status < 400:
        # Not followed (tls.py): a captive portal or a moved address, which the user must hear about.
        return NetworkError(_redirect(response), **common)
    if status == 400:
        return ValidationError(description or translate("ApiError", "awork rejected the request."), **common)
    if status == 401 and (permission or common["code"] == PERMISSION_CODE):
        return PermissionDeniedError(
            description or translate("ApiError", "awork says you lack the permission for this."), **common)
    if status == 401:
        return AuthError(description or translate("ApiError", "awork did not accept the sign-in. Please sign in again."),
                         **common)
    if status == 403:
        return ForbiddenError(description or translate("ApiError", "awork refused the request (403 Forbidden)."),
                              **common)
    if status == 404:
        return NotFoundError(description or translate("ApiError", "awork could not find that."), **common)
    if status == 429:
        wait = _retry_after(response)
        message = description or busy_message(wait)
        if description and wait >= MAX_WAIT:
            message += "\n" + busy_message(wait)  # awork's words, and how long we really wait
        return RateLimitedError(message, retry_after=wait, **common)
    if status >= 500:
        return ServerError(description or translate("ApiError", "awork had a problem ({0}). Please try again.").format(
            status), **common)
    return ApiError(description or translate("ApiError", "Unexpected answer from awork ({0}).").format(status), **common)
