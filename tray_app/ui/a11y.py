"""Small helpers for screen readers: what Qt does not name by itself, and announcements."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent
from PySide6.QtWidgets import QToolButton, QWidget


def name_clear_button(edit: QWidget, name: str) -> None:
    """Qt's × in a line edit (or a shortcut editor) is an unnamed button to a screen reader."""
    for button in edit.findChildren(QToolButton):
        button.setAccessibleName(name)


def announce(source: QWidget, text: str, assertive: bool = False) -> None:
    """Have the screen reader say `text` (Qt 6.8+) without moving focus. Free when none listens."""
    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(source, text)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)


def focus_row(view: QWidget, row: int) -> None:
    """Tell a screen reader the focus is on `row` of a list view, not just on the list (Qt says
    so only when the current row changes while the list has the focus, not when it gets it)."""
    if row < 0 or not QAccessible.isActive():
        return
    event = QAccessibleEvent(view, QAccessible.Event.Focus)
    event.setChild(row)  # a one-column list: the row is the accessible child's index
    QAccessible.updateAccessibility(event)
