"""Timer state and elapsed-time arithmetic: derived from start, breaks and `now`, never accumulated."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tray_app.api.parse import time_entry
from tray_app.domain.entities import Break, Project, Task, TimeEntry, TypeOfWork
from tray_app.domain.timer import TimerState, describe, elapsed, format_elapsed, timer_state

UTC = timezone.utc
BERLIN = ZoneInfo("Europe/Berlin")
T0 = datetime(2024, 5, 6, 9, 0, tzinfo=UTC)
PROPS = settings(max_examples=150, deadline=None)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def entry(start=T0, end=None, breaks=(), **kw) -> TimeEntry:
    return TimeEntry(id="e1", start=start, end=end, breaks=tuple(breaks), **kw)


def v1(start_date: str, start_time: str | None, **extra) -> TimeEntry:
    return time_entry({"id": "e1", "startDateUtc": start_date, "startTimeUtc": start_time, "duration": 0, **extra})


# -- state ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, state",
    [
        (None, TimerState.IDLE),
        (entry(), TimerState.RUNNING),
        (entry(breaks=[Break(at(60), at(120))]), TimerState.RUNNING),
        (entry(breaks=[Break(at(60), at(120)), Break(at(300))]), TimerState.PAUSED),
        (entry(end=at(3600)), TimerState.IDLE),
        (entry(end=at(3600), breaks=[Break(at(60))]), TimerState.IDLE),  # stopped while paused
    ],
    ids=["none", "running", "running-after-break", "paused", "stopped", "stopped-while-paused"],
)
def test_timer_state(value, state):
    assert timer_state(value) is state


# -- elapsed, table-driven -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, now, expected",
    [
        (None, at(500), 0),
        (entry(), at(0), 0),
        (entry(), at(90), 90),
        (entry(), at(-30), 0),  # server clock ahead of ours: never negative
        (entry(), at(-86_400), 0),
        (entry(breaks=[Break(at(60), at(180))]), at(600), 480),  # closed break subtracted
        (entry(breaks=[Break(at(60), at(180)), Break(at(300), at(330))]), at(600), 450),
        (entry(breaks=[Break(at(60), at(180)), Break(at(400))]), at(600), 280),  # paused at 400
        (entry(breaks=[Break(at(400))]), at(10_000), 400),  # frozen however late it is
        (entry(breaks=[Break(at(-50))]), at(100), 0),  # open break before start (skew)
        (entry(end=at(3600)), at(99_999), 3600),  # stopped: end, not now
        (entry(end=at(3600), breaks=[Break(at(600), at(1200))]), at(99_999), 3000),
        (entry(breaks=[Break(at(-100), at(60))]), at(600), 540),  # break clamped to the span
        (entry(breaks=[Break(at(500), at(900))]), at(600), 500),  # break reaching past now
        (entry(breaks=[Break(at(60), at(180)), Break(at(100), at(150))]), at(600), 480),  # nested
        (entry(breaks=[Break(at(60), at(180)), Break(at(60), at(180))]), at(600), 480),  # duplicate
    ],
)
def test_elapsed_table(value, now, expected):
    assert elapsed(value, now) == timedelta(seconds=expected)


@pytest.mark.parametrize(
    "start_date, start_time, expected_start",
    [
        ("2022-03-01T00:00:00Z", "09:21:00", datetime(2022, 3, 1, 9, 21, tzinfo=UTC)),
        ("2022-03-01T00:00:00Z", "09:21", datetime(2022, 3, 1, 9, 21, tzinfo=UTC)),
        ("2026-09-28T00:00:00Z", "07:09:28.3515950", datetime(2026, 9, 28, 7, 9, 28, 351595, tzinfo=UTC)),
        ("2026-09-28T00:00:00Z", "07:09:28.9999999", datetime(2026, 9, 28, 7, 9, 28, 999999, tzinfo=UTC)),
        ("2026-09-28T00:00:00Z", "07:09:28.5", datetime(2026, 9, 28, 7, 9, 28, 500000, tzinfo=UTC)),
        ("2026-09-28T00:00:00", "23:59:59", datetime(2026, 9, 28, 23, 59, 59, tzinfo=UTC)),
        ("2026-09-28T07:09:28.3515950Z", None, datetime(2026, 9, 28, 7, 9, 28, 351595, tzinfo=UTC)),
        ("2026-09-28T09:09:28+02:00", None, datetime(2026, 9, 28, 7, 9, 28, tzinfo=UTC)),
    ],
)
def test_v1_split_date_and_time(start_date, start_time, expected_start):
    parsed = v1(start_date, start_time)
    assert parsed.start == expected_start
    assert elapsed(parsed, expected_start + timedelta(minutes=5)) == timedelta(minutes=5)


def test_v1_running_entry_with_closed_and_open_break():
    parsed = v1(
        "2026-09-28T00:00:00Z",
        "07:00:00.0000000",
        breaks=[
            {"startDate": "2026-09-28T07:10:00Z", "endDate": "2026-09-28T07:15:00Z", "duration": 300},
            {"startDate": "2026-09-28T07:30:00Z"},
        ],
        breakDuration=None,
    )
    assert timer_state(parsed) is TimerState.PAUSED
    for now in ("2026-09-28T07:31:00", "2026-09-29T03:00:00"):
        assert elapsed(parsed, datetime.fromisoformat(now).replace(tzinfo=UTC)) == timedelta(minutes=25)


def test_entry_across_midnight():
    parsed = v1("2024-05-06T00:00:00Z", "23:50:00")
    assert elapsed(parsed, datetime(2024, 5, 7, 0, 20, tzinfo=UTC)) == timedelta(minutes=30)
    stopped = time_entry(
        {"id": "e", "startDateUtc": "2024-05-06T00:00:00Z", "startTimeUtc": "23:50:00",
         "endDateUtc": "2024-05-07T00:00:00Z", "endTimeUtc": "00:05:00"}
    )
    assert timer_state(stopped) is TimerState.IDLE
    assert elapsed(stopped, datetime(2030, 1, 1, tzinfo=UTC)) == timedelta(minutes=15)


@pytest.mark.parametrize(
    "start_utc, now_local, expected",
    [
        # Spring forward in Berlin (2024-03-31 02:00 CET -> 03:00 CEST): one real hour passes.
        ("00:30:00", datetime(2024, 3, 31, 3, 30, tzinfo=BERLIN), timedelta(hours=1)),
        # Fall back (2024-10-27 03:00 CEST -> 02:00 CET): from the first 02:00 to the second 02:30.
        ("00:00:00", datetime(2024, 10, 27, 2, 30, fold=1, tzinfo=BERLIN), timedelta(hours=1, minutes=30)),
    ],
)
def test_dst_changes_do_not_affect_utc_arithmetic(start_utc, now_local, expected):
    day = now_local.date().isoformat()
    parsed = v1(f"{day}T00:00:00Z", start_utc)
    assert elapsed(parsed, now_local) == expected  # `now` in local time
    assert elapsed(parsed, now_local.astimezone(UTC)) == expected  # `now` in UTC


def test_dst_stopped_entry_spanning_the_change():
    stopped = time_entry(
        {"id": "e", "startDate": "2024-10-26T22:00:00Z", "endDate": "2024-10-27T03:00:00Z",
         "breaks": [{"startDate": "2024-10-27T00:30:00Z", "endDate": "2024-10-27T01:30:00Z"}]}
    )
    assert elapsed(stopped, datetime(2025, 1, 1, tzinfo=UTC)) == timedelta(hours=4)


# -- elapsed, properties -------------------------------------------------------------------------

# Small ranges so that breaks overlap each other, the start and `now` often enough to matter.
offsets = st.integers(min_value=-3_600, max_value=20_000)
spans = st.tuples(offsets, st.integers(min_value=0, max_value=6_000))
closed_breaks = st.lists(spans.map(lambda s: Break(at(s[0]), at(s[0] + s[1]))), max_size=6)


@PROPS
@given(closed_breaks, offsets, offsets)
def test_running_elapsed_never_decreases(breaks, a, b):
    running = entry(breaks=sorted(breaks, key=lambda x: x.start))
    early, late = sorted((a, b))
    assert elapsed(running, at(early)) <= elapsed(running, at(late))


@PROPS
@given(closed_breaks, offsets, offsets, offsets)
def test_paused_elapsed_is_constant(breaks, open_at, now1, now2):
    paused = entry(breaks=[*sorted(breaks, key=lambda x: x.start), Break(at(open_at))])
    assert timer_state(paused) is TimerState.PAUSED
    assert elapsed(paused, at(now1)) == elapsed(paused, at(now2))


@PROPS
@given(closed_breaks, st.one_of(st.none(), offsets), st.one_of(st.none(), offsets), offsets)
def test_elapsed_never_negative_nor_longer_than_the_span(breaks, end, open_at, now):
    brks = sorted(breaks, key=lambda x: x.start) + ([Break(at(open_at))] if open_at is not None else [])
    value = entry(end=None if end is None else at(end), breaks=brks)
    result = elapsed(value, at(now))
    assert result >= timedelta(0)
    until = at(end) if end is not None else at(open_at) if open_at is not None else at(now)
    assert result <= max(until - T0, timedelta(0))


@st.composite
def disjoint_breaks_inside(draw):
    """Strictly ordered cut points inside [0, now] -> disjoint breaks and the `now` after them."""
    cuts = sorted(draw(st.sets(st.integers(min_value=0, max_value=200_000), max_size=12)))
    if len(cuts) % 2:
        cuts = cuts[:-1]
    pairs = list(zip(cuts[::2], cuts[1::2], strict=False))
    now = draw(st.integers(min_value=cuts[-1] if cuts else 0, max_value=250_000))
    return [Break(at(s), at(e)) for s, e in pairs], now


@PROPS
@given(disjoint_breaks_inside(), st.integers(min_value=0, max_value=999_999))
def test_elapsed_is_span_minus_breaks(breaks_and_now, micros):
    breaks, now = breaks_and_now
    now_dt = at(now) + timedelta(microseconds=micros)
    expected = (now_dt - T0) - sum((b.end - b.start for b in breaks), timedelta(0))
    assert elapsed(entry(breaks=breaks), now_dt) == expected


@PROPS
@given(
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31), timezones=st.just(UTC)),
    st.integers(min_value=0, max_value=7),
    st.integers(min_value=0, max_value=9),
    st.integers(min_value=0, max_value=100_000),
)
def test_v1_fractions_parse_and_truncate(moment, digits, seventh, seconds_later):
    fraction = f"{moment.microsecond:06d}{seventh}"[:digits]
    clock = moment.strftime("%H:%M:%S") + (f".{fraction}" if digits else "")
    parsed = v1(moment.strftime("%Y-%m-%dT00:00:00Z"), clock)
    expected = moment.replace(microsecond=int(fraction.ljust(6, "0")[:6]) if digits else 0)
    assert parsed.start == expected
    assert parsed.start.tzinfo is not None and parsed.start.utcoffset() == timedelta(0)
    assert elapsed(parsed, expected + timedelta(seconds=seconds_later)) == timedelta(seconds=seconds_later)


# -- presentation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "seconds, full, short",
    [
        (0, "0:00:00", "0:00"),
        (59.9, "0:00:59", "0:00"),
        (61, "0:01:01", "0:01"),
        (3599, "0:59:59", "0:59"),
        (3600, "1:00:00", "1:00"),
        (36_000 + 754, "10:12:34", "10:12"),
        (30 * 3600, "30:00:00", "30:00"),  # hours are not wrapped at 24
        (-5, "0:00:00", "0:00"),
    ],
)
def test_format_elapsed(seconds, full, short):
    assert format_elapsed(timedelta(seconds=seconds)) == full
    assert format_elapsed(timedelta(seconds=seconds), seconds=False) == short


def test_describe():
    web = Project("p1", "Website")
    design = TypeOfWork("t1", "Design")
    task = Task("k1", "Sitemap", project=web)
    assert describe(None) == ""
    assert describe(entry(task=task, project=web, type_of_work=design)) == "Sitemap · Website"
    assert describe(entry(task=task, type_of_work=design)) == "Sitemap · Website"  # project via task
    assert describe(entry(task=Task("k2", "Call"), type_of_work=design)) == "Call"
    assert describe(entry(project=web, type_of_work=design)) == "Website"
    assert describe(entry(type_of_work=design)) == "Design"
    assert describe(entry()) == ""


def test_the_effective_project_is_the_entrys_own_else_its_tasks():
    web, intranet = Project("p1", "Website"), Project("p2", "Intranet")
    task = Task("k1", "Sitemap", project=web)
    assert entry(task=task).effective_project is web  # awork named only the task
    assert entry(task=task, project=intranet).effective_project is intranet  # the entry's own field wins
    assert entry(project=intranet).effective_project is intranet
    assert entry(task=Task("k2", "Call")).effective_project is None
    assert entry().effective_project is None
