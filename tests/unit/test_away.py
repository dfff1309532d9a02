"""Away spans: thresholds, sleep (as Linux/macOS and as Windows count it), locks, DST, pauses."""

from __future__ import annotations

import zoneinfo
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from tray_app.domain.away import JUMP, Away, AwayTracker, Sample, clock_jumped, while_running
from tray_app.domain.entities import Break, TimeEntry

T0 = datetime(2025, 3, 30, 0, 30, tzinfo=timezone.utc)  # 02:30 in Berlin is skipped that night
MIN = timedelta(minutes=1)


@dataclass
class Desk:
    """A simulated computer: the wall clock, the awake clock and an OS idle counter that counts
    sleep (Windows) or not (Linux, macOS); input comes every second while the user is there."""

    counts_sleep: bool = False
    wall: float = 0.0
    awake: float = 0.0
    idle: float = 0.0

    def sample(self, locked: bool = False) -> Sample:
        return Sample(T0 + timedelta(seconds=self.wall), self.awake, self.idle, locked)


def simulate(segments, every: float, threshold: timedelta, counts_sleep: bool = False, idle_known: bool = True):
    """Run the tracker over `segments` [(kind, seconds)], kind active|idle|sleep|locked; returns
    (what it reported, the true gaps as (start, end) wall seconds)."""
    desk, tracker = Desk(counts_sleep), AwayTracker(threshold)
    found, gaps = [], []
    gap_start, next_sample = 0.0, 0.0
    tracker.feed(desk.sample())
    for kind, length in segments:
        if kind == "sleep":
            desk.wall += length
            if desk.counts_sleep:
                desk.idle += length
                desk.awake += length  # Windows' monotonic clock counts sleep as well
                next_sample = max(next_sample, desk.awake)
            continue
        for _ in range(int(length)):
            desk.wall += 1
            desk.awake += 1
            if kind == "active":
                if desk.wall - gap_start > 1:  # input after a gap (idle, locked or asleep)
                    gaps.append((gap_start, desk.wall))
                desk.idle = 0.0
                gap_start = desk.wall
            else:
                desk.idle += 1
            if desk.awake >= next_sample:
                next_sample = desk.awake + every
                sample = desk.sample(locked=kind == "locked")
                if not idle_known:
                    sample = Sample(sample.at, sample.awake, None, sample.locked)
                away = tracker.feed(sample)
                if away is not None:
                    found.append(away)
    return found, gaps


def seconds(moment: datetime) -> float:
    return (moment - T0).total_seconds()


segment = st.tuples(st.sampled_from(["active", "idle", "sleep", "locked"]), st.integers(1, 1800))


@settings(max_examples=150, deadline=None)
@given(st.lists(segment, min_size=1, max_size=8), st.sampled_from([2.0, 5.0]), st.integers(1, 15),
       st.booleans())
def test_every_long_gap_is_found_once_and_no_short_one(segments, every, minutes, counts_sleep):
    threshold = timedelta(minutes=minutes)
    # The user is there at the start and the end, and a return lasts two samples at least: one key
    # pressed in the same sample as a wake-up is not told from one pressed before the sleep.
    segments = [("active", 3), *((k, max(n, 2 * every + 1) if k == "active" else n) for k, n in segments),
                ("active", 10)]
    found, gaps = simulate(segments, every, threshold, counts_sleep)
    # A sample every `every` awake seconds, input every second, and a sleep shorter than JUMP is
    # not told from a busy computer (nor need it be).
    slack = every + 2 + JUMP
    long_gaps = [g for g in gaps if g[1] - g[0] >= threshold.total_seconds() + slack]
    for gap in long_gaps:  # each long gap is reported, with its times to within a sample
        match = [a for a in found if abs(seconds(a.start) - gap[0]) <= slack and abs(seconds(a.end) - gap[1]) <= slack]
        assert len(match) == 1, (gap, found)
    for away in found:  # and nothing is reported that was not a gap at least the threshold long
        assert away.duration >= threshold
        inside = (g[0] - slack <= seconds(away.start) and seconds(away.end) <= g[1] + slack for g in gaps)
        assert any(inside), (away, gaps)


@settings(max_examples=100, deadline=None)
@given(st.integers(61, 6 * 3600), st.integers(1, 30))
def test_a_sleep_is_away_time_even_where_the_idle_counter_leaves_it_out(asleep, minutes):
    threshold = timedelta(minutes=minutes)
    found, _ = simulate([("active", 30), ("idle", 20), ("sleep", asleep), ("active", 15)], 5.0, threshold)
    gap = 20 + asleep
    if gap >= threshold.total_seconds() + 7:
        [away] = found
        assert away.slept
        assert abs(away.duration.total_seconds() - gap) <= 7
    elif gap < threshold.total_seconds() - 7:
        assert found == []


def test_sleep_alone_is_noticed_where_the_desktop_tells_no_idle_time():
    found, _ = simulate([("active", 30), ("sleep", 3600), ("active", 10)], 5.0, 10 * MIN, idle_known=False)
    [away] = found
    assert away.slept and 3600 <= away.duration.total_seconds() <= 3610


def test_without_idle_time_a_quiet_user_is_never_away():
    found, _ = simulate([("active", 30), ("idle", 3600), ("active", 10)], 5.0, 10 * MIN, idle_known=False)
    assert found == []


def test_typing_at_the_lock_screen_is_no_return():
    tracker = AwayTracker(10 * MIN)
    tracker.feed(Sample(T0, 0, 0))
    assert tracker.feed(Sample(T0 + 20 * MIN, 1200, 0.5, locked=True)) is None  # the password being typed
    away = tracker.feed(Sample(T0 + 20 * MIN + timedelta(seconds=5), 1205, 1))
    assert away is not None and away.start == T0 and away.end == T0 + 20 * MIN + timedelta(seconds=4)


def test_below_the_threshold_nothing_at_and_above_something():
    for idle, expected in ((599, None), (600, 600), (601, 601)):
        tracker = AwayTracker(10 * MIN)
        tracker.feed(Sample(T0, 0, 0))
        tracker.feed(Sample(T0 + timedelta(seconds=idle), idle, idle))  # still away: no input since
        away = tracker.feed(Sample(T0 + timedelta(seconds=idle + 2), idle + 2, 2))
        assert (away.duration.total_seconds() if away else None) == expected


def test_reset_forgets_the_time_before_a_pause():
    tracker = AwayTracker(10 * MIN)
    tracker.feed(Sample(T0, 0, 0))
    tracker.reset()  # paused at T0, resumed 40 minutes later by a key press
    assert tracker.feed(Sample(T0 + 40 * MIN, 2400, 1)) is None
    assert tracker.feed(Sample(T0 + 40 * MIN + timedelta(seconds=5), 2405, 0)) is None


def test_clock_jumped_is_the_sync_loops_test():
    from tray_app.core import sync

    assert sync.clock_jumped is clock_jumped
    assert clock_jumped(3600, 15) and clock_jumped(5, 30) and not clock_jumped(20, 15)


def test_while_running_counts_from_the_start_and_the_last_resume():
    away = Away(T0, T0 + 40 * MIN)
    entry = TimeEntry("e", start=T0 + 10 * MIN)
    assert while_running(away, entry, 10 * MIN) == Away(T0 + 10 * MIN, T0 + 40 * MIN)
    resumed = TimeEntry("e", start=T0 - MIN, breaks=(Break(T0, T0 + 35 * MIN),))
    assert while_running(away, resumed, 10 * MIN) is None  # 5 running minutes only
    assert while_running(away, TimeEntry("e", start=T0 - MIN), 10 * MIN) == away


# Berlin's changes to and from summer time, 01:00 UTC on the last Sundays of March and October.
DST_CHANGES = [datetime(2024, 3, 31, 1, tzinfo=timezone.utc), datetime(2024, 10, 27, 1, tzinfo=timezone.utc),
               datetime(2025, 3, 30, 1, tzinfo=timezone.utc), datetime(2025, 10, 26, 1, tzinfo=timezone.utc)]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(DST_CHANGES), st.integers(-5 * 3600, 3600), st.integers(90, 5 * 3600))
def test_minutes_are_real_minutes_across_dst(change, before, length):
    """Across a DST change the wall clock reads an hour more or less; the minutes away do not."""
    zone = zoneinfo.ZoneInfo("Europe/Berlin")
    start = change + timedelta(seconds=before)
    tracker = AwayTracker(MIN)
    tracker.feed(Sample(start.astimezone(zone), 0, 0))  # samples on the local clock, as a user's zone reads it
    back = (start + timedelta(seconds=length)).astimezone(zone)
    away = tracker.feed(Sample(back, length, 30))  # came back 30 s ago
    assert away is not None
    assert away.minutes == max(round((length - 30) / 60), 1)
    assert away.duration == timedelta(seconds=length - 30)
    assert away.shifted(timedelta(minutes=3)).duration == away.duration
