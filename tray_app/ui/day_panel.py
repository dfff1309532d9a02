"""The day in the popover: today's and this week's totals, today's entries behind them, and (while
no timer runs) the last entry with one key to continue it.

It renders the AppState (the week's entries and the timer, core/day.py works out the totals) and
emits intents; the totals move on with the clock while it is seen, once a minute.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core.day import todays_entries, totals
from ..core.state import AppState
from ..domain.entities import TimeEntry
from ..domain.timer import TimerState, describe, elapsed, format_elapsed, timer_state
from .a11y import make_disclosure


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def _what(entry: TimeEntry) -> str:
    text = describe(entry)
    if entry.task is not None and entry.task.key:
        text = f"{entry.task.key} · {text}"
    return text


ROWS_KEPT = 2  # today's entries seen at the least, however small the screen


class EntriesArea(QScrollArea):
    """Today's entries: all their rows while there is room, else scrolled. The popover gives it its
    height (Popover._fit): on a small screen the entries give up rows, down to a couple, before the
    options row, the totals or any button lose height (a plain frame's minimum was all its rows)."""

    def __init__(self, content: QWidget):
        super().__init__(objectName="todayEntriesArea")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the Continue buttons; the area follows
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the names wrap instead
        self.setWidget(content)

    def full_height(self, width: int) -> int:
        """Every row in view at this width (the names wrap)."""
        content = self.widget()
        height = content.heightForWidth(width) if content.hasHeightForWidth() else -1
        return max(height, content.minimumSizeHint().height())

    def set_height(self, height: int, full: int) -> None:
        """`height` of `full`: no scroll bar when all rows fit (one shown in passing, while the
        popover grew, would stay: the names, narrower beside it, wrap onto more lines)."""
        self.setFixedHeight(height)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if height >= full
                                        else Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def least_height(self, width: int) -> int:
        """A couple of rows: a row is its Continue button or a name wrapped onto two lines."""
        grid = self.widget().layout()
        button = max((grid.itemAt(i).widget().sizeHint().height() for i in range(grid.count())
                      if isinstance(grid.itemAt(i).widget(), QPushButton)), default=0)
        row = max(button, 2 * self.fontMetrics().lineSpacing()) + grid.verticalSpacing()
        return min(ROWS_KEPT * row, self.full_height(width))


class DayPanel(QFrame):
    continue_entry_requested = Signal(object)  # TimeEntry: start again on what it was
    continue_last_requested = Signal()
    resized = Signal()  # today's entries shown or hidden: the popover fits itself again

    def __init__(self, parent: QWidget | None = None, now: Callable[[], datetime] = _utc_now):
        super().__init__(parent)
        self.setObjectName("dayPanel")
        self._now = now
        self._state = AppState()
        self._offset = timedelta(0)  # awork's clock minus this computer's
        self._rows: list[QWidget] = []

        # The last entry, while nothing runs: what it was, and Continue (Alt+C: one key, from anywhere).
        self.last = QWidget(objectName="lastEntryRow")
        self.last_label = QLabel(objectName="lastEntry")
        self.last_label.setWordWrap(True)
        self.continue_button = QPushButton(objectName="continueLast")
        self.continue_button.clicked.connect(self.continue_last_requested.emit)
        last = QHBoxLayout(self.last)
        last.setContentsMargins(0, 0, 0, 0)
        last.addWidget(self.last_label, 1)
        last.addWidget(self.continue_button)

        # The totals: buttons, so Tab reaches them and Space opens today's entries.
        self.today_button = QPushButton(objectName="todayTotal")
        self.week_button = QPushButton(objectName="weekTotal")
        for button in (self.today_button, self.week_button):
            button.setFlat(True)
            button.setCheckable(True)  # checked: today's entries are shown
            # A screen reader meets a button that expands today's entries, not a check box.
            make_disclosure(button, "")
            button.clicked.connect(self._toggle_list)
        totals_row = QHBoxLayout()
        totals_row.setContentsMargins(0, 0, 0, 0)
        totals_row.addWidget(self.today_button)
        totals_row.addWidget(self.week_button)
        totals_row.addStretch(1)

        listed = QFrame(objectName="todayEntries")
        self.entries_grid = QGridLayout(listed)
        self.entries_grid.setContentsMargins(0, 0, 0, 0)
        self.entries_grid.setHorizontalSpacing(8)
        self.entries = EntriesArea(listed)
        self.entries.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.last)
        layout.addLayout(totals_row)
        layout.addWidget(self.entries, 1)  # the part that gives up height on a small screen

        self._minute = QTimer(self, interval=60_000)  # the running timer's part grows
        self._minute.setTimerType(Qt.TimerType.CoarseTimer)
        self._minute.timeout.connect(self._show_totals)
        self._retranslate()

    # -- rendering -------------------------------------------------------------------------------

    def render(self, state: AppState, offset: timedelta = timedelta(0)) -> None:
        self._state = state
        self._offset = offset
        idle = state.timer is TimerState.IDLE
        self.last.setVisible(idle and state.entry is not None)
        if idle and state.entry is not None:
            entry = state.entry
            what = _what(entry) or (entry.type_of_work.name if entry.type_of_work else "")
            self.last_label.setText(self.tr("Last: {0} · {1}").format(
                what, format_elapsed(elapsed(entry, self._awork_now()), seconds=False)))
        self.continue_button.setEnabled(state.busy is None)
        self._show_totals()

    def _awork_now(self) -> datetime:
        return self._now() + self._offset

    def _show_totals(self) -> None:
        now = self._awork_now()
        known = totals(self._state, now)
        self.today_button.setVisible(known is not None)
        self.week_button.setVisible(known is not None)
        self.setVisible(known is not None or self.last.isVisibleTo(self))
        if known is None:
            self.entries.hide()
            return
        today, week = format_elapsed(known.today, seconds=False), format_elapsed(known.week, seconds=False)
        self.today_button.setText(self.tr("Today {0}").format(today))
        self.week_button.setText(self.tr("This week {0}").format(week))
        self.today_button.setAccessibleName(self.tr("Tracked today: {0}. Show today's entries").format(today))
        self.week_button.setAccessibleName(self.tr("Tracked this week: {0}. Show today's entries").format(week))
        if self.entries.isVisible():
            self._fill_entries(now)

    def _toggle_list(self) -> None:
        show = not self.entries.isVisible()
        for button in (self.today_button, self.week_button):
            button.setChecked(show)
        if show:
            self._fill_entries(self._awork_now())
        self.entries.setVisible(show)
        if show and self._rows:
            self._rows[0].setFocus(Qt.FocusReason.TabFocusReason)  # keyboard-first: onto the first Continue
        self.resized.emit()

    def _fill_entries(self, now: datetime) -> None:
        while self.entries_grid.count():
            item = self.entries_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._rows = []
        rows = todays_entries(self._state, now)
        if not rows:
            self.entries_grid.addWidget(QLabel(self.tr("Nothing tracked today yet.")), 0, 0, 1, 4)
            return
        previous = self.today_button
        for index, (entry, spent) in enumerate(rows):
            what = QLabel(_what(entry) or self.tr("Timer"))
            what.setWordWrap(True)
            kind = QLabel(entry.type_of_work.name if entry.type_of_work else "")
            kind.setObjectName("entryType")
            duration = QLabel(format_elapsed(spent, seconds=False))
            duration.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            button = QPushButton(self.tr("Continue"))
            button.setAccessibleName(self.tr("Continue {0}").format(_what(entry) or self.tr("Timer")))
            running = entry is self._state.entry and timer_state(entry) is not TimerState.IDLE
            button.setEnabled(not running and self._state.busy is None)  # the timer runs already
            button.clicked.connect(lambda _=False, e=entry: self.continue_entry_requested.emit(e))
            for column, widget in enumerate((what, kind, duration, button)):
                self.entries_grid.addWidget(widget, index, column)
            self.entries_grid.setColumnStretch(0, 1)
            if button.isEnabled():
                QWidget.setTabOrder(previous, button)
                previous = button
                self._rows.append(button)

    def _retranslate(self) -> None:
        self.continue_button.setText(self.tr("&Continue"))
        self.continue_button.setToolTip(self.tr("Start the last entry again: task, type of work, note and billable"))
        self.continue_button.setAccessibleName(self.tr("Continue the last entry"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.render(self._state, self._offset)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._minute.start()
        self._show_totals()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._minute.stop()
