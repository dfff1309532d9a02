"""Small helpers for screen readers: what Qt does not name by itself, and announcements."""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
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
