"""The day in the popover and the tray menu, in English and German: the timer's start time, today's
and this week's totals, today's entries with Continue, the last entry's one-key Continue while
nothing runs, and the menu's Continue and five recent tasks."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tray_app.demo.workspace import demo_workspace
from tray_app.domain.entities import TimeEntry
from tray_app.domain.totals import DaySheet, week_period
from tray_app.ui.tray import Tray

from .grabs import grab
from .languages import language_de
from helpers.factories import entry_for, signed_in, task_named, type_of, workload_from

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture(autouse=True)
def berlin_time(monkeypatch):
    """This computer's zone is Berlin for the times of day shown."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def done(workload, name: str, start: datetime, minutes: int, id: str, note: str | None = None) -> TimeEntry:
    task = task_named(workload, name)
    return TimeEntry(id=id, start=start, end=start + timedelta(minutes=minutes), type_of_work=type_of(workload, task),
                     task=task, project=task.project, note=note, timezone="Europe/Berlin", is_billable=True)


def day_state(workload, *, running: bool = True):
    """Today: 50 min of Push notifications, 1 h 35 of Startseite; yesterday (this week) 2 h; and
    Sitemap entwerfen running for 1 h 13 since 08:47 awork time (or stopped, when not `running`)."""
    now = datetime.now(timezone.utc)
    today = now.astimezone(BERLIN).date()
    midnight = datetime.combine(today, datetime.min.time(), BERLIN).astimezone(timezone.utc)
    week = week_period(today, BERLIN)
    listed = (done(workload, "Push notifications", midnight, 50, "a"),
              done(workload, "Startseite gestalten", midnight + timedelta(minutes=60), 95, "b", note="Hero"))
    if week.first_day < today:  # yesterday is in this week too, unless today is Monday
        listed += (done(workload, "Onboarding screens", midnight - timedelta(hours=3), 120, "y"),)
    timer = entry_for(workload, started=timedelta(hours=1, minutes=13), now=now)
    if not running:
        timer = replace(timer, end=now)
    sheet = DaySheet(week=week, entries=listed, listed_at=now, zone=BERLIN)
    return signed_in(workload, entry=timer, day=sheet), week.first_day < today


def test_the_card_says_since_when_in_the_user_s_zone(popover, workload):
    start = datetime(2024, 5, 6, 6, 47, tzinfo=timezone.utc)  # 08:47 in Berlin
    entry = replace(entry_for(workload), start=start)
    popover.card.show_entry(entry, False)
    assert popover.card.since.text().startswith("since ") and "08:47" in popover.card.since.text()


def test_the_card_says_since_in_german(popover, workload, language_de):
    popover.card.show_entry(replace(entry_for(workload), start=datetime.now(timezone.utc) - timedelta(minutes=5)),
                            False)
    assert popover.card.since.text().startswith("seit ")


def test_today_and_this_week_in_the_popover(popover, workload):
    state, yesterday_in_week = day_state(workload)
    popover.render(state)
    assert popover.day.today_button.text() == "Today 3:38"  # 50 + 95 + 73 minutes
    assert popover.day.week_button.text() == ("This week 5:38" if yesterday_in_week else "This week 3:38")
    assert not popover.day.last.isVisible()  # a timer runs: no "last entry"
    grab(popover, "popover-day-totals-en")


def test_a_total_opens_today_s_entries_with_continue_keyboard_first(popover, workload, qtbot):
    state, _ = day_state(workload)
    popover.render(state)
    popover.day.today_button.setFocus()
    qtbot.keyClick(popover.day.today_button, Qt.Key.Key_Space)
    assert popover.day.entries.isVisible()
    buttons = popover.day.entries.findChildren(QPushButton)
    labels = [label.text() for label in popover.day.entries.findChildren(type(popover.day.last_label))]
    assert [b.text() for b in buttons] == ["Continue"] * 3
    assert "WEB-13 · Startseite gestalten · Website Relaunch" in labels and "1:35" in labels
    assert not buttons[2].isEnabled()  # the running timer: it runs already
    assert popover.focusWidget() is buttons[0]  # onto the first Continue
    grab(popover, "popover-day-entries-en")
    with qtbot.waitSignal(popover.continue_entry_requested) as sent:
        qtbot.keyClick(buttons[1], Qt.Key.Key_Space)
    assert sent.args[0].id == "b" and sent.args[0].note == "Hero"
    qtbot.keyClick(popover.day.today_button, Qt.Key.Key_Space)
    assert not popover.day.entries.isVisible()


def test_idle_shows_the_last_entry_with_a_one_key_continue(popover, workload, qtbot):
    state, _ = day_state(workload, running=False)
    popover.render(state)
    assert popover.day.last.isVisible() and not popover.card.isVisible()
    assert popover.day.last_label.text() == "Last: WEB-12 · Sitemap entwerfen · Website Relaunch · 1:13"
    assert popover.day.today_button.text() == "Today 3:38"
    grab(popover, "popover-last-entry-en")
    assert popover.search.hasFocus()
    with qtbot.waitSignal(popover.continue_last_requested):
        qtbot.keyClick(popover.search, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # &Continue


def test_the_day_in_german(popover, workload, qtbot, language_de):
    state, _ = day_state(workload, running=False)
    popover.render(state)
    assert popover.day.today_button.text() == "Heute 3:38"
    assert popover.day.week_button.text().startswith("Diese Woche ")
    assert popover.day.last_label.text().startswith("Zuletzt: ")
    grab(popover, "popover-last-entry-de")
    with qtbot.waitSignal(popover.continue_last_requested):
        qtbot.keyClick(popover.search, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # &Fortsetzen
    qtbot.keyClick(popover.day.today_button, Qt.Key.Key_Space)
    assert {b.text() for b in popover.day.entries.findChildren(QPushButton)} == {"Fortsetzen"}
    grab(popover, "popover-day-entries-de")


def test_nothing_of_the_day_before_awork_told_it(popover, workload):
    popover.render(signed_in(workload))  # no timer, no entries known yet
    assert not popover.day.isVisible()


# -- the tray menu -------------------------------------------------------------------------------


@pytest.fixture
def tray(qtbot):
    tray = Tray()
    yield tray
    tray.menu.deleteLater()


def visible_texts(tray) -> list[str]:
    return [a.text() for a in tray.menu.actions() if a.isVisible() and not a.isSeparator()]


def test_the_menu_says_the_day_and_offers_five_recent_tasks(tray, qtbot):
    workload = workload_from(demo_workspace(seed=7), recent=10)
    state, _ = day_state(workload)
    tray.render(state)
    texts = visible_texts(tray)
    assert texts[0].startswith("Running: Sitemap entwerfen · Website Relaunch · 1 h 13 min")
    assert texts[1] == "Today 3:38 · This week " + ("5:38" if day_state(workload)[1] else "3:38")
    assert "Pause" in texts and "Stop" in texts and not tray.continue_action.isVisible()
    assert len(tray.recent_actions) == 5
    assert "WEB-12 · Sitemap entwerfen" not in [a.text() for a in tray.recent_actions]  # it runs already
    with qtbot.waitSignal(tray.start_task_requested) as sent:
        tray.recent_actions[0].trigger()
    others = [t for t in state.workload.recent_tasks if t.name != "Sitemap entwerfen"]
    assert sent.args[0].id == others[0].id


def test_the_menu_offers_continue_while_idle(tray, workload, qtbot):
    state, _ = day_state(workload, running=False)
    tray.render(state)
    assert tray.continue_action.isVisible() and tray.continue_action.isEnabled()
    assert tray.continue_action.text() == "Continue: Sitemap entwerfen · Website Relaunch"
    assert not tray.pause_action.isEnabled() and not tray.stop_action.isEnabled()
    with qtbot.waitSignal(tray.continue_requested):
        tray.continue_action.trigger()


def test_the_menu_in_german(tray, workload, language_de):
    state, _ = day_state(workload, running=False)
    tray.retranslate()
    tray.render(state)
    assert tray.continue_action.text().startswith("Fortsetzen: ")
    assert tray.totals_line.text().startswith("Heute 3:38 · Diese Woche ")
    assert tray.recent_section.text() == "Starten"
