"""The reminders run on one timer set for the next due moment, on an injected clock (no Qt, no waits)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from tray_app.core.reminders import (
    CONTINUE,
    KEEP,
    QUICK_START,
    STOP,
    Reminders,
    parse_clock,
    policy_from,
)
from tray_app.core.settings import Settings
from tray_app.core.state import AppState, Auth, Store
from tray_app.domain.reminders import Kind, ReminderPolicy, WorkingHours

from helpers.factories import demo_workload, entry_for, signed_in
from helpers.fake_timers import FakeTimers, local_zone

BERLIN = ZoneInfo("Europe/Berlin")
DEFAULTS = ReminderPolicy()


def berlin(*args) -> datetime:
    return datetime(*args, tzinfo=BERLIN).astimezone(UTC)


@pytest.fixture
def rig():
    with local_zone("Europe/Berlin"):
        yield Rig()


class Rig:
    def __init__(self):
        self.timers = FakeTimers(berlin(2024, 6, 12, 9, 30))  # a Wednesday
        self.workload = demo_workload()
        self.store = Store(signed_in(self.workload))
        self.shown = []
        self.reminders: Reminders | None = None

    def start(self, policy: ReminderPolicy | None = DEFAULTS) -> Reminders:
        self.reminders = Reminders(self.store, self.timers.now, self.shown.append, self.timers.call_later,
                                   zone=lambda: BERLIN, policy=policy)
        return self.reminders

    def finished_entry(self, ended: datetime):
        running = entry_for(self.workload, started=timedelta(hours=1), now=ended, note=None)
        return replace(running, end=ended)

    def running_entry(self, started: datetime):
        return entry_for(self.workload, started=self.timers.now() - started, now=self.timers.now())


def test_not_tracking_reminds_once_the_interval_has_passed_with_one_wake_up(rig):
    rig.store.update(entry=rig.finished_entry(berlin(2024, 6, 12, 9, 25)))
    reminders = rig.start()
    assert reminders.planned == berlin(2024, 6, 12, 9, 45)  # 15 min after starting to watch
    rig.timers.advance(15 * 60 - 1)
    assert rig.shown == []
    rig.timers.advance(1)
    [reminder] = rig.shown
    assert reminder.kind is Kind.NOT_TRACKING
    assert reminder.text == "Not tracking — continue “Sitemap entwerfen · Website Relaunch”?"
    # The first action is what a click on the message does: it opens quick start, it starts nothing.
    assert reminder.actions == ((QUICK_START, "Open quick start"), (CONTINUE, "Continue"))
    assert reminders.wakeups == 1
    # Never again sooner than the interval: the next one is planned 15 min later.
    assert reminders.planned == berlin(2024, 6, 12, 10, 0)


def test_with_nothing_ever_tracked_only_quick_start_is_offered(rig):
    rig.start()
    rig.timers.advance(15 * 60)
    [reminder] = rig.shown
    assert reminder.text == "Not tracking — start a timer?" and reminder.actions == ((QUICK_START, "Open quick start"),)


def test_a_paused_timer_is_not_tracking_since_its_break_began(rig):
    paused = entry_for(rig.workload, started=timedelta(minutes=50), now=rig.timers.now(), paused_for=timedelta(minutes=5))
    rig.store.update(entry=paused)
    reminders = rig.start()
    assert reminders.planned == berlin(2024, 6, 12, 9, 45)  # started watching at 9:30, after the break began
    rig.timers.advance(15 * 60)
    assert rig.shown[0].text.startswith("Paused — continue “Sitemap entwerfen")


def test_starting_a_timer_cancels_the_reminder_and_stopping_starts_the_interval_again(rig):
    reminders = rig.start()
    rig.timers.advance(10 * 60)
    rig.store.update(entry=rig.running_entry(rig.timers.now()))
    assert reminders.planned == berlin(2024, 6, 12, 18, 0)  # now only the end of the day counts
    rig.timers.advance(20 * 60)
    assert rig.shown == []
    rig.store.update(entry=rig.finished_entry(rig.timers.now()))
    assert reminders.planned == rig.timers.now() + timedelta(minutes=15)


def test_none_while_signed_out_and_the_full_interval_after_signing_in(rig):
    rig.store.update(auth=Auth.SIGNED_OUT)
    reminders = rig.start()
    assert reminders.planned is None and rig.timers.pending == []
    rig.timers.advance(3600)
    rig.store.update(auth=Auth.SIGNED_IN)
    assert reminders.planned == rig.timers.now() + timedelta(minutes=15)
    rig.store.update(auth=Auth.SIGNED_OUT)
    assert rig.timers.pending == [] and rig.shown == []


def test_none_while_the_popover_is_open_and_closing_it_starts_the_interval_again(rig):
    reminders = rig.start()
    rig.timers.advance(10 * 60)
    reminders.attending(True)
    assert rig.timers.pending == []
    rig.timers.advance(30 * 60)
    reminders.attending(False)
    assert rig.shown == [] and reminders.planned == rig.timers.now() + timedelta(minutes=15)


def test_reminders_off_set_no_timer_and_turned_on_the_interval_starts_then(rig):
    reminders = rig.start(policy=None)
    assert rig.timers.pending == []
    rig.timers.advance(3600)
    reminders.configure(ReminderPolicy(every=timedelta(minutes=30)))
    assert reminders.planned == berlin(2024, 6, 12, 11, 0)


def test_still_tracking_at_the_end_of_the_day_then_every_interval_until_kept(rig):
    rig.store.update(entry=rig.running_entry(berlin(2024, 6, 12, 8, 47)))
    reminders = rig.start()
    rig.timers.advance((berlin(2024, 6, 12, 18, 0) - rig.timers.now()).total_seconds())
    [reminder] = rig.shown
    assert reminder.kind is Kind.STILL_TRACKING
    assert reminder.text == "Still tracking “Sitemap entwerfen · Website Relaunch” since 08:47 — stop?"
    # A stray click on the message never stops the timer: it opens quick start.
    assert reminder.actions == ((QUICK_START, "Open quick start"), (STOP, "Stop"), (KEEP, "Keep"))
    assert reminder.entry_id == "e1"
    assert reminders.wakeups == 1  # one wait, from 9:30 to 18:00
    rig.timers.advance(15 * 60)
    assert len(rig.shown) == 2
    reminders.keep()
    assert reminders.planned == berlin(2024, 6, 13, 18, 0)  # only if it still runs tomorrow evening


def test_after_a_sleep_the_decision_is_made_again_on_the_wall_clock(rig):
    rig.store.update(entry=rig.running_entry(berlin(2024, 6, 12, 8, 47)))
    reminders = rig.start()
    rig.timers.sleep(10 * 3600)  # suspended until 19:30: the monotonic wait has not moved
    assert rig.shown == []
    reminders.clock_jumped()  # what the sync loop says when it notices
    assert [r.kind for r in rig.shown] == [Kind.STILL_TRACKING]


def test_the_demo_reminds_too(rig):
    rig.store.update(demo=True)
    rig.start()
    rig.timers.advance(15 * 60)
    assert len(rig.shown) == 1


def test_settings_become_a_policy_and_damaged_values_fall_back_to_the_defaults():
    assert policy_from(Settings()) == ReminderPolicy()
    assert policy_from(Settings(reminders=False)) is None
    custom = Settings(reminder_minutes=30, working_days="67", working_start="22:00", working_end="06:30")
    assert policy_from(custom) == ReminderPolicy(WorkingHours(frozenset({6, 7}), time(22), time(6, 30)),
                                                 timedelta(minutes=30))
    damaged = Settings(reminder_minutes=0, working_days="x", working_start="25:00", working_end="late")
    assert policy_from(damaged) == ReminderPolicy()
    assert policy_from(Settings(working_days="")).hours.days == frozenset()  # every day unticked
    assert parse_clock("7:05", time(9)) == time(7, 5)


def test_signed_out_at_start_means_no_state_to_read(rig):
    rig.store = Store(AppState())
    reminders = rig.start()
    assert reminders.planned is None


def test_the_reminders_speak_german_too(rig):
    from tray_app import i18n
    from tray_app.core.reminders import reminder_for

    rig.store.update(entry=rig.running_entry(berlin(2024, 6, 12, 8, 47)))
    i18n.use("de")
    try:
        still = reminder_for(Kind.STILL_TRACKING, rig.store.state, rig.timers.now())
        rig.store.update(entry=rig.finished_entry(rig.timers.now()))
        idle = reminder_for(Kind.NOT_TRACKING, rig.store.state, rig.timers.now())
    finally:
        i18n.use("en")
    assert still.text == "„Sitemap entwerfen · Website Relaunch“ läuft noch seit 08:47 – stoppen?"
    assert [label for _key, label in still.actions] == ["Schnellstart öffnen", "Stoppen", "Weiterlaufen lassen"]
    assert idle.text == "Keine Zeiterfassung – „Sitemap entwerfen · Website Relaunch“ fortsetzen?"
    assert [label for _key, label in idle.actions] == ["Schnellstart öffnen", "Fortsetzen"]
