"""The timer card derives its clock from the entry and an injected `now`, and ticks only when seen."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tray_app.ui.timer_card import TimerCard

from helpers.factories import entry_for, utc_now


class FakeClock:
    def __init__(self):
        self.value = utc_now().replace(microsecond=0)

    def __call__(self):
        return self.value


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def card(qtbot, clock):
    widget = TimerCard(now=clock)
    qtbot.addWidget(widget)
    return widget


def test_running_clock_follows_the_wall_clock(card, clock, workload):
    card.show_entry(entry_for(workload, now=clock.value, started=timedelta(minutes=13, seconds=7)), busy=False)
    assert card.clock.text() == "0:13:07"
    clock.value += timedelta(minutes=2, seconds=1)
    card.show_entry(card._entry, busy=False)
    assert card.clock.text() == "0:15:08"


def test_paused_clock_is_frozen(card, clock, workload):
    entry = entry_for(workload, now=clock.value, started=timedelta(minutes=42, seconds=5), paused_for=timedelta(minutes=3))
    card.show_entry(entry, busy=False)
    first = card.clock.text()
    clock.value += timedelta(hours=1, seconds=17)
    card.show_entry(entry, busy=False)
    assert card.clock.text() == first == "0:42:05"
    assert card.badge.isVisibleTo(card)


def test_clock_never_runs_backwards_when_the_server_is_ahead(card, clock, workload):
    card.show_entry(entry_for(workload, now=clock.value, started=timedelta(seconds=-30)), busy=False)
    assert card.clock.text() == "0:00:00"


def test_ticks_while_visible_and_stops_when_hidden(qtbot, clock, workload):
    host = QWidget()
    qtbot.addWidget(host)
    card = TimerCard(host, now=clock)
    card.show_entry(entry_for(workload, now=clock.value, started=timedelta(seconds=5)), busy=False)
    assert not card._tick.isActive()  # its window is not shown: no wake-ups
    host.show()
    qtbot.waitExposed(host)
    assert card._tick.isActive()
    assert card._tick.remainingTime() <= 1005
    clock.value += timedelta(seconds=1)
    qtbot.waitUntil(lambda: card.clock.text() == "0:00:06", timeout=2000)
    assert card._tick.isActive()  # re-armed for the next second
    host.hide()
    assert not card._tick.isActive()


def test_paused_card_does_not_tick(qtbot, clock, workload):
    host = QWidget()
    qtbot.addWidget(host)
    card = TimerCard(host, now=clock)
    host.show()
    qtbot.waitExposed(host)
    card.show_entry(entry_for(workload, now=clock.value, paused_for=timedelta(minutes=1)), busy=False)
    assert card.isVisible()
    assert not card._tick.isActive()


def test_idle_hides_the_card(card, clock, workload):
    card.show_entry(entry_for(workload, now=clock.value), busy=False)
    assert not card.isHidden()
    card.show_entry(None, busy=False)
    assert not card._tick.isActive()
    assert card.isHidden()


def test_buttons_emit_pause_resume_and_stop(qtbot, card, clock, workload):
    card.show_entry(entry_for(workload, now=clock.value), busy=False)
    with qtbot.waitSignal(card.pause_clicked):
        qtbot.mouseClick(card.pause_button, Qt.MouseButton.LeftButton)
    card.show_entry(entry_for(workload, now=clock.value, paused_for=timedelta(seconds=3)), busy=False)
    with qtbot.assertNotEmitted(card.pause_clicked), qtbot.waitSignal(card.resume_clicked):
        qtbot.mouseClick(card.pause_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(card.stop_clicked):
        qtbot.mouseClick(card.stop_button, Qt.MouseButton.LeftButton)


def test_busy_card_buttons_do_nothing(qtbot, card, clock, workload):
    card.show_entry(entry_for(workload, now=clock.value), busy=True)
    with qtbot.assertNotEmitted(card.pause_clicked), qtbot.assertNotEmitted(card.stop_clicked):
        qtbot.mouseClick(card.pause_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(card.stop_button, Qt.MouseButton.LeftButton)
