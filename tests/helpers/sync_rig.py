"""Commands + SyncLoop over real sockets against the fake awork server, on a simulated clock.

The clock is shared by the core, the client's rate-limit wait and the fake awork itself, so a
test can move time (or make it jump) without waiting. The loop is qasync's, as in the tray.
The fixtures `rig` and `rig_factory` are the integration tier's (tests/integration/conftest.py).
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone

import pytest

from tray_app.api.parse import task as parse_task
from tray_app.core.sync import SyncLoop

from .fake_awork.simulated import SimClock, sim_commands


class Rig:
    def __init__(self, server, tmp_path, *, timeout: float | None = None):
        self.server = server
        self.clock = SimClock(datetime.now(timezone.utc).replace(microsecond=0))
        server.backend.clock = self.clock.now
        self.commands = sim_commands(None, self.clock, tmp_path / "outbox.json", base_url=server.url,
                                     token="test-token", timeout=timeout)
        self.store = self.commands.store
        self.sync = SyncLoop(self.commands, wall=self.clock.wall, monotonic=self.clock.monotonic, jitter=lambda: 0.5)
        self.notices: list[str] = []  # what the user was told (errors apart)
        self.store.subscribe_notices(lambda notice: notice.warning or self.notices.append(notice.text))
        tasks = server.backend.ws.tasks
        self.task_a, self.task_b = parse_task(tasks[0]), parse_task(tasks[3])

    def gets(self) -> int:
        return len(self.server.requests.of("GET", "me/timeentries/last"))

    def sent(self) -> int:
        return len(self.server.requests)


async def stop(loop: asyncio.Task, rig: Rig) -> None:
    """End a SyncLoop.run task, and let a read it started finish (it is shielded from the
    cancel), so nothing is left pending on the session's event loop."""
    loop.cancel()
    await asyncio.gather(loop, return_exceptions=True)
    if rig.commands.reader.in_flight is not None:
        await asyncio.gather(rig.commands.reader.in_flight, return_exceptions=True)


@pytest.fixture
def rig_factory(qloop, fake_awork, tmp_path):
    made: list[Rig] = []

    def make(**kw) -> Rig:
        made.append(Rig(fake_awork, tmp_path, **kw))
        return made[-1]

    yield make
    for rig in made:
        qloop.run_until_complete(rig.commands.client.aclose())


@pytest.fixture
def rig(rig_factory) -> Rig:
    return rig_factory()
