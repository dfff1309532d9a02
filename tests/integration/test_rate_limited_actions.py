"""A 429 on something the user asked for is not a failure: a short reset is waited out, visibly,
and the action sent then; a long one queues the action like an outage and says so; `status`
from the running tray shows the last known timer with its age. Through the real client and
Commands against the fake awork over its socket, on a simulated clock (the wait moves it)."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest

from tray_app.api.errors import RateLimitedError
from tray_app.cli_commands import run_intent
from tray_app.domain.timer import TimerState
from tray_app.exit_codes import EXIT_OK, EXIT_UNREACHABLE

from helpers.fake_awork.simulated import sim_commands
from helpers.waiting import until

START = "me/timetracking/start"
LAST = "me/timeentries/last"


def busy(seconds: int) -> dict[str, str]:
    return {"ratelimit-reset": str(seconds)}


def waits(rig) -> list:
    seen: list = []
    rig.store.subscribe(lambda state: seen.append(state.waiting) if state.waiting != (seen or [None])[-1] else None)
    return seen


def test_a_start_met_by_a_short_429_is_sent_after_the_reset_with_a_countdown(qloop, rig, fake_awork):
    seen = waits(rig)
    fake_awork.fail_next(429, headers=busy(3), path=START)
    before = rig.clock.monotonic()
    entry = qloop.run_until_complete(rig.commands.start(task=rig.task_a))
    assert entry.task.id == rig.task_a.id and rig.store.state.timer is TimerState.RUNNING
    assert seen == [("start", 3), ("start", 2), ("start", 1), None]
    assert rig.clock.monotonic() - before == pytest.approx(3)  # waited exactly the reset, on awork's word
    assert [r.fault for r in fake_awork.requests.of("POST", START)] == ["fail", None]
    state = rig.store.state
    assert state.error is None and state.pending == 0 and state.busy is None and state.waiting is None


def test_a_stop_waits_too_and_so_does_the_read_that_decides_a_toggle(qloop, rig, fake_awork):
    run = qloop.run_until_complete
    run(rig.commands.start(task=rig.task_a))
    seen = waits(rig)
    rig.clock.advance(5)  # past the two-second reuse of the last read: toggle asks awork
    fake_awork.fail_next(429, headers=busy(2), path=LAST)
    fake_awork.fail_next(429, headers=busy(1), path="me/timetracking/pause")
    run(rig.commands.toggle())
    assert rig.store.state.timer is TimerState.PAUSED
    assert seen == [("", 2), ("", 1), None, ("pause", 1), None]


def test_the_wait_is_cancellable_and_leaves_nothing_behind(qloop, rig, fake_awork):
    never = asyncio.Event()

    async def sleep(seconds):
        await never.wait()  # a real wait, until cancelled

    rig.commands.patience._sleep = sleep
    fake_awork.fail_next(429, headers=busy(5), path=START)

    async def go():
        start = asyncio.ensure_future(rig.commands.start(task=rig.task_a))
        await until(lambda: rig.store.state.waiting == ("start", 5), what="the countdown")
        start.cancel()
        await asyncio.gather(start, return_exceptions=True)

    qloop.run_until_complete(go())
    state = rig.store.state
    assert state.waiting is None and state.busy is None and state.pending == 0
    assert len(fake_awork.requests.of("POST", START)) == 1


def test_a_long_429_queues_the_action_like_an_outage_and_says_so(qloop, rig, fake_awork):
    run = qloop.run_until_complete
    fake_awork.fail_next(429, headers=busy(60), path=START)
    entry = run(rig.commands.start(task=rig.task_a))
    state = rig.store.state
    assert entry.task.id == rig.task_a.id and state.timer is TimerState.RUNNING  # shown as intended
    assert state.pending == 1 and not state.offline and state.error is None
    assert state.held == "awork is busy (too many requests) for 60 s. Your start is queued and sent to awork after that."
    assert run(rig.sync.sync_once()) == pytest.approx(60)  # not asked before the reset
    assert len(fake_awork.requests.of("POST", START)) == 1
    rig.clock.advance(60)
    run(rig.sync.sync_once())
    state = rig.store.state
    assert state.pending == 0 and state.held is None and state.error is None
    assert fake_awork.backend.last().end is None and len(fake_awork.requests.of("POST", START)) == 2


def test_without_a_queue_a_long_429_fails_and_promises_no_retry(qloop, rig, fake_awork):
    # A one-shot command line: no outbox.
    commands = sim_commands(None, rig.clock, None, base_url=fake_awork.url, token="test-token")
    fake_awork.fail_next(429, body=b"", headers=busy(60), path=START)  # no words of awork's: ours show
    try:
        with pytest.raises(RateLimitedError) as caught:
            qloop.run_until_complete(commands.start(task=rig.task_a))
    finally:
        qloop.run_until_complete(commands.client.aclose())
    assert "retry" not in caught.value.user_message.lower()
    assert commands.store.state.pending == 0 and len(fake_awork.requests.of("POST", START)) == 1


def core_of(rig):
    return SimpleNamespace(commands=rig.commands, store=rig.store, tokens=rig.commands.tokens,
                           client=rig.commands.client)


def test_status_from_the_tray_during_a_429_is_the_last_known_timer_and_its_age(qloop, rig, fake_awork):
    run = qloop.run_until_complete
    run(rig.commands.start(task=rig.task_a))
    rig.clock.advance(120)
    fake_awork.fail_next(429, headers=busy(30), path=LAST, times=2)
    outcome = run(run_intent(core_of(rig), "status", {"json": True}))
    assert outcome.exit == EXIT_OK, outcome.stderr
    assert outcome.status["state"] == "running" and outcome.status["task"]["id"] == rig.task_a.id
    assert outcome.status["age_seconds"] == 120
    text = run(run_intent(core_of(rig), "status"))
    assert text.exit == EXIT_OK
    assert text.stdout.splitlines()[-1] == ("awork is busy (too many requests): this is the timer as the tray "
                                            "knew it 2 min ago.")


def test_a_fresh_status_is_zero_seconds_old(qloop, rig):
    outcome = qloop.run_until_complete(run_intent(core_of(rig), "status", {"json": True}))
    assert outcome.exit == EXIT_OK and outcome.status["age_seconds"] == 0


def test_status_with_nothing_known_during_a_429_says_awork_is_busy(qloop, rig, fake_awork):
    fake_awork.fail_next(429, body=b"", headers=busy(30), path=LAST)
    outcome = qloop.run_until_complete(run_intent(core_of(rig), "status"))
    assert outcome.exit == EXIT_UNREACHABLE
    assert outcome.stderr.splitlines()[0] == (
        "awork-tray: awork is busy (too many requests); it takes new requests again in 30 s.")
