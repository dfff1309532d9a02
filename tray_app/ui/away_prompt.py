"""The question after time away from the computer: "You were away from 11:02 to 11:40 (38 min)".

A small window of its own, on top, keyboard-first: K keeps the time, D discards it (the entry ends
when the user left), C discards it and continues the same now. Enter presses the focused button
(Keep at first), Esc and closing the window keep the time: nothing is ever changed by accident.
The letters are translated with the buttons (German: B, V, W). It renders and emits; the
AwayController acts.
"""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..domain.away import Away
from ..domain.entities import TimeEntry
from ..i18n import format_moment
from .a11y import announce, make_window
from .icons import give_windows_the_app_icon


def _label(entry: TimeEntry | None) -> str:
    if entry is None:
        return ""
    if entry.task is not None:
        return entry.task.name
    return entry.type_of_work.name if entry.type_of_work is not None else ""


class AwayPrompt(QWidget):
    keep_chosen = Signal()
    discard_chosen = Signal(bool)  # and continue the same now

    def __init__(self, now=lambda: datetime.now(timezone.utc)):
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("awayPrompt")
        make_window(self)
        give_windows_the_app_icon()
        self._now = now
        self.away: Away | None = None
        self.entry_id: str | None = None
        self._entry: TimeEntry | None = None
        self.heading = QLabel(objectName="awayHeading", wordWrap=True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.detail = QLabel(objectName="awayDetail", wordWrap=True)
        self.keep = QPushButton(objectName="awayKeep")
        self.discard = QPushButton(objectName="awayDiscard")
        self.discard_continue = QPushButton(objectName="awayDiscardContinue")
        self.keep.clicked.connect(self._keep)
        self.discard.clicked.connect(lambda: self._discard(False))
        self.discard_continue.clicked.connect(lambda: self._discard(True))
        for button in (self.keep, self.discard, self.discard_continue):
            button.setAutoDefault(True)  # Enter presses the focused one
        self.keys = QLabel(objectName="awayKeys", wordWrap=True)
        self.keys.setEnabled(False)  # a hint, in the muted colour
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep)
        buttons.addStretch(1)
        buttons.addWidget(self.discard)
        buttons.addWidget(self.discard_continue)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        layout.addWidget(self.keys)
        self._shortcuts: list[QShortcut] = []
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self._keep)
        self._retranslate()

    # -- rendering -------------------------------------------------------------------------------

    def show_away(self, away: Away, entry: TimeEntry) -> None:
        self.away, self.entry_id, self._entry = away, entry.id, entry
        self._render()
        self.adjustSize()
        self.show()
        self.raise_()
        self.activateWindow()
        self.keep.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(self, self.heading.text(), assertive=True)

    def _render(self) -> None:
        if self.away is None:
            return
        now = self._now()
        self.heading.setText(self.tr("You were away from {0} to {1} ({2} min)").format(
            format_moment(self.away.start, now), format_moment(self.away.end, now), self.away.minutes))
        label = _label(self._entry)
        detail = self.tr("“{0}” is still running.").format(label) if label else self.tr("Your timer is still running.")
        if self.away.slept:
            detail += " " + self.tr("The computer was asleep meanwhile.")
        self.detail.setText(detail)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("awork tray — Away"))
        self.setAccessibleName(self.windowTitle())
        keys = (self.tr("K", "the key for Keep"), self.tr("D", "the key for Discard the away time"),
                self.tr("C", "the key for Discard and continue"))
        texts = (self.tr("Keep"), self.tr("Discard the away time"), self.tr("Discard and continue"))
        tips = (self.tr("Keep the time away in the running entry"),
                self.tr("Stop the entry when you left"),
                self.tr("Stop the entry when you left and start the same again now"))
        for button, key, text, tip in zip((self.keep, self.discard, self.discard_continue), keys, texts, tips, strict=False):
            button.setText(f"{text} ({key})")
            button.setToolTip(tip)
            button.setAccessibleDescription(tip)
        for shortcut in self._shortcuts:
            shortcut.setEnabled(False)
            shortcut.deleteLater()
        actions = (self._keep, lambda: self._discard(False), lambda: self._discard(True))
        self._shortcuts = [QShortcut(QKeySequence(key), self, activated=act) for key, act in zip(keys, actions, strict=False)]
        self.keys.setText(self.tr("Enter presses the selected button; Esc keeps the time."))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def closeEvent(self, event) -> None:
        # Closed by the window manager: the same as Keep, nothing changes.
        if self.away is not None:
            self.away = None
            self.keep_chosen.emit()
        super().closeEvent(event)

    # -- intents ---------------------------------------------------------------------------------

    def dismiss(self) -> None:
        """Gone without a choice (the timer was paused or stopped, or the setting turned off)."""
        self.away = None
        self.hide()

    def _keep(self) -> None:
        if self.away is None:
            return
        self.away = None
        self.hide()
        self.keep_chosen.emit()

    def _discard(self, and_continue: bool) -> None:
        if self.away is None:
            return
        self.hide()
        self.discard_chosen.emit(and_continue)
        self.away = None
