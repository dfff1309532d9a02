"""The fake awork in-process with simulated time and injected faults, for fast offline and soak tests.

`SimClock` stands for the wall clock (which can jump: sleep, a clock change) and the monotonic
clock (which only moves on). `FaultyTransport` serves a FakeAwork without a socket and can refuse,
fail, lose a reply after awork applied the request, or garble it. `sim_commands` wires the real
AworkClient, Outbox and Commands to them, as build_core does for the tray.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import httpx

from tray_app.api.auth.tokens import TokenHolder
from tray_app.api.client import AworkClient
from tray_app.core.commands import Commands
from tray_app.core.outbox import Outbox
from tray_app.core.state import AppState, Auth, Store
from tray_app.demo.backend import FakeAwork
from tray_app.demo.transport import DemoTransport
from tray_app.demo.workspace import demo_workspace

from .faults import error_body

TOKEN = "sim-token"
BASE_URL = "https://awork.invalid/api/v1"


class SimClock:
    def __init__(self, start: datetime | None = None):
        self.at = start or datetime(2024, 5, 6, 7, 0, tzinfo=timezone.utc)
        self.mono = 5000.0

    def now(self) -> datetime:  # the core's Clock and FakeAwork's clock
        return self.at

    def wall(self) -> float:
        return self.at.timestamp()

    def monotonic(self) -> float:
        return self.mono

    def advance(self, seconds: float, *, wall: float | None = None) -> None:
        """Both clocks move `seconds`; the wall clock `wall` seconds instead when given (a jump)."""
        self.mono += seconds
        self.at += timedelta(seconds=seconds if wall is None else wall)


@dataclass
class Sent:
    at: float  # simulated monotonic time
    method: str
    path: str
    fault: str | None
    detail: object = None  # the fault's argument (a status, or (status, headers))


@dataclass
class FaultyTransport(httpx.AsyncBaseTransport):
    backend: FakeAwork
    clock: SimClock
    offline: bool = False  # every connection refused
    faults: list[list] = field(default_factory=list)  # [kind, path or None, times, arg, after]
    sent: list[Sent] = field(default_factory=list)

    def __post_init__(self):
        self.inner = DemoTransport(self.backend, latency=0)

    def arm(self, kind: str, path: str | None = None, times: int = 1, arg=None, after: int = 0) -> None:
        """kind: refuse | status (arg: status, (status, headers) or (status, headers, body fields)) | lost (applied, then a
        timeout) | timeout (not applied) | malformed | empty (a 204). `path`: a prefix; `after`:
        let that many matching requests through first (the second action of a replay)."""
        self.faults.append([kind, path, times, arg, after])

    def _take(self, path: str):
        for fault in self.faults:
            if fault[1] is None or path.startswith(fault[1]):
                if fault[4] > 0:
                    fault[4] -= 1
                    return None
                fault[2] -= 1
                if fault[2] <= 0:
                    self.faults.remove(fault)
                return fault
        return None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix("/api/v1/")
        fault = None if self.offline else self._take(path)
        kind = "refuse" if self.offline else fault[0] if fault else None
        self.sent.append(Sent(self.clock.monotonic(), request.method, path, kind, fault[3] if fault else None))
        if kind == "refuse":
            raise httpx.ConnectError("Connection refused", request=request)
        if kind == "timeout":
            raise httpx.ReadTimeout("timed out", request=request)
        if kind == "lost":
            await self.inner.handle_async_request(request)  # awork applied it; the reply never came
            raise httpx.ReadTimeout("timed out", request=request)
        if kind == "malformed":
            return httpx.Response(200, headers={"content-type": "application/json"}, content=b'{"id": ')
        if kind == "empty":
            return httpx.Response(204)
        if kind == "status":
            status, headers, *body = fault[3] if isinstance(fault[3], tuple) else (fault[3], {})
            return httpx.Response(status, headers=headers, json=error_body(status, "sim-trace", **(body[0] if body else {})))
        return await self.inner.handle_async_request(request)

    def requests(self, method: str | None = None, path: str | None = None, *, failed: bool = False) -> list[Sent]:
        """What reached awork (with `failed`: also what was refused or answered by a fault);
        `path`: a part of the path."""
        return [s for s in self.sent if (method is None or s.method == method) and (path is None or path in s.path)
                and (failed or s.fault in (None, "lost"))]


def sim_backend(clock: SimClock, *, skew: timedelta = timedelta(0)) -> FakeAwork:
    """The fake awork on `clock`'s time; with `skew`, awork's clock is that far ahead of the
    computer's (negative: behind), as a user's wrongly set clock makes it."""
    if not skew:
        return FakeAwork(demo_workspace(now=clock.now() - timedelta(hours=1)), token=TOKEN, clock=clock.now)
    return FakeAwork(demo_workspace(now=clock.now() + skew - timedelta(hours=1)), token=TOKEN,
                     clock=lambda: clock.now() + skew)


async def _no_sleep(seconds: float) -> None:
    await asyncio.sleep(0)


def sim_commands(transport: httpx.AsyncBaseTransport | None, clock, outbox_path: Path | None, *,
                 base_url: str = BASE_URL, token: str = TOKEN, timeout: float | None = None) -> Commands:
    """Commands as the tray builds them (an outbox when `outbox_path`), on `clock`'s time. On a
    SimClock, the wait for a rate limit moves the clock instead of sleeping."""
    tokens = TokenHolder(token, "test")
    kw = {"timeout": httpx.Timeout(timeout)} if timeout else {}
    client = AworkClient(base_url, tokens, transport=transport, monotonic=clock.monotonic, wall=clock.now, **kw)
    store = Store(AppState(auth=Auth.SIGNED_IN, auth_source="test"))
    outbox = Outbox(outbox_path) if outbox_path is not None else None
    if isinstance(clock, SimClock):
        async def sleep(seconds: float) -> None:
            clock.advance(seconds)
            await _no_sleep(seconds)
    else:
        sleep = asyncio.sleep
    return Commands(store, client, tokens, zone_name=lambda: "Europe/Berlin", clock=clock,
                    monotonic=clock.monotonic, outbox=outbox, sleep=sleep)


class RealClock:
    """Real time for the socket tests, with the same face as SimClock."""

    def now(self) -> datetime:
        return datetime.now(timezone.utc)

    def monotonic(self) -> float:
        import time

        return time.monotonic()


class SimWorld:
    """The core, the fake awork and the network between them on simulated clocks: awork's clock
    `skew` ahead of the computer's (negative: behind). Notices the user was shown are collected."""

    def __init__(self, folder: Path, *, skew: timedelta = timedelta(0)):
        self.clock = SimClock()
        self.skew = skew
        self.backend = sim_backend(self.clock, skew=skew)
        self.net = FaultyTransport(self.backend, self.clock)
        self.commands = sim_commands(self.net, self.clock, folder / "outbox.json")
        self.store = self.commands.store
        self.notices: list[str] = []  # what the user was told (errors apart)
        self.store.subscribe_notices(lambda notice: notice.warning or self.notices.append(notice.text))

    def awork_now(self) -> datetime:
        return self.backend.clock()

    def later(self, minutes: float) -> datetime:
        """Time passes; returns awork's time then."""
        self.clock.advance(minutes * 60)
        return self.awork_now()

    def task(self, key: str):
        from tray_app.api.parse import task as parse_task

        return parse_task(next(t for t in self.backend.ws.tasks if t["taskIdentifier"] == key))

    def record(self, entry_id: str):
        return next(r for r in self.backend.ws.entries if r.id == entry_id)

    def open_records(self) -> int:
        return sum(1 for r in self.backend.ws.entries if r.running)
