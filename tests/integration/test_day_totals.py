"""Today's and this week's totals through the real core and client against the fake awork, on
simulated time: one read covers the week, reads ride on the sync loop at most once a minute
(never after a 429), and the running timer's part grows between reads without asking awork."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from tray_app.core.day import MAX_AGE, todays_entries, totals
from tray_app.core.sync import SyncLoop

from helpers.fake_awork.simulated import SimWorld

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(*args) -> datetime:
    return datetime(*args, tzinfo=BERLIN).astimezone(timezone.utc)


@pytest.fixture
def world(tmp_path):
    # The simulated clock starts on Monday 6 May 2024, 09:00 in Berlin: the week's first day.
    world = SimWorld(tmp_path)
    world.reads = []
    client = world.commands.client
    real = client.time_entries_started

    async def spy(user_id, since, until):
        world.reads.append((since, until))
        return await real(user_id, since, until)

    client.time_entries_started = spy
    # Sunday 23:30 to Monday 00:30 in Berlin (half of it this week), and 07:00-08:00 this morning.
    world.backend.add_manual_elsewhere(berlin(2024, 5, 5, 23, 30), seconds=3600, with_end=True)
    world.backend.add_manual_elsewhere(berlin(2024, 5, 6, 7, 0), seconds=3600, with_end=True)
    return world


def sync_loop(world) -> SyncLoop:
    return SyncLoop(world.commands, wall=world.clock.wall, monotonic=world.clock.monotonic, jitter=lambda: 0.5,
                    totals=True)


def shown(world):
    return totals(world.store.state, world.awork_now())


def test_one_read_covers_the_week_and_the_timer_s_part_grows_without_asking(world):
    sync = sync_loop(world)

    async def go():
        await world.commands.start(task=world.task("WEB-12"))
        world.later(10)
        await sync.sync_once()
        first = shown(world)
        world.later(0.5)
        await sync.sync_once()  # within the minute: the timer is read, the week is not
        world.later(5)
        await sync.sync_once()  # not due: the same timer, and the read is five minutes old
        return first, shown(world)

    first, later = asyncio.run(go())
    # The week from Monday 00:00 in Berlin, a day before it for entries reaching in, to the Monday after.
    assert world.reads == [(date(2024, 5, 4), date(2024, 5, 13))]
    assert first.today == first.week == timedelta(minutes=30 + 60 + 10)
    assert later.today == later.week == first.today + timedelta(minutes=5.5)
    rows = todays_entries(world.store.state, world.awork_now())
    assert [round(spent.total_seconds() / 60) for _, spent in rows] == [30, 60, 16]
    assert rows[-1][0].id == world.store.state.entry.id  # the timer, as it is now


def test_a_new_timer_reads_again_but_never_twice_a_minute(world):
    sync = sync_loop(world)

    async def go():
        await world.commands.start(task=world.task("WEB-12"))
        await sync.sync_once()
        world.later(20)
        await world.commands.start(task=world.task("APP-10"))  # stops WEB-12 at 09:20
        await sync.sync_once()
        reads_at_once = len(world.reads)
        world.later(1)
        await sync.sync_once()
        return reads_at_once

    assert asyncio.run(go()) == 2  # the second read waited for the minute to pass
    assert len(world.reads) == 2
    assert shown(world).today == timedelta(minutes=30 + 60 + 20 + 1)  # WEB-12's 20 min, APP-10's 1


def test_a_listed_timer_stopped_since_stops_counting_where_it_was_listed(world):
    sync = sync_loop(world)

    async def go():
        await world.commands.start(task=world.task("WEB-12"))
        world.later(2)
        await sync.sync_once()  # WEB-12 listed running at 09:02
        world.later(0.25)
        await world.commands.start(task=world.task("APP-10"))  # within the minute: no new read
        await sync.sync_once()

    asyncio.run(go())
    assert len(world.reads) == 1
    assert shown(world).today == timedelta(minutes=30 + 60 + 2)  # never WEB-12 counted on to now


def test_an_entry_made_elsewhere_shows_within_max_age(world):
    sync = sync_loop(world)

    async def go():
        await sync.sync_once()
        before = shown(world)
        world.backend.add_manual_elsewhere(berlin(2024, 5, 6, 8, 0), seconds=900, with_end=True)
        for _ in range(int(MAX_AGE // 180) + 1):  # idle: a sync every three minutes
            world.later(3)
            await sync.sync_once()
        return before

    before = asyncio.run(go())
    assert shown(world).today - before.today == timedelta(minutes=15)
    assert len(world.reads) == 2


def test_no_read_of_the_week_in_the_minute_after_a_429(world):
    sync = sync_loop(world)
    world.net.arm("status", "me/timeentries/last", arg=(429, {"ratelimit-reset": "5"}))

    async def go():
        await sync.sync_once()  # 429
        world.later(0.1)
        await sync.sync_once()  # the timer, but not the week yet
        assert world.reads == []
        world.later(1)
        await sync.sync_once()

    asyncio.run(go())
    assert len(world.reads) == 1


def test_opening_the_popover_reads_the_week_only_when_due(world):
    async def go():
        await world.commands.popover_opened()
        world.later(5)
        await world.commands.popover_opened()

    asyncio.run(go())
    assert len(world.reads) == 1 and shown(world).today == timedelta(minutes=90)
