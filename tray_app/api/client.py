"""The awork client: one long-lived httpx.AsyncClient, JSON in, domain objects out."""

from __future__ import annotations

import logging
import time
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, Callable, NoReturn
from urllib.parse import quote

import httpx

from ..domain.clock_offset import ClockOffset
from ..domain.entities import StartRequest, Task, TimeEntry, TrackingRules, TypeOfWork, User
from ..domain.timer import TimerState, timer_state
from ..i18n import translate
from . import parse, transfer
from .auth.tokens import TokenProvider
from .errors import (
    BAD_TOKEN_CODE,
    PERMISSION_CODE,
    ApiError,
    MalformedResponseError,
    NotFoundError,
    NotSignedInError,
    RateLimitedError,
    busy_message,
    error_for_response,
)
from .tls import http_client
from .v1_time import split_v1

log = logging.getLogger(__name__)

PAGE_SIZE = 1000  # awork's maximum; its documented default is contradictory, so always send it
TIMEOUT = httpx.Timeout(10.0, connect=5.0)
OPEN_ENTRIES = 20  # entries without an end to look through for the running timer


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class AworkClient:
    def __init__(
        self,
        base_url: str,
        tokens: TokenProvider,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        timeout: httpx.Timeout = TIMEOUT,
        wall: Callable[[], datetime] = _utc_now,
        deadline: float = transfer.DEADLINE,
        write_deadline: float = transfer.WRITE_DEADLINE,
        max_reply_bytes: int = transfer.MAX_REPLY_BYTES,
    ):
        self.base_url = base_url.rstrip("/")
        self._deadline, self._write_deadline, self._max_reply_bytes = deadline, write_deadline, max_reply_bytes
        self._tokens = tokens
        self._monotonic = monotonic
        self._wall = wall
        # awork's clock against ours, from the Date header of every reply (domain.clock_offset).
        self.clock_offset = ClockOffset()
        self._blocked_until = 0.0
        self._http = http_client(transport=transport, timeout=timeout, base_url=self.base_url + "/")

    async def aclose(self) -> None:
        await self._http.aclose()

    @property
    def rate_limited_for(self) -> float:
        """Seconds left before awork may be asked again (0 when free)."""
        return max(self._blocked_until - self._monotonic(), 0.0)

    # -- the endpoints -------------------------------------------------------------------------

    async def me(self) -> User:
        return parse.user(await self._json("GET", "me"))

    async def last_time_entry(self) -> TimeEntry | None:
        response = await self._send("GET", "me/timeentries/last", allow={204, 404})
        if response.status_code in (204, 404) or not response.content.strip():
            return None
        return parse.time_entry(self._decode(response))

    async def running_time_entry(self, user_id: str) -> TimeEntry | None:
        """The user's running or paused timer, found among their entries without an end.

        `GET /me/timeentries/last` is the last entry *started*: a manual entry added in the web
        app that starts later hides the timer there. (A manual entry may have no end either, so
        awork's filter narrows the list and timer_state decides.)"""
        params = {
            "filterby": f"userId eq guid'{user_id}' and endDateUtc eq null",
            "orderby": "startDateUtc desc,startTimeUtc desc",
            "page": "1",
            "pageSize": str(OPEN_ENTRIES),
        }
        entries = parse.listing(await self._json("GET", "timeentries", params=params), parse.time_entry)
        return next((e for e in entries if timer_state(e) is not TimerState.IDLE), None)

    async def types_of_work(self, *, archived_too: bool = False) -> list[TypeOfWork]:
        """The active types of work; with `archived_too`, the archived ones as well (marked)."""
        items = await self._paged("typeofwork", {"showArchived": "true" if archived_too else "false"})
        return [t for t in parse.listing(items, parse.type_of_work) if archived_too or not t.is_archived]

    async def project_types_of_work(self, project_id: str) -> list[TypeOfWork]:
        """The types of work a project allows, archived ones included as awork lists them."""
        path = f"projects/{quote(project_id, safe='')}/typeofwork"
        return parse.listing(await self._json("GET", path), parse.type_of_work)

    async def tracking_rules(self) -> TrackingRules:
        """The workspace's time tracking settings, e.g. no tracking on done projects."""
        return parse.tracking_rules(await self._json("GET", "timetracking/settings"))

    async def recent_time_entries(self, user_id: str, count: int = 100) -> list[TimeEntry]:
        params = {
            "filterby": f"userId eq guid'{user_id}'",
            "orderby": "startDateUtc desc,startTimeUtc desc",
            "page": "1",
            "pageSize": str(count),
        }
        return parse.listing(await self._json("GET", "timeentries", params=params), parse.time_entry)

    async def time_entries_started(self, user_id: str, since: date, until: date) -> list[TimeEntry]:
        """The user's entries that started on the UTC days `since` up to (not including) `until`:
        one request for a week (awork's filter on `startDateUtc`, which is midnight of the UTC
        day), more only past a page of 1000 entries."""
        params = {
            "filterby": (f"userId eq guid'{user_id}' and startDateUtc ge datetime'{since.isoformat()}T00:00' "
                         f"and startDateUtc lt datetime'{until.isoformat()}T00:00'"),
            "orderby": "startDateUtc desc,startTimeUtc desc",
        }
        return await self._paged("timeentries", params, parse_one=parse.time_entry)

    async def assigned_tasks(self, limit: int = 5000) -> list[Task]:
        params = {"inProgress": "false", "filterby": "taskStatus/type ne 'done'"}
        return await self._paged("me/assignedtasks", params, limit=limit, parse_one=parse.task)

    async def search_tasks(self, term: str, top: int = 20) -> list[Task]:
        params = {
            "searchTerm": term[:50],
            "searchTypes": "task",
            "top": str(top),
            # Done tasks stay findable (marked as done); awork leaves them out unless asked.
            "includeClosedAndStuck": "true",
        }
        return parse.search_tasks(await self._json("GET", "search", params=params))

    async def task_by_key(self, key: str) -> Task | None:
        try:
            return parse.task(await self._json("GET", f"tasks/key/{quote(key, safe='')}"))
        except NotFoundError:
            return None

    async def task(self, task_id: str) -> Task:
        return parse.task(await self._json("GET", f"tasks/{quote(task_id, safe='')}"))

    async def start(self, request: StartRequest) -> TimeEntry:
        return parse.time_entry(await self._json("POST", "me/timetracking/start", json=request.to_form()))

    async def time_entry(self, entry_id: str) -> TimeEntry:
        """One entry as awork has it now: `GET /timeentries/{id}` (NotFoundError when gone)."""
        return parse.time_entry(await self._json("GET", f"timeentries/{quote(entry_id, safe='')}"))

    async def update_entry(self, entry: TimeEntry) -> TimeEntry:
        """Make awork's entry `entry.id` what `entry` says: `PUT /timeentries/{id}`.

        The PUT replaces the entry (a boolean left out becomes false), so everything of the entry
        the form can carry and we know is sent: the caller changes what the user changed (the
        note, type of work, task, billable, the times) on the entry as awork last sent it. A
        running entry sends no end: awork then moves only its start, the duration staying 0."""
        if entry.type_of_work_id is None or entry.timezone is None:
            raise MalformedResponseError(translate(
                "ApiError", "The time entry lacks its type of work or time zone; it cannot be corrected."))
        form: dict[str, Any] = {"typeOfWorkId": entry.type_of_work_id, "timezone": entry.timezone}
        if entry.task is not None:
            form["taskId"] = entry.task.id
        project = entry.effective_project
        if project is not None:
            form["projectId"] = project.id
        if entry.note:
            form["note"] = entry.note
        if entry.is_billable is not None:
            form["isBillable"] = entry.is_billable
        if entry.is_billed is not None:
            form["isBilled"] = entry.is_billed
        if entry.user_id:
            form["userId"] = entry.user_id
        form["startDateUtc"], form["startTimeUtc"] = split_v1(entry.start)
        if entry.end is not None:
            form["endDateUtc"], form["endTimeUtc"] = split_v1(entry.end)
        return parse.time_entry(await self._json("PUT", f"timeentries/{quote(entry.id, safe='')}", json=form))

    async def delete_entry(self, entry_id: str) -> None:
        """`DELETE /timeentries/{id}`: gone for good (awork keeps no bin). Already gone: done too."""
        await self._send("DELETE", f"timeentries/{quote(entry_id, safe='')}", allow={404})

    async def pause(self) -> TimeEntry | None:
        return await self._control("pause")

    async def resume(self) -> TimeEntry | None:
        return await self._control("resume")

    async def stop(self) -> TimeEntry | None:
        return await self._control("stop")

    # -- plumbing ------------------------------------------------------------------------------

    async def _control(self, action: str) -> TimeEntry | None:
        # No body and no Content-Type: awork ignored pause/resume sent with "{}".
        response = await self._send("POST", f"me/timetracking/{action}", allow={204})
        if response.status_code == 204 or not response.content.strip():
            return None
        return parse.time_entry(self._decode(response))

    async def _paged(self, path: str, params: dict[str, str], limit: int = 100_000, parse_one=None) -> list[Any]:
        """Every page up to `limit` items. With `parse_one`, each page is parsed as it comes and its
        JSON dropped before the next is read: 5,000 tasks never hold all their JSON at once, and
        what is kept does not end up scattered between the holes all of it would leave in Python's
        memory (5,000 tasks: ~4 MiB less resident for the life of the tray)."""
        items: list[Any] = []
        seen = 0  # items awork sent (parsing may skip a broken one)
        page = 1
        while seen < limit:
            query = {**params, "page": str(page), "pageSize": str(PAGE_SIZE)}
            response = await self._send("GET", path, params=query)
            batch = self._decode(response)
            if not isinstance(batch, list):
                raise MalformedResponseError(translate("ApiError", "awork sent something other than a list."))
            wanted = batch[: limit - seen]
            items.extend(parse.listing(wanted, parse_one) if parse_one is not None else wanted)
            seen += len(batch)
            total = response.headers.get("aw-totalitems", "")
            if len(batch) < PAGE_SIZE or (total.isdecimal() and len(total) < 16 and seen >= int(total)):
                break
            page += 1
            del batch, wanted, response  # this page's JSON goes before the next one arrives
        return items

    async def _json(self, method: str, path: str, **kw) -> Any:
        return self._decode(await self._send(method, path, **kw))

    def _decode(self, response: httpx.Response) -> Any:
        try:
            return response.json()
        except (ValueError, RecursionError) as exc:  # RecursionError: nested thousands deep
            log.warning(
                "malformed JSON from %s %s (status %s, trace id %s)",
                response.request.method,
                response.request.url.path,
                response.status_code,
                response.headers.get("trace-id"),
            )
            raise MalformedResponseError(
                translate("ApiError", "awork sent a reply that could not be read."), status=response.status_code,
                trace_id=response.headers.get("trace-id"),
            ) from exc

    async def _send(self, method: str, path: str, *, allow: set[int] = frozenset(), **kw) -> httpx.Response:
        wait = self.rate_limited_for
        if wait > 0:
            raise RateLimitedError(busy_message(wait), retry_after=wait)
        token = await self._tokens.token()
        response = await self._request(token, method, path, **kw)
        if response.status_code == 401 and _code(response) != PERMISSION_CODE:
            # The token may be bad (awork's `workspaceid-missing`, or no code at all): refresh
            # once and try again. A 401 `unauthorized` is a missing permission: no refresh for it.
            if await self._tokens.unauthorized(token):
                token = await self._tokens.token()
                response = await self._request(token, method, path, **kw)
            if response.status_code == 401 and _code(response) not in (PERMISSION_CODE, BAD_TOKEN_CODE):
                return self._fail(response, await self._token_still_works(token, path))
        if response.is_success or response.status_code in allow:
            return response
        return self._fail(response)

    async def _request(self, token: str | None, method: str, path: str, **kw) -> httpx.Response:
        if not token:
            raise NotSignedInError(translate("ApiError", "Not signed in to awork."))
        headers = {"Authorization": f"Bearer {token}"}
        sent = self._monotonic()
        deadline = self._deadline if method == "GET" else self._write_deadline
        response = await transfer.exchange(self._http, method, path, headers=headers, deadline=deadline,
                                           max_bytes=self._max_reply_bytes, **kw)
        self.clock_offset.observe(_date_header(response), self._wall(), self._monotonic() - sent)
        return response

    async def _token_still_works(self, token: str | None, path: str) -> bool:
        """A 401 that names no cause: does awork still accept `token` for GET /me (which any
        signed-in user may read)? Yes means the 401 was about a permission, not the sign-in."""
        if path == "me":
            return False
        probe = await self._request(token, "GET", "me")
        if probe.is_success:
            return True
        if probe.status_code != 401:
            self._fail(probe)  # awork failing or busy: "try later", not "signed out"
        return False

    def _fail(self, response: httpx.Response, permission: bool = False) -> NoReturn:
        error = error_for_response(response, permission=permission)
        if isinstance(error, RateLimitedError):
            self._blocked_until = self._monotonic() + error.retry_after
        log.warning(
            "%s %s -> %s %s (trace id %s, edge ref %s)",
            response.request.method,
            response.request.url.path,
            response.status_code,
            error.code or "",
            error.trace_id,
            error.edge_ref,
        )
        raise error


def _code(response: httpx.Response) -> str | None:
    """awork's error code of a reply (None when the body has none)."""
    try:
        body = response.json()
    except (ValueError, UnicodeDecodeError):
        return None
    code = body.get("code") if isinstance(body, dict) else None
    return code if isinstance(code, str) else None


def _date_header(response: httpx.Response) -> datetime | None:
    try:
        moment = parsedate_to_datetime(response.headers.get("date", ""))
    except (TypeError, ValueError, IndexError):
        return None
    return moment if moment.tzinfo is not None else None


__all__ = ["ApiError", "AworkClient"]
