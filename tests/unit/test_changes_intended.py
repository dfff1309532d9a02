"""What changed in awork without us (notices, fingerprints) and the timer as intended offline."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tray_app.domain.actions import QueuedStart, TimerAction
from tray_app.domain.changes import Fingerprint, fingerprint, remote_change
from tray_app.domain.entities import Break, Project, StartRequest, Task, TimeEntry, TypeOfWork
from tray_app.domain.intended import PENDING_ID, apply_intent, intended_timer
from tray_app.domain.timer import TimerState, elapsed, timer_state

T0 = datetime(2024, 5, 6, 9, 0, tzinfo=timezone.utc)
PROJECT = Project("p1", "Website Relaunch")
TASK = Task("t1", "Sitemap entwerfen", project=PROJECT, type_of_work_id="w1")
DESIGN = TypeOfWork("w1", "Design")
START, PAUSE, RESUME, STOP = TimerAction.START, TimerAction.PAUSE, TimerAction.RESUME, TimerAction.STOP


def queued(task: Task | None = None, type_of_work: TypeOfWork = DESIGN, note: str | None = None,
           project: Project | None = None) -> QueuedStart:
    request = StartRequest(type_of_work.id, "Europe/Berlin", task_id=task.id if task else None,
                           project_id=project.id if project else None, note=note)
    return QueuedStart(request, task, type_of_work, project)


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
    assert fingerprint(None) == Fingerprint(entry_id=None, updated=None, state="idle", breaks=0)


def test_fingerprint_names_its_parts():
    print_ = fingerprint(entry(breaks=[Break(at(10))], updated=at(5)))
    assert (print_.entry_id, print_.updated, print_.timer_state, print_.breaks) == (
        "e1", at(5).isoformat(), TimerState.PAUSED, 1)


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
    started = apply_intent(None, START, at(1), queued(TASK, note="Skizze"))
    assert started.id == PENDING_ID and started.start == at(1) and started.end is None
    assert started.task == TASK and started.project == PROJECT and started.type_of_work == DESIGN
    assert started.note == "Skizze" and timer_state(started) is TimerState.RUNNING


def test_start_while_running_or_paused_replaces_the_timer():
    for current in (RUNNING, PAUSED):
        started = apply_intent(current, START, at(15), queued())
        assert started.id == PENDING_ID and started.breaks == () and started.task is None


def test_pause_resume_stop_follow_awork():
    paused = apply_intent(RUNNING, PAUSE, at(10))
    assert paused.breaks == (Break(at(10)),) and timer_state(paused) is TimerState.PAUSED
    resumed = apply_intent(paused, RESUME, at(15))
    assert resumed.breaks == (Break(at(10), at(15)),) and timer_state(resumed) is TimerState.RUNNING
    stopped = apply_intent(resumed, STOP, at(60))
    assert stopped.end == at(60) and elapsed(stopped, at(999)) == timedelta(minutes=55)


def test_stop_while_paused_closes_the_break():
    stopped = apply_intent(PAUSED, STOP, at(30))
    assert stopped.end == at(30) and stopped.breaks == (Break(at(10), at(30)),)
    assert elapsed(stopped, at(99)) == timedelta(minutes=10)


@pytest.mark.parametrize(
    "current, kind",
    [(None, PAUSE), (None, RESUME), (None, STOP), (STOPPED, PAUSE), (STOPPED, STOP),
     (RUNNING, RESUME), (PAUSED, PAUSE)],
)
def test_actions_that_change_nothing_return_the_entry(current, kind):
    assert apply_intent(current, kind, at(20)) is current


def test_an_action_is_one_of_six():
    assert [a.value for a in TimerAction] == ["start", "pause", "resume", "stop", "edit", "discard"]
    with pytest.raises(ValueError):
        TimerAction("bogus")


def test_a_project_start_shows_its_project_and_a_nameless_one_its_type():
    assert apply_intent(None, START, at(1), queued(project=PROJECT)).project == PROJECT
    nameless = apply_intent(None, START, at(1), queued(project=Project("p2", "")))
    assert nameless.project is None and nameless.type_of_work == DESIGN


def test_the_intended_timer_applies_the_queue_in_order():
    shown = intended_timer(None, [(START, at(1), queued(TASK)), (PAUSE, at(5), None)])
    assert shown.task == TASK and timer_state(shown) is TimerState.PAUSED and shown.breaks == (Break(at(5)),)
    assert intended_timer(RUNNING, []) is RUNNING


def test_times_before_the_start_or_the_break_are_clamped():
    assert apply_intent(entry(start=at(10)), STOP, at(5)).end == at(10)
    resumed = apply_intent(entry(breaks=[Break(at(10))]), RESUME, at(5))
    assert resumed.breaks == (Break(at(10), at(10)),)


KINDS = st.sampled_from(list(TimerAction))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(KINDS, st.integers(0, 600)), max_size=12))
def test_any_sequence_gives_a_consistent_timer(actions):
    """Whatever the user does offline, the shown timer is well formed: never negative, breaks in
    order inside the entry, at most one open break, and elapsed never exceeds the wall time."""
    current, moment = None, T0
    for kind, gap in actions:
        moment += timedelta(seconds=gap)
        current = apply_intent(current, kind, moment, queued() if kind is START else None)
        if current is None:
            continue
        assert sum(1 for b in current.breaks if b.end is None) <= 1
        assert all(b.start >= current.start for b in current.breaks)
        assert all(b.end is None or b.end >= b.start for b in current.breaks)
        if current.end is not None:
            assert current.end >= current.start and all(b.end is not None for b in current.breaks)
        assert timedelta(0) <= elapsed(current, moment) <= moment - current.start
    if actions and actions[-1][0] is START:
        assert timer_state(current) is TimerState.RUNNING
