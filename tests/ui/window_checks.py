"""Geometry checks for whole windows, as a user sees them: no text cut off, no field squashed, no two
controls on top of each other, nothing outside the screen; and the sign-in window built the way the
app builds it (the settings window: helpers/settings_window.py), for the tests and for screenshots
(tests/ui/window_shots.py).

Shared by the window tests and the QT_SCALE_FACTOR=2 run, which needs a fresh process.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from helpers.settings_window import TAKEN, settings_controller  # (for the window tests and window_shots.py)

ARTIFACTS = Path(__file__).resolve().parents[1] / "e2e" / "artifacts"  # git-ignored, where the e2e tier puts its shots

LONG_SIGN_IN_ERROR = ("awork did not accept the sign-in: this workspace does not let apps register themselves. Ask a "
                      "workspace admin to create a public API client (Settings → Integrations → API clients), then "
                      "enter its client id under Advanced. Trace-Id 0af7651916cd43dd8448eb211c80319c.")


def sign_in_dialog_with_everything():
    """The sign-in window with a long error and Advanced open, as a user who hit a refusal sees it."""
    from tray_app.ui.sign_in.dialog import SignInDialog

    dialog = SignInDialog()
    dialog.open_with(LONG_SIGN_IN_ERROR)
    dialog.advanced_toggle.setChecked(True)
    return dialog


# -- the checks ------------------------------------------------------------------------------------

_CHECKED = (QLabel, QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)


def _checked_widgets(window: QWidget) -> list[QWidget]:
    found = []
    for w in window.findChildren(QWidget):
        if not isinstance(w, _CHECKED) or not w.isVisibleTo(window) or w.window() is not window:
            continue
        if isinstance(w.parent(), (QLineEdit, QComboBox, QAbstractSpinBox)):  # a line edit's ×, a combo's or a
            continue  # spin box's own parts (its frameless text field): the whole is checked
        found.append(w)
    return found


def _rect_in(widget: QWidget, window: QWidget) -> QRect:
    """The part of `widget` one can see, in `window`'s coordinates (a scroll area's view clips its content)."""
    seen = widget.visibleRegion().boundingRect()
    return QRect(widget.mapTo(window, seen.topLeft()), seen.size())


def _describe(w: QWidget) -> str:
    text = w.text() if hasattr(w, "text") and callable(w.text) else ""
    return f"{type(w).__name__} {w.objectName()!r} {text[:30]!r}"


def _in_scrolled_content(w: QWidget) -> bool:
    parent = w.parentWidget()
    return parent is not None and isinstance(parent.parentWidget(), QAbstractScrollArea)


def layout_problems(window: QWidget) -> list[str]:
    """What a user would see as broken: cut-off or squashed text and fields, overlaps, spill-over,
    and content hidden in a scroll area of a window that could have grown instead."""
    problems = needless_scrolling(window)
    widgets = _checked_widgets(window)
    for w in widgets:
        name = _describe(w)
        if isinstance(w, QLabel) and w.text():
            need = w.heightForWidth(w.width()) if w.wordWrap() else w.minimumSizeHint().height()
            if w.height() < need:
                problems.append(f"{name}: {w.height()} px high, its text needs {need}")
            if not w.wordWrap() and w.width() < w.minimumSizeHint().width():
                problems.append(f"{name}: {w.width()} px wide, its text needs {w.minimumSizeHint().width()}")
        elif isinstance(w, QAbstractButton) and w.text():
            need = w.fontMetrics().horizontalAdvance(w.text().replace("&", ""))
            if w.width() < need or w.height() < w.fontMetrics().height():
                problems.append(f"{name}: {w.width()}×{w.height()} px, its text needs {need} px")
        elif isinstance(w, (QLineEdit, QComboBox, QAbstractSpinBox)):
            hint = w.minimumSizeHint()
            if w.height() < hint.height():
                problems.append(f"{name}: squashed to {w.height()} px (needs {hint.height()})")
            if isinstance(w, QLineEdit) and not w.isReadOnly() and w.text():  # a read-only link may scroll
                need = w.fontMetrics().horizontalAdvance(w.text()) + 8 + (20 if w.isClearButtonEnabled() else 0)
                if w.width() < need:
                    problems.append(f"{name}: {w.width()} px wide, its text needs {need}")
            if isinstance(w, QAbstractSpinBox) and w.width() < hint.width():  # its hint holds its longest value
                problems.append(f"{name}: {w.width()} px wide, its values need {hint.width()}")
        # inside every parent up to the window (the content of a scroll area may run past its view)
        child: QWidget = w
        while child is not window and child.parentWidget() is not None:
            parent = child.parentWidget()
            if not _in_scrolled_content(child) and not parent.rect().contains(child.geometry()):
                problems.append(f"{_describe(child)} sticks out of {_describe(parent)}: "
                                f"{child.geometry().getRect()} in {parent.rect().getRect()}")
                break
            child = parent
    for i, a in enumerate(widgets):
        for b in widgets[i + 1:]:
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            if _rect_in(a, window).intersects(_rect_in(b, window)):
                problems.append(f"{_describe(a)} overlaps {_describe(b)}")
    return problems


def needless_scrolling(window: QWidget) -> list[str]:
    """Content scrolled out of view while the screen has room for the window to grow."""
    found = []
    room = window.screen().availableGeometry().height()
    for area in window.findChildren(QAbstractScrollArea):
        content = getattr(area, "widget", lambda: None)()
        if content is None or not area.isVisibleTo(window):
            continue
        if content.height() > area.viewport().height() and window.frameGeometry().height() < room:
            found.append(f"{window.objectName()}: {content.height() - area.viewport().height()} px scrolled out of "
                         f"view in a window of {window.height()} px on a screen of {room} px")
    return found


def off_screen(window: QWidget) -> list[str]:
    """The window must fit in the screen's available area (it may scroll inside)."""
    screen = window.screen().availableGeometry()
    frame = window.frameGeometry()
    if frame.width() > screen.width() or frame.height() > screen.height():
        return [(f"{window.objectName()} is {frame.width()}×{frame.height()}, the screen offers "
                 f"{screen.width()}×{screen.height()}")]
    return []
