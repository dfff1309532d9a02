"""The away watch: samples only while a timer runs and the setting is on, hands over an away
span on awork's clock, never one from a pause, and says when the desktop tells no idle time."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

from tray_app.core.away_watch import AwayWatch
from tray_app.core.state import AppState, Store
from tray_app.domain.entities import Break, TimeEntry
from tray_app.platform.idle.base import IdleUnavailable

T0 = datetime(2025, 6, 2, 9, 0, tzinfo=timezone.utc)
AHEAD = timedelta(minutes=3)  # awork's clock ahead of ours


class Desk:
    """The computer: wall and awake clocks, the user's last input, and the idle backend's face."""

    name = "fake"

    def __init__(self):
        self.wall = T0
        self.awake = 100.0
        self.last_input = T0
        self.asked = 0
        self.unavailable = False

    def pass_time(self, seconds: float, *, user_there: bool = True) -> None:
        self.wall += timedelta(seconds=seconds)
        self.awake += seconds
        if user_there:
            self.last_input = self.wall

    async def idle_seconds(self) -> float:
        self.asked += 1
        if self.unavailable:
            raise IdleUnavailable("this desktop tells apps no idle time")
        return (self.wall - self.last_input).total_seconds()

    async def locked(self):
        return None

    async def close(self):
        return None


def running(start: datetime, **kw) -> TimeEntry:
    return TimeEntry("e1", start=start, **kw)


def make(store: Store, desk: Desk, found: list, minutes: float | None = 10):
    threshold = [None if minutes is None else timedelta(minutes=minutes)]

    async def sleep(seconds: float) -> None:  # time passes while the watch waits; the user acts by script
        step = desk.script.pop(0) if getattr(desk, "script", None) else ("there", seconds)
        kind, length = step
        desk.pass_time(length, user_there=kind == "there")
        await asyncio.sleep(0)

    watch = AwayWatch(store, desk, threshold=lambda: threshold[0], on_away=found.append,
                      awork_now=lambda: desk.wall + AHEAD, wall=lambda: desk.wall.timestamp(),
                      monotonic=lambda: desk.awake, sleep=sleep)
    return watch, threshold


async def run_until(watch: AwayWatch, done, limit: int = 10_000) -> None:
    task = asyncio.ensure_future(watch.run())
    for _ in range(limit):
        await asyncio.sleep(0)
        if done():
            break
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


def test_away_for_38_minutes_is_handed_over_on_awork_s_clock():
    desk, found = Desk(), []
    store = Store(AppState(entry=running(T0 - timedelta(hours=1) + AHEAD)))
    desk.script = [("there", 5)] * 3 + [("away", 5)] * (38 * 12) + [("there", 5)] * 3
    watch, _ = make(store, desk, found)
    left = T0 + timedelta(seconds=15)
    asyncio.run(run_until(watch, lambda: found))
    [away] = found
    assert away.start == left + AHEAD and away.minutes == 38
    assert watch.source == "fake" and watch.problem is None


def test_nothing_is_sampled_while_paused_or_off_and_a_pause_is_no_away_time():
    desk, found = Desk(), []
    paused = running(T0 - timedelta(hours=1), breaks=(Break(T0),))
    store = Store(AppState(entry=paused))
    watch, threshold = make(store, desk, found)

    async def go():
        task = asyncio.ensure_future(watch.run())
        for _ in range(50):
            await asyncio.sleep(0)
        assert desk.asked == 0  # paused: not even asked
        desk.pass_time(40 * 60, user_there=False)  # away while paused, then a key resumes it
        desk.pass_time(1)
        store.update(entry=running(T0 - timedelta(hours=1), breaks=(Break(T0, desk.wall + AHEAD),)))
        for _ in range(200):
            await asyncio.sleep(0)
        assert desk.asked > 0 and found == []
        threshold[0] = None  # the setting turned off
        watch.poke()
        await asyncio.sleep(0)
        asked = desk.asked
        for _ in range(50):
            await asyncio.sleep(0)
        assert desk.asked <= asked + 1
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    asyncio.run(go())


def test_without_idle_time_a_sleep_is_still_noticed_and_the_problem_is_told():
    desk, found = Desk(), []
    desk.unavailable = True
    store = Store(AppState(entry=running(T0 - timedelta(hours=1))))
    watch, _ = make(store, desk, found)
    desk.script = [("there", 5)] * 2

    async def sleep_for_an_hour():
        task = asyncio.ensure_future(watch.run())
        for _ in range(20):
            await asyncio.sleep(0)
        desk.wall += timedelta(hours=1)  # the lid closed: only the wall clock moves
        desk.script = [("there", 5)] * 4
        for _ in range(100):
            await asyncio.sleep(0)
            if found:
                break
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    asyncio.run(sleep_for_an_hour())
    [away] = found
    assert away.slept and 60 <= away.minutes <= 61
    assert watch.problem and watch.source == ""
    assert asyncio.run(watch.probe()) == "this desktop tells apps no idle time"
