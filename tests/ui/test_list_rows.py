"""How the popover's list lays out its rows: every row as wide as the list (a long name is cut
short with "…", its tooltip has it whole), and the rows measured once per shape, not per row and
keystroke (with 5,000 tasks each keystroke rebuilds the rows)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QStyledItemDelegate

from tray_app.ui.quick_list import ROLE

from helpers.factories import signed_in

LONG = "Angebot für den Relaunch der gesamten Website mit allen Unterseiten und dem Shop überarbeiten"


def test_a_long_name_is_cut_short_in_its_row_not_scrolled_to(qtbot, popover, workload):
    task = replace(workload.recent_tasks[0], name=LONG)
    popover.render(signed_in(replace(workload, recent_tasks=(task, *workload.recent_tasks[1:]))))
    listing = popover.list
    qtbot.waitUntil(lambda: listing.visualItemRect(listing.item(0)).isValid())

    assert not listing.horizontalScrollBar().isVisible()
    assert listing.horizontalScrollBar().maximum() == 0
    row = next(i for i in range(listing.count()) if listing.item(i).data(ROLE).task == task)
    assert listing.visualItemRect(listing.item(row)).width() <= listing.viewport().width()
    assert LONG in listing.item(row).toolTip()  # whole where the row is too narrow for it


def test_the_rows_are_measured_once_per_shape_not_per_row_and_keystroke(qtbot, popover, monkeypatch):
    measured = {"n": 0}
    real = QStyledItemDelegate.sizeHint

    def counting(self, option, index):
        measured["n"] += 1
        return real(self, option, index)

    monkeypatch.setattr(QStyledItemDelegate, "sizeHint", counting)
    for text in ("s", "si", "sit", "", "d", "de"):
        popover.search.setText(text)
        popover.list.viewport().repaint()

    # Shapes: one or two lines, with or without a section title above.
    assert measured["n"] <= 4, f"the style measured rows {measured['n']} times"
    heights = {popover.list.visualItemRect(popover.list.item(i)).height() for i in range(popover.list.count())}
    assert 1 <= len(heights) <= 4
