"""When a timer began, as the user says it ("-15m", "08:47"), and what an edit of the running entry
does to it (domain only: no Qt, no I/O)."""

from __future__ import annotations

import zoneinfo
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tray_app.domain.actions import EntryChange, QueuedEdit, QueuedStart, TimerAction
from tray_app.domain.entities import Break, Project, StartRequest, Task, TimeEntry, TypeOfWork
from tray_app.domain.intended import PENDING_ID, apply_intent, intended_timer
from tray_app.domain.start_time import MAX_AGO, StartTimeError, parse_start, start_problem

BERLIN = "Europe/Berlin"
NOW = datetime(2024, 5, 6, 12, 30, 17, 250000, tzinfo=timezone.utc)  # 14:30:17 in Berlin


@pytest.mark.parametrize("text, ago", [
    ("-15m", timedelta(minutes=15)),
    ("-15", timedelta(minutes=15)),
    ("15m", timedelta(minutes=15)),
    ("15 min", timedelta(minutes=15)),
    ("-1h", timedelta(hours=1)),
    ("-1h30m", timedelta(hours=1, minutes=30)),
    ("- 90 min", timedelta(minutes=90)),
    ("-24h", timedelta(hours=24)),
])
def test_minutes_ago(text, ago):
    assert parse_start(text, NOW, BERLIN) == (NOW - ago).replace(microsecond=0)


@pytest.mark.parametrize("text, local", [
    ("08:47", datetime(2024, 5, 6, 8, 47)),
    ("8:47", datetime(2024, 5, 6, 8, 47)),
    ("8.47", datetime(2024, 5, 6, 8, 47)),
    ("14:30", datetime(2024, 5, 6, 14, 30)),
    ("14:31", datetime(2024, 5, 5, 14, 31)),  # a minute ahead of now: yesterday's
    ("00:00", datetime(2024, 5, 6, 0, 0)),
])
def test_time_of_day_in_the_users_zone(text, local):
    expected = local.replace(tzinfo=zoneinfo.ZoneInfo(BERLIN)).astimezone(timezone.utc)
    assert parse_start(text, NOW, BERLIN) == expected


def test_time_of_day_across_midnight():
    # 00:10 in Berlin; "23:50" is twenty minutes ago, yesterday.
    now = datetime(2024, 5, 5, 22, 10, tzinfo=timezone.utc)
    assert parse_start("23:50", now, BERLIN) == now - timedelta(minutes=20)


@pytest.mark.parametrize("text, reason", [
    ("", "format"), ("15", "format"), ("soon", "format"), ("25:00", "format"), ("12:60", "format"),
    ("-25h", "too_long"), ("-1441m", "too_long"), ("12:3", "format"), ("--5m", "format"),
])
def test_what_is_refused(text, reason):
    with pytest.raises(StartTimeError) as caught:
        parse_start(text, NOW, BERLIN)
    assert caught.value.reason == reason


def test_a_time_the_clocks_skipped_is_refused_not_guessed():
    # 31 March 2024: Berlin's clocks go from 02:00 to 03:00. At 03:10, "02:30" never happened today.
    now = datetime(2024, 3, 31, 1, 10, tzinfo=timezone.utc)
    with pytest.raises(StartTimeError) as caught:
        parse_start("02:30", now, BERLIN)
    assert caught.value.reason == "skipped"
    # Earlier that night it is yesterday's 02:30 (the skipped one is still ahead).
    early = datetime(2024, 3, 31, 0, 30, tzinfo=timezone.utc)  # 01:30 CET
    assert parse_start("02:30", early, BERLIN) == datetime(2024, 3, 30, 1, 30, tzinfo=timezone.utc)


def test_the_later_of_a_repeated_hour_once_it_has_passed():
    # 27 October 2024: 02:00-03:00 happens twice in Berlin (CEST, then CET).
    zone = zoneinfo.ZoneInfo(BERLIN)
    first = datetime(2024, 10, 27, 0, 30, tzinfo=timezone.utc)  # 02:30 CEST
    second = datetime(2024, 10, 27, 1, 30, tzinfo=timezone.utc)  # 02:30 CET
    assert parse_start("02:30", first + timedelta(minutes=5), BERLIN) == first
    assert parse_start("02:30", second + timedelta(minutes=5), BERLIN) == second
    assert second.astimezone(zone).strftime("%H:%M") == "02:30"


ZONES = st.sampled_from([BERLIN, "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC",
                         "America/Santiago", "Pacific/Chatham"])
NOWS = st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 12, 31),
                    timezones=st.just(timezone.utc))


@settings(max_examples=400, deadline=None)
@given(now=NOWS, zone=ZONES, hour=st.integers(0, 23), minute=st.integers(0, 59))
def test_a_time_of_day_is_its_last_occurrence(now, zone, hour, minute):
    try:
        start = parse_start(f"{hour:02d}:{minute:02d}", now, zone)
    except StartTimeError as exc:
        assert exc.reason == "skipped"  # only a time the clocks jumped over that day
        return
    local = start.astimezone(zoneinfo.ZoneInfo(zone))
    assert (local.hour, local.minute, local.second) == (hour, minute, 0)
    assert start <= now
    # Within a day (a day the clocks go back lasts 25 hours; Lord Howe's moves by 30 minutes).
    assert now - start < timedelta(hours=25)
    # And no later moment up to now showed that time: the minutes between were all other times.
    probe = start + timedelta(minutes=1)
    while probe <= now and probe - start < timedelta(hours=26):
        shown = probe.astimezone(zoneinfo.ZoneInfo(zone))
        assert (shown.hour, shown.minute) != (hour, minute) or probe - start < timedelta(minutes=1)
        probe += timedelta(minutes=30)


@settings(max_examples=200, deadline=None)
@given(now=NOWS, zone=ZONES, minutes=st.integers(0, 24 * 60))
def test_minutes_ago_never_in_the_future_nor_older_than_a_day(now, zone, minutes):
    start = parse_start(f"-{minutes}m", now, zone)
    assert start <= now and now - start <= MAX_AGO + timedelta(seconds=1)
    assert start == (now - timedelta(minutes=minutes)).replace(microsecond=0)


# -- an edit of the running entry ---------------------------------------------------------------------

PROJECT = Project("p1", "Website Relaunch")
OTHER = Project("p2", "App")
TASK = Task("t1", "Sitemap entwerfen", project=PROJECT, type_of_work_id="w1")
NEW_TASK = Task("t2", "Login", project=OTHER, type_of_work_id="w2")
DESIGN, CODE = TypeOfWork("w1", "Design"), TypeOfWork("w2", "Code")
RUNNING = TimeEntry("e1", NOW - timedelta(minutes=20), type_of_work=DESIGN, task=TASK, project=PROJECT,
                    note="Entwurf", timezone=BERLIN, user_id="u1", is_billable=True, is_billed=False)


def test_a_change_touches_only_what_it_names():
    changed = EntryChange(note="  Review ").applied(RUNNING)
    assert changed.note == "Review" and changed.task == TASK and changed.is_billable is True
    assert EntryChange(note="").applied(RUNNING).note is None
    moved = EntryChange(task=NEW_TASK, type_of_work=CODE, is_billable=False, start=NOW - timedelta(hours=1))
    after = moved.applied(RUNNING)
    assert (after.task, after.project, after.type_of_work, after.is_billable) == (NEW_TASK, OTHER, CODE, False)
    assert after.start == NOW - timedelta(hours=1) and after.id == "e1" and after.user_id == "u1"
    assert EntryChange().empty and not moved.empty
    assert not EntryChange(note="Entwurf", is_billable=True).changes(RUNNING)
    assert EntryChange(note="x").changes(RUNNING)


def test_a_new_start_must_lie_before_now_and_before_the_first_break():
    paused = TimeEntry("e1", NOW - timedelta(minutes=20), breaks=(Break(NOW - timedelta(minutes=5)),))
    assert start_problem(RUNNING, NOW - timedelta(minutes=30), NOW) is None
    assert start_problem(RUNNING, NOW - timedelta(minutes=10), NOW) is None  # later is fine too
    assert start_problem(RUNNING, NOW + timedelta(minutes=1), NOW) == "future"
    assert start_problem(RUNNING, NOW - timedelta(hours=25), NOW) == "too_long"
    assert start_problem(paused, NOW - timedelta(minutes=4), NOW) == "after_break"


def test_queued_edits_and_discards_show_on_the_entry_they_were_made_for():
    edit = QueuedEdit("e1", EntryChange(note="Review"))
    assert apply_intent(RUNNING, TimerAction.EDIT, NOW, edit=edit).note == "Review"
    assert apply_intent(RUNNING, TimerAction.DISCARD, NOW, edit=QueuedEdit("e1")) is None
    # Another entry runs now (started elsewhere): an edit of the old one changes nothing.
    assert apply_intent(RUNNING, TimerAction.EDIT, NOW, edit=QueuedEdit("e9", EntryChange(note="x"))) == RUNNING
    assert apply_intent(None, TimerAction.DISCARD, NOW, edit=QueuedEdit("e1")) is None
    # A start queued offline, then edited and discarded before awork heard of either.
    start = QueuedStart(StartRequest("w1", BERLIN, task_id="t1", is_billable=True), TASK, DESIGN)
    shown = intended_timer(RUNNING, [(TimerAction.START, NOW, start),
                                     (TimerAction.EDIT, NOW, None, QueuedEdit(PENDING_ID, EntryChange(note="n"))),
                                     ])
    assert shown.id == PENDING_ID and shown.note == "n" and shown.is_billable is True
    assert intended_timer(shown, [(TimerAction.DISCARD, NOW, None, QueuedEdit(PENDING_ID))]) is None
