"""Tracked time of today and this week: entries cut at local midnights, breaks excluded, DST days."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tray_app.domain.entities import Break, TimeEntry
from tray_app.domain.timer import elapsed
from tray_app.domain.totals import (
    day_period,
    entries_within,
    local_midnight,
    time_within,
    tracked,
    week_period,
    worked_spans,
)

UTC = timezone.utc
BERLIN = ZoneInfo("Europe/Berlin")
ZONES = [ZoneInfo(name) for name in ("Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata",
                                     "America/Santiago", "Pacific/Chatham", "UTC")]
PROPS = settings(max_examples=200, deadline=None)


def berlin(*args) -> datetime:
    return datetime(*args, tzinfo=BERLIN).astimezone(UTC)


def entry(start, end=None, breaks=(), id="e", **kw) -> TimeEntry:
    return TimeEntry(id=id, start=start, end=end, breaks=tuple(breaks), **kw)


# -- periods ---------------------------------------------------------------------------------------


def test_weeks_start_on_monday_in_the_user_s_zone():
    week = week_period(date(2024, 5, 8), BERLIN)  # a Wednesday
    assert week.first_day == date(2024, 5, 6) and week.days == 7
    assert week.start == berlin(2024, 5, 6, 0, 0) and week.end == berlin(2024, 5, 13, 0, 0)
    assert week_period(date(2024, 5, 12), BERLIN) == week  # Sunday still belongs to it
    assert week_period(date(2024, 5, 13), BERLIN).first_day == date(2024, 5, 13)
    assert week_period(date(2024, 5, 8), BERLIN, first_weekday=6).first_day == date(2024, 5, 5)


@pytest.mark.parametrize("day, hours", [(date(2024, 3, 31), 23), (date(2024, 10, 27), 25), (date(2024, 5, 6), 24)])
def test_a_day_is_local_midnight_to_local_midnight_across_dst(day, hours):
    period = day_period(day, BERLIN)
    assert period.end - period.start == timedelta(hours=hours)


def test_a_day_whose_midnight_does_not_exist_starts_when_the_clocks_jump():
    # Chile skips from 00:00 to 01:00 on the first Sunday of September 2024.
    santiago = ZoneInfo("America/Santiago")
    period = day_period(date(2024, 9, 8), santiago)
    assert period.start == datetime(2024, 9, 8, 4, 0, tzinfo=UTC)
    assert period.end - period.start == timedelta(hours=23)


# -- table ------------------------------------------------------------------------------------------

TODAY = day_period(date(2024, 5, 6), BERLIN)
NOW = berlin(2024, 5, 6, 15, 0)


@pytest.mark.parametrize("value, minutes", [
    (entry(berlin(2024, 5, 6, 9, 0), berlin(2024, 5, 6, 10, 30)), 90),
    (entry(berlin(2024, 5, 5, 23, 0), berlin(2024, 5, 6, 1, 0)), 60),  # over midnight: today's part only
    (entry(berlin(2024, 5, 6, 23, 30), berlin(2024, 5, 7, 2, 0)), 30),
    (entry(berlin(2024, 5, 5, 9, 0), berlin(2024, 5, 5, 17, 0)), 0),  # yesterday
    (entry(berlin(2024, 5, 6, 9, 0), berlin(2024, 5, 6, 12, 0),
           [Break(berlin(2024, 5, 6, 10, 0), berlin(2024, 5, 6, 10, 45))]), 135),  # a break is not work
    (entry(berlin(2024, 5, 6, 14, 0)), 60),  # running: up to now
    (entry(berlin(2024, 5, 6, 13, 0), breaks=[Break(berlin(2024, 5, 6, 13, 30), berlin(2024, 5, 6, 13, 40)),
                                              Break(berlin(2024, 5, 6, 14, 0))]), 50),  # paused at 14:00
    (entry(berlin(2024, 5, 6, 8, 0), duration=timedelta(minutes=20)), 20),  # manual, a duration and no end
    (entry(datetime(2024, 5, 6, tzinfo=UTC), duration=timedelta(hours=2), start_time_known=False), 120),  # a day's
    (entry(datetime(2024, 5, 5, tzinfo=UTC), duration=timedelta(hours=2), start_time_known=False), 0),
], ids=["inside", "from-yesterday", "into-tomorrow", "yesterday", "break", "running", "paused", "manual", "no-time",
        "no-time-yesterday"])
def test_time_within_today(value, minutes):
    assert time_within(value, TODAY, NOW) == timedelta(minutes=minutes)


def test_the_timer_as_awork_told_it_replaces_its_listed_copy():
    listed = entry(berlin(2024, 5, 6, 13, 0), id="t")  # listed while running
    stopped = entry(berlin(2024, 5, 6, 13, 0), berlin(2024, 5, 6, 14, 0), id="t")
    other = entry(berlin(2024, 5, 6, 9, 0), berlin(2024, 5, 6, 10, 0), id="o")
    assert tracked([listed, other], TODAY, NOW, current=stopped) == timedelta(hours=2)
    assert tracked([listed, other], TODAY, NOW, current=listed) == timedelta(hours=3)  # running to 15:00
    started_since = entry(berlin(2024, 5, 6, 14, 30), id="n")
    assert tracked([other], TODAY, NOW, current=started_since) == timedelta(minutes=90)


def test_a_listed_timer_that_is_no_longer_the_timer_stops_counting_when_it_was_listed():
    listed = entry(berlin(2024, 5, 6, 13, 0), id="t")
    newer = entry(berlin(2024, 5, 6, 14, 50), id="n")
    total = tracked([listed], TODAY, NOW, current=newer, listed_at=berlin(2024, 5, 6, 14, 0))
    assert total == timedelta(minutes=60 + 10)


def test_today_s_entries_oldest_first_with_their_part_of_today():
    a = entry(berlin(2024, 5, 5, 23, 0), berlin(2024, 5, 6, 1, 0), id="a")
    b = entry(berlin(2024, 5, 6, 9, 0), berlin(2024, 5, 6, 10, 0), id="b")
    c = entry(berlin(2024, 5, 5, 9, 0), berlin(2024, 5, 5, 10, 0), id="c")
    running = entry(NOW, id="r")  # just started: listed with no time yet
    rows = entries_within([b, c, a], TODAY, NOW, current=running)
    assert [(e.id, spent) for e, spent in rows] == [("a", timedelta(hours=1)), ("b", timedelta(hours=1)),
                                                    ("r", timedelta(0))]


# -- properties -------------------------------------------------------------------------------------

BASE = datetime(2024, 1, 1, tzinfo=UTC)


@st.composite
def entries(draw, *, running: bool | None = None):
    start = BASE + timedelta(minutes=draw(st.integers(0, 60 * 24 * 366)))
    length = timedelta(minutes=draw(st.integers(0, 60 * 30)))
    is_running = draw(st.booleans()) if running is None else running
    breaks = []
    for _ in range(draw(st.integers(0, 3))):
        b_start = start + timedelta(minutes=draw(st.integers(-30, 60 * 30)))
        b_end = b_start + timedelta(minutes=draw(st.integers(0, 120)))
        breaks.append(Break(b_start, b_end))
    if is_running and draw(st.booleans()):
        breaks.append(Break(start + timedelta(minutes=draw(st.integers(0, 60 * 30)))))  # paused
    breaks.sort(key=lambda b: b.start)
    return entry(start, None if is_running else start + length, breaks, id=str(draw(st.uuids())))


@given(entries(), st.sampled_from(ZONES), st.integers(0, 60 * 24 * 3))
@PROPS
def test_the_days_of_a_week_add_up_to_the_week(value, zone, later):
    now = value.start + timedelta(minutes=later)
    week = week_period(value.start.astimezone(zone).date(), zone)
    days = [day_period(week.first_day + timedelta(days=i), zone) for i in range(7)]
    assert days[0].start == week.start and days[-1].end == week.end
    assert all(a.end == b.start for a, b in pairwise(days))  # no gap, no overlap, DST or not
    assert sum((time_within(value, d, now) for d in days), timedelta(0)) == time_within(value, week, now)


@given(entries(), st.sampled_from(ZONES), st.integers(0, 60 * 24 * 3))
@PROPS
def test_an_entry_s_parts_in_the_days_it_touches_add_up_to_its_elapsed_time(value, zone, later):
    now = value.start + timedelta(minutes=later)
    first = (value.start - timedelta(days=1)).astimezone(zone).date()
    days = [day_period(first + timedelta(days=i), zone) for i in range(8)]  # covers 30 h and a day before
    parts = sum((time_within(value, d, now) for d in days), timedelta(0))
    spans = worked_spans(value, now)
    assume(not spans or spans[-1][1] < days[-1].end)
    assert parts == elapsed(value, now)


@given(entries(), st.integers(0, 60 * 24))
@PROPS
def test_breaks_only_take_time_away(value, later):
    now = value.start + timedelta(minutes=later)
    assume(all(b.start <= now for b in value.breaks if b.end is None))  # a pause in the future: clock skew
    without = TimeEntry(id=value.id, start=value.start, end=value.end)
    week = week_period(value.start.date(), UTC)
    assert time_within(value, week, now) <= time_within(without, week, now)
    assert all(b > a for a, b in worked_spans(value, now))  # no empty or negative stretch


@given(entries(running=True), st.integers(0, 600), st.integers(0, 600))
@PROPS
def test_a_running_timer_s_total_never_goes_backwards(value, first, more):
    now = value.start + timedelta(minutes=first)
    week = week_period(value.start.date(), BERLIN)
    assert tracked([], week, now + timedelta(minutes=more), current=value) >= tracked([], week, now, current=value)


@given(st.lists(entries(running=False), max_size=6), st.sampled_from(ZONES))
@PROPS
def test_a_total_is_the_sum_of_its_entries_and_each_counts_once(values, zone):
    now = BASE + timedelta(days=400)
    week = week_period(values[0].start.astimezone(zone).date() if values else date(2024, 1, 1), zone)
    total = tracked(values + values[:1], week, now)  # listed twice: still once (by id)
    assert total == tracked(values, week, now)
    assert total == sum((spent for _, spent in entries_within(values, week, now)), timedelta(0))


@given(st.sampled_from(ZONES), st.dates(date(2000, 1, 1), date(2037, 12, 31)))
@PROPS
def test_local_midnight_is_the_start_of_the_local_day(zone, day):
    start = local_midnight(day, zone)
    assert start.astimezone(zone).date() == day
    assert (start - timedelta(seconds=1)).astimezone(zone).date() < day
