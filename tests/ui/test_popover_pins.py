"""Pinned items in the quick-start list: pinned and unpinned with Ctrl+P or the row's menu, shown
first under "Pinned" with a pin drawn, started with the type of work and note pinned with them,
still under the workspace's rules (archived type, done task), found by the search, limited to ten
with a message, moved with Alt+↑/↓, read as "pinned", in English and German."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QImage
from PySide6.QtWidgets import QApplication, QMenu

from tray_app.domain.entities import Task, TypeOfWork
from tray_app.domain.pins import MAX_PINS, Pin, pin_for
from tray_app.ui.row_delegate import PINNED_ROLE

from .grabs import grab
from .languages import language_de
from helpers.factories import entry_for, signed_in, task_named, type_named
from helpers.list_reading import current_name, headers, section


def pinned_rows(quick_list) -> list:
    return [quick_list.item(i) for i in range(quick_list.count()) if quick_list.item(i).data(PINNED_ROLE)]


def reopen(popover):
    popover.dismiss()
    popover.open_at(None)


def ctrl_p(qtbot, popover):
    qtbot.keyClick(popover.search, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)


def test_pinned_items_come_first_and_are_not_repeated_below(popover, workload):
    home = task_named(workload, "Startseite gestalten")
    meeting = type_named(workload, "Meeting")
    popover.set_pins((Pin(task=home), Pin(type_of_work=meeting)))
    reopen(popover)
    assert headers(popover.list) == ["PINNED", "RECENT TASKS", "TYPES OF WORK"]
    assert section(popover.list, "PINNED") == ["Startseite gestalten", "Meeting"]
    assert "Startseite gestalten" not in section(popover.list, "RECENT TASKS")
    assert "Meeting" not in section(popover.list, "TYPES OF WORK")
    # Fresh on open (issue 12): the first row, and pinned rows are rows.
    assert current_name(popover.list) == "Startseite gestalten"
    grab(popover, "popover-pinned-en")


def test_ctrl_p_pins_the_selected_row_and_again_unpins_it(qtbot, popover, workload):
    qtbot.keyClick(popover.search, Qt.Key.Key_Down)
    assert current_name(popover.list) == "Startseite gestalten"
    with qtbot.waitSignal(popover.pins_edited, timeout=1000) as edited:
        ctrl_p(qtbot, popover)
    assert edited.args == [(Pin(task=task_named(workload, "Startseite gestalten")),)]
    assert section(popover.list, "PINNED") == ["Startseite gestalten"]
    assert current_name(popover.list) == "Startseite gestalten"  # the user stays on what they pinned
    assert popover.list.currentItem().data(PINNED_ROLE)
    assert popover.status.text() == "Pinned Startseite gestalten to the top."
    with qtbot.waitSignal(popover.pins_edited, timeout=1000) as edited:
        ctrl_p(qtbot, popover)
    assert edited.args == [()]
    assert "PINNED" not in headers(popover.list)
    assert popover.status.text() == "Unpinned Startseite gestalten."
    reopen(popover)
    assert not popover.status.isVisible()  # said once, not for ever


def test_a_pinned_combination_starts_with_its_type_of_work_and_note(qtbot, popover, workload):
    task = task_named(workload, "Sitemap entwerfen")
    meeting = type_named(workload, "Meeting")
    popover.type_box.setCurrentIndex(popover.type_box.findData(meeting.id))
    qtbot.keyClicks(popover.note, "Abstimmung mit Kunde")
    with qtbot.waitSignal(popover.pins_edited, timeout=1000) as edited:
        ctrl_p(qtbot, popover)
    assert edited.args == [(Pin(task=task, type_of_work=meeting, note="Abstimmung mit Kunde"),)]
    # The task itself is still a recent task: pinned with a type and note it is another thing to start.
    assert "Sitemap entwerfen" in section(popover.list, "RECENT TASKS")
    assert "Meeting · “Abstimmung mit Kunde”" in pinned_rows(popover.list)[0].text()
    reopen(popover)
    assert popover.type_box.currentText() == "Meeting" and popover.note.text() == "Abstimmung mit Kunde"
    qtbot.keyClick(popover.search, Qt.Key.Key_Down)  # the recent row of the same task: its own type, no note
    assert popover.note.text() == "" and popover.type_box.currentData() == task.type_of_work_id
    qtbot.keyClick(popover.search, Qt.Key.Key_Up)
    with qtbot.waitSignal(popover.start_requested, timeout=1000) as started:
        qtbot.keyClick(popover.search, Qt.Key.Key_Return)
    assert started.args == [task, meeting.id, "Abstimmung mit Kunde"]


def test_a_note_the_user_typed_is_not_replaced_by_a_pinned_one(qtbot, popover, workload):
    popover.set_pins((pin_for(task_named(workload, "SEO audit"), None, "Pinned note"),))
    reopen(popover)
    popover.note.clear()
    qtbot.keyClicks(popover.note, "my own")
    qtbot.keyClick(popover.search, Qt.Key.Key_Down)
    qtbot.keyClick(popover.search, Qt.Key.Key_Up)
    assert popover.note.text() == "my own"


def test_a_pinned_archived_type_asks_for_another(qtbot, popover, workload):
    task = task_named(workload, "Sitemap entwerfen")
    archived = TypeOfWork("tow-gone", "Reisezeit (alt)")  # not among the active types any more
    popover.set_pins((pin_for(task, archived, "Fahrt"),))
    reopen(popover)
    row = pinned_rows(popover.list)[0]
    assert "⚠ type of work archived" in row.text()
    assert "type of work archived" in row.data(Qt.ItemDataRole.AccessibleTextRole)
    assert popover.type_box.currentData() is None
    with qtbot.waitSignal(popover.start_requested, timeout=1000) as started:
        qtbot.keyClick(popover.search, Qt.Key.Key_Return)
    assert started.args == [task, "tow-gone", "Fahrt"]  # the core refuses it and asks (TypeOfWorkNeeded)
    popover.ask_for_type()
    design = type_named(workload, "Design")
    popover.type_box.setCurrentIndex(popover.type_box.findData(design.id))
    popover.type_box.hidePopup()
    with qtbot.waitSignal(popover.start_requested, timeout=1000) as started:
        qtbot.keyClick(popover.search, Qt.Key.Key_Return)
    assert started.args == [task, design.id, "Fahrt"]


def test_a_pinned_type_of_work_that_was_archived_takes_the_one_chosen_instead(qtbot, popover, workload):
    popover.set_pins((Pin(type_of_work=TypeOfWork("tow-gone", "Reisezeit (alt)"), note="Fahrt"),))
    reopen(popover)
    popover.ask_for_type()
    support = type_named(workload, "Support")
    popover.type_box.setCurrentIndex(popover.type_box.findData(support.id))
    popover.type_box.hidePopup()
    with qtbot.waitSignal(popover.start_requested, timeout=1000) as started:
        qtbot.keyClick(popover.search, Qt.Key.Key_Return)
    assert started.args == [None, support.id, "Fahrt"]


def test_a_done_task_is_marked_by_what_the_lists_know_now(popover, workload):
    done = task_named(workload, "Kick-off Protokoll")
    assert done.is_done
    popover.set_pins((Pin(task=replace(done, is_done=False, name="Kick-off (old name)")),))
    row = pinned_rows(popover.list)[0]
    assert row.text().startswith("Kick-off Protokoll\n") and row.text().endswith("· ✓ done")
    assert row.data(Qt.ItemDataRole.AccessibleTextRole).endswith("done, pinned")


def test_a_pin_unknown_to_the_lists_shows_what_it_kept(popover):
    popover.set_pins((Pin(task=Task("t-old", "Altes Projekt aufräumen", "OLD-1")),))
    assert pinned_rows(popover.list)[0].text() == "Altes Projekt aufräumen\nOLD-1"


def test_the_running_pinned_task_is_marked_and_not_selected(popover, workload):
    sitemap = task_named(workload, "Sitemap entwerfen")
    popover.set_pins((Pin(task=sitemap), Pin(task=task_named(workload, "SEO audit"))))
    popover.render(signed_in(workload, entry=entry_for(workload, "Sitemap entwerfen")))
    reopen(popover)
    assert "● running" in pinned_rows(popover.list)[0].text()
    assert current_name(popover.list) == "SEO audit"


def test_the_search_finds_pinned_items_by_their_note_too(qtbot, popover, workload):
    popover.set_pins((pin_for(task_named(workload, "Sitemap entwerfen"), type_named(workload, "Meeting"), "Jour fixe"),
                      Pin(task=task_named(workload, "SEO audit"))))
    qtbot.keyClicks(popover.search, "jour")
    assert headers(popover.list)[0] == "PINNED"
    assert section(popover.list, "PINNED") == ["Sitemap entwerfen"]
    assert current_name(popover.list) == "Sitemap entwerfen"
    popover.search.clear()
    qtbot.keyClicks(popover.search, "seo")
    assert section(popover.list, "PINNED") == ["SEO audit"]
    assert "SEO audit" not in section(popover.list, "TASKS")  # once, as pinned


def test_pinning_what_is_pinned_goes_to_its_row(qtbot, popover, workload):
    task, meeting = task_named(workload, "Sitemap entwerfen"), type_named(workload, "Meeting")
    popover.set_pins((Pin(task=task_named(workload, "SEO audit")), pin_for(task, meeting, "Jour fixe")))
    reopen(popover)
    qtbot.keyClicks(popover.search, "Sitemap")
    qtbot.keyClick(popover.search, Qt.Key.Key_Down)  # past the pinned row, to the task's own
    assert popover.list.current_choice().pin is None and current_name(popover.list) == "Sitemap entwerfen"
    popover.type_box.setCurrentIndex(popover.type_box.findData(meeting.id))
    qtbot.keyClicks(popover.note, "Jour fixe")
    with qtbot.assertNotEmitted(popover.pins_edited, wait=50):
        ctrl_p(qtbot, popover)
    assert popover.list.current_choice().pin == pin_for(task, meeting, "Jour fixe")
    assert popover.status.text() == "Already pinned."


def test_ten_is_the_limit_and_the_message_says_what_to_do(qtbot, popover, workload):
    pins = tuple(Pin(task=Task(f"t{n}", f"Aufgabe {n}")) for n in range(MAX_PINS))
    popover.set_pins(pins)
    reopen(popover)
    qtbot.keyClicks(popover.search, "Startseite")
    with qtbot.assertNotEmitted(popover.pins_edited, wait=50):
        ctrl_p(qtbot, popover)
    assert popover.status.text() == "You can pin up to 10 items. Unpin one first: Ctrl+P on a pinned row."
    assert popover.status.isVisible()
    assert popover.list.pins() == pins


def test_alt_arrows_move_a_pinned_row(qtbot, popover, workload):
    a, b, c = (Pin(task=task_named(workload, n)) for n in ("SEO audit", "Bildrechte klären", "Startseite gestalten"))
    popover.set_pins((a, b, c))
    reopen(popover)
    with qtbot.waitSignal(popover.pins_edited, timeout=1000) as edited:
        qtbot.keyClick(popover.search, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert edited.args == [(b, a, c)]
    assert current_name(popover.list) == "SEO audit"  # the moved row stays selected
    with qtbot.assertNotEmitted(popover.pins_edited, wait=50):
        qtbot.keyClick(popover.search, Qt.Key.Key_Down)  # (plain ↓ only moves the selection)
    assert current_name(popover.list) == "Startseite gestalten"


def test_the_rows_context_menu_pins_unpins_and_moves(qtbot, popover, workload):
    item = next(popover.list.item(i) for i in range(popover.list.count())
                if popover.list.item(i).text().startswith("SEO audit"))
    menu = popover.list.row_menu(item)
    pin = menu.findChild(QAction, "pinAction")
    assert pin.text() == "Pin to the top" and pin.shortcut().toString() == "Ctrl+P"
    with qtbot.waitSignal(popover.pins_edited, timeout=1000):
        pin.trigger()
    assert section(popover.list, "PINNED") == ["SEO audit"]
    menu = popover.list.row_menu(pinned_rows(popover.list)[0])
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Start", "Unpin", "Move up", "Move down"]
    assert not any(a.isEnabled() for a in menu.actions() if a.text().startswith("Move"))  # the only pin
    with qtbot.waitSignal(popover.pins_edited, timeout=1000) as edited:
        menu.findChild(QAction, "pinAction").trigger()
    assert edited.args == [()]


def test_a_right_click_opens_the_rows_menu_and_the_popover_stays(qtbot, popover):
    item = popover.list.item(2)
    point = popover.list.visualItemRect(item).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, popover.list.viewport().mapToGlobal(point))
    QApplication.sendEvent(popover.list.viewport(), event)
    menu = popover.list.findChild(QMenu, "rowMenu")
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    assert popover.list.currentItem() is item
    assert popover.isVisible()
    menu.close()


def test_a_pinned_row_has_a_pin_drawn_and_is_read_as_pinned(popover, workload):
    popover.set_pins((Pin(task=task_named(workload, "SEO audit")),))
    reopen(popover)
    popover.list.setCurrentRow(-1)  # no selection colour: the row's own background
    pinned = popover.list.visualItemRect(pinned_rows(popover.list)[0])
    other = popover.list.visualItemRect(popover.list.item(1))
    image = popover.list.viewport().grab().toImage()

    def marks(rect) -> int:  # pixels unlike the background in the row's last 16 px
        back = image.pixelColor(rect.right() - 30, rect.bottom() - 2)
        return sum(image.pixelColor(x, y) != back for x in range(rect.right() - 16, rect.right() - 2)
                   for y in range(rect.bottom() - 30, rect.bottom() - 2))
    assert image.format() != QImage.Format.Format_Invalid
    assert marks(pinned) > 10 and marks(other) == 0
    spoken = pinned_rows(popover.list)[0].data(Qt.ItemDataRole.AccessibleTextRole)
    task = task_named(workload, "SEO audit")
    assert spoken == f"SEO audit, {task.key}, {task.project.name}, pinned"
    assert "Pinned. Ctrl+P unpins it, Alt+Up and Alt+Down move it." in pinned_rows(popover.list)[0].toolTip()
    assert "Ctrl+P pins it to the top of the list." in popover.list.item(1).toolTip()


@pytest.mark.usefixtures("language_de")
def test_pinned_items_in_german(qtbot, popover, workload):
    popover.set_pins((pin_for(task_named(workload, "Sitemap entwerfen"), type_named(workload, "Meeting"), "Jour fixe"),))
    reopen(popover)
    assert headers(popover.list)[0] == "ANGEHEFTET"
    row = pinned_rows(popover.list)[0]
    assert "„Jour fixe“" in row.text()
    assert row.data(Qt.ItemDataRole.AccessibleTextRole).endswith("angeheftet")
    assert "Strg+P löst es" in row.toolTip()
    grab(popover, "popover-pinned-de")
    qtbot.keyClick(popover.search, Qt.Key.Key_Down)
    ctrl_p(qtbot, popover)
    assert popover.status.text() == "Sitemap entwerfen oben angeheftet."
    menu = popover.list.row_menu(popover.list.currentItem())
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == ["Starten", "Lösen", "Nach oben",
                                                                          "Nach unten"]


def test_the_menu_key_opens_the_selected_rows_menu(qtbot, popover):
    popover.list.setCurrentRow(3)
    where = QPoint(0, 0)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, where, popover.list.viewport().mapToGlobal(where))
    QApplication.sendEvent(popover.list.viewport(), event)
    menu = popover.list.findChild(QMenu, "rowMenu")
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    assert popover.list.currentRow() == 3
    menu.close()
