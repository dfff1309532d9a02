"""The sync loop tells who asked when the clocks jump apart (the reminders' timer, set on the
monotonic clock, is off by a sleep's length then)."""

from __future__ import annotations

import asyncio

import pytest

from tray_app.core import sync as sync_module
from tray_app.core.sync import SyncLoop

from helpers.sync_rig import stop
from helpers.waiting import until


@pytest.mark.parametrize("jump", [2 * 3600, -3600], ids=["slept-2h", "clock-set-back"])
def test_a_clock_jump_is_told_once_and_ordinary_time_is_not(qloop, rig, monkeypatch, jump):
    monkeypatch.setattr(sync_module, "CHECK_EVERY", 0.01)
    reads = []

    def wall() -> float:
        reads.append(1)
        return rig.clock.wall()

    sync = SyncLoop(rig.commands, wall=wall, monotonic=rig.clock.monotonic, jitter=lambda: 0.5)
    told = []
    sync.when_jumped(lambda: told.append(rig.clock.wall()))

    async def go():
        loop = asyncio.ensure_future(sync.run(first_delay=3600))
        try:
            await until(lambda: len(reads) >= 3, what="the loop running")
            rig.clock.advance(10)  # ordinary time passing
            seen = len(reads)
            await until(lambda: len(reads) >= seen + 5, what="more loop iterations")
            assert told == []
            rig.clock.advance(15, wall=jump)
            await until(lambda: told, what="the jump told")
            seen = len(reads)
            await until(lambda: len(reads) >= seen + 5, what="more loop iterations")
        finally:
            await stop(loop, rig)

    qloop.run_until_complete(go())
    assert len(told) == 1
