"""awork's clock decides every start, pause and stop; the computer's may be hours off. The core
learns the offset from awork's Date headers and compares awork's times with awork's time."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest

from tray_app.domain.timer import TimerState, elapsed

from helpers.fake_awork.simulated import SimWorld
from helpers.offline_steps import back_online, stop_offline

AHEAD = timedelta(hours=3, minutes=2)  # awork's clock ahead: the computer's is 3 h 2 min behind


def run(coro):
    return asyncio.run(coro)


def close(a: datetime, b: datetime, seconds: float = 2.0) -> bool:
    return abs((a - b).total_seconds()) <= seconds


@pytest.mark.parametrize("skew", [AHEAD, -AHEAD], ids=["computer-behind", "computer-ahead"])
def test_an_offline_stop_is_corrected_on_awork_s_clock(tmp_path, skew):
    """Before: a computer 3 h behind shrank the entry to 0 s (its stop "before" the start)."""
    world = SimWorld(tmp_path, skew=skew)
    task = world.task("WEB-12")

    async def go():
        entry, pressed = await stop_offline(world, task, 25)
        await back_online(world, 30)
        return entry, pressed

    entry, pressed = run(go())
    record = world.record(entry.id)
    assert close(record.end, pressed)
    assert abs((record.end - record.start) - timedelta(minutes=25)) <= timedelta(seconds=2)
    assert [n for n in world.notices if n.startswith("Corrected in awork")]


def test_a_switch_made_offline_moves_no_entry_by_the_clock_s_error(tmp_path):
    world = SimWorld(tmp_path, skew=AHEAD)
    task_a, task_b = world.task("WEB-12"), world.task("APP-10")

    async def go():
        a = await world.commands.start(task=task_a)
        world.net.offline = True
        switched = world.later(10)
        await world.commands.start(task=task_b)
        await back_online(world, 30)
        return a, switched

    a, switched = run(go())
    first, second = world.record(a.id), world.backend.running()
    assert close(first.end, switched) and close(second.start, switched)
    assert abs((first.end - first.start) - timedelta(minutes=10)) <= timedelta(seconds=2)


def test_actions_queued_before_awork_ever_answered_move_to_awork_s_clock(tmp_path):
    world = SimWorld(tmp_path, skew=AHEAD)
    task = world.task("WEB-12")

    async def go():
        world.net.offline = True  # no reply yet: awork's clock is not known
        pressed = world.awork_now()
        await world.commands.start(task=task)
        await back_online(world, 20)
        return pressed

    pressed = run(go())
    assert close(world.backend.running().start, pressed)


def test_the_live_timer_counts_on_awork_s_clock(tmp_path):
    world = SimWorld(tmp_path, skew=-AHEAD)  # the computer is 3 h 2 min ahead

    async def go():
        await world.commands.start(task=world.task("WEB-12"))
        world.later(10)
        await world.commands.refresh_timer()

    run(go())
    state = world.store.state
    assert state.timer is TimerState.RUNNING
    assert abs(elapsed(state.entry, world.commands.clock.now()) - timedelta(minutes=10)) <= timedelta(seconds=2)
    assert abs(state.clock_offset + AHEAD.total_seconds()) <= 2


def test_a_clock_within_the_header_s_resolution_reports_no_offset(tmp_path):
    world = SimWorld(tmp_path)
    run(world.commands.refresh_timer())
    assert world.store.state.clock_offset == 0 and world.commands.clock.known
