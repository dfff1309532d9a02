"""The awork client: one long-lived httpx.AsyncClient, JSON in, domain objects out."""

from __future__ import annotations

import logging
import time
from datetime import datetime, timezone
from typing import Any, Callable
from urllib.parse import quote

import httpx

from ..domain.entities import StartRequest, Task, TimeEntry, TypeOfWork, User
from ..i18n import translate
from . import parse, transfer
from .errors import (
    ApiError,
    MalformedResponseError,
    NotFoundError,
    NotSignedInError,
    RateLimitedError,
    error_for_response,
)
from .tokens import TokenProvider
from .tls import http_client

log = logging.getLogger(__name__)

PAGE_SIZE = 1000  # awork's maximum; its documented default is contradictory, so always send it
TIMEOUT = httpx.Timeout(10.0, connect=5.0)


class AworkClient:
    def __init__(
        self,
        base_url: str,
        tokens: TokenProvider,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        timeout: httpx.Timeout = TIMEOUT,
        deadline: float = transfer.DEADLINE,
        write_deadline: float = transfer.WRITE_DEADLINE,
        max_reply_bytes: int = transfer.MAX_REPLY_BYTES,
    ):
        self.base_url = base_url.rstrip("/")
        self._deadline, self._write_deadline, self._max_reply_bytes = deadline, write_deadline, max_reply_bytes
        self._tokens = tokens
        self._monotonic = monotonic
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

    async def types_of_work(self) -> list[TypeOfWork]:
        items = await self._paged("typeofwork", {"showArchived": "false"})
        return [t for t in parse.listing(items, parse.type_of_work) if not t.is_archived]

    async def recent_time_entries(self, user_id: str, count: int = 100) -> list[TimeEntry]:
        params = {
            "filterby": f"userId eq guid'{user_id}'",
            "orderby": "startDateUtc desc,startTimeUtc desc",
            "page": "1",
            "pageSize": str(count),
        }
        return parse.listing(await self._json("GET", "timeentries", params=params), parse.time_entry)

    async def assigned_tasks(self, limit: int = 5000) -> list[Task]:
        params = {"inProgress": "false", "filterby": "taskStatus/type ne 'done'"}
        return parse.listing(await self._paged("me/assignedtasks", params, limit=limit), parse.task)

    async def search_tasks(self, term: str, top: int = 20) -> list[Task]:
        params = {
            "searchTerm": term[:50],
            "searchTypes": "task",
            "top": str(top),
            "includeClosedAndStuck": "false",
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

    async def correct_times(self, entry: TimeEntry, *, start: datetime, end: datetime | None) -> TimeEntry:
        """Move an entry's start (and, when it is finished, its end): `PUT /timeentries/{id}`."""
        if entry.type_of_work_id is None or entry.timezone is None:
            raise MalformedResponseError(translate(
                "ApiError", "The time entry lacks its type of work or time zone; it cannot be corrected."))
        form: dict[str, Any] = {"typeOfWorkId": entry.type_of_work_id, "timezone": entry.timezone}
        if entry.task is not None:
            form["taskId"] = entry.task.id
        project = entry.project or (entry.task.project if entry.task else None)
        if project is not None:
            form["projectId"] = project.id
        if entry.note:
            form["note"] = entry.note
        form["startDateUtc"], form["startTimeUtc"] = _v1_split(start)
        if end is not None:
            form["endDateUtc"], form["endTimeUtc"] = _v1_split(end)
        return parse.time_entry(await self._json("PUT", f"timeentries/{quote(entry.id, safe='')}", json=form))

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

    async def _paged(self, path: str, params: dict[str, str], limit: int = 100_000) -> list[Any]:
        items: list[Any] = []
        page = 1
        while len(items) < limit:
            query = {**params, "page": str(page), "pageSize": str(PAGE_SIZE)}
            response = await self._send("GET", path, params=query)
            batch = self._decode(response)
            if not isinstance(batch, list):
                raise MalformedResponseError(translate("ApiError", "awork sent something other than a list."))
            items.extend(batch)
            total = response.headers.get("aw-totalitems", "")
            if len(batch) < PAGE_SIZE or (total.isdecimal() and len(total) < 16 and len(items) >= int(total)):
                break
            page += 1
        return items[:limit]

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
            raise RateLimitedError(translate("ApiError", "awork is busy; retrying in {0} s.").format(round(wait) or 1),
                                   retry_after=wait)
        token = await self._tokens.token()
        for attempt in (1, 2):
            if not token:
                raise NotSignedInError(translate("ApiError", "Not signed in to awork."))
            headers = {"Authorization": f"Bearer {token}"}
            deadline = self._deadline if method == "GET" else self._write_deadline
            response = await transfer.exchange(self._http, method, path, headers=headers, deadline=deadline,
                                               max_bytes=self._max_reply_bytes, **kw)
            if response.status_code == 401 and attempt == 1 and await self._tokens.unauthorized(token):
                token = await self._tokens.token()
                continue
            break
        if response.is_success or response.status_code in allow:
            return response
        error = error_for_response(response)
        if isinstance(error, RateLimitedError):
            self._blocked_until = self._monotonic() + error.retry_after
        log.warning(
            "%s %s -> %s %s (trace id %s, edge ref %s)",
            method,
            response.request.url.path,
            response.status_code,
            error.code or "",
            error.trace_id,
            error.edge_ref,
        )
        raise error


def _v1_split(moment: datetime) -> tuple[str, str]:
    """v1 wants the date at midnight and the time of day separately, both UTC."""
    utc = moment.astimezone(timezone.utc)
    return utc.strftime("%Y-%m-%dT00:00:00Z"), utc.strftime("%H:%M:%S")


__all__ = ["AworkClient", "ApiError"]
