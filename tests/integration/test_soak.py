"""A bounded soak: thousands of sync cycles on simulated time with random faults, user actions
and changes made elsewhere. Checks the invariants (at most one timer, no start applied twice,
the queue drained, the app showing awork's truth) and the request budget: in steady state at
most 3 requests a minute (the reads of the week's totals included), and none at all while a 429
says to wait."""

from __future__ import annotations

import asyncio
import random
from collections import Counter

from tray_app.api.errors import ApiError
from tray_app.api.parse import task as parse_task
from tray_app.core.sync import SyncLoop
from tray_app.domain.timer import timer_state

from helpers.fake_awork.simulated import FaultyTransport, SimClock, sim_backend, sim_commands
from helpers.sync_rig import Rig

BUDGET = 3  # requests per simulated minute in steady state


class InProcess:
    """Faults through FaultyTransport, no socket: fast enough for thousands of cycles."""

    def __init__(self, tmp_path):
        self.clock = SimClock()
        self.backend = sim_backend(self.clock)
        self.net = FaultyTransport(self.backend, self.clock)
        self.commands = sim_commands(self.net, self.clock, tmp_path / "outbox.json")

    def requests(self) -> int:
        return len(self.net.sent)

    def offline(self, down: bool) -> None:
        self.net.offline = down

    def fault(self, rng: random.Random) -> None:
        kind = rng.choice(["503", "429", "lost", "timeout", "malformed", "empty"])
        path = rng.choice([None, "me/timetracking/", "me/timeentries/last"])
        if kind == "429":
            self.net.arm("status", path, arg=(429, {"ratelimit-reset": str(rng.choice([5, 45, 120]))}))
        else:
            self.net.arm("status" if kind == "503" else kind, path, arg=503)

    def check_429_waits(self) -> int:
        """No request reached awork while a 429's reset had not passed; returns how many 429s."""
        sent = self.net.sent
        limited = [(s.at, float(s.detail[1]["ratelimit-reset"])) for s in sent
                   if s.fault == "status" and isinstance(s.detail, tuple)]
        for at, wait in limited:
            assert not [s for s in sent if at < s.at < at + wait], "asked awork while a 429 said to wait"
        return len(limited)

    def settle(self) -> None:
        self.net.offline, self.net.faults = False, []


class OverSocket:
    """The same against the fake server on a real socket (its own fault injection)."""

    def __init__(self, rig: Rig):
        self.rig, self.server = rig, rig.server
        self.clock, self.backend, self.commands = rig.clock, rig.server.backend, rig.commands

    def requests(self) -> int:
        return len(self.server.requests)

    def offline(self, down: bool) -> None:
        self.server.stop() if down else self.server.start()

    def fault(self, rng: random.Random) -> None:
        kind = rng.choice(["503", "429", "malformed", "empty"])
        path = rng.choice([None, "me/timeentries/last"])
        if kind == "429":
            self.server.fail_next(429, headers={"ratelimit-reset": str(rng.choice([5, 45, 120]))}, path=path)
        elif kind == "503":
            self.server.fail_next(503, path=path)
        elif kind == "malformed":
            self.server.malformed_next(path=path)
        else:
            self.server.empty_next("me/timeentries/last")

    def check_429_waits(self) -> int:
        return sum(1 for r in self.server.requests if r.status == 429)

    def settle(self) -> None:
        self.server.start()
        self.server.clear_faults()


async def soak(side, cycles: int, seed: int) -> dict:
    rng = random.Random(seed)
    clock, commands = side.clock, side.commands
    sync = SyncLoop(commands, wall=clock.wall, monotonic=clock.monotonic, jitter=rng.random, totals=True)
    tasks = [parse_task(t) for t in side.backend.ws.tasks[:6]]
    per_minute: Counter[int] = Counter()
    disturbed: set[int] = set()
    outage_until = None
    notes: list[str] = []
    notices: list[str] = []
    commands.store.subscribe_notices(lambda notice: notice.warning or notices.append(notice.text))

    def minute() -> int:
        return int(clock.monotonic() // 60)

    for cycle in range(cycles):
        before, blocked = side.requests(), commands.client.rate_limited_for > 0
        replaying = len(commands.outbox) > 0  # recovery traffic, not steady state
        delay = await sync.sync_once()
        if blocked:
            assert side.requests() == before, "asked awork while a 429 said to wait"
        per_minute[minute()] += side.requests() - before
        if replaying or sync.failures or len(commands.outbox) or outage_until is not None:
            disturbed.add(minute())
        assert sum(1 for r in side.backend.ws.entries if r.end is None) <= 1, "two timers run"

        roll = rng.random()
        if roll < 0.03:
            side.fault(rng)
            disturbed.add(minute())
        elif roll < 0.04 and outage_until is None:
            side.offline(True)
            outage_until = clock.monotonic() + rng.choice([20, 90, 600])
        elif roll < 0.07:
            kind = rng.choice(["start", "start", "pause", "resume", "stop"])
            before = side.requests()
            try:
                if kind == "start":
                    await commands.start(task=tasks[len(notes) % len(tasks)], note=f"soak {cycle}")
                    notes.append(f"soak {cycle}")
                else:
                    await getattr(commands, kind)()
            except ApiError:
                pass  # refused at once and shown (429, garbled reply): nothing to keep
            per_minute[minute()] += side.requests() - before
            disturbed.add(minute())
        elif roll < 0.085:
            action = rng.choice(["pause", "resume", "stop", "auto-stop"])
            side.backend.change_elsewhere(action)
        clock.advance(delay)
        if outage_until is not None and clock.monotonic() >= outage_until:
            side.offline(False)
            outage_until = None

    side.settle()
    for _ in range(5):
        clock.advance(130)
        await sync.sync_once()
    state = commands.store.state
    assert len(commands.outbox) == 0 and state.pending == 0 and not state.offline
    last = side.backend.running() or side.backend.last()  # awork's timer, else its last entry
    assert (state.entry.id if state.entry else None) == (last.id if last else None)
    assert state.timer is timer_state(commands.server_entry)
    started = Counter(r.note for r in side.backend.ws.entries if r.note in notes)
    assert not [n for n, k in started.items() if k > 1], "a start was applied twice"
    assert len(notes) - len(started) <= sum("offline start" in n for n in notices), "a start was lost without a word"
    steady = [n for m, n in per_minute.items() if m not in disturbed]
    assert steady and max(steady) <= BUDGET, f"steady state over budget: {max(steady)} requests in a minute"
    minutes = max(per_minute) - min(per_minute) + 1
    return {"cycles": cycles, "rate_limited": side.check_429_waits(), "minutes": minutes, "requests": sum(per_minute.values()),
            "steady_minutes": len(steady), "starts": len(notes), "applied": len(started)}


def test_soak_in_process(tmp_path):
    stats = asyncio.run(soak(InProcess(tmp_path), cycles=3000, seed=20240506))
    assert stats["requests"] / stats["minutes"] <= BUDGET  # even with the faults, on average
    assert stats["steady_minutes"] > 1000 and stats["applied"] > 10


def test_soak_over_the_socket(qloop, rig_factory):
    rig = rig_factory()
    stats = qloop.run_until_complete(soak(OverSocket(rig), cycles=400, seed=7))
    assert stats["requests"] / stats["minutes"] <= BUDGET
    assert stats["steady_minutes"] > 100
