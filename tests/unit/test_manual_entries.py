"""Manual entries are never the timer, and what an entry says about billing is read and kept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from tray_app.api import parse
from tray_app.domain.changes import (
    fingerprint,
    remote_change,
    timer_changed,
    timer_changed_at,
)
from tray_app.domain.entities import Break, StartRequest, TimeEntry
from tray_app.domain.timer import TimerState, elapsed, is_manual, timer_state

T0 = datetime(2024, 5, 6, 7, 0, tzinfo=UTC)


def v1(**fields) -> dict:
    base = {"id": "e1", "typeOfWorkId": "w", "timezone": "Europe/Berlin", "startDateUtc": "2024-05-06T00:00:00Z",
            "startTimeUtc": "07:00:00", "endDateUtc": None, "endTimeUtc": None, "duration": 0}
    return {**base, **fields}


def test_billing_fields_and_the_project_default_are_read():
    entry = parse.time_entry(v1(isBillable=True, isBilled=True, project={
        "id": "p1", "name": "Website", "isBillableByDefault": False}))
    assert entry.is_billable is True and entry.is_billed is True
    assert entry.project.is_billable_by_default is False
    unknown = parse.time_entry(v1(project={"id": "p2", "name": "App"}))
    assert unknown.is_billable is None and unknown.is_billed is None
    assert unknown.project.is_billable_by_default is None
    task = parse.task({"id": "t1", "name": "x", "project": {"id": "p3", "name": "P", "isBillableByDefault": True}})
    assert task.project.is_billable_by_default is True


def test_a_start_sends_is_billable_only_when_known():
    assert "isBillable" not in StartRequest("w", "Europe/Berlin").to_form()
    assert StartRequest("w", "Europe/Berlin", is_billable=False).to_form()["isBillable"] is False


@pytest.mark.parametrize("fields", [
    {"duration": 3600},  # a duration and no end
    {"startTimeUtc": None, "duration": 0},  # no start time: counted from midnight
    {"startTimeUtc": None, "duration": 5400},
])
def test_a_manual_entry_is_finished_not_a_running_timer(fields):
    entry = parse.time_entry(v1(**fields))
    assert timer_state(entry) is TimerState.IDLE and is_manual(entry)
    assert elapsed(entry, T0 + timedelta(hours=9)) == entry.duration


def test_an_entry_without_a_start_time_counts_from_midnight():
    entry = parse.time_entry(v1(startTimeUtc=None, duration=600))
    assert entry.start == datetime(2024, 5, 6, tzinfo=UTC) and not entry.start_time_known


def test_a_timer_stays_a_timer():
    running = parse.time_entry(v1())
    assert timer_state(running) is TimerState.RUNNING and not is_manual(running)
    assert timer_state(parse.time_entry(v1(startDateUtc="2024-05-06T07:00:00Z", startTimeUtc=None))) is TimerState.RUNNING


def entry(**kw) -> TimeEntry:
    return TimeEntry(**{"id": "e1", "start": T0, "updated": T0, **kw})


def test_an_edit_of_the_note_is_no_change_of_the_timer():
    baseline = fingerprint(entry())
    assert not timer_changed(baseline, entry(note="edited in the web app", updated=T0 + timedelta(minutes=5)))
    assert timer_changed(baseline, entry(end=T0 + timedelta(minutes=5)))
    assert timer_changed(baseline, entry(breaks=(Break(T0 + timedelta(minutes=1)),)))
    assert timer_changed(baseline, entry(id="e2", start=T0 + timedelta(minutes=2)))


def test_a_manual_entry_added_while_idle_is_no_change_of_the_timer():
    stopped = entry(end=T0 + timedelta(minutes=5))
    manual = entry(id="m1", start=T0 + timedelta(hours=1), duration=timedelta(minutes=30))
    assert not timer_changed(fingerprint(stopped), manual)
    started_and_stopped = entry(id="e2", start=T0 + timedelta(hours=1), end=T0 + timedelta(hours=2),
                                created=T0 + timedelta(hours=1))
    assert timer_changed(fingerprint(stopped), started_and_stopped)


def test_when_the_timer_changed_is_its_own_latest_moment():
    paused = entry(breaks=(Break(T0 + timedelta(minutes=3), T0 + timedelta(minutes=4)), Break(T0 + timedelta(minutes=9))),
                   updated=T0 + timedelta(hours=2))  # a later edit of the note does not count
    assert timer_changed_at(paused) == T0 + timedelta(minutes=9)
    assert timer_changed_at(None) is None


def test_remote_change_is_quiet_about_a_manual_entry_while_idle():
    stopped = entry(end=T0 + timedelta(minutes=5))
    assert remote_change(stopped, entry(id="m1", start=T0 + timedelta(hours=1), duration=timedelta(minutes=30))) is None
