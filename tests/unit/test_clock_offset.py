"""awork's clock against ours, from the Date headers of its replies (domain.clock_offset)."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from tray_app.domain.clock_offset import AworkClock, ClockOffset

LOCAL = datetime(2024, 5, 6, 7, 0, 0, 250_000, tzinfo=UTC)


def reply(estimator: ClockOffset, local: datetime, skew: float, *, round_trip: float = 0.2, served_at: float = 0.5):
    """A request sent at `local` (our clock), answered `served_at` of the way through its round
    trip by an awork whose clock is `skew` seconds ahead; Date truncated to the second."""
    served = local + timedelta(seconds=skew + served_at * round_trip)
    date = served.replace(microsecond=0)
    return estimator.observe(date, local + timedelta(seconds=round_trip), round_trip)


def test_unknown_until_awork_answers():
    estimator = ClockOffset()
    assert estimator.seconds is None and not estimator.known and estimator.offset == timedelta(0)
    clock = AworkClock(lambda: LOCAL, estimator)
    assert clock.now() == LOCAL and not clock.known


def test_a_computer_three_hours_behind_gets_awork_s_time():
    estimator = ClockOffset()
    for i in range(5):
        reply(estimator, LOCAL + timedelta(seconds=30 * i), 3 * 3600 + 120)
    assert abs(estimator.seconds - (3 * 3600 + 120)) <= 1.0
    clock = AworkClock(lambda: LOCAL, estimator)
    assert abs((clock.now() - (LOCAL + timedelta(hours=3, minutes=2))).total_seconds()) <= 1.0


def test_an_offset_within_the_header_s_resolution_is_none():
    estimator = ClockOffset()
    reply(estimator, LOCAL, 0.3)
    assert estimator.seconds == 0.0 and estimator.known


def test_one_odd_header_does_not_move_the_estimate():
    estimator = ClockOffset()
    for i in range(4):
        reply(estimator, LOCAL + timedelta(seconds=i), -90)
    assert not reply(estimator, LOCAL + timedelta(seconds=10), 3600)  # a proxy's stale reply, say
    assert abs(estimator.seconds + 90) <= 1.0
    reply(estimator, LOCAL + timedelta(seconds=20), -90)
    assert abs(estimator.seconds + 90) <= 1.0


def test_two_agreeing_replies_after_the_clock_was_set_win_at_once():
    estimator = ClockOffset()
    for i in range(9):
        reply(estimator, LOCAL + timedelta(seconds=i), 7200)
    reply(estimator, LOCAL + timedelta(seconds=20), 0)  # the user set the clock right
    assert abs(estimator.seconds - 7200) <= 1.0
    reply(estimator, LOCAL + timedelta(seconds=30), 0)
    assert estimator.seconds == 0.0


def test_absurd_dates_and_slow_replies_are_ignored():
    estimator = ClockOffset()
    assert not estimator.observe(datetime(1970, 1, 1, tzinfo=UTC), LOCAL, 0.1)
    assert not estimator.observe(None, LOCAL, 0.1)
    assert not estimator.observe(LOCAL + timedelta(hours=1), LOCAL, 45.0)  # took 45 s: says too little
    assert not estimator.observe(LOCAL + timedelta(hours=1), LOCAL, -1.0)
    assert not estimator.known


@given(
    skew=st.floats(min_value=-40 * 86400, max_value=40 * 86400, allow_nan=False),
    trips=st.lists(st.tuples(st.floats(0.0, 3.0), st.floats(0.0, 1.0)), min_size=1, max_size=15),
)
def test_the_estimate_is_within_half_a_round_trip_and_a_second(skew, trips):
    estimator = ClockOffset()
    local = LOCAL
    for round_trip, served_at in trips:
        reply(estimator, local, skew, round_trip=round_trip, served_at=served_at)
        local += timedelta(seconds=30)
    worst = max(rt for rt, _ in trips) / 2 + 1.0
    value = estimator.seconds
    assert value is not None and math.isfinite(value)
    # Within the Date header's resolution the estimate reads 0: that hides up to one more second.
    assert abs(value - skew) <= worst + 1e-6 or (value == 0.0 and abs(skew) < worst + 0.5)
