"""The settings window's "Reminders" section: on or off, the working days and hours, the interval.

A section of its own (the window only places it), rendering the settings it is given and emitting
each change as the settings fields it touches; the SettingsController saves them and tells the
reminders (core/reminders.py). Day names follow the app's language (Qt's locale data).
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QLocale, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from .. import i18n
from ..core.reminders import MINUTES, clock_text, parse_clock
from ..core.settings import Settings
from .language import format_locale

DEFAULTS = Settings()


class ReminderSettings(QGroupBox):
    changed = Signal(dict)  # settings field -> new value

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Reminders"))
        self.setObjectName("reminders")
        self._rendering = False
        self.enabled = QCheckBox(self.tr("Remind me to track my time"), objectName="remindersOn")
        self.enabled.toggled.connect(self._toggled)
        self.explanation = QLabel(self.tr(
            "During working hours, when no timer has run for the time set below, a notification offers "
            "to continue your last task. At the end of the working day, a timer still running is pointed out."),
            objectName="remindersExplained", wordWrap=True)

        locale = format_locale(i18n.current())
        days_row = QHBoxLayout()
        days_row.setContentsMargins(0, 0, 0, 0)
        self.days: dict[int, QCheckBox] = {}
        for day in range(1, 8):  # Monday first, as ISO and the settings count them
            box = QCheckBox(locale.dayName(day, QLocale.FormatType.ShortFormat), objectName=f"workingDay{day}")
            box.setAccessibleName(locale.dayName(day, QLocale.FormatType.LongFormat))
            box.toggled.connect(self._days_changed)
            days_row.addWidget(box)
            self.days[day] = box
        days_row.addStretch(1)
        self.days_widget = QWidget(objectName="workingDays")
        self.days_widget.setLayout(days_row)

        self.start = QTimeEdit(objectName="workingStart", displayFormat="HH:mm")
        self.start.setAccessibleName(self.tr("Working hours from"))
        self.end = QTimeEdit(objectName="workingEnd", displayFormat="HH:mm")
        self.end.setAccessibleName(self.tr("Working hours until"))
        self.end.setToolTip(self.tr("An end before the start ends the next day (a night shift)."))
        # Every change is saved at once, as everywhere in the window (a half-typed time is harmless).
        self.start.timeChanged.connect(lambda value: self._time_changed(value, "working_start"))
        self.end.timeChanged.connect(lambda value: self._time_changed(value, "working_end"))
        hours_row = QHBoxLayout()
        hours_row.setContentsMargins(0, 0, 0, 0)
        hours_row.addWidget(self.start)
        hours_row.addWidget(QLabel(self.tr("to"), buddy=self.end))
        hours_row.addWidget(self.end)
        hours_row.addStretch(1)

        self.minutes = QSpinBox(objectName="reminderMinutes")
        self.minutes.setRange(*MINUTES)
        self.minutes.setSuffix(" " + self.tr("min"))
        self.minutes.setAccessibleName(self.tr("Remind after this long without tracking"))
        self.minutes.valueChanged.connect(self._minutes_changed)
        minutes_row = QHBoxLayout()
        minutes_row.setContentsMargins(0, 0, 0, 0)
        minutes_row.addWidget(self.minutes)
        minutes_row.addStretch(1)

        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Working days"), buddy=self.days[1]), 0, 0)
        grid.addWidget(self.days_widget, 0, 1)
        grid.addWidget(QLabel(self.tr("Working hours"), buddy=self.start), 1, 0)
        grid.addLayout(hours_row, 1, 1)
        grid.addWidget(QLabel(self.tr("Remind after"), buddy=self.minutes), 2, 0)
        grid.addLayout(minutes_row, 2, 1)
        grid.setColumnStretch(1, 1)
        self.details = QWidget(objectName="reminderDetails")
        self.details.setLayout(grid)
        grid.setContentsMargins(0, 0, 0, 0)

        layout = QVBoxLayout(self)
        layout.addWidget(self.enabled)
        layout.addWidget(self.explanation)
        layout.addWidget(self.details)

    def render(self, settings: Settings) -> None:
        self._rendering = True
        try:
            self.enabled.setChecked(settings.reminders)
            days = settings.working_days if all(c in "1234567" for c in settings.working_days) else DEFAULTS.working_days
            for day, box in self.days.items():
                box.setChecked(str(day) in days)
            for edit, text, default in ((self.start, settings.working_start, DEFAULTS.working_start),
                                        (self.end, settings.working_end, DEFAULTS.working_end)):
                value = parse_clock(text, parse_clock(default, time(0)))
                edit.setTime(QTime(value.hour, value.minute))
            minutes = settings.reminder_minutes
            self.minutes.setValue(minutes if MINUTES[0] <= minutes <= MINUTES[1] else DEFAULTS.reminder_minutes)
        finally:
            self._rendering = False
        self.details.setEnabled(settings.reminders)

    def _emit(self, changes: dict) -> None:
        if not self._rendering:
            self.changed.emit(changes)

    def _toggled(self, on: bool) -> None:
        self.details.setEnabled(on)
        self._emit({"reminders": on})

    def _days_changed(self) -> None:
        self._emit({"working_days": "".join(str(day) for day, box in self.days.items() if box.isChecked())})

    def _time_changed(self, value: QTime, field: str) -> None:
        self._emit({field: clock_text(time(value.hour(), value.minute()))})

    def _minutes_changed(self, value: int) -> None:
        self._emit({"reminder_minutes": value})
