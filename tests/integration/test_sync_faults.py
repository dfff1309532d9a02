"""The sync loop and the commands against a misbehaving awork, over real sockets and qasync.

Faults come from the fake server (tests/fake_awork); time from a simulated clock shared by the
core, the client's rate-limit wait and the fake awork, so waits of minutes take no time.
"""

from __future__ import annotations

import asyncio
import gc
import warnings
from datetime import timedelta

import pytest

from tray_app.api.errors import MalformedResponseError, NetworkError
from tray_app.core import sync as sync_module
from tray_app.core.state import Auth
from tray_app.core.sync import ACTIVE_INTERVAL, IDLE_INTERVAL, SyncLoop
from tray_app.domain.timer import TimerState, elapsed

from helpers.sync_rig import stop
from helpers.waiting import until

LAST = "me/timeentries/last"
WHAT = "Sitemap entwerfen · Website Relaunch"


def test_429_no_request_until_the_reset_has_passed(qloop, rig, fake_awork, monkeypatch):
    monkeypatch.setattr(sync_module, "CHECK_EVERY", 0.01)  # the loop wakes often; the clock is simulated
    fake_awork.fail_next(429, body=b"", headers={"ratelimit-reset": "45"}, path=LAST)

    async def go():
        loop = asyncio.ensure_future(rig.sync.run(first_delay=0))
        try:
            await until(lambda: rig.store.state.error is not None, what="the 429")
            assert rig.store.state.error.splitlines()[0] == "awork is busy (too many requests); it takes new requests again in 45 s."
            seen = rig.sent()
            rig.clock.advance(20)
            rig.sync.poke()  # the popover opened: the client refuses locally, awork is not asked
            await until(lambda: rig.store.state.error == "awork is busy (too many requests); it takes new requests again in 25 s.", what="the local refusal")
            rig.clock.advance(24)
            rig.sync.poke()
            await until(lambda: rig.store.state.error == "awork is busy (too many requests); it takes new requests again in 1 s.", what="the last second")
            assert rig.sent() == seen
            rig.clock.advance(1.5)
            await until(lambda: rig.sent() > seen, what="the sync after the reset")
            await until(lambda: rig.store.state.error is None and rig.commands.timer_age is not None,
                        what="a clean sync")
        finally:
            await stop(loop, rig)

    qloop.run_until_complete(go())
    # (the first clean look also asks for the open entries: a timer may run behind a manual entry)
    assert [(r.path, r.fault) for r in fake_awork.requests] == [(LAST, "fail"), (LAST, None), ("timeentries", None)]


def test_503_backs_off_exponentially_then_recovers(qloop, rig, fake_awork):
    fake_awork.fail_next(503, path=LAST, times=4)
    run = qloop.run_until_complete
    delays = [run(rig.sync.sync_once()) for _ in range(4)]
    assert delays == [2.0, 4.0, 8.0, 16.0]  # jitter fixed at 1.0x
    assert rig.store.state.error.splitlines()[0] == "The service is temporarily unavailable."  # awork's words
    assert not rig.store.state.offline
    assert rig.gets() == 4  # one request per try, nothing more
    assert run(rig.sync.sync_once()) == IDLE_INTERVAL
    assert rig.store.state.error is None and rig.sync.failures == 0


def test_backoff_with_jitter_stays_in_its_band_and_is_capped(rig):
    draws = iter([0.0, 0.999, 0.3] * 20)
    loop = SyncLoop(rig.commands, jitter=lambda: next(draws))
    for failures in range(1, 13):
        loop.failures = failures
        base = min(2.0 * 2 ** (failures - 1), sync_module.MAX_BACKOFF)
        assert 0.5 * base <= loop.backoff() <= 1.5 * base
    assert loop.backoff() <= 1.5 * sync_module.MAX_BACKOFF


def test_refused_connections_mean_offline_without_an_error(qloop, rig, fake_awork):
    run = qloop.run_until_complete
    run(rig.commands.start(task=rig.task_a))
    fake_awork.stop()
    assert [run(rig.sync.sync_once()) for _ in range(3)] == [2.0, 4.0, 8.0]
    state = rig.store.state
    assert state.offline and state.error is None and state.timer is TimerState.RUNNING  # last known truth
    fake_awork.start()
    assert run(rig.sync.sync_once()) == ACTIVE_INTERVAL
    assert not rig.store.state.offline


def test_slow_reply_past_the_timeout_is_one_request_not_a_pile_up(qloop, rig_factory, fake_awork):
    rig = rig_factory(timeout=0.3)
    fake_awork.delay_next(1.0, path=LAST)

    async def go():
        # The sync loop, the popover and a hotkey all want the timer while awork is slow.
        return await asyncio.gather(rig.sync.sync_once(), rig.commands.refresh_timer(), rig.commands.popover_opened(),
                                    rig.commands.refresh_timer(), return_exceptions=True)

    sync_delay, first, opened, second = qloop.run_until_complete(go())
    assert rig.gets() == 1
    assert isinstance(first, NetworkError) and second is first and opened is None
    assert sync_delay == 2.0 and rig.store.state.offline
    assert qloop.run_until_complete(rig.sync.sync_once()) == IDLE_INTERVAL
    assert rig.gets() == 2 and not rig.store.state.offline


def test_slow_reply_within_the_timeout_is_shared(qloop, rig, fake_awork):
    fake_awork.delay_next(0.3, path=LAST)

    async def go():
        return await asyncio.gather(*(rig.commands.refresh_timer() for _ in range(5)), rig.sync.sync_once())

    *entries, delay = qloop.run_until_complete(go())
    assert rig.gets() == 1 and len({e.id for e in entries}) == 1 and delay == IDLE_INTERVAL


def test_malformed_json_is_an_error_and_retried(qloop, rig, fake_awork):
    fake_awork.malformed_next(path=LAST)
    run = qloop.run_until_complete
    assert run(rig.sync.sync_once()) == 2.0
    assert rig.store.state.error == "awork sent a reply that could not be read."
    assert run(rig.sync.sync_once()) == IDLE_INTERVAL and rig.store.state.error is None


def test_a_204_where_an_entry_was_expected(qloop, rig, fake_awork):
    run = qloop.run_until_complete
    fake_awork.empty_next("me/timetracking/start")
    with pytest.raises(MalformedResponseError):
        run(rig.commands.start(task=rig.task_a))
    state = rig.store.state
    assert state.error == "awork sent a reply that could not be read." and state.pending == 0 and not state.offline
    assert state.busy is None
    run(rig.commands.start(task=rig.task_a))
    fake_awork.empty_next("me/timetracking/stop")  # "nothing was running": read what awork has
    run(rig.commands.stop())
    assert rig.store.state.timer is TimerState.RUNNING and rig.store.state.error is None
    # /last says "nothing" while a timer ran: awork's open entries are asked before the tray
    # believes it stopped; it still runs.
    fake_awork.empty_next(LAST)
    run(rig.sync.sync_once())
    assert rig.store.state.timer is TimerState.RUNNING and rig.notices == []
    assert [r for r in fake_awork.requests if r.path == "timeentries" and "endDateUtc eq null" in r.query["filterby"]]
    rig.clock.advance(60)
    run(rig.commands.stop())
    fake_awork.empty_next(LAST)
    run(rig.sync.sync_once())
    assert rig.store.state.entry is None and rig.store.state.timer is TimerState.IDLE


def test_timer_changed_elsewhere_between_polls_is_told_once_each(qloop, rig, fake_awork):
    run = qloop.run_until_complete
    backend = fake_awork.backend
    assert run(rig.sync.sync_once()) == IDLE_INTERVAL and rig.notices == []
    task = backend.ws.tasks[0]
    backend.start_elsewhere(task["typeOfWorkId"], task["id"])
    assert run(rig.sync.sync_once()) == ACTIVE_INTERVAL
    for action in ("pause", "resume", "stop"):
        rig.clock.advance(30)
        backend.change_elsewhere(action)
        run(rig.sync.sync_once())
    run(rig.sync.sync_once())  # nothing new: nothing told
    assert rig.notices == [f"Timer started in awork: {WHAT}", f"Timer paused in awork: {WHAT}",
                           f"Timer resumed in awork: {WHAT}", f"Timer stopped in awork: {WHAT}"]
    # one read per poll, and the first look's question for open entries: nothing else
    assert rig.gets() == 6 and rig.sent() == 7
    run(rig.commands.start(task=rig.task_b))
    run(rig.sync.sync_once())
    assert len(rig.notices) == 4  # our own start is no news


def test_auto_stopped_timer_is_told(qloop, rig, fake_awork):
    run = qloop.run_until_complete
    run(rig.commands.start(task=rig.task_a))
    started = rig.store.state.entry.start
    rig.clock.advance(25 * 3600)
    fake_awork.backend.change_elsewhere("auto-stop")
    run(rig.sync.sync_once())
    assert rig.notices == [f"awork stopped your timer after 24 hours: {WHAT}"]
    assert rig.store.state.entry.end == started + timedelta(hours=24)


def test_no_requests_while_signed_out(qloop, rig, fake_awork):
    run = qloop.run_until_complete
    fake_awork.fail_next(401, path=LAST)
    assert run(rig.sync.sync_once()) == IDLE_INTERVAL
    assert rig.store.state.auth is Auth.SIGNED_OUT
    assert [run(rig.sync.sync_once()) for _ in range(5)] == [IDLE_INTERVAL] * 5
    assert rig.sent() == 1  # no loop of 401s


def test_an_unexpected_error_does_not_end_the_loop(qloop, rig, monkeypatch):
    def broken(*a, **kw):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(rig.commands, "refresh_timer", broken)
    assert qloop.run_until_complete(rig.sync.sync_once()) == 2.0
    monkeypatch.undo()
    assert qloop.run_until_complete(rig.sync.sync_once()) == IDLE_INTERVAL


def test_a_step_run_with_no_loop_running_leaves_nothing_never_awaited(rig):
    """qasync runs what is due once more after its loop stopped (and Qt runs it whenever events are
    processed outside the loop): such a step fails, and must not leave a wait never awaited."""
    steps = rig.sync.run(first_delay=60.0)
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        with pytest.raises(RuntimeError, match="no running event loop"):
            steps.send(None)
        gc.collect()  # (the failed step's frames sit in a reference cycle)
    assert [str(w.message) for w in seen] == []


def test_poke_syncs_at_once(qloop, rig, fake_awork):
    async def go():
        loop = asyncio.ensure_future(rig.sync.run())  # first sync due in 180 s (simulated, not waited)
        try:
            await asyncio.sleep(0)
            assert rig.sent() == 0
            rig.sync.poke()
            await until(lambda: rig.gets() == 1, what="the poked sync")
        finally:
            await stop(loop, rig)

    qloop.run_until_complete(go())


# -- sleep and clock jumps -----------------------------------------------------------------------


class CountingWall:
    """The loop's wall clock, counting reads: each loop iteration reads it once."""

    def __init__(self, clock):
        self.clock, self.reads = clock, 0

    def __call__(self) -> float:
        self.reads += 1
        return self.clock.wall()


@pytest.mark.parametrize("jump", [2 * 3600, -3600], ids=["slept-2h", "clock-set-back"])
def test_clock_jump_syncs_at_once_and_the_time_shown_is_awork_s(qloop, rig, fake_awork, monkeypatch, jump):
    monkeypatch.setattr(sync_module, "CHECK_EVERY", 0.01)
    run = qloop.run_until_complete
    run(rig.commands.start(task=rig.task_a))
    started = rig.store.state.entry.start
    rig.clock.advance(20 * 60)
    run(rig.commands.pause())
    rig.clock.advance(10 * 60)
    run(rig.commands.resume())
    rig.clock.advance(5 * 60)
    wall = CountingWall(rig.clock)
    sync = SyncLoop(rig.commands, wall=wall, monotonic=rig.clock.monotonic, jitter=lambda: 0.5)

    async def go():
        loop = asyncio.ensure_future(sync.run())
        try:
            await until(lambda: wall.reads >= 3, what="the loop running")
            before = rig.gets()
            rig.clock.advance(10)  # ordinary time passing: not a jump, nothing due
            reads = wall.reads
            await until(lambda: wall.reads >= reads + 5, what="more loop iterations")
            assert rig.gets() == before
            rig.clock.advance(15, wall=jump)  # the laptop slept, or the clock was set
            await until(lambda: rig.gets() == before + 1, what="the sync after the jump")
            await until(lambda: rig.commands.timer_age == 0, what="the sync to finish")  # awork heard just now
        finally:
            await stop(loop, rig)

    run(go())
    shown = elapsed(rig.store.state.entry, rig.clock.now())
    assert rig.store.state.entry.start == started
    assert shown == max(rig.clock.now() - started - timedelta(minutes=10), timedelta(0))


def test_an_action_wakes_the_sync_loop(qloop, rig, fake_awork):
    """The loop subscribes to the commands' actions: awork's view is read right after one."""

    async def go():
        loop = asyncio.ensure_future(rig.sync.run(first_delay=3600))
        try:
            await rig.commands.start(task=rig.task_a)
            before = rig.gets()
            await until(lambda: rig.gets() > before, what="the sync the action asked for")
        finally:
            await stop(loop, rig)

    qloop.run_until_complete(go())
    assert rig.store.state.timer is TimerState.RUNNING
