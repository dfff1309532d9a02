"""Which entry is the timer: `GET /me/timeentries/last` is the last entry *started*, manual
entries included, so a manual entry added in the web app can stand in front of the timer."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from tray_app.core.sync import SyncLoop
from tray_app.domain.timer import TimerState

from helpers.fake_awork.simulated import SimWorld
from helpers.offline_steps import back_online, stop_offline


def run(coro):
    return asyncio.run(coro)


@pytest.fixture
def world(tmp_path):
    return SimWorld(tmp_path)


def sync_loop(world: SimWorld) -> SyncLoop:
    return SyncLoop(world.commands, wall=world.clock.wall, monotonic=world.clock.monotonic, jitter=lambda: 0.5)


@pytest.mark.parametrize("with_end", [False, True], ids=["duration-only", "start-and-end"])
def test_a_later_manual_entry_does_not_hide_the_running_timer(world, with_end):
    task = world.task("WEB-12")
    sync = sync_loop(world)

    async def go():
        timer = await world.commands.start(task=task)
        world.later(30)
        # Added in the web app: this afternoon's meeting, starting after the timer did.
        world.backend.add_manual_elsewhere(world.awork_now() - timedelta(minutes=10), seconds=300, with_end=with_end)
        await sync.sync_once()
        shown = world.store.state
        toggled = await world.commands.toggle()  # the key pauses the timer: no second one starts
        return timer, shown, toggled

    timer, shown, toggled = run(go())
    assert shown.timer is TimerState.RUNNING and shown.entry.id == timer.id
    assert not [n for n in world.notices if "stopped" in n]
    assert toggled.id == timer.id and world.store.state.timer is TimerState.PAUSED
    assert world.open_records() == 1 and len(world.net.requests("POST", "timetracking/start")) == 1


def test_a_timer_stopped_behind_a_manual_entry_is_told_as_stopped(world):
    task = world.task("WEB-12")
    sync = sync_loop(world)

    async def go():
        await world.commands.start(task=task)
        world.later(30)
        world.backend.change_elsewhere("stop")
        world.backend.add_manual_elsewhere(world.awork_now() - timedelta(minutes=5), seconds=120)
        await sync.sync_once()
        await sync.sync_once()  # nothing new: nothing told again

    run(go())
    assert world.store.state.timer is TimerState.IDLE
    assert [n for n in world.notices if n.startswith("Timer stopped in awork")] == [
        "Timer stopped in awork: Sitemap entwerfen · Website Relaunch"]


def test_the_toggle_key_finds_a_timer_the_tray_has_not_seen_behind_a_manual_entry(world):
    task = world.backend.ws.tasks[2]

    async def go():
        timer = world.backend.start_elsewhere(task["typeOfWorkId"], task["id"])
        world.later(20)
        world.backend.add_manual_elsewhere(world.awork_now() - timedelta(minutes=5), seconds=60)
        await world.commands.refresh_timer()  # the tray's first look (at launch, say)
        shown = world.store.state
        return timer, shown, await world.commands.toggle()

    timer, shown, toggled = run(go())
    assert shown.timer is TimerState.RUNNING and shown.entry.id == timer.id
    assert toggled.task.id == task["id"] and world.store.state.timer is TimerState.PAUSED
    assert not world.net.requests("POST", "timetracking/start") and world.open_records() == 1


def test_idle_polls_ask_only_for_the_last_entry(world):
    """The entry list is asked at the first look and when the timer we knew of seems gone, not
    on every idle poll (the rate limit is the whole workspace's)."""
    sync = sync_loop(world)

    async def go():
        for _ in range(4):
            await sync.sync_once()
            world.later(3)

    run(go())
    assert len([s for s in world.net.requests("GET") if s.path == "timeentries"]) == 1
    assert len(world.net.requests("GET", "me/timeentries/last")) == 4


def test_an_edit_in_the_web_app_does_not_drop_the_offline_stop(world):
    task = world.task("WEB-12")

    async def go():
        entry, stopped = await stop_offline(world, task, 25)
        world.later(5)
        world.backend.edit_elsewhere(world.record(entry.id), note="edited in the web app",
                                     type_of_work_id=world.backend.ws.types_of_work[3]["id"])
        await back_online(world, 10)
        return entry, stopped

    entry, stopped = run(go())
    record = world.record(entry.id)
    assert record.end == stopped  # stopped, and corrected to when the user pressed stop
    assert record.note == "edited in the web app"  # the edit stays too
    assert not [n for n in world.notices if "was not sent" in n]
    assert world.store.state.timer is TimerState.IDLE and world.store.state.pending == 0


def test_a_real_change_elsewhere_still_wins_over_older_offline_actions(world):
    task = world.task("WEB-12")

    async def go():
        await world.commands.start(task=task)
        world.net.offline = True
        world.later(1)
        await world.commands.pause()
        world.later(1)
        world.backend.change_elsewhere("stop")
        await back_online(world, 1)

    run(go())
    assert [n for n in world.notices if n.startswith("Your offline pause") and "newer change wins" in n]
    assert not world.net.requests("POST", "timetracking/pause")
