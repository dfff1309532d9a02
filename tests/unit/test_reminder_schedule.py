"""When a reminder is due: working hours in the user's zone, across weekends and DST changes."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tray_app.domain.reminders import (
    Due,
    Kind,
    ReminderPolicy,
    Watch,
    WorkingHours,
    next_reminder,
)

BERLIN = ZoneInfo("Europe/Berlin")
MIN15 = timedelta(minutes=15)
POLICY = ReminderPolicy()  # Mon–Fri 9–18, every 15 min


def at(zone, *args) -> datetime:
    """A local wall-clock moment as UTC."""
    return datetime(*args, tzinfo=zone).astimezone(UTC)


def due(watch: Watch, now: datetime, policy: ReminderPolicy = POLICY, zone=BERLIN) -> Due | None:
    return next_reminder(policy, watch, now, zone)


# -- not tracking --------------------------------------------------------------------------------

def test_defaults_are_monday_to_friday_nine_to_six_every_quarter_hour():
    assert POLICY.hours == WorkingHours(frozenset({1, 2, 3, 4, 5}), time(9), time(18))
    assert POLICY.every == MIN15


def test_not_tracking_is_due_a_quarter_hour_after_the_last_tracked_moment():
    now = at(BERLIN, 2024, 6, 12, 10, 0)  # a Wednesday
    watch = Watch(watching_since=at(BERLIN, 2024, 6, 12, 8, 0), last_tracked=at(BERLIN, 2024, 6, 12, 9, 50))
    assert due(watch, now) == Due(Kind.NOT_TRACKING, at(BERLIN, 2024, 6, 12, 10, 5))


def test_counting_starts_at_the_start_of_the_working_day():
    now = at(BERLIN, 2024, 6, 12, 7, 0)
    watch = Watch(watching_since=now, last_tracked=at(BERLIN, 2024, 6, 11, 17, 0))
    assert due(watch, now) == Due(Kind.NOT_TRACKING, at(BERLIN, 2024, 6, 12, 9, 15))


def test_the_app_starting_gives_the_user_the_full_interval():
    now = at(BERLIN, 2024, 6, 12, 11, 0)  # started late: nothing tracked since yesterday
    watch = Watch(watching_since=now, last_tracked=at(BERLIN, 2024, 6, 11, 17, 0))
    assert due(watch, now).at == at(BERLIN, 2024, 6, 12, 11, 15)


def test_a_past_due_moment_fires_now_while_still_inside_working_hours():
    now = at(BERLIN, 2024, 6, 12, 12, 0)  # e.g. the computer slept through the planned moment
    watch = Watch(watching_since=at(BERLIN, 2024, 6, 12, 9, 0))
    assert due(watch, now).at == now


def test_never_two_reminders_closer_than_the_interval():
    now = at(BERLIN, 2024, 6, 12, 12, 0)
    watch = Watch(watching_since=at(BERLIN, 2024, 6, 12, 9, 0), last_reminder=at(BERLIN, 2024, 6, 12, 11, 55))
    assert due(watch, now).at == at(BERLIN, 2024, 6, 12, 12, 10)


def test_friday_evening_moves_to_monday_morning():
    now = at(BERLIN, 2024, 6, 14, 17, 50)  # Friday
    watch = Watch(watching_since=at(BERLIN, 2024, 6, 14, 8, 0), last_tracked=now)
    assert due(watch, now).at == at(BERLIN, 2024, 6, 17, 9, 15)


def test_an_interval_that_does_not_fit_before_the_end_waits_for_the_next_day():
    now = at(BERLIN, 2024, 6, 12, 17, 44)
    watch = Watch(watching_since=now)
    assert due(watch, now).at == at(BERLIN, 2024, 6, 12, 17, 59)
    watch = Watch(watching_since=at(BERLIN, 2024, 6, 12, 17, 45))
    assert due(watch, now).at == at(BERLIN, 2024, 6, 13, 9, 15)  # 18:00 itself is after work


def test_no_working_days_means_no_reminders():
    policy = ReminderPolicy(WorkingHours(frozenset(), time(9), time(18)), MIN15)
    now = at(BERLIN, 2024, 6, 12, 10, 0)
    assert due(Watch(watching_since=now), now, policy) is None
    assert due(Watch(watching_since=now, running_since=now - timedelta(hours=20)), now, policy) is None


def test_a_night_shift_spans_midnight():
    policy = ReminderPolicy(WorkingHours(frozenset({5}), time(22), time(6)), MIN15)  # Friday night
    now = at(BERLIN, 2024, 6, 15, 2, 0)  # Saturday 02:00, inside Friday's shift
    assert due(Watch(watching_since=now), now, policy).at == at(BERLIN, 2024, 6, 15, 2, 15)
    running = Watch(watching_since=now, running_since=at(BERLIN, 2024, 6, 14, 23, 0))
    assert due(running, now, policy) == Due(Kind.STILL_TRACKING, at(BERLIN, 2024, 6, 15, 6, 0))


@pytest.mark.parametrize(("day", "utc_hour"), [(31, 7), (30, 8)])
def test_working_hours_are_local_across_the_spring_dst_change(day, utc_hour):
    # Berlin moves to summer time on Sunday 2024-03-31: 09:15 is 07:15 UTC that day, 08:15 the day before.
    policy = ReminderPolicy(WorkingHours(frozenset(range(1, 8)), time(9), time(18)), MIN15)
    now = datetime(2024, 3, day, 5, 0, tzinfo=UTC)
    assert due(Watch(watching_since=now), now, policy).at == datetime(2024, 3, day, utc_hour, 15, tzinfo=UTC)


def test_a_night_shift_over_the_autumn_dst_change_lasts_an_hour_longer():
    policy = ReminderPolicy(WorkingHours(frozenset({6}), time(22), time(6)), MIN15)  # Saturday night
    started = at(BERLIN, 2024, 10, 26, 22, 0)
    watch = Watch(watching_since=started, running_since=started)
    end = due(watch, started, policy).at
    assert end - started == timedelta(hours=9)
    assert end.astimezone(BERLIN).time() == time(6)


def test_a_working_end_inside_the_dst_gap_is_read_with_the_offset_before_it():
    # 02:30 does not exist on 2024-03-31 in Berlin: the span ends at 03:30 summer time (01:30 UTC).
    policy = ReminderPolicy(WorkingHours(frozenset({7}), time(1), time(2, 30)), MIN15)
    started = at(BERLIN, 2024, 3, 31, 1, 0)
    watch = Watch(watching_since=started, running_since=started)
    assert due(watch, started, policy).at == datetime(2024, 3, 31, 1, 30, tzinfo=UTC)


# -- still tracking ------------------------------------------------------------------------------

def test_still_tracking_is_due_at_the_end_of_the_working_day():
    started = at(BERLIN, 2024, 6, 12, 8, 47)
    now = at(BERLIN, 2024, 6, 12, 12, 0)
    assert due(Watch(watching_since=now, running_since=started), now) == Due(Kind.STILL_TRACKING,
                                                                             at(BERLIN, 2024, 6, 12, 18, 0))


def test_still_tracking_repeats_every_interval_until_kept():
    started = at(BERLIN, 2024, 6, 12, 8, 47)
    reminded = at(BERLIN, 2024, 6, 12, 18, 0)
    now = reminded + timedelta(seconds=1)
    watch = Watch(watching_since=started, running_since=started, last_reminder=reminded)
    assert due(watch, now).at == at(BERLIN, 2024, 6, 12, 18, 15)
    kept = Watch(watching_since=started, running_since=started, last_reminder=reminded, kept=now)
    assert due(kept, now).at == at(BERLIN, 2024, 6, 13, 18, 0)  # only if it still runs tomorrow evening


def test_a_timer_started_after_work_is_left_alone_that_evening():
    started = at(BERLIN, 2024, 6, 12, 19, 0)
    assert due(Watch(watching_since=started, running_since=started), started).at == at(BERLIN, 2024, 6, 13, 18, 0)


def test_a_timer_left_running_over_the_weekend_is_pointed_out_at_once():
    started = at(BERLIN, 2024, 6, 14, 10, 0)  # Friday
    now = at(BERLIN, 2024, 6, 15, 11, 0)  # the app starts on Saturday
    assert due(Watch(watching_since=now, running_since=started), now) == Due(Kind.STILL_TRACKING, now)


# -- properties ----------------------------------------------------------------------------------

ZONES = st.sampled_from(["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"]).map(ZoneInfo)
MOMENTS = st.datetimes(min_value=datetime(2023, 1, 1), max_value=datetime(2027, 12, 31)).map(
    lambda naive: naive.replace(tzinfo=UTC))
CLOCKS = st.times().map(lambda t: t.replace(microsecond=0))
HOURS = st.builds(WorkingHours, st.frozensets(st.integers(1, 7)), CLOCKS, CLOCKS)
POLICIES = st.builds(ReminderPolicy, HOURS, st.integers(1, 600).map(lambda m: timedelta(minutes=m)))
OFFSETS = st.integers(-3 * 86400, 3 * 86400).map(lambda s: timedelta(seconds=s))


def exists(moment_zone, naive: datetime) -> bool:
    """The local wall-clock time exists (is not skipped by a DST change) in the zone."""
    aware = naive.replace(tzinfo=moment_zone)
    return aware.astimezone(UTC).astimezone(moment_zone).replace(tzinfo=None) == naive


def working(hours: WorkingHours, zone, moment: datetime) -> bool:
    """By the wall clock alone: the oracle the spans are checked against."""
    local = moment.astimezone(zone)
    today, clock = local.date(), local.time().replace(tzinfo=None)
    if hours.end > hours.start:
        return today.isoweekday() in hours.days and hours.start <= clock < hours.end
    # A night shift: evening of a working day, or the morning after one.
    return ((today.isoweekday() in hours.days and clock >= hours.start)
            or ((today - timedelta(days=1)).isoweekday() in hours.days and clock < hours.end))


@settings(max_examples=400, deadline=None)
@given(POLICIES, ZONES, MOMENTS, OFFSETS, st.one_of(st.none(), OFFSETS), st.one_of(st.none(), OFFSETS))
def test_not_tracking_reminders_fall_inside_working_hours_and_respect_every_bound(
        policy, zone, now, since, tracked, reminded):
    watch = Watch(watching_since=now - abs(since),
                  last_tracked=None if tracked is None else now + tracked,
                  last_reminder=None if reminded is None else now - abs(reminded))
    result = next_reminder(policy, watch, now, zone)
    if result is None:
        return
    assert result.kind is Kind.NOT_TRACKING
    quiet = max(m for m in (watch.watching_since, watch.last_tracked, watch.last_reminder) if m is not None)
    assert result.at >= now and result.at >= quiet + policy.every
    span = policy.hours.span_at(zone, result.at)
    assert span is not None and result.at >= span[0] + policy.every
    # The earliest such moment: one of the bounds, not some later one.
    assert result.at in (now, quiet + policy.every, span[0] + policy.every)
    # And by the wall clock alone (where the working hours' own times exist that day).
    start_day = span[0].astimezone(zone).date()
    assume(exists(zone, datetime.combine(start_day, policy.hours.start)))
    end_day = start_day + timedelta(days=0 if policy.hours.end > policy.hours.start else 1)
    assume(exists(zone, datetime.combine(end_day, policy.hours.end)))
    assert working(policy.hours, zone, result.at)


@settings(max_examples=300, deadline=None)
@given(POLICIES, ZONES, MOMENTS, OFFSETS, st.one_of(st.none(), OFFSETS))
def test_still_tracking_reminders_follow_a_working_end_the_timer_ran_past(policy, zone, now, started, reminded):
    running_since = now - abs(started)
    watch = Watch(watching_since=now, running_since=running_since,
                  last_reminder=None if reminded is None else now - abs(reminded))
    result = next_reminder(policy, watch, now, zone)
    if not policy.hours.days:
        assert result is None
        return
    assert result is not None and result.kind is Kind.STILL_TRACKING
    assert result.at >= now
    if watch.last_reminder is not None:
        assert result.at >= watch.last_reminder + policy.every
    ends = [end for _s, end in policy.hours.spans(zone, running_since)]
    assert ends and ends[0] <= result.at  # never before the first end after the start
    assert result.at in (now, ends[0]) or result.at == watch.last_reminder + policy.every
    local_end = ends[0].astimezone(zone).replace(tzinfo=None)
    assume(exists(zone, datetime.combine(local_end.date(), policy.hours.end)))
    assert local_end.time() == policy.hours.end


@settings(max_examples=200, deadline=None)
@given(HOURS, ZONES, MOMENTS)
def test_spans_come_in_order_and_each_holds_its_own_moments(hours, zone, after):
    spans = list(hours.spans(zone, after))
    for (start, end), following in zip(spans, [*spans[1:], None], strict=False):
        assert start < end and end > after
        assert hours.span_at(zone, max(start, after)) is not None
        if following is not None:
            assert following[0] > start
