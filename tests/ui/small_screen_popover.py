"""Child process for test_small_screen: the popover on a small screen (the offscreen platform's
screen size is read once, at start, from QT_QPA_PLATFORM=offscreen:configfile=...), a timer
running and today's entries open, more of them than the screen has room for.

    python -m tests.ui.small_screen_popover LANG SHOT.png

prints one JSON line: the available screen, the popover's size, the layout problems found, and per
control of the options row, the totals and the footer its height against its size hint. Saves
what it sees to SHOT.png.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime, timedelta, timezone

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QRect, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QPushButton, QScrollArea, QWidget

from tests.ui.window_checks import layout_problems
from tray_app.domain.entities import TimeEntry
from tray_app.domain.totals import DaySheet, week_period
from tray_app.ui.language import Language
from tray_app.ui.popover import Popover

from helpers.factories import demo_workload, entry_for, signed_in, type_of

ENTRIES = 14  # more than an 800×600 screen has room for beside the rest of the popover


def _noon_zone(now: datetime) -> timezone:
    """A zone where it is about noon now: today's entries fit between its midnight and now,
    whatever time the test runs at."""
    return timezone(timedelta(hours=12 - now.hour))


def many_entries_today(workload) -> object:
    now = datetime.now(timezone.utc)
    zone = _noon_zone(now)
    midnight = datetime.combine(now.astimezone(zone).date(), datetime.min.time(), zone).astimezone(timezone.utc)
    tasks = workload.known_tasks
    listed = []
    for i in range(ENTRIES):
        task = tasks[i % len(tasks)]
        start = midnight + timedelta(hours=1, minutes=40 * i)
        listed.append(TimeEntry(id=f"t{i}", start=start, end=start + timedelta(minutes=35),
                                type_of_work=type_of(workload, task), task=task, project=task.project,
                                note="Abstimmung mit dem Team" if i % 3 == 0 else None, timezone="UTC",
                                is_billable=True))
    sheet = DaySheet(week=week_period(now.astimezone(zone).date(), zone), entries=tuple(listed), listed_at=now,
                     zone=zone)
    return signed_in(workload, entry=entry_for(workload, now=now), day=sheet)


def _settle(app: QApplication, ms: int = 300) -> None:
    deadline = QDeadlineTimer(ms)
    while not deadline.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def _height_check(widget: QWidget) -> dict:
    return {"name": widget.objectName() or type(widget).__name__, "height": widget.height(),
            "hint": widget.sizeHint().height(), "text": getattr(widget, "text", lambda: "")()}


def _not_scrolled(popover: Popover, w: QWidget) -> bool:
    """A control outside the parts that scroll (the recent list and today's entries)."""
    parent = w.parentWidget()
    while parent is not None and parent is not popover:
        if isinstance(parent, QAbstractScrollArea):
            return False
        parent = parent.parentWidget()
    return True


def _entries_scroll(popover: Popover) -> dict | None:
    """Today's entries as scrolled: their full height, the height seen, and how far the bar goes."""
    area = popover.day.entries
    if not isinstance(area, QScrollArea):
        return None
    return {"content": area.widget().height(), "seen": area.viewport().height(),
            "bar_max": area.verticalScrollBar().maximum(), "bar_shown": area.verticalScrollBar().isVisible()}


def stacking_problems(popover: Popover) -> list[str]:
    """The popover's parts, top to bottom, each below the last and inside the popover (the
    widget checks leave out the lists, which a squeezed layout pushes over the options row)."""
    found, bottom = [], 0
    layout = popover.layout()
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is not None and not item.widget().isVisible():
            continue
        rect = item.geometry()
        if rect.isEmpty():
            continue
        name = item.widget().objectName() if item.widget() is not None else f"row {i}"
        if rect.top() < bottom:
            found.append(f"{name} starts at {rect.top()}, above the end of the part before it ({bottom})")
        if not popover.rect().contains(rect):
            found.append(f"{name} {rect.getRect()} leaves the popover {popover.rect().getRect()}")
        bottom = rect.bottom() + 1
    return found


def tab_to_the_last_continue(app: QApplication, popover: Popover) -> bool:
    """Tab from the first Continue to the last (the running timer's is disabled: the one before):
    the entries scroll along, so the focused button is in view."""
    area = popover.day.entries
    for _ in range(len(popover.day._rows) - 1):
        QTest.keyClick(app.focusWidget(), Qt.Key.Key_Tab)
    button = app.focusWidget()
    if button is not popover.day._rows[-1]:
        return False
    seen = QRect(button.mapTo(area.viewport(), button.rect().topLeft()), button.size())
    return area.viewport().rect().contains(seen)


def main(argv: list[str]) -> int:
    language, shot = argv
    app = QApplication([])
    switch = Language(app)  # kept: its translators are uninstalled when it goes
    switch.apply(language)
    QApplication.sendPostedEvents()
    workload = demo_workload()
    popover = Popover()
    popover.render(many_entries_today(workload))
    popover.open_at(None)
    _settle(app)
    popover.day.today_button.click()  # today's entries open, as a click on the Today total does
    _settle(app)
    popover.grab().save(shot)
    last_in_view = tab_to_the_last_continue(app, popover)
    fixed = [popover.as_label, popover.type_box, popover.note, popover.day.today_button, popover.day.week_button,
             popover.card.pause_button, popover.card.stop_button, popover.menu_button, popover.search]
    fixed += [w for w in popover.findChildren(QPushButton) if w.isVisibleTo(popover) and _not_scrolled(popover, w)]
    problems = [p for p in layout_problems(popover) if "scrolled out of view" not in p]  # it scrolls: on purpose
    problems += stacking_problems(popover)
    avail = app.primaryScreen().availableGeometry()
    frame = popover.frameGeometry()
    print(json.dumps({
        "avail": [avail.width(), avail.height()],
        "size": [popover.width(), popover.height()],
        "on_screen": avail.contains(frame),
        "entries_scroll": _entries_scroll(popover),
        "last_continue_in_view": last_in_view,
        "entries_shown": popover.day.entries.isVisible(),
        "entry_buttons": len(popover.day.entries.findChildren(QPushButton)),
        "problems": problems,
        "fixed": [_height_check(w) for w in dict.fromkeys(fixed) if w.isVisibleTo(popover)],
    }), flush=True)
    popover.hide()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
