"""Small helpers for screen readers: what Qt does not name by itself, and announcements."""

from __future__ import annotations

import shiboken6
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleEvent,
    QAccessibleStateChangeEvent,
)
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QToolButton, QWidget

_DISCLOSURE = "aworkDisclosure"  # the dynamic property that marks a disclosure button for the factory below
_WINDOW = "aworkWindow"  # marks a top-level widget that screen readers should meet as a window


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


class _DisclosureInterface(QAccessibleWidget):
    """What Qt has no class for: a button that shows or hides part of a window. A screen reader
    hears a button that can expand, and whether it is expanded (a checkable button would read as
    a check box, "checked", which says nothing about what appeared)."""

    def __init__(self, button: QAbstractButton):
        super().__init__(button, QAccessible.Role.Button)

    def state(self) -> QAccessible.State:
        state = super().state()
        expanded = self.widget().isChecked()
        state.expandable = True
        state.expanded, state.collapsed = expanded, not expanded
        state.checkable = state.checked = False
        return state

    def actionNames(self) -> list[str]:
        return [self.pressAction(), *super().actionNames()]

    def doAction(self, name: str) -> None:
        if name == self.pressAction():
            self.widget().click()
        else:
            super().doAction(name)


def _factory(key: str, obj):
    if isinstance(obj, QWidget) and obj.isWindow() and obj.property(_WINDOW):
        # A frameless tool window is a "client" (AT-SPI: filler) to Qt; it is a window to the user.
        interface = QAccessibleWidget(obj, QAccessible.Role.Window)
        _keep[:] = [kept for kept in _keep if shiboken6.isValid(kept)] + [interface]
        return interface
    if isinstance(obj, QAbstractButton) and obj.property(_DISCLOSURE):
        interface = _DisclosureInterface(obj)
        # Qt deletes the interface with the button (which invalidates this wrapper). Until then Python
        # must not delete it: keep a reference, and drop the ones Qt has deleted meanwhile.
        _keep[:] = [kept for kept in _keep if shiboken6.isValid(kept)] + [interface]
        return interface
    return None


_keep: list[QAccessibleWidget] = []
_factory_installed = False


def _install_factory() -> None:
    global _factory_installed
    if not _factory_installed:
        QAccessible.installFactory(_factory)
        _factory_installed = True


def make_window(widget: QWidget) -> None:
    """`widget` (a top-level without a window frame, like the popover) is read as a window named by
    its title. Call before anything asked for its accessible interface (Qt keeps the first one)."""
    _install_factory()
    widget.setProperty(_WINDOW, True)


def make_disclosure(button: QAbstractButton, name: str) -> None:
    """`button` (checkable: checked = shown) shows and hides a part of its window: expose it as an
    expandable button named `name`, and tell a screen reader when it opens or closes. Call before
    anything asked for the button's accessible interface (Qt keeps the first one it made)."""
    _install_factory()
    button.setProperty(_DISCLOSURE, True)
    button.setAccessibleName(name)
    button.toggled.connect(lambda _shown: _expanded_changed(button))


def _expanded_changed(button: QAbstractButton) -> None:
    changed = QAccessible.State()
    changed.expanded = changed.collapsed = True
    QAccessible.updateAccessibility(QAccessibleStateChangeEvent(button, changed))


def focus_row(view: QWidget, row: int) -> None:
    """Tell a screen reader the focus is on `row` of a list view, not just on the list (Qt says
    so only when the current row changes while the list has the focus, not when it gets it)."""
    if row < 0 or not QAccessible.isActive():
        return
    event = QAccessibleEvent(view, QAccessible.Event.Focus)
    event.setChild(row)  # a one-column list: the row is the accessible child's index
    QAccessible.updateAccessibility(event)
