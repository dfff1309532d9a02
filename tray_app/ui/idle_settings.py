"""The settings window's "Time away" section: ask about time away from the computer, after how
many minutes without input, and where the idle time comes from (or that this desktop tells none,
and only sleep is noticed). Renders what the SettingsController gives it and emits the change."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

CHOICES = (1, 2, 5, 10, 15, 20, 30, 45, 60, 90, 120)  # minutes; another value from the file is added


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class IdleSettingsBox(QGroupBox):
    changed = Signal(bool, int)  # ask about time away, after this many minutes

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Time away"))
        self.enabled = QCheckBox(self.tr("Ask about time away from the computer while a timer runs"),
                                 objectName="idleEnabled")
        self.enabled.setToolTip(self.tr("After this long without keyboard or mouse input, with the screen locked "
                                        "or the computer asleep, you choose whether the timer keeps that time."))
        self.minutes = QComboBox(objectName="idleMinutes")
        self.minutes.setAccessibleName(self.tr("Minutes without input"))
        self._fill(CHOICES)
        self.status = QLabel(objectName="idleStatus", wordWrap=True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("After"), buddy=self.minutes))
        row.addWidget(self.minutes)
        row.addWidget(QLabel(self.tr("without input")), 1)
        column = QVBoxLayout(self)
        column.addWidget(self.enabled)
        column.addLayout(row)
        column.addWidget(self.status)
        self._rendering = False
        self.enabled.toggled.connect(self._changed)
        self.minutes.currentIndexChanged.connect(self._changed)

    def render(self, enabled: bool, minutes: int, source: str, problem: str | None) -> None:
        self._rendering = True
        try:
            self.enabled.setChecked(enabled)
            if self.minutes.findData(minutes) < 0:
                self._fill(sorted({*CHOICES, minutes}))
            self.minutes.setCurrentIndex(self.minutes.findData(minutes))
        finally:
            self._rendering = False
        self.minutes.setEnabled(enabled)
        if problem:
            text = "⚠ " + self.tr("This desktop does not tell apps how long you have been idle ({0}). Only sleep "
                                  "is noticed.").format(_escape(problem))
        elif source:
            text = self.tr("Idle time from: {0}").format(_escape(source))
        else:
            text = ""
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _changed(self, *_args) -> None:
        self.minutes.setEnabled(self.enabled.isChecked())
        if not self._rendering:
            self.changed.emit(self.enabled.isChecked(), self.value())

    def value(self) -> int:
        return int(self.minutes.currentData())

    def _fill(self, choices) -> None:
        self.minutes.clear()
        for minutes in choices:
            self.minutes.addItem(self.tr("{0} min").format(minutes), minutes)
