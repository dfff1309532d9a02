"""The quick-start popover: timer card, search, recent tasks, types of work, footer.

It renders an AppState and emits intents; it never talks to awork itself.
"""

from __future__ import annotations

import time
from datetime import timedelta

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core.state import AppState, Auth
from ..core.wording import busy_text, keychain_waiting_text, waiting_text
from ..domain.allowed import offered_types
from ..domain.entities import Task
from ..domain.search import looks_like_task_key
from .quick_list import Choice, QuickList
from .a11y import announce, name_clear_button
from .style import popover_style
from .timer_card import TimerCard
from .tray import offline_text

REMOTE_SEARCH_DELAY_MS = 350
REOPEN_GUARD_S = 0.3  # a tray click first deactivates (hides) the popover; don't reopen it at once


class Popover(QWidget):
    start_requested = Signal(object, object, str)  # Task | None, type of work id | None, note
    pause_requested = Signal()
    resume_requested = Signal()
    stop_requested = Signal()
    remote_search_requested = Signal(str)
    project_types_wanted = Signal(str)  # project id: which types of work does it allow?
    opened = Signal()
    sign_in_requested = Signal()
    sign_out_requested = Signal()
    settings_requested = Signal()
    quit_requested = Signal()

    def __init__(self):
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("popover")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._style = ""
        self.setFixedWidth(400)
        self._lost_focus_at = 0.0
        self._dismissing = False
        self._anchor: QRect | None = None
        self._state = AppState()
        self._selected: Choice | None = None

        self.card = TimerCard(self)
        self.search = QLineEdit(objectName="search")
        self.search.setClearButtonEnabled(True)
        self.list = QuickList(self)
        self.list.setMinimumHeight(260)
        self.type_box = QComboBox(objectName="typeOfWork")
        self.note = QLineEdit(objectName="note")
        self.status = QLabel(objectName="status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.clock_note = QLabel(objectName="clockNote")  # the computer's clock is off: say so
        self.clock_note.setWordWrap(True)
        self.clock_note.hide()
        self.sign_in_button = QPushButton(objectName="signInButton")
        self.sign_in_button.clicked.connect(self.sign_in_requested.emit)
        self.sign_in_button.hide()
        self.who = QLabel(objectName="who")
        self.demo_badge = QLabel(objectName="demoBadge")
        self.menu_button = QToolButton(objectName="menuButton")
        self.menu_button.setText("⋯")
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._menu = QMenu(self)
        self.sign_action = self._menu.addAction(self.tr("Sign in with awork…"))
        self.sign_action.triggered.connect(self._sign_in_or_out)
        self.settings_action = self._menu.addAction("")
        self.settings_action.triggered.connect(self.settings_requested.emit)
        self._menu.addSeparator()
        self.quit_action = self._menu.addAction("", self.quit_requested.emit)
        self.menu_button.setMenu(self._menu)

        options = QHBoxLayout()
        self.as_label = QLabel(buddy=self.type_box)
        options.addWidget(self.as_label)
        options.addWidget(self.type_box, 1)
        options.addWidget(self.note, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.who, 1)
        footer.addWidget(self.demo_badge)
        footer.addWidget(self.menu_button)
        line = QFrame(frameShape=QFrame.Shape.HLine)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 8)
        layout.setSpacing(8)
        layout.addWidget(self.card)
        layout.addWidget(self.sign_in_button)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addLayout(options)
        layout.addWidget(self.status)
        layout.addWidget(self.clock_note)
        layout.addWidget(line)
        layout.addLayout(footer)
        self._retranslate()
        self.setTabOrder(self.sign_in_button, self.search)  # shown above the search when signed out
        self.setTabOrder(self.search, self.list)
        self.setTabOrder(self.list, self.type_box)
        self.setTabOrder(self.type_box, self.note)
        self.setTabOrder(self.note, self.card.pause_button)
        self.setTabOrder(self.card.pause_button, self.card.stop_button)
        self.setTabOrder(self.card.stop_button, self.menu_button)

        self._remote_timer = QTimer(self, singleShot=True, interval=REMOTE_SEARCH_DELAY_MS)
        self._remote_timer.timeout.connect(self._ask_remote)
        self.search.textChanged.connect(self._query_changed)
        self.search.installEventFilter(self)
        self.note.installEventFilter(self)
        # The list too: its own Enter emits `activated` and then passes the key on (a double
        # start), and on macOS it does not activate at all. One path for every platform.
        self.list.installEventFilter(self)
        self.list.currentItemChanged.connect(self._selection_changed)
        self.list.chosen.connect(self._start_choice)
        self.card.pause_clicked.connect(self.pause_requested)
        self.card.resume_clicked.connect(self.resume_requested)
        self.card.stop_clicked.connect(self.stop_requested)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.dismiss)
        self._apply_style()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._apply_style)

    def _retranslate(self) -> None:
        """The texts that do not depend on the state; render() sets the others."""
        self.setWindowTitle(self.tr("awork tray — Quick start"))
        self.search.setPlaceholderText(self.tr("Search tasks, or type a key like WEB-12…"))
        self.search.setAccessibleName(self.tr("Search tasks and types of work"))
        name_clear_button(self.search, self.tr("Clear search"))
        self.type_box.setAccessibleName(self.tr("Type of work for the timer"))
        self.type_box.setToolTip(self.tr("Type of work booked when the selected task starts"))
        if self.type_box.count():
            self.type_box.setItemText(0, self._own_type_label())
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.note.setAccessibleName(self.tr("Note for the time entry"))
        self.status.setAccessibleName(self.tr("Status"))
        self.sign_in_button.setText(self.tr("Sign in with awork…"))
        self.demo_badge.setText(self.tr("DEMO"))
        self.demo_badge.setToolTip(self.tr("A built-in demo workspace: nothing is sent to awork."))
        self.menu_button.setAccessibleName(self.tr("More: sign in or out, quit"))
        self.settings_action.setText(self.tr("Settings…"))
        self.quit_action.setText(self.tr("Quit awork tray"))
        self.as_label.setText(self.tr("as"))
        self.as_label.setAccessibleName(self.type_box.accessibleName())  # Linux names a combo by its label

    # -- rendering -------------------------------------------------------------------------------

    def render(self, state: AppState) -> None:
        previous, self._state = self._state, state
        busy = state.busy is not None
        self.card.show_entry(state.entry, busy, timedelta(seconds=state.clock_offset))
        self._show_clock_note(state.clock_offset)
        if state.workload != previous.workload or self.type_box.count() == 0:
            self._fill_types()
        self.list.set_workload(state.workload)
        self.list.set_remote_results(state.remote_results, state.remote_query)
        self.list.setEnabled(state.auth is not Auth.SIGNED_OUT)
        self.search.setEnabled(state.auth is not Auth.SIGNED_OUT)
        sign_in_hint = self.tr("Not signed in. Choose Sign in with awork… to connect.")
        if state.waiting:
            self._set_status(waiting_text(*state.waiting), "busy")  # a 429 waited out, counting down
        elif state.busy:
            self._set_status(busy_text(state.busy), "busy")
        elif state.keychain_waiting:
            self._set_status(keychain_waiting_text(), "busy")
        elif state.error:
            # Signed out by awork (expired token): say why, and also how to get back in.
            signed_out = state.auth is Auth.SIGNED_OUT and not state.demo
            self._set_status(f"{state.error}\n{sign_in_hint}" if signed_out else state.error, "error")
        elif state.auth is Auth.SIGNED_OUT:
            self._set_status(sign_in_hint, "error")
        elif state.held and state.pending and not state.offline:
            self._set_status(state.held, "busy")
        elif state.offline or state.pending:
            self._set_status(offline_text(state.pending) if state.offline else self._sending(state.pending), "busy")
        elif state.keychain_problem and state.auth_source == "session":
            self._set_status(state.keychain_problem, "info")
        elif state.file_problems:
            self._set_status("\n".join(state.file_problems), "info")
        else:
            self._set_status("", "")
        user = state.user
        if user is not None:
            ws = user.workspace.name if user.workspace else ""
            self.who.setText(f"{user.display_name} · {ws}" if ws else user.display_name)
        else:
            self.who.setText(self.tr("Not signed in") if state.auth is Auth.SIGNED_OUT else "")
        self.demo_badge.setVisible(state.demo)
        self.sign_in_button.setVisible(state.auth is Auth.SIGNED_OUT and not state.demo)
        self.sign_action.setText(self.tr("Sign out") if state.auth is Auth.SIGNED_IN else self.tr("Sign in with awork…"))
        self.sign_action.setEnabled(not state.demo)
        if self.isVisible():
            self._place()

    def _show_clock_note(self, offset: int) -> None:
        """One line when this computer's clock is more than a minute off awork's, which decides
        every start and stop: the times shown follow awork's clock, not the one on screen."""
        if abs(offset) <= 60:
            self.clock_note.hide()
            return
        minutes = round(abs(offset) / 60)
        hours, rest = divmod(minutes, 60)
        if hours >= 48:
            amount = self.tr("{0} days").format(round(hours / 24))
        elif hours:
            amount = self.tr("{0} h {1} min").format(hours, rest) if rest else self.tr("{0} h").format(hours)
        else:
            amount = self.tr("{0} min").format(minutes)
        if offset > 0:  # awork is ahead: this computer's clock is behind
            text = self.tr("Your computer's clock is {0} behind awork's; times shown follow awork.").format(amount)
        else:
            text = self.tr("Your computer's clock is {0} ahead of awork's; times shown follow awork.").format(amount)
        self.clock_note.setText(text)
        self.clock_note.setAccessibleDescription(text)
        self.clock_note.show()

    def _sending(self, pending: int) -> str:
        if pending == 1:
            return self.tr("Sending 1 offline action to awork…")
        return self.tr("Sending {0} offline actions to awork…").format(pending)

    def _place(self) -> None:
        # Content grows and shrinks (timer card, messages): stay anchored to the icon.
        self.adjustSize()
        self.move(placement(self.width(), self.height(), self._anchor))

    def _set_status(self, text: str, kind: str) -> None:
        if kind == "error" and text and text != self.status.text():
            announce(self.status, text, assertive=True)  # focus stays in the search: say it
        self.status.setText(text)
        self.status.setAccessibleDescription(text)  # the name says what it is ("Status"), this what it says
        self.status.setProperty("kind", kind)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setVisible(bool(text))

    def _selected_task(self) -> Task | None:
        return self._selected.task if self._selected is not None else None

    def _own_type_usable(self) -> bool:
        """The selected task's own type of work may be booked (unknown counts as yes: the start checks)."""
        task, workload = self._selected_task(), self._state.workload
        if task is None or task.type_of_work_id is None or not workload.types_of_work:
            return True
        # The lists hold every active type: one not among them is archived (or gone).
        offered = offered_types(workload.types_of_work, workload.allowed_type_ids(task.project_id))
        return any(t.id == task.type_of_work_id for t in offered)

    def _own_type_label(self) -> str:
        if self._own_type_usable():
            return self.tr("the task's type of work")
        return self.tr("Choose a type of work…")

    def _fill_types(self) -> None:
        """The types of work the selected task may book: its project's, never archived ones."""
        task, workload = self._selected_task(), self._state.workload
        allowed = workload.allowed_type_ids(task.project_id) if task is not None else ()
        offered = offered_types(workload.types_of_work, allowed)
        current = self.type_box.currentData()
        self.type_box.blockSignals(True)
        self.type_box.clear()
        self.type_box.addItem(self._own_type_label(), None)
        for tow in offered:
            self.type_box.addItem(tow.name, tow.id)
        index = self.type_box.findData(current)
        self.type_box.setCurrentIndex(max(index, 0))
        self.type_box.blockSignals(False)

    def ask_for_type(self) -> None:
        """The start needs another type of work (see TypeOfWorkNeeded): open the chooser."""
        self._fill_types()
        self.type_box.setEnabled(True)
        self.type_box.setCurrentIndex(0)
        if self.isVisible():
            self.type_box.setFocus(Qt.FocusReason.OtherFocusReason)
            self.type_box.showPopup()

    # -- intents ---------------------------------------------------------------------------------

    def _query_changed(self, text: str) -> None:
        self.list.filter(text)
        self._remote_timer.start()

    def _ask_remote(self) -> None:
        term = self.search.text().strip()
        if len(term) >= 2 or looks_like_task_key(term):
            self.remote_search_requested.emit(term)

    def _selection_changed(self, *_):
        choice = self.list.current_choice()
        if choice is None or choice == self._selected:
            return  # the same row again (the list was rebuilt): keep the type the user chose
        if self.isVisible() and not self.list.hasFocus():
            # ↑/↓ move the list while focus stays in the search field: tell a screen reader where.
            announce(self.list, self.list.current_accessible_text())
        self._selected = choice
        if choice.task is not None:
            self._fill_types()
            self.type_box.setEnabled(True)
            # The task's own type, or (when it may not be booked) "Choose a type of work…".
            index = self.type_box.findData(choice.task.type_of_work_id) if choice.task.type_of_work_id else 0
            self.type_box.setCurrentIndex(max(index, 0))
            if choice.task.project_id:
                self.project_types_wanted.emit(choice.task.project_id)
        else:
            self._fill_types()
            self.type_box.setEnabled(False)
            self.type_box.setCurrentIndex(max(self.type_box.findData(choice.type_of_work.id), 0))

    def _start_choice(self, choice: Choice) -> None:
        if self._state.busy:
            return
        if choice.task is not None:
            self.start_requested.emit(choice.task, self.type_box.currentData(), self.note.text())
        elif choice.type_of_work is not None:
            self.start_requested.emit(None, choice.type_of_work.id, self.note.text())

    def _sign_in_or_out(self) -> None:
        if self._state.auth is Auth.SIGNED_IN:
            self.sign_out_requested.emit()
        else:
            self.sign_in_requested.emit()

    def started(self) -> None:
        """The start went through: clear the form for next time and get out of the way."""
        self.search.clear()
        self.note.clear()
        self._selected = None  # next time the first row offers its own type again
        self._selection_changed()
        self.dismiss()

    # -- keyboard --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.list.move(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self.list.move(5 if key == Qt.Key.Key_PageDown else -5)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.list.choose_current()
                return True
        return super().eventFilter(watched, event)

    # -- showing and hiding ----------------------------------------------------------------------

    def dismiss(self) -> None:
        """Hide on purpose (Esc, a start, a second click): not a focus loss."""
        self._dismissing = True
        try:
            self.hide()
        finally:
            self._dismissing = False

    def toggle_at(self, anchor: QRect | None) -> None:
        if self.isVisible():
            self.dismiss()
            return
        if time.monotonic() - self._lost_focus_at < REOPEN_GUARD_S:
            return  # this click is the one that just closed us by taking focus
        self.open_at(anchor)

    def open_at(self, anchor: QRect | None) -> None:
        if anchor is None or not anchor.isValid() or anchor.isNull():
            # No icon geometry (SNI, Wayland, Windows overflow): the cursor, captured once so the
            # popover does not follow the mouse when its content changes size.
            anchor = QRect(QCursor.pos(), QSize(1, 1))
        self._anchor = anchor
        self._place()
        self.list.trace_next_paint("popover_painted")
        self.show()
        self.raise_()
        self.activateWindow()
        self.search.setFocus(Qt.FocusReason.PopupFocusReason)
        self.search.selectAll()
        self.opened.emit()

    def _apply_style(self, *_) -> None:
        # The colours are baked in (theme.py): a new palette means a new sheet. From the
        # application's palette, not ours, which the sheet itself changes.
        style = popover_style(QApplication.palette())
        if style != self._style:
            self._style = style
            self.setStyleSheet(style)
            self.list.set_colours(QApplication.palette())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.render(self._state)
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange, QEvent.Type.ThemeChange):
            self._apply_style()
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isVisible()
            and not self.isActiveWindow()
            and not self._dismissing
        ):
            # A combo box list or the ⋯ menu is part of us; anything else means focus went away.
            if QApplication.activePopupWidget() is None:
                self._lost_focus_at = time.monotonic()
                self.hide()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._remote_timer.stop()


def placement(width: int, height: int, anchor: QRect | None) -> QPoint:
    """Next to the tray icon when Qt knows where it is, else at the cursor; always on screen."""
    if anchor is not None and anchor.isValid() and not anchor.isNull():
        point = anchor.center()
    else:
        point = QCursor.pos()
    screen = QGuiApplication.screenAt(point) or QGuiApplication.primaryScreen()
    avail = screen.availableGeometry()
    x = min(max(point.x() - width // 2, avail.left()), avail.right() - width + 1)
    below = point.y() < avail.center().y()  # panel at the top: open below it
    margin = (anchor.height() // 2 + 6) if anchor is not None and anchor.isValid() else 8
    y = point.y() + margin if below else point.y() - height - margin
    y = min(max(y, avail.top()), avail.bottom() - height + 1)
    return QPoint(x, y)
