"""How seldom the away watch asks the desktop (each ask wakes the app, with an X or D-Bus round
trip), and that asking seldom loses nothing: the away time found is as precise as before.

The watch's waits are taken as asked (the fake sleep moves the clocks by exactly that much), and
the user's presence is a script on the wall clock."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

import pytest

from tray_app.core.away_watch import MAX_INTERVAL, PRESENT_INTERVAL, AwayWatch, next_sample
from tray_app.core.state import AppState, Store
from tray_app.domain.entities import Break, TimeEntry

T0 = datetime(2025, 6, 2, 9, 0, tzinfo=timezone.utc)
TEN = timedelta(minutes=10)


@pytest.mark.parametrize("idle, settled, wait", [
    (0.0, True, PRESENT_INTERVAL),  # just typed: nothing can reach ten minutes within the next one
    (570.0, True, 30.0),  # 9.5 min idle: the threshold is reached in 30 s, no sooner
    (597.0, True, MAX_INTERVAL),  # about to be away: often, to notice the return soon
    (3600.0, True, MAX_INTERVAL),  # away: often
    (0.0, False, MAX_INTERVAL),  # just after a sleep, or locked: the next sample tells
    (None, True, MAX_INTERVAL),  # no idle time from this desktop: only the clocks tell a sleep
])
def test_the_next_sample_waits_as_long_as_nothing_can_change(idle, settled, wait):
    assert next_sample(TEN, idle, settled=settled) == wait


def test_a_short_threshold_is_sampled_often_enough_for_it():
    assert next_sample(timedelta(seconds=4), 0.0) == 4.0
    assert next_sample(timedelta(seconds=4), 3.5) == 2.0  # half the threshold, as before


class Desk:
    """Wall and awake clocks, and the user: there (typing) unless inside one of `away` spans."""

    name = "fake"

    def __init__(self, away: list[tuple[float, float]] = (), lid: list[tuple[float, float]] = ()):
        self.t = 0.0  # awake seconds since T0
        self.slept = 0.0  # seconds of sleep so far (the wall clock saw them, the awake clock did not)
        self.away = list(away)  # (from, to) in wall seconds since T0: no input
        self.lid = list(lid)  # (at, for): the computer sleeps at wall second `at` for `for` seconds
        self.waits: list[float] = []

    @property
    def wall_s(self) -> float:
        return self.t + self.slept

    def last_input(self) -> float:
        """Wall seconds since T0 of the last input (people type all the time when they are there)."""
        now = self.wall_s
        for start, end in self.away:
            if start <= now < end:
                return start
        for at, length in self.lid:
            if at <= now < at + length + 1:  # (typing again a second after the wake)
                return at
        return now

    async def idle_seconds(self) -> float:
        # Linux and macOS: the idle counter leaves the sleep out, like the awake clock.
        last = self.last_input()
        slept_since = sum(length for at, length in self.lid if last <= at and at + length <= self.wall_s)
        return self.wall_s - last - slept_since

    async def locked(self):
        return None

    async def close(self):
        return None

    async def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        end = self.t + seconds
        for at, length in self.lid:
            if self.t <= at - self.slept < end:  # the lid closes during this wait
                self.slept += length
        self.t = end
        await asyncio.sleep(0)


def watch_for(desk: Desk, store: Store, found: list) -> AwayWatch:
    return AwayWatch(store, desk, threshold=lambda: TEN, on_away=found.append, awork_now=lambda: T0 + timedelta(
        seconds=desk.wall_s), wall=lambda: T0.timestamp() + desk.wall_s, monotonic=lambda: desk.t, sleep=desk.sleep)


async def run_for(watch: AwayWatch, desk: Desk, wall_seconds: float) -> None:
    task = asyncio.ensure_future(watch.run())
    while desk.wall_s < wall_seconds and not task.done():
        await asyncio.sleep(0)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


def running() -> Store:
    return Store(AppState(entry=TimeEntry("e1", start=T0 - timedelta(hours=1))))


def test_an_hour_at_work_asks_the_desktop_once_a_minute_not_every_five_seconds():
    desk, found = Desk(), []
    watch = watch_for(desk, running(), found)
    asyncio.run(run_for(watch, desk, 3600))
    assert found == []
    assert watch.samples <= 61  # it was 720 (every 5 s)
    assert min(desk.waits) == PRESENT_INTERVAL


def test_asking_seldom_still_finds_the_away_time_to_the_second_and_the_return_within_seconds():
    left, back = 200.0, 200.0 + 25 * 60  # the last input, and the first after 25 minutes away
    desk, found = Desk(away=[(left, back)]), []
    watch = watch_for(desk, running(), found)
    asyncio.run(run_for(watch, desk, back + 120))
    [away] = found
    assert away.start == T0 + timedelta(seconds=left)
    assert timedelta(0) <= away.end - (T0 + timedelta(seconds=back)) <= timedelta(seconds=MAX_INTERVAL)
    assert not away.slept
    # Often only from when ten minutes away could be reached until the return: 25 - 10 minutes.
    assert watch.samples <= (back + 120) / PRESENT_INTERVAL + 15 * 60 / MAX_INTERVAL + 2


def test_a_sleep_starts_the_away_time_within_a_sample_interval_of_the_lid_closing():
    closed = 1000.0
    desk, found = Desk(lid=[(closed, 3600.0)]), []
    watch = watch_for(desk, running(), found)
    asyncio.run(run_for(watch, desk, closed + 3600 + 300))
    [away] = found
    assert away.slept
    assert timedelta(0) <= T0 + timedelta(seconds=closed) - away.start <= timedelta(seconds=PRESENT_INTERVAL)
    assert away.end - (T0 + timedelta(seconds=closed + 3600)) <= timedelta(seconds=PRESENT_INTERVAL + MAX_INTERVAL)


def test_a_long_wait_ends_at_once_when_poked_or_the_timer_pauses_but_not_for_other_updates():
    async def go():
        store = running()
        waiting = asyncio.Event()

        class Stuck(Desk):
            async def sleep(self, seconds: float) -> None:  # a real wait: only a wake-up ends it early
                waiting.set()
                await asyncio.Event().wait()

        desk = Stuck()
        watch = watch_for(desk, store, [])
        task = asyncio.ensure_future(watch.run())
        await asyncio.wait_for(waiting.wait(), 5)
        assert watch.samples == 1
        store.update(next_try=None)  # what a sync writes every 30 s: nothing the watch acts on
        for _ in range(20):
            await asyncio.sleep(0)
        assert watch.samples == 1
        waiting.clear()
        watch.poke()  # the sync loop saw the clocks jump (a sleep)
        await asyncio.wait_for(waiting.wait(), 5)
        assert watch.samples == 2
        store.update(entry=TimeEntry("e1", start=T0 - timedelta(hours=1), breaks=(Break(T0),)))  # paused
        for _ in range(20):
            await asyncio.sleep(0)
        assert watch.samples == 2 and not task.done()  # waiting for the timer to run again, not sampling
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    asyncio.run(go())
