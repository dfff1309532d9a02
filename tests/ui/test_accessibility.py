"""Accessible: every control has a name a screen reader gets, Tab visits the controls in the order
they are seen, the timer's elapsed time is exposed, and nothing is said by colour alone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QWidget,
)

from tray_app.core.state import AppState, Auth
from tray_app.ui import a11y
from tray_app.ui.sign_in.dialog import SignInDialog

from helpers.factories import entry_for, signed_in
from helpers.settings_window import prefs

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QKeySequenceEdit)


def spoken_name(widget: QWidget) -> str:
    """What a screen reader announces a control by: its label (a buddy QLabel, which Qt exposes as a
    "labelled by" relation), else its accessible name (accessibleName, else its own text).

    Combo boxes need the label: on Linux Qt gives a combo's current text as its name.
    """
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return ""
    for label, _ in interface.relations(QAccessible.Relation.Label):
        if label.text(QAccessible.Text.Name).strip():
            return label.text(QAccessible.Text.Name).strip()
    return "" if isinstance(widget, QComboBox) else interface.text(QAccessible.Text.Name).strip()


def controls(window: QWidget) -> list[QWidget]:
    """The visible controls a user can operate (a focus proxy's helper counts as its owner)."""
    found = []
    for w in window.findChildren(QWidget):
        if not w.isVisibleTo(window) or w.focusProxy() is not None:
            continue
        if isinstance(w, CONTROLS) or w.focusPolicy() & Qt.FocusPolicy.TabFocus:
            found.append(w)
    return found


def unnamed(window: QWidget) -> list[str]:
    return [f"{type(w).__name__} {w.objectName()!r}" for w in controls(window) if not spoken_name(w)]


def tab_chain(window: QWidget) -> list[QWidget]:
    """The widgets Tab visits from `window`'s first one, once round (what QWidget.focusNextPrevChild skips, we skip)."""
    chain, w = [], window.nextInFocusChain()
    while w is not window and len(chain) < 500:
        if (w.isVisibleTo(window) and w.isEnabled() and w.focusProxy() is None
                and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.window() is window):
            chain.append(w)
        w = w.nextInFocusChain()
    return chain


def rotated(chain: list[QWidget], first: QWidget) -> list[QWidget]:
    i = chain.index(first)
    return chain[i:] + chain[:i]


# -- the popover ---------------------------------------------------------------------------------

@pytest.fixture
def running_popover(popover, workload):
    popover.render(signed_in(workload, entry=entry_for(workload), demo=True))
    return popover


def test_every_popover_control_has_a_name(running_popover):
    running_popover.search.setText("web")  # shows the × clear button
    assert unnamed(running_popover) == []


def test_every_popover_menu_entry_has_text(running_popover):
    assert all(a.text() or a.isSeparator() for a in running_popover.menu_button.menu().actions())


def test_popover_tab_order(running_popover):
    p = running_popover
    expected = [p.search, p.list, p.type_box, p.note, p.editing.started_box, p.card.pause_button, p.card.stop_button,
                p.card.edit_button, p.menu_button]
    assert rotated(tab_chain(p), p.search) == expected


def test_signed_out_popover_starts_with_the_sign_in_button(popover):
    popover.render(AppState(auth=Auth.SIGNED_OUT))
    assert unnamed(popover) == []
    chain = tab_chain(popover)
    assert chain[chain.index(popover.sign_in_button) + 1:][:1] == [popover.menu_button] or \
        rotated(chain, popover.sign_in_button)[0] is popover.sign_in_button
    # search and list are disabled while signed out: Tab goes from the sign-in button on to the menu
    assert popover.search not in chain


def test_the_clock_reads_as_the_elapsed_time_shown(running_popover, workload):
    clock = running_popover.card.clock
    assert spoken_name(clock) == clock.text() and clock.text().count(":") == 2
    interface = QAccessible.queryAccessibleInterface(clock)
    assert interface.text(QAccessible.Text.Description) == "Elapsed time"
    running_popover.render(signed_in(workload, entry=entry_for(workload, paused_for=timedelta(minutes=1))))
    assert spoken_name(clock) == clock.text() == "0:13:07"
    assert "paused" in interface.text(QAccessible.Text.Description)


def test_paused_is_said_in_words_not_only_in_colour(running_popover, workload):
    running_popover.render(signed_in(workload, entry=entry_for(workload, paused_for=timedelta(minutes=1))))
    card = running_popover.card
    assert card.badge.isVisible() and spoken_name(card.badge) == "Paused"
    assert spoken_name(card.pause_button) == "Resume timer"


def test_errors_and_offline_are_said_in_words(running_popover, workload):
    running_popover.render(signed_in(workload, error="awork says no."))
    status = QAccessible.queryAccessibleInterface(running_popover.status)
    assert running_popover.status.isVisible() and status.text(QAccessible.Text.Name) == "awork says no."
    running_popover.render(signed_in(workload, offline=True))
    assert "Can't reach awork" in status.text(QAccessible.Text.Name)


def test_list_rows_read_as_task_key_and_project(running_popover):
    interface = QAccessible.queryAccessibleInterface(running_popover.list)
    names = [interface.child(i).text(QAccessible.Text.Name) for i in range(interface.childCount())]
    assert "Startseite gestalten, WEB-13, Website Relaunch" in names
    assert "Sitemap entwerfen, WEB-12, Website Relaunch, running" in names  # the timer's own row


def test_moving_through_the_list_from_the_search_is_announced(running_popover, qtbot, monkeypatch):
    said = []

    class Recorder:
        AnnouncementPoliteness = QAccessible.AnnouncementPoliteness

        @staticmethod
        def isActive():
            return True

        @staticmethod
        def updateAccessibility(event):
            said.append(event.message())

    monkeypatch.setattr(a11y, "QAccessible", Recorder)
    qtbot.keyClick(running_popover.search, Qt.Key.Key_Down)
    assert said == [running_popover.list.current_accessible_text()] and ", " in said[0]


# -- the settings window ---------------------------------------------------------------------------

@pytest.fixture
def settings_window(prefs):
    return prefs.window


def test_every_settings_control_has_a_name(settings_window):
    assert unnamed(settings_window) == []
    names = [spoken_name(w) for w in controls(settings_window) if isinstance(w, QAbstractButton)]
    assert len(names) == len(set(names)), f"two buttons sound the same: {names}"


def test_settings_tab_order_is_top_to_bottom(settings_window):
    chain = tab_chain(settings_window)
    tops = [w.mapTo(settings_window, w.rect().topLeft()).y() for w in chain]
    assert chain[0] is settings_window.sign_button
    assert tops == sorted(tops), [(type(w).__name__, w.objectName(), y) for w, y in zip(chain, tops, strict=False)]
    assert settings_window.tray_icon_style in chain


def test_the_type_of_work_box_is_named_by_its_label(running_popover):
    assert spoken_name(running_popover.type_box) == "as (type of work for the timer)"


def test_settings_labels_name_their_controls(settings_window):
    assert spoken_name(settings_window.tray_icon_style) == "Tray icon"
    assert spoken_name(settings_window.editors["quick_start"].edit) == "Open quick start"


# -- the sign-in window ----------------------------------------------------------------------------

@pytest.fixture
def dialog(qtbot):
    widget = SignInDialog()
    qtbot.addWidget(widget)
    widget.open_with(None)
    qtbot.waitExposed(widget)
    return widget


def test_every_sign_in_control_has_a_name_in_every_state(dialog):
    assert unnamed(dialog) == []
    dialog.show_keychain_problem("No system keychain found.")
    dialog.advanced_toggle.setChecked(True)
    assert unnamed(dialog) == []
    dialog.set_waiting(True)
    dialog.show_url("https://example.invalid/authorize")
    assert unnamed(dialog) == []


def test_sign_in_tab_order(dialog):
    dialog.show_keychain_problem("No system keychain found.")
    dialog.session_only.setChecked(True)
    dialog.advanced_toggle.setChecked(True)
    expected = [dialog.session_only, dialog.sign_in_button, dialog.advanced_toggle, dialog.client_id,
                dialog.redirect_uri, dialog.buttons.button(dialog.buttons.StandardButton.Close)]
    assert rotated(tab_chain(dialog), dialog.session_only) == expected


def test_labels_are_not_focusable_by_tab(running_popover, settings_window, dialog):
    for window in (running_popover, settings_window, dialog):
        assert not [w for w in tab_chain(window) if isinstance(w, QLabel)]
