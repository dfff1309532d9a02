"""What the fake awork server saw: every request, thread-safe, with a way to wait for one."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Iterator


@dataclass
class RecordedRequest:
    method: str
    path: str  # relative to /api/v1 without leading slash ("me/timetracking/start")
    full_path: str  # as sent, without the query ("/api/v1/me/timetracking/start")
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names; Authorization is never kept
    auth_present: bool  # an Authorization header was sent
    auth_valid: bool  # ... and it was "Bearer <the server's token>"
    body: object  # parsed JSON, the raw bytes when not JSON, None when empty
    raw: bytes
    fault: str | None = None  # the injected fault that answered it, if any
    status: int | None = None  # the status replied (set once the reply is ready)
    trace_id: str | None = None  # the Trace-Id replied
    received_at: float = field(default_factory=time.time)  # wall clock, for the benchmark

    @property
    def has_body(self) -> bool:
        return bool(self.raw)


def parse_body(raw: bytes) -> object:
    if not raw:
        return None
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return raw


class RequestLog:
    """A list of RecordedRequest that the server's threads append to and tests read."""

    def __init__(self) -> None:
        self._items: list[RecordedRequest] = []
        self._changed = threading.Condition()

    def append(self, request: RecordedRequest) -> None:
        with self._changed:
            self._items.append(request)
            self._changed.notify_all()

    def replied(self, request: RecordedRequest, status: int, trace_id: str | None) -> None:
        with self._changed:
            request.status, request.trace_id = status, trace_id
            self._changed.notify_all()

    def snapshot(self) -> list[RecordedRequest]:
        with self._changed:
            return list(self._items)

    def __len__(self) -> int:
        with self._changed:
            return len(self._items)

    def __iter__(self) -> Iterator[RecordedRequest]:
        return iter(self.snapshot())

    def __getitem__(self, index):
        with self._changed:
            return self._items[index]

    def clear(self) -> None:
        with self._changed:
            self._items.clear()

    def of(self, method: str | None = None, path: str | None = None) -> list[RecordedRequest]:
        return [r for r in self.snapshot() if (method is None or r.method == method) and (path is None or r.path == path)]

    def wait_for(self, predicate: Callable[[RecordedRequest], bool], timeout: float = 5.0) -> RecordedRequest:
        """The first recorded request (past or future) matching `predicate`; TimeoutError if none
        arrives in time. Woken by the server on every arrival and reply, no polling."""
        found: list[RecordedRequest] = []

        def ready() -> bool:
            found[:] = [r for r in self._items if predicate(r)][:1]
            return bool(found)

        with self._changed:
            if not self._changed.wait_for(ready, timeout):
                raise TimeoutError(f"no matching request within {timeout} s; saw {[(r.method, r.path) for r in self._items]}")
        return found[0]
