"""While awork cannot be reached, the store holds when the sync loop tries next: the popover's
"retrying in N s" is read from there, so it is the loop's real schedule, not a made-up number."""

from __future__ import annotations

import asyncio

from tray_app.core import sync as sync_module

from helpers.sync_rig import stop
from helpers.waiting import until


def test_the_next_try_is_in_the_store_while_offline(qloop, rig, fake_awork, monkeypatch):
    monkeypatch.setattr(sync_module, "CHECK_EVERY", 0.01)  # the loop wakes often; the clock is simulated
    fake_awork.stop()

    async def go():
        loop = asyncio.ensure_future(rig.sync.run(first_delay=0))
        try:
            await until(lambda: rig.store.state.next_try is not None, what="the first failed try")
            assert rig.store.state.offline
            assert rig.store.state.next_try == rig.clock.monotonic() + 2.0  # the backoff (jitter fixed at 1.0x)
            rig.clock.advance(2.0)
            await until(lambda: rig.store.state.next_try == rig.clock.monotonic() + 4.0, what="the second try")
            fake_awork.start()
            rig.clock.advance(4.0)
            await until(lambda: not rig.store.state.offline, what="awork back")
            # The loop clears it once its sync returns, a moment after the read that said awork is back.
            await until(lambda: rig.store.state.next_try is None, what="no next try once awork answers")
        finally:
            await stop(loop, rig)

    qloop.run_until_complete(go())
