"""The quick-start popover: timer card, search, recent tasks, types of work, footer.

It renders an AppState and emits intents; it never talks to awork itself.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
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
from ..domain.timer import TimerState
from .a11y import announce, make_window, name_clear_button
from .day_panel import DayPanel
from .entry_editing import EntryEditing
from .icons import give_windows_the_app_icon
from .placement import available_size, placement
from .quick_list import PIN_DOWN_SHORTCUT, PIN_SHORTCUT, PIN_UP_SHORTCUT, Choice, QuickList
from .style import popover_style
from .timer_card import TimerCard
from .tray import pending_text

REMOTE_SEARCH_DELAY_MS = 350
# A row must stay selected this long before awork is asked which types its project allows: typing
# moves the selection at every letter, and each new project would be a request (a start checks
# the project itself, so a quick Enter loses nothing).
PROJECT_TYPES_DELAY_MS = 250
REOPEN_GUARD_S = 0.3  # a tray click first deactivates (hides) the popover; don't reopen it at once
POPOVER_WIDTH = 400
LIST_MIN_HEIGHT = 260  # lowered only when the screen has less room (_fit)


class Popover(QWidget):
    start_requested = Signal(object, object, str)  # Task | None, type of work id | None, note
    pause_requested = Signal()
    resume_requested = Signal()
    stop_requested = Signal()
    remote_search_requested = Signal(str)
    project_types_wanted = Signal(str)  # project id: which types of work does it allow?
    continue_entry_requested = Signal(object)  # TimeEntry: today's list's Continue
    continue_last_requested = Signal()  # the last entry's Continue, while nothing runs
    opened = Signal()
    sign_in_requested = Signal()
    sign_out_requested = Signal()
    settings_requested = Signal()
    quit_requested = Signal()
    pins_edited = Signal(object)  # tuple[Pin, ...]: for the settings to keep
    edit_requested = Signal(object, str)  # EntryChange (without the start), the start as typed ("": unchanged)
    discard_requested = Signal()
    undo_requested = Signal()  # of a discard, while its undo is offered

    def __init__(self, monotonic: Callable[[], float] = time.monotonic):
        """`monotonic`: the sync loop's clock, which the state's next_try is on."""
        super().__init__(None, Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("popover")
        make_window(self)  # a screen reader meets a window, not a frameless "filler"
        give_windows_the_app_icon()
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._style = ""
        self.setFixedWidth(POPOVER_WIDTH)
        self._lost_focus_at = 0.0
        self._dismissing = False
        self._anchor: QRect | None = None
        self._state = AppState()
        self._selected: Choice | None = None
        self._pin_note = ""  # what the last pin action did, in the status line until the next open
        self._note_from_pin: str | None = None  # the note a pinned row put in the note field
        self._monotonic = monotonic
        self._countdown = QTimer(self, interval=1000)  # "retrying in N s", while offline and seen
        self._countdown.timeout.connect(self._show_status)

        self.card = TimerCard(self)
        self.day = DayPanel(self)
        self.search = QLineEdit(objectName="search")
        self.search.setClearButtonEnabled(True)
        self.list = QuickList(self)
        self.list.setMinimumHeight(LIST_MIN_HEIGHT)
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

        self.options = QWidget(objectName="options")
        options = QHBoxLayout(self.options)
        options.setContentsMargins(0, 0, 0, 0)
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
        layout.addWidget(self.day)  # the totals, and the last entry above the recent list
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.options)
        layout.addWidget(self.status)
        layout.addWidget(self.sign_in_button)  # signed out: what is going on, then the one next step
        layout.addWidget(self.clock_note)
        layout.addWidget(line)
        layout.addLayout(footer)
        self._retranslate()
        self.setTabOrder(self.sign_in_button, self.search)  # (shown only while the search is hidden)
        self.setTabOrder(self.search, self.list)
        self.setTabOrder(self.list, self.type_box)
        self.setTabOrder(self.type_box, self.note)
        self.setTabOrder(self.note, self.card.pause_button)
        self.setTabOrder(self.card.pause_button, self.card.stop_button)
        self.editing = EntryEditing(self)  # the running entry's editor and the discard's undo (its tab stops too)
        # The editor put its ✎ after Stop: the day's buttons follow it, then the ⋯ menu.
        self.setTabOrder(self.card.edit_button, self.day.continue_button)
        self.setTabOrder(self.day.continue_button, self.day.today_button)
        self.setTabOrder(self.day.today_button, self.day.week_button)
        self.setTabOrder(self.day.week_button, self.menu_button)

        self._remote_timer = QTimer(self, singleShot=True, interval=REMOTE_SEARCH_DELAY_MS)
        self._remote_timer.timeout.connect(self._ask_remote)
        self._types_timer = QTimer(self, singleShot=True, interval=PROJECT_TYPES_DELAY_MS)
        self._types_timer.timeout.connect(self._ask_project_types)
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
        self.day.continue_entry_requested.connect(self.continue_entry_requested)
        self.day.continue_last_requested.connect(self.continue_last_requested)
        self.day.resized.connect(lambda: self.isVisible() and self._place())
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self._escape)
        self.list.pins_edited.connect(self.pins_edited)
        self.list.pin_requested.connect(self._toggle_pin)
        self.list.pin_said.connect(self.say_about_pins)
        QShortcut(QKeySequence(PIN_SHORTCUT), self, activated=self._toggle_pin)
        QShortcut(QKeySequence(PIN_UP_SHORTCUT), self, activated=lambda: self.list.move_pin(-1))
        QShortcut(QKeySequence(PIN_DOWN_SHORTCUT), self, activated=lambda: self.list.move_pin(1))
        self._apply_style()
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._apply_style)

    def _retranslate(self) -> None:
        """The texts that do not depend on the state; render() sets the others."""
        self.setWindowTitle(self.tr("Quick start"))  # the desktop shows the app's name beside it
        self.search.setPlaceholderText(self.tr("Search tasks, or type a key like WEB-12…"))
        self.search.setAccessibleName(self.tr("Search tasks and types of work"))
        name_clear_button(self.search, self.tr("Clear search"))
        # The visible "as" is part of the name (what voice control users say to reach it).
        self.type_box.setAccessibleName(self.tr("as (type of work for the timer)"))
        self.type_box.setToolTip(self.tr("Type of work booked when the selected task starts"))
        if self.type_box.count():
            self.type_box.setItemText(0, self._own_type_label())
        self.note.setPlaceholderText(self.tr("Note (optional)"))
        self.note.setAccessibleName(self.tr("Note for the time entry"))
        self.sign_in_button.setText(self.tr("Sign in with awork…"))
        self.demo_badge.setText(self.tr("DEMO"))
        self.demo_badge.setToolTip(self.tr("A built-in demo workspace: nothing is sent to awork."))
        self.settings_action.setText(self.tr("Settings…"))
        self.quit_action.setText(self.tr("Quit awork tray"))
        self._name_menu_button()
        self.as_label.setText(self.tr("as"))
        self.as_label.setAccessibleName(self.type_box.accessibleName())  # Linux names a combo by its label

    # -- rendering -------------------------------------------------------------------------------

    def render(self, state: AppState) -> None:
        previous, self._state = self._state, state
        busy = state.busy is not None
        focus_in_card = self.card.isAncestorOf(self.focusWidget()) if self.focusWidget() else False
        self.card.show_entry(state.entry, busy, timedelta(seconds=state.clock_offset))
        if focus_in_card and not self.card.isVisible() and self.search.isEnabled():
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)  # stopped: back to where a start begins
        self._show_clock_note(state.clock_offset)
        self.day.render(state, timedelta(seconds=state.clock_offset))
        if state.workload != previous.workload or self.type_box.count() == 0:
            self._fill_types()
        self.list.set_workload(state.workload)
        self.list.set_remote_results(state.remote_results, state.remote_query)
        self.list.set_running(_running_identity(state), paused=state.timer is TimerState.PAUSED)
        # Nothing to search before a sign-in: the popover is the message and its one button.
        signed_out = state.auth is Auth.SIGNED_OUT and not state.demo
        editing = self.editing.editor.isVisible()  # the editor stands in for the quick start
        for part in (self.search, self.list, self.options):
            part.setEnabled(not signed_out)
            part.setVisible(not signed_out and not editing)
        if signed_out or editing:
            self.day.hide()
        # No lists yet and awork out of reach (or failing): the status says why; "Loading…" would not be true.
        if state.offline:
            self.list.set_empty_text(self.tr("Your tasks appear here once awork answers."))
        else:
            self.list.set_empty_text("" if state.error else self.tr("Loading…"))
        self._show_status()
        user = state.user
        if user is not None and not signed_out:
            ws = user.workspace.name if user.workspace else ""
            self.who.setText(f"{user.display_name} · {ws}" if ws else user.display_name)
        else:
            self.who.setText("")  # the status says "Not signed in", once
        self.demo_badge.setVisible(state.demo)
        self.sign_in_button.setVisible(signed_out)
        self.sign_action.setText(self.tr("Sign out") if state.auth is Auth.SIGNED_IN else self.tr("Sign in with awork…"))
        self.sign_action.setEnabled(not state.demo)
        self._name_menu_button()
        self.editing.render(state)
        if self.isVisible():
            self._place()

    def _show_status(self) -> None:
        state = self._state
        counting = False
        if state.waiting:
            self._set_status(waiting_text(*state.waiting), "busy")  # a 429 waited out, counting down
        elif state.busy:
            self._set_status(busy_text(state.busy), "busy")
        elif state.keychain_waiting:
            self._set_status(keychain_waiting_text(), "busy")
        elif state.error:
            self._set_status(state.error, "error")  # signed out by awork: the button below is the way back
        elif state.auth is Auth.SIGNED_OUT and not state.demo:
            self._set_status(self.tr("Not signed in to awork."), "info")
        elif state.held and state.pending and not state.offline:
            self._set_status(state.held, "busy")
        elif state.offline:
            self._set_status(self._offline_text(), "busy")
            counting = state.next_try is not None
        elif state.pending:
            self._set_status(self._sending(state.pending), "busy")
        elif state.keychain_problem and state.auth_source == "session":
            self._set_status(state.keychain_problem, "info")
        elif state.file_problems:
            self._set_status("\n".join(state.file_problems), "info")
        else:
            self._set_status(self._pin_note, "info" if self._pin_note else "")
        if counting and self.isVisible():
            if not self._countdown.isActive():
                self._countdown.start()
        else:
            self._countdown.stop()

    def _offline_text(self) -> str:
        """When the sync loop tries again, as it scheduled it (the state's next_try)."""
        next_try = self._state.next_try
        left = math.ceil(next_try - self._monotonic()) if next_try is not None else 0
        if left > 0:
            text = self.tr("Can't reach awork — retrying in {0} s.").format(left)
        else:
            text = self.tr("Can't reach awork — retrying now…")
        waiting = pending_text(self._state.pending)
        return f"{text} {waiting}" if waiting else text

    def _name_menu_button(self) -> None:
        """Named for what its menu holds, as it holds it now."""
        held = [a.text().replace("&", "").rstrip("…") for a in self._menu.actions()
                if not a.isSeparator() and a.isVisible() and a.isEnabled() and a.text()]
        self.menu_button.setAccessibleName(self.tr("More: {0}").format(", ".join(held)))

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
        room = available_size(self._anchor)
        self._fit(room)
        self.adjustSize()
        # A window's adjustSize stops at 2/3 of the screen: today's entries, open, may take the rest.
        layout = self.layout()
        wanted = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else self.sizeHint().height()
        if min(wanted, room.height()) > self.height():
            self.resize(self.width(), min(wanted, room.height()))
        self.move(placement(self.width(), self.height(), self._anchor))

    def _fit(self, room: QSize) -> None:
        """Never larger than the available screen (at 2x scale a laptop's is 640x360). Today's
        entries, when open, get all their rows if there is room (the user asked to see them);
        where there is not, the list gives up height first, then the entries, each down to a few
        rows, both scrolling; the rest keeps its height."""
        self.setFixedWidth(min(POPOVER_WIDTH, room.width()))
        self.list.setMinimumHeight(LIST_MIN_HEIGHT)
        list_floor = 3 * self.list.fontMetrics().height()  # a bit over one row: still a list
        entries, width = self.day.entries, self._inner_width()
        if entries.isVisibleTo(self):
            full, least = entries.full_height(width), entries.least_height(width)
            entries.set_height(least, full)
            spare = room.height() - self._least_height()
            if spare < full - least:  # the list gives up rows first
                cut = min(full - least - spare, LIST_MIN_HEIGHT - list_floor)
                self.list.setMinimumHeight(LIST_MIN_HEIGHT - cut)
                spare += cut
            entries.set_height(max(least, min(full, least + spare)), full)
        over = self._least_height() - room.height()
        if over > 0:
            self.list.setMinimumHeight(max(self.list.minimumHeight() - over, list_floor))
        self.setMaximumHeight(room.height())

    def _inner_width(self) -> int:
        margins = self.layout().contentsMargins()
        return self.width() - margins.left() - margins.right()

    def _least_height(self) -> int:
        """The popover's height with every part at its least (wrapped text at the popover's width)."""
        # Minimums just changed: Qt caches sizes per layout item until the layouts run again.
        self.day.layout().invalidate()
        self.day.updateGeometry()
        layout = self.layout()
        layout.invalidate()
        if layout.hasHeightForWidth():
            return layout.totalMinimumHeightForWidth(self.width())
        return layout.totalMinimumSize().height()

    def _set_status(self, text: str, kind: str) -> None:
        if kind == "error" and text and text != self.status.text():
            announce(self.status, text, assertive=True)  # focus stays in the search: say it
        self.status.setText(text)
        self.status.setAccessibleName(text)  # a screen reader's name for it is what it says
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

    def set_pins(self, pins) -> None:
        """The pinned items the settings keep (tuple[Pin, ...])."""
        self.list.set_pins(pins)

    def _toggle_pin(self) -> None:
        """Ctrl+P: pin the selected row with the type of work and note its start would use, or
        unpin the pinned row."""
        if self.list.isVisible():
            self.list.toggle_pin(self.list.type_of_work(self.type_box.currentData()), self.note.text())

    def say_about_pins(self, text: str) -> None:
        """What a pin action did, or why it did not (the settings could not be written), until
        the next open or search."""
        self._pin_note = text
        self._show_status()
        announce(self.list, text)

    def _query_changed(self, text: str) -> None:
        self._pin_note = ""
        self.list.filter(text)
        self._remote_timer.start()

    def _search_all_of_awork(self) -> None:
        self._remote_timer.stop()
        self.remote_search_requested.emit(self.search.text().strip())

    def _ask_remote(self) -> None:
        term = self.search.text().strip()
        if len(term) >= 2 or looks_like_task_key(term):
            self.remote_search_requested.emit(term)

    def _ask_project_types(self) -> None:
        choice = self._selected
        if choice is not None and choice.task is not None and choice.task.project_id:
            self.project_types_wanted.emit(choice.task.project_id)

    def _selection_changed(self, *_):
        choice = self.list.current_choice()
        if choice is None or choice == self._selected:
            return  # the same row again (the list was rebuilt): keep the type the user chose
        if self.isVisible() and not self.list.hasFocus():
            # ↑/↓ move the list while focus stays in the search field: tell a screen reader where.
            announce(self.list, self.list.current_accessible_text())
        self._selected = choice
        if self._note_from_pin is not None and self.note.text() == self._note_from_pin:
            self.note.clear()  # that pinned row's note, not one for the row now selected
        self._note_from_pin = None
        if choice.pin is not None and choice.pin.note and not self.note.text():
            self.note.setText(choice.pin.note)
            self._note_from_pin = choice.pin.note
        if choice.task is not None:
            self._fill_types()
            self.type_box.setEnabled(True)
            # The task's own type, or (when it may not be booked) "Choose a type of work…".
            index = self.type_box.findData(choice.task.type_of_work_id) if choice.task.type_of_work_id else 0
            if choice.pin is not None and choice.pin.type_of_work is not None:
                index = self.type_box.findData(choice.pin.type_of_work.id)  # not offered: "Choose…"
            self.type_box.setCurrentIndex(max(index, 0))
            if choice.task.project_id:
                self._types_timer.start()  # (again): asked once the selection rests
        else:
            self._fill_types()
            self.type_box.setEnabled(False)
            self.type_box.setCurrentIndex(max(self.type_box.findData(choice.type_of_work.id), 0))

    def _start_choice(self, choice: Choice) -> None:
        if self.editing.chosen(choice):
            return  # the editor's new task, not a start
        if self._state.busy:
            return
        if self.list.is_running(choice):
            # This is the timer that runs: Enter must not end it and start it afresh (its note,
            # its breaks gone). Pause and Stop are on the card above.
            announce(self.list, self.tr("Already running. Pause or Stop it above."))
            return
        if choice.task is not None:
            type_id = self.type_box.currentData()
            pinned = choice.pin.type_of_work if choice.pin is not None else None
            if type_id is None and pinned is not None and self.type_box.findData(pinned.id) < 0:
                # The pinned type may not be booked any more (archived, or not the project's):
                # sent as pinned, so the start asks for another, like any other refused type.
                type_id = pinned.id
            self.start_requested.emit(choice.task, type_id, self.note.text())
        elif choice.type_of_work is not None:
            # After "Choose another type of work" (ask_for_type), the one chosen.
            chosen = self.type_box.currentData() if self.type_box.isEnabled() else None
            self.start_requested.emit(None, chosen or choice.type_of_work.id, self.note.text())

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
                if self.list.count() == 0 and self.search.text().strip():
                    self._search_all_of_awork()  # what "No matches" offers
                else:
                    self.list.choose_current()
                return True
        return super().eventFilter(watched, event)

    # -- showing and hiding ----------------------------------------------------------------------

    def _escape(self) -> None:
        if not self.editing.escape():  # out of the editor first, then out of the popover
            self.dismiss()

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
        if anchor is not None and (not anchor.isValid() or anchor.isNull()):
            anchor = None  # no icon geometry (SNI, Wayland, Windows overflow): by the panel (placement.py)
        self._anchor = anchor
        self._fresh()
        self._place()
        self.list.trace_next_paint("popover_painted")
        self.show()
        self.raise_()
        self.activateWindow()
        self.search.setFocus(Qt.FocusReason.PopupFocusReason)
        self._show_status()  # (starts the countdown, now that it is seen)
        self.opened.emit()

    def _fresh(self) -> None:
        """Every open starts clean: no old search or note, no type chosen last time, and the first
        row that is not the running timer selected (what changed elsewhere since moves nothing)."""
        self.search.clear()
        self.note.clear()
        self._pin_note = ""
        self.list.reset()
        self._selected = None  # the row's own type of work again
        self._selection_changed()
        self.editing.reset()

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
            self.editing.retranslate()
            self.render(self._state)
        if event.type() in (QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange, QEvent.Type.ThemeChange):
            self._apply_style()
        # A combo box list or the ⋯ menu is part of us; anything else means focus went away.
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isVisible()
            and not self.isActiveWindow()
            and not self._dismissing
            and QApplication.activePopupWidget() is None
        ):
            self._lost_focus_at = time.monotonic()
            self.hide()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._remote_timer.stop()
        self._types_timer.stop()  # closed: nothing to show the project's types for
        self._countdown.stop()


def _running_identity(state: AppState) -> tuple[str, str] | None:
    """The list row the timer is on: its task, or its type of work when it has no task."""
    entry = state.entry
    if entry is None or state.timer is TimerState.IDLE:
        return None
    if entry.task is not None:
        return ("task", entry.task.id)
    return ("type", entry.type_of_work.id) if entry.type_of_work is not None else None
