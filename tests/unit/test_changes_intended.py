"""What changed in awork without us (notices, fingerprints) and the timer as intended offline."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tray_app.domain.changes import fingerprint, remote_change
from tray_app.domain.entities import Break, Project, Task, TimeEntry, TypeOfWork
from tray_app.domain.intended import PENDING_ID, apply_intent
from tray_app.domain.timer import TimerState, elapsed, timer_state

T0 = datetime(2024, 5, 6, 9, 0, tzinfo=timezone.utc)
PROJECT = Project("p1", "Website Relaunch")
TASK = Task("t1", "Sitemap entwerfen", project=PROJECT, type_of_work_id="w1")
DESIGN = TypeOfWork("w1", "Design")


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def entry(id="e1", start=T0, end=None, breaks=(), updated=None, **kw) -> TimeEntry:
    return TimeEntry(id=id, start=start, end=end, breaks=tuple(breaks), task=kw.pop("task", TASK),
                     updated=updated, **kw)


RUNNING = entry()
PAUSED = entry(breaks=[Break(at(10))])
STOPPED = entry(end=at(30))


# -- remote_change -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "old, new, text",
    [
        (None, RUNNING, "Timer started in awork: Sitemap entwerfen · Website Relaunch"),
        (STOPPED, entry(id="e2", start=at(40)), "Timer started in awork: Sitemap entwerfen · Website Relaunch"),
        (RUNNING, entry(id="e2", start=at(40), task=None, type_of_work=DESIGN), "Timer started in awork: Design"),
        (RUNNING, PAUSED, "Timer paused in awork: Sitemap entwerfen · Website Relaunch"),
        (PAUSED, entry(breaks=[Break(at(10), at(20))]), "Timer resumed in awork: Sitemap entwerfen · Website Relaunch"),
        (RUNNING, STOPPED, "Timer stopped in awork: Sitemap entwerfen · Website Relaunch"),
        (PAUSED, entry(end=at(30), breaks=[Break(at(10), at(30))]), "Timer stopped in awork: Sitemap entwerfen · Website Relaunch"),
        (RUNNING, entry(end=at(24 * 60)), "awork stopped your timer after 24 hours: Sitemap entwerfen · Website Relaunch"),
        (PAUSED, entry(end=at(24 * 60), breaks=[Break(at(10), at(24 * 60))]),
         "awork stopped your timer after 24 hours: Sitemap entwerfen · Website Relaunch"),
        # the timer ran elsewhere and was stopped there between two polls: ours ended too
        (RUNNING, entry(id="e2", start=at(40), end=at(50)), "Timer stopped in awork: Sitemap entwerfen · Website Relaunch"),
    ],
    ids=["first-start", "start-after-stop", "switch", "pause", "resume", "stop", "stop-paused", "auto-stop",
         "auto-stop-paused", "switched-and-stopped"],
)
def test_remote_change_tells_what_happened(old, new, text):
    assert remote_change(old, new) == text


@pytest.mark.parametrize(
    "old, new",
    [
        (None, None),
        (None, STOPPED),
        (STOPPED, STOPPED),
        (STOPPED, entry(id="e2", start=at(40), end=at(50))),  # finished elsewhere while idle here
        (RUNNING, RUNNING),
        (RUNNING, entry(note="edited")),
        (PAUSED, PAUSED),
        (entry(breaks=[Break(at(1), at(2))]), entry(breaks=[Break(at(1), at(2)), Break(at(3), at(4))])),
    ],
    ids=["nothing", "idle-history", "same-stopped", "finished-elsewhere", "same-running", "edit", "same-paused",
         "break-between-polls"],
)
def test_remote_change_is_quiet_when_nothing_worth_telling(old, new):
    assert remote_change(old, new) is None


def test_a_stop_just_short_of_24_hours_is_an_ordinary_stop():
    assert remote_change(RUNNING, entry(end=at(23 * 60 + 50))).startswith("Timer stopped in awork")


def test_remote_change_without_task_or_type_says_your_timer():
    bare = TimeEntry("e9", at(5))
    assert remote_change(None, bare) == "Timer started in awork: your timer"


# -- fingerprint ---------------------------------------------------------------------------------


def test_fingerprint_of_nothing_is_idle():
    assert fingerprint(None) == (None, None, "idle", 0)


@pytest.mark.parametrize(
    "other",
    [
        entry(id="e2"),
        entry(updated=at(5)),
        entry(end=at(30)),
        entry(breaks=[Break(at(10))]),
        entry(breaks=[Break(at(10), at(20))]),
    ],
    ids=["other-entry", "edited", "stopped", "paused", "break-taken"],
)
def test_fingerprint_changes_with_every_change(other):
    assert fingerprint(other) != fingerprint(entry())


def test_fingerprint_ignores_what_a_poll_cannot_change():
    a = entry(updated=at(1), note="a")
    assert fingerprint(a) == fingerprint(entry(updated=at(1), note="a"))
    assert fingerprint(a) == tuple(list(fingerprint(a)))  # survives a JSON round trip as a list


# -- apply_intent --------------------------------------------------------------------------------


def test_start_from_nothing_is_a_pending_entry_with_the_task():
    started = apply_intent(None, "start", at(1), type_of_work=DESIGN, task=TASK, note="Skizze")
    assert started.id == PENDING_ID and started.start == at(1) and started.end is None
    assert started.task == TASK and started.project == PROJECT and started.type_of_work == DESIGN
    assert started.note == "Skizze" and timer_state(started) is TimerState.RUNNING


def test_start_while_running_or_paused_replaces_the_timer():
    for current in (RUNNING, PAUSED):
        started = apply_intent(current, "start", at(15), type_of_work=DESIGN)
        assert started.id == PENDING_ID and started.breaks == () and started.task is None


def test_pause_resume_stop_follow_awork():
    paused = apply_intent(RUNNING, "pause", at(10))
    assert paused.breaks == (Break(at(10)),) and timer_state(paused) is TimerState.PAUSED
    resumed = apply_intent(paused, "resume", at(15))
    assert resumed.breaks == (Break(at(10), at(15)),) and timer_state(resumed) is TimerState.RUNNING
    stopped = apply_intent(resumed, "stop", at(60))
    assert stopped.end == at(60) and elapsed(stopped, at(999)) == timedelta(minutes=55)


def test_stop_while_paused_closes_the_break():
    stopped = apply_intent(PAUSED, "stop", at(30))
    assert stopped.end == at(30) and stopped.breaks == (Break(at(10), at(30)),)
    assert elapsed(stopped, at(99)) == timedelta(minutes=10)


@pytest.mark.parametrize(
    "current, kind",
    [(None, "pause"), (None, "resume"), (None, "stop"), (STOPPED, "pause"), (STOPPED, "stop"),
     (RUNNING, "resume"), (PAUSED, "pause"), (RUNNING, "bogus")],
)
def test_actions_that_change_nothing_return_the_entry(current, kind):
    assert apply_intent(current, kind, at(20)) is current


def test_times_before_the_start_or_the_break_are_clamped():
    assert apply_intent(entry(start=at(10)), "stop", at(5)).end == at(10)
    resumed = apply_intent(entry(breaks=[Break(at(10))]), "resume", at(5))
    assert resumed.breaks == (Break(at(10), at(10)),)


KINDS = st.sampled_from(["start", "pause", "resume", "stop"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(KINDS, st.integers(0, 600)), max_size=12))
def test_any_sequence_gives_a_consistent_timer(actions):
    """Whatever the user does offline, the shown timer is well formed: never negative, breaks in
    order inside the entry, at most one open break, and elapsed never exceeds the wall time."""
    current, moment = None, T0
    for kind, gap in actions:
        moment += timedelta(seconds=gap)
        current = apply_intent(current, kind, moment, type_of_work=DESIGN)
        if current is None:
            continue
        assert sum(1 for b in current.breaks if b.end is None) <= 1
        assert all(b.start >= current.start for b in current.breaks)
        assert all(b.end is None or b.end >= b.start for b in current.breaks)
        if current.end is not None:
            assert current.end >= current.start and all(b.end is not None for b in current.breaks)
        assert timedelta(0) <= elapsed(current, moment) <= moment - current.start
    if actions and actions[-1][0] == "start":
        assert timer_state(current) is TimerState.RUNNING
