"""A pinned combination through the real core on the demo awork: it starts with its type of work
and note, and a pinned type of work that has been archived since gets the type chooser, as any
refused type does (issue 10), instead of a start awork would refuse."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tray_app.domain.entities import TypeOfWork
from tray_app.domain.pins import pin_for
from tray_app.domain.timer import TimerState

from .test_tray_controller import (
    open_popover,
    session,
    settle,
    start_requests,
    state,
)


def known(rig, name):
    return next(t for t in state(rig).workload.known_tasks if t.name == name)


def test_a_pinned_combination_starts_with_its_type_and_note(qtbot, qloop, session, start_requests):
    meeting = next(t for t in state(session).workload.types_of_work if t.name == "Meeting")
    session.popover.set_pins((pin_for(known(session, "Sitemap entwerfen"), meeting, "Abstimmung"),))
    open_popover(qtbot, qloop, session)
    qtbot.keyClick(session.popover.search, Qt.Key.Key_Return)
    settle(qloop, session)
    entry = state(session).entry
    assert state(session).timer is TimerState.RUNNING
    assert (entry.task.name, entry.type_of_work.name, entry.note) == ("Sitemap entwerfen", "Meeting", "Abstimmung")


def test_a_pinned_archived_type_opens_the_chooser_and_sends_nothing(qtbot, qloop, session,
                                                                   start_requests):
    archived = TypeOfWork(known(session, "Fahrt zum Kunden").type_of_work_id, "Reisezeit (alt)")
    session.popover.set_pins((pin_for(known(session, "Sitemap entwerfen"), archived, "Anfahrt"),))
    open_popover(qtbot, qloop, session)
    popover = session.popover
    qtbot.keyClick(popover.search, Qt.Key.Key_Return)
    settle(qloop, session)
    assert start_requests == []
    assert popover.isVisible() and "archived" in popover.status.text()
    assert popover.type_box.view().isVisible()
    popover.type_box.setCurrentIndex(popover.type_box.findText("Support"))
    popover.type_box.hidePopup()
    qtbot.keyClick(popover.search, Qt.Key.Key_Return)
    settle(qloop, session)
    entry = state(session).entry
    assert (entry.task.name, entry.type_of_work.name, entry.note) == ("Sitemap entwerfen", "Support", "Anfahrt")
    assert len(start_requests) == 1
