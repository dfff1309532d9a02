"""What a screen reader meets in the popover and the tray menu (Qt's accessibility interfaces,
offscreen): focus stays on the control pressed, search results are announced, the list's current
row gets the focus, headers are not rows, and the timer's state is said in words."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from tray_app.core.state import AppState, Auth
from tray_app.ui import a11y
from tray_app.ui.tray import Tray

from .test_accessibility import spoken_name
from helpers.factories import entry_for, signed_in


class Heard:
    """Stands in for QAccessible inside tray_app.ui.a11y: records what would reach the screen reader."""

    AnnouncementPoliteness = QAccessible.AnnouncementPoliteness
    Event = QAccessible.Event

    def __init__(self):
        self.said: list[str] = []
        self.focused: list[int] = []  # the child (row) each focus event named

    def isActive(self):
        return True

    def updateAccessibility(self, event):
        if event.type() == QAccessible.Event.Focus:
            self.focused.append(event.child())
        else:
            self.said.append(event.message())


@pytest.fixture
def heard(monkeypatch):
    recorder = Heard()
    monkeypatch.setattr(a11y, "QAccessible", recorder)
    return recorder


@pytest.fixture
def running_popover(popover, workload):
    popover.render(signed_in(workload, entry=entry_for(workload)))
    return popover


# -- focus stays where the user is ----------------------------------------------------------------

def test_pause_and_resume_from_the_keyboard_keep_the_focus(qtbot, running_popover, workload):
    p, card = running_popover, running_popover.card
    card.pause_button.setFocus(Qt.FocusReason.TabFocusReason)
    with qtbot.waitSignal(p.pause_requested, timeout=1000):
        qtbot.keyClick(card.pause_button, Qt.Key.Key_Space)
    p.render(signed_in(workload, entry=entry_for(workload), busy="pause"))
    assert card.pause_button.hasFocus()
    p.render(signed_in(workload, entry=entry_for(workload, paused_for=timedelta(seconds=1))))
    assert card.pause_button.hasFocus() and card.pause_button.text() == "&Resume"
    with qtbot.waitSignal(p.resume_requested, timeout=1000):
        qtbot.keyClick(card.pause_button, Qt.Key.Key_Space)
    p.render(signed_in(workload, entry=entry_for(workload, paused_for=timedelta(seconds=1)), busy="resume"))
    p.render(signed_in(workload, entry=entry_for(workload)))
    assert card.pause_button.hasFocus() and card.pause_button.text() == "&Pause"


def test_a_stop_from_the_keyboard_leaves_the_focus_in_the_search(qtbot, running_popover, workload):
    card = running_popover.card
    card.stop_button.setFocus(Qt.FocusReason.TabFocusReason)
    running_popover.render(signed_in(workload))  # stopped: the card goes away
    assert running_popover.search.hasFocus()


# -- the list --------------------------------------------------------------------------------------

def test_search_results_are_announced(qtbot, running_popover, heard):
    def results():
        return [s for s in heard.said if s.endswith((" result", " results")) or s.startswith("No matches")]

    qtbot.keyClicks(running_popover.search, "startseite")
    qtbot.waitUntil(lambda: results() == ["1 result"])
    running_popover.search.clear()
    qtbot.keyClicks(running_popover.search, "web")
    qtbot.waitUntil(lambda: len(results()) == 2 and results()[-1].endswith(" results"))
    qtbot.keyClicks(running_popover.search, "zzzz")
    qtbot.waitUntil(lambda: results()[-1:] == ["No matches. Press Enter to search all of awork."])
    assert len(results()) == 3  # once the typing settles, not at every key


def test_tabbing_into_the_list_focuses_its_current_row(qtbot, running_popover, heard):
    qtbot.keyClick(running_popover.search, Qt.Key.Key_Down)
    qtbot.keyClick(running_popover.search, Qt.Key.Key_Tab)
    assert running_popover.list.hasFocus()
    interface = QAccessible.queryAccessibleInterface(running_popover.list)
    # Sent from the event loop, after Qt's own focus event for the list: the row is the last word.
    qtbot.waitUntil(lambda: bool(heard.focused), timeout=2000)
    row = interface.child(heard.focused[-1])
    assert row.text(QAccessible.Text.Name) == running_popover.list.current_accessible_text()


def test_section_headers_are_not_list_items(running_popover):
    interface = QAccessible.queryAccessibleInterface(running_popover.list)
    names = [interface.child(i).text(QAccessible.Text.Name) for i in range(interface.childCount())]
    assert "Recent tasks" not in names and "RECENT TASKS" not in names and "Types of work" not in names
    assert len(names) == len(running_popover.list.selectable_rows())
    assert all(interface.child(i).role() == QAccessible.Role.ListItem for i in range(interface.childCount()))


# -- the timer's state in words ----------------------------------------------------------------------

def test_the_card_says_running(running_popover, workload):
    card = running_popover.card
    assert card.state_label.isVisible() and spoken_name(card.state_label) == "Running"
    running_popover.render(signed_in(workload, entry=entry_for(workload, paused_for=timedelta(minutes=1))))
    assert not card.state_label.isVisible() and spoken_name(card.badge) == "Paused"


def test_the_status_is_named_by_its_message(running_popover, workload):
    running_popover.render(signed_in(workload, offline=True))
    status = QAccessible.queryAccessibleInterface(running_popover.status)
    assert status.text(QAccessible.Text.Name) == running_popover.status.text()
    assert status.text(QAccessible.Text.Name).startswith("Can't reach awork")


def test_the_tray_menus_first_line_states_the_timer(qtbot, workload):
    tray = Tray()
    first = tray.menu.actions()[0]
    tray.render(signed_in(workload, entry=entry_for(workload, started=timedelta(hours=1, minutes=13))))
    assert first.text() == "Running: Sitemap entwerfen · Website Relaunch · 1 h 13 min" and not first.isEnabled()
    tray.render(signed_in(workload, entry=entry_for(workload, started=timedelta(seconds=45), paused_for=timedelta(0))))
    assert first.text() == "Paused: Sitemap entwerfen · Website Relaunch · < 1 min"
    tray.render(signed_in(workload))
    assert first.text() == "No timer running"
    tray.render(AppState(auth=Auth.SIGNED_OUT))
    assert first.text() == "Not signed in"


# -- names -----------------------------------------------------------------------------------------

def test_the_more_button_names_what_its_menu_holds(running_popover):
    name = spoken_name(running_popover.menu_button)
    assert name == "More: Sign out, Settings, Quit awork tray"


def test_the_as_label_is_part_of_the_type_selectors_name(running_popover):
    assert running_popover.as_label.text() == "as"
    assert spoken_name(running_popover.type_box) == "as (type of work for the timer)"


def test_the_popover_is_a_window_to_a_screen_reader(running_popover):
    # A frameless tool window is a "client" (AT-SPI: filler) unless told otherwise.
    interface = QAccessible.queryAccessibleInterface(running_popover)
    assert interface.role() == QAccessible.Role.Window
    assert interface.text(QAccessible.Text.Name) == running_popover.windowTitle() == "Quick start"
