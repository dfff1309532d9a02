"""The running timer at the top of the popover: what, how long, Pause/Resume and Stop, and Edit
(the entry's editor, ui.entry_editor)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Callable

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from ..domain.entities import TimeEntry
from ..domain.timer import TimerState, elapsed, format_elapsed, timer_state
from ..i18n import format_moment


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


class TimerCard(QFrame):
    pause_clicked = Signal()
    resume_clicked = Signal()
    stop_clicked = Signal()
    edit_clicked = Signal()

    def __init__(self, parent: QWidget | None = None, now: Callable[[], datetime] = _utc_now):
        super().__init__(parent)
        self.setObjectName("timerCard")
        self._now = now
        self._offset = timedelta(0)  # awork's clock minus this computer's: elapsed time is awork's
        self._entry: TimeEntry | None = None
        self._state = TimerState.IDLE
        self._busy = False

        self.title = QLabel(objectName="timerTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel(objectName="timerSubtitle")
        self.subtitle.setWordWrap(True)
        self.note = QLabel(objectName="timerNote")
        self.note.setWordWrap(True)
        # No fixed name: a screen reader's name for a label is its text, i.e. the time as shown;
        # the description says what it is (_retranslate).
        self.clock = QLabel("0:00:00", objectName="timerClock")
        # When it started ("since 08:47"): awork's start time, in this computer's zone and locale.
        self.since = QLabel(objectName="timerSince")
        # The state in words, where the icon says it in colour: "● Running", or the Paused badge.
        # Beside the title, not the clock: the clock row must hold 100+ hours and two German buttons.
        self.state_label = QLabel(objectName="runningState")
        self.badge = QLabel(objectName="pausedBadge")
        for label in (self.state_label, self.badge):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pause_button = QPushButton(objectName="pauseButton")
        self.stop_button = QPushButton(objectName="stopButton")
        # A small pen, not a third labelled button: the clock row must hold 100+ hours and two
        # German buttons (and beside the title it would wrap a long one: the card must not jump).
        self.edit_button = QToolButton(objectName="editButton")
        self.edit_button.setText("✎")
        self.edit_button.setAutoRaise(True)
        self.edit_button.clicked.connect(self.edit_clicked)
        self._retranslate()
        self.pause_button.clicked.connect(self._on_pause_resume)
        self.stop_button.clicked.connect(self._on_stop)

        # A note or not, the card keeps its height: the list below must not jump.
        for label in (self.subtitle, self.note):
            policy = label.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            label.setSizePolicy(policy)
        heading = QHBoxLayout()
        heading.setSpacing(8)
        heading.addWidget(self.title, 1)
        heading.addWidget(self.state_label, 0, Qt.AlignmentFlag.AlignTop)
        heading.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        controls = QHBoxLayout()
        controls.setSpacing(6)
        # Under the clock, not beside it: the clock row is full with 100+ hours and two German buttons.
        elapsed_box = QVBoxLayout()
        elapsed_box.setSpacing(0)
        elapsed_box.addWidget(self.clock)
        elapsed_box.addWidget(self.since)
        controls.addLayout(elapsed_box)
        controls.addStretch(1)
        controls.addWidget(self.pause_button)
        controls.addWidget(self.stop_button)
        controls.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(2)
        layout.addLayout(heading)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.note)
        layout.addLayout(controls)

        # One precise single-shot timer re-armed to the next whole second: no drift, no double
        # ticks, and no wake-ups at all while the popover is hidden.
        self._tick = QTimer(self)
        self._tick.setSingleShot(True)
        self._tick.setTimerType(Qt.TimerType.PreciseTimer)
        self._tick.timeout.connect(self._refresh_clock)

    def show_entry(self, entry: TimeEntry | None, busy: bool, offset: timedelta = timedelta(0)) -> None:
        self._entry = entry
        self._offset = offset
        self._state = timer_state(entry)
        active = self._state is not TimerState.IDLE
        self.setVisible(active)
        if not active:
            self._tick.stop()
            return
        task = entry.task
        title = task.name if task and task.name else (entry.type_of_work.name if entry.type_of_work else "")
        if task and task.key:
            title = f"{task.key} · {title}"
        self.title.setText(title or self.tr("Timer"))
        project = entry.effective_project
        details = [p for p in (project.name if project else "", entry.type_of_work.name if entry.type_of_work and task else "") if p]
        self.subtitle.setText(" · ".join(details))
        self.subtitle.setVisible(bool(details))
        self.note.setText(self.tr("“{0}”").format(entry.note) if entry.note else "")  # „…“ in German
        self.note.setVisible(bool(entry.note))
        self.badge.setVisible(self._state is TimerState.PAUSED)
        self.state_label.setVisible(self._state is TimerState.RUNNING)
        self._retranslate()
        # The locale's time of day in this computer's zone ($TZ honoured): 08:47, or 8:47 AM.
        self.since.setText(self.tr("since {0}").format(format_moment(entry.start, self._now() + self._offset)))
        # Busy, the buttons stay enabled (a click is ignored, the core would refuse it anyway): a
        # disabled button loses the keyboard focus, which then lands on whatever comes next.
        self._busy = busy
        self._refresh_clock()
        self.layout().activate()  # fresh size hints now, before the popover fits itself to them

    def _retranslate(self) -> None:
        """Every text of the card that is not the entry's own (and Pause/Resume follows the state)."""
        paused = self._state is TimerState.PAUSED
        self.clock.setAccessibleDescription(self.tr("Elapsed time, paused") if paused else self.tr("Elapsed time"))
        self.badge.setText(self.tr("Paused"))
        self.state_label.setText("● " + self.tr("Running"))
        self.state_label.setAccessibleName(self.tr("Running"))  # not "black circle, Running"
        self.pause_button.setText(self.tr("&Resume") if paused else self.tr("&Pause"))
        self.pause_button.setAccessibleName(self.tr("Resume timer") if paused else self.tr("Pause timer"))
        self.stop_button.setText(self.tr("&Stop"))
        self.stop_button.setAccessibleName(self.tr("Stop timer"))
        self.edit_button.setAccessibleName(self.tr("Edit timer"))
        self.edit_button.setToolTip(self.tr("Edit the note, task, type, billable or start (Ctrl+E)"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()  # (the popover renders the entry again, "Timer" fallback and all)

    def _on_stop(self) -> None:
        if not self._busy:
            self.stop_clicked.emit()

    def _on_pause_resume(self) -> None:
        if self._busy:
            return
        if self._state is TimerState.PAUSED:
            self.resume_clicked.emit()
        elif self._state is TimerState.RUNNING:
            self.pause_clicked.emit()

    def _refresh_clock(self) -> None:
        now = self._now() + self._offset
        text = format_elapsed(elapsed(self._entry, now))
        self.clock.setText(text)
        if self._state is TimerState.RUNNING and self.isVisible() and self.window().isVisible():
            self._tick.start(1000 - now.microsecond // 1000 + 5)
        else:
            self._tick.stop()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._refresh_clock()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._tick.stop()
