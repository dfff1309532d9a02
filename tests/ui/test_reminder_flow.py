"""Reminders through the tray: shown as notifications with actions, answered through the core
(Continue = continue_last, Stop = stop, Open quick start = the popover), on an injected clock."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
import qasync

from tray_app.core.reminders import CONTINUE, KEEP, QUICK_START, STOP
from tray_app.core.settings import Settings
from tray_app.domain.timer import TimerState
from tray_app.ui.reminder_controller import ReminderController

from helpers.demo_session import demo_session, settle
from helpers.fake_timers import FakeTimers

# Every hour of every day is working time: the tests do not depend on when they run.
ALWAYS = Settings(working_days="1234567", working_start="00:00", working_end="00:00")


@pytest.fixture
def rig(qtbot, qloop, tmp_path):
    with demo_session(qtbot, qloop, tmp_path) as session:
        timers = FakeTimers(datetime.now(UTC))
        reminders = ReminderController(session.core, session, ALWAYS, call_later=timers.call_later, now=timers.now)
        yield session, timers, reminders, qloop
        reminders.close()


def messages(session) -> list[dict]:
    return session.tray.notifier.messages


def test_not_tracking_offers_to_continue_and_continue_starts_the_last_task_again(rig):
    session, timers, _reminders, loop = rig
    stopped = session.core.store.state.entry
    assert session.core.store.state.timer is TimerState.IDLE
    timers.advance(15 * 60)
    [message] = messages(session)
    assert message["text"] == f"Not tracking — continue “{stopped.task.name} · {stopped.effective_project.name}”?"
    assert [key for key, _label in message["actions"]] == [QUICK_START, CONTINUE]
    assert message["warning"] is False
    message["on_action"](CONTINUE)
    settle(loop, session)
    state = session.core.store.state
    assert state.timer is TimerState.RUNNING and state.entry.task.id == stopped.task.id
    assert state.entry.note == stopped.note and state.entry.id != stopped.id


def test_open_quick_start_opens_the_popover_and_no_reminder_comes_while_it_is_open(rig, qtbot):
    session, timers, reminders, loop = rig
    timers.advance(15 * 60)
    messages(session)[-1]["on_action"](QUICK_START)
    settle(loop, session)  # the refresh the opening asks for
    qtbot.waitExposed(session.popover)
    assert reminders.reminders.planned is None and timers.pending == []
    timers.advance(3600)
    assert len(messages(session)) == 1
    session.popover.dismiss()
    assert reminders.reminders.planned == timers.now() + timedelta(minutes=15)  # the interval again


def test_still_tracking_at_the_end_of_the_day_stops_on_stop(rig):
    session, timers, reminders, loop = rig
    settle(loop, session, session.commands.continue_last())
    running = session.core.store.state.entry
    assert session.core.store.state.timer is TimerState.RUNNING
    due = reminders.reminders.planned
    assert due is not None and due.astimezone().time().replace(second=0, microsecond=0).isoformat() == "00:00:00"
    timers.advance((due - timers.now()).total_seconds())
    message = messages(session)[-1]
    assert message["text"].startswith(f"Still tracking “{running.task.name}") and message["text"].endswith("— stop?")
    assert [key for key, _label in message["actions"]] == [QUICK_START, STOP, KEEP]
    message["on_action"](STOP)
    settle(loop, session)
    assert session.core.store.state.timer is TimerState.IDLE


def test_keep_silences_the_evening_and_an_old_stop_never_stops_a_newer_timer(rig):
    session, timers, reminders, loop = rig
    settle(loop, session, session.commands.continue_last())
    due = reminders.reminders.planned
    timers.advance((due - timers.now()).total_seconds())
    old = messages(session)[-1]
    old["on_action"](KEEP)
    assert reminders.reminders.planned == due + timedelta(days=1)
    # A new timer later: the old message's Stop (clicked in the notification list) leaves it alone.
    settle(loop, session, session.commands.stop())
    settle(loop, session, session.commands.continue_last())
    reminders.answer(reminders.shown[-1], STOP)
    settle(loop, session)
    assert session.core.store.state.timer is TimerState.RUNNING


def test_turned_off_in_the_settings_no_reminder_comes(rig):
    session, timers, reminders, _loop = rig
    reminders.configure(ALWAYS.replace(reminders=False))
    timers.advance(2 * 3600)
    assert messages(session) == [] and timers.pending == []
    reminders.configure(ALWAYS.replace(reminder_minutes=5))
    timers.advance(5 * 60)
    assert len(messages(session)) == 1
