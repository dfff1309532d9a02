"""Fixing the running entry from the popover, keyboard first: Ctrl+E (or the card's pen) opens the
editor, Enter saves, Esc backs out; the task is chosen with the quick-start search; Discard offers
an undo (Ctrl+Z); a start can have begun minutes ago. In English and German."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tray_app.domain.actions import EntryChange

from .grabs import grab
from .languages import language_de
from helpers.factories import entry_for, signed_in, task_named


def running(workload, **kw):
    return signed_in(workload, entry=entry_for(workload, **kw))


def open_editor(qtbot, popover):
    qtbot.keyClick(popover.search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    editor = popover.editing.editor
    assert editor.isVisible() and not popover.search.isVisible() and not popover.list.isVisible()
    assert QApplication.focusWidget() is editor.note
    return editor


def test_ctrl_e_edits_the_note_and_enter_saves_it(qtbot, popover, workload):
    popover.render(running(workload))
    editor = open_editor(qtbot, popover)
    assert editor.note.text() == "Header und Footer"
    editor.note.selectAll()
    qtbot.keyClicks(editor.note, "Review")
    with qtbot.waitSignal(popover.edit_requested) as sent:
        qtbot.keyClick(editor.note, Qt.Key.Key_Return)
    assert sent.args == [EntryChange(note="Review"), ""]
    grab(popover, "popover-edit-entry-en")


def test_the_start_is_typed_and_billable_is_a_key_away(qtbot, popover, workload):
    popover.render(running(workload))
    editor = open_editor(qtbot, popover)
    qtbot.keyClick(editor.note, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Started
    assert QApplication.focusWidget() is editor.started
    editor.started.selectAll()
    qtbot.keyClicks(editor.started, "-15m")
    qtbot.keyClick(editor.started, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # &Billable
    qtbot.waitUntil(editor.billable.isChecked)  # (a mnemonic clicks after a short animation)
    with qtbot.waitSignal(popover.edit_requested) as sent:
        qtbot.keyClick(editor.started, Qt.Key.Key_Return)
    assert sent.args == [EntryChange(is_billable=True), "-15m"]


def test_the_new_task_is_chosen_with_the_quick_start_search(qtbot, popover, workload):
    popover.render(running(workload))
    editor = open_editor(qtbot, popover)
    editor.task_button.click()
    assert popover.search.isVisible() and not editor.isVisible()
    with qtbot.assertNotEmitted(popover.start_requested, wait=50):
        qtbot.keyClicks(popover.search, "Startseite")
        qtbot.waitUntil(lambda: popover.list.current_choice() is not None
                        and popover.list.current_choice().task is not None
                        and popover.list.current_choice().task.name == "Startseite gestalten")
        qtbot.keyClick(popover.search, Qt.Key.Key_Return)
    assert editor.isVisible() and "Startseite gestalten" in editor.task_label.text()
    with qtbot.waitSignal(popover.edit_requested) as sent:
        editor.save_button.click()
    change, started = sent.args
    assert change.task == task_named(workload, "Startseite gestalten") and started == ""


def test_esc_backs_out_one_step_at_a_time(qtbot, popover, workload):
    popover.render(running(workload))
    editor = open_editor(qtbot, popover)
    editor.task_button.click()
    qtbot.keyClick(popover.search, Qt.Key.Key_Escape)  # back from choosing a task to the editor
    assert editor.isVisible() and popover.isVisible()
    qtbot.keyClick(editor.task_button, Qt.Key.Key_Escape)  # out of the editor, popover still open
    assert not editor.isVisible() and popover.search.isVisible() and popover.isVisible()
    qtbot.keyClick(popover.search, Qt.Key.Key_Escape)
    assert not popover.isVisible()


def test_the_editor_closes_when_the_timer_stops_elsewhere(qtbot, popover, workload):
    popover.render(running(workload))
    editor = open_editor(qtbot, popover)
    popover.render(signed_in(workload))
    assert not editor.isVisible() and popover.search.isVisible()


def test_discard_then_undo_with_ctrl_z(qtbot, popover, workload):
    state = running(workload)
    popover.render(state)
    editor = open_editor(qtbot, popover)
    with qtbot.waitSignal(popover.discard_requested):
        editor.discard_button.click()
    popover.render(replace(state, entry=None, discarding=state.entry))
    assert popover.editing.undo_bar.isVisible() and "Sitemap entwerfen" in popover.editing.undo_label.text()
    grab(popover, "popover-discarded-undo-en")
    with qtbot.waitSignal(popover.undo_requested):
        qtbot.keyClick(popover.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    popover.render(state)
    assert not popover.editing.undo_bar.isVisible()


def test_a_start_can_have_begun_minutes_ago_and_every_open_starts_now(qtbot, popover, workload):
    box = popover.editing.started_box
    assert popover.editing.started_minutes() == 0
    box.setCurrentIndex(box.findData(15))
    assert popover.editing.started_minutes() == 15 and box.currentText() == "15 min ago"
    popover.dismiss()
    popover.open_at(None)
    assert popover.editing.started_minutes() == 0


def test_in_german(qtbot, popover, workload, language_de):
    popover.render(running(workload))
    editor = open_editor(qtbot, popover)
    assert editor.save_button.text() == "Spei&chern" and editor.billable.text() == "Abrechen&bar"
    assert popover.card.edit_button.accessibleName() == "Timer bearbeiten"
    assert popover.editing.started_box.itemText(3) == "vor 15 Min."
    grab(popover, "popover-edit-entry-de")
