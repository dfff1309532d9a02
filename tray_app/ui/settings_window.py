"""The settings window: account, global shortcuts, start on login, where the log is.

It renders what the SettingsController tells it and emits intents; changes apply at once
(there is no OK button to forget). Where a global shortcut cannot work, it says why and offers
the exact command to bind in the desktop's own shortcut settings, with a Copy button.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QKeySequenceEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.state import AppState, Auth
from ..i18n import pick_language
from ..platform.autostart.base import AutostartStatus
from ..platform.hotkeys.base import ACTIVE, OFF, PENDING, HotkeyStatus
from .a11y import name_clear_button


@dataclass(frozen=True)
class HotkeyRow:
    id: str
    label: str
    sequence: str  # Qt portable text, "" = none
    status: HotkeyStatus | None
    command: str  # the command that does the same, to bind in the desktop's settings


class _HotkeyEditor(QWidget):
    changed = Signal(str, str)  # id, portable sequence ("" = cleared)
    recording = Signal(bool)

    def __init__(self, row: HotkeyRow, parent: QWidget):
        super().__init__(parent)
        self.id = row.id
        self.command = row.command
        self._emitted = row.sequence
        self.edit = QKeySequenceEdit(objectName=f"hotkey_{row.id}")
        self.edit.setMaximumSequenceLength(1)  # a global shortcut is one chord
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName(row.label)
        for inner in self.edit.findChildren(QLineEdit):  # what a screen reader lands in
            inner.setAccessibleName(row.label)
        name_clear_button(self.edit, self.tr("Clear the shortcut for {0}").format(row.label))
        self.edit.setToolTip(self.tr("Click, then press the keys. The × clears the shortcut."))
        self.edit.editingFinished.connect(self._finished)
        self.edit.keySequenceChanged.connect(self._cleared)
        self.edit.installEventFilter(self)
        self.status = QLabel(objectName=f"hotkeyStatus_{row.id}", wordWrap=True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy = QPushButton(self.tr("Copy command"), objectName=f"copy_{row.id}")
        self.copy.setToolTip(self.tr("Copy the command to paste into your desktop's keyboard shortcut settings"))
        self.copy.setAccessibleName(self.tr("Copy command for {0}").format(row.label))  # one per shortcut
        self.copy.clicked.connect(self._copy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        line = QHBoxLayout()
        line.addWidget(self.status, 1)
        line.addWidget(self.copy, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(line)

    def render(self, row: HotkeyRow) -> None:
        self.command = row.command
        if not self.edit.hasFocus():  # never overwrite what the user is typing
            self._emitted = row.sequence
            self.edit.setKeySequence(QKeySequence.fromString(row.sequence, QKeySequence.SequenceFormat.PortableText))
        status = row.status or HotkeyStatus(PENDING)
        fallback = self.tr("You can bind this command in your desktop's keyboard shortcut settings instead: {0}").format(
            f"<code>{_escape(row.command)}</code>")
        if status.state == ACTIVE:
            text = "✓ " + self.tr("Active.") + (f" {_escape(status.message)}" if status.message else "")
        elif status.state == OFF:
            text = self.tr("Off: no shortcut set.") + " " + fallback
        elif status.state == PENDING:
            text = _escape(status.message) or self.tr("Setting up…")
        else:
            text = "⚠ " + self.tr("Not available: {0}").format(_escape(status.message)) + "<br>" + \
                self.tr("Bind this command in your desktop's keyboard shortcut settings instead:") + \
                f"<br><code>{_escape(row.command)}</code>"
        self.status.setText(text)
        self.status.setProperty("state", status.state)
        self.copy.setVisible(status.state != ACTIVE)

    def _finished(self) -> None:
        text = self.edit.keySequence().toString(QKeySequence.SequenceFormat.PortableText)
        if text != self._emitted:
            self._emitted = text
            self.changed.emit(self.id, text)

    def _cleared(self, sequence: QKeySequence) -> None:
        if sequence.isEmpty() and self._emitted:
            self._emitted = ""
            self.changed.emit(self.id, "")

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.command)
        self.copy.setText(self.tr("Copied"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.recording.emit(True)
        elif event.type() == QEvent.Type.FocusOut:
            self._finished()
            self.recording.emit(False)
        return super().eventFilter(watched, event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SettingsWindow(QWidget):
    hotkey_changed = Signal(str, str)  # id, portable sequence ("" = off)
    recording_hotkey = Signal(bool)  # a shortcut editor has focus: our own grabs must step aside
    autostart_toggled = Signal(bool)
    tray_icon_style_changed = Signal(str)  # auto | colour | light | dark
    language_changed = Signal(str)  # "" (the system's) | en | de
    sign_in_requested = Signal()
    sign_out_requested = Signal()

    def __init__(self, rows: list[HotkeyRow], log_path: str = ""):
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("settings")
        self.setWindowTitle(self.tr("awork tray — Settings"))
        self.setMinimumWidth(520)

        account = QGroupBox(self.tr("Account"))
        self.who = QLabel(objectName="accountWho", wordWrap=True)
        self.sign_button = QPushButton(objectName="accountButton")
        self.sign_button.clicked.connect(self._sign_clicked)
        row = QHBoxLayout(account)
        row.addWidget(self.who, 1)
        row.addWidget(self.sign_button)

        shortcuts = QGroupBox(self.tr("Global shortcuts"))
        grid = QGridLayout(shortcuts)
        self.editors: dict[str, _HotkeyEditor] = {}
        for n, hotkey in enumerate(rows):
            editor = _HotkeyEditor(hotkey, self)
            editor.changed.connect(self.hotkey_changed)
            editor.recording.connect(self.recording_hotkey)
            label = QLabel(hotkey.label, buddy=editor.edit)
            grid.addWidget(label, n, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(editor, n, 1)
            self.editors[hotkey.id] = editor
        grid.setColumnStretch(1, 1)

        login = QGroupBox(self.tr("Start on login"))
        self.autostart = QCheckBox(self.tr("Start awork tray when I log in"), objectName="autostart")
        self.autostart.toggled.connect(self._autostart_clicked)
        self.autostart_detail = QLabel(objectName="autostartDetail", wordWrap=True)
        self.autostart_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box = QVBoxLayout(login)
        box.addWidget(self.autostart)
        box.addWidget(self.autostart_detail)

        appearance = QGroupBox(self.tr("Appearance"))
        self.tray_icon_style = QComboBox(objectName="trayIconStyle")
        self.tray_icon_style.setAccessibleName(self.tr("Tray icon"))  # a combo's name is its current text otherwise
        for style, text in (
            ("auto", self.tr("Automatic")),
            ("colour", self.tr("Colour")),
            ("light", self.tr("Monochrome, for light panels")),
            ("dark", self.tr("Monochrome, for dark panels")),
        ):
            self.tray_icon_style.addItem(text, style)
        self.tray_icon_style.setToolTip(self.tr("Automatic: a template image that follows the menu bar on macOS, "
                                                "the colour icon elsewhere"))
        self.tray_icon_style.currentIndexChanged.connect(self._tray_icon_style_chosen)
        appearance_row = QHBoxLayout(appearance)
        appearance_row.addWidget(QLabel(self.tr("Tray icon"), buddy=self.tray_icon_style))
        appearance_row.addWidget(self.tray_icon_style, 1)

        language = QGroupBox(self.tr("Language"))
        self.language = QComboBox(objectName="language")
        self.language.setAccessibleName(self.tr("Language"))
        # Languages by their own names, so that someone who cannot read the current one finds theirs.
        names = {"en": "English", "de": "Deutsch"}
        system = names[pick_language("", QLocale.system().uiLanguages())]
        self.language.addItem(self.tr("Same as the system ({0})").format(system), "")
        for code, name in names.items():
            self.language.addItem(name, code)
        self.language.activated.connect(lambda index: self.language_changed.emit(self.language.itemData(index)))
        language_row = QHBoxLayout(language)
        language_row.addWidget(self.language)
        language_row.addStretch(1)

        trouble = QGroupBox(self.tr("Troubleshooting"))
        self.log_path = QLabel(self.tr("Log file: {0}").format(log_path), objectName="logPath", wordWrap=True)
        self.log_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        open_logs = QPushButton(self.tr("Open log folder"), objectName="openLogs")
        open_logs.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(log_path).parent))))
        open_logs.setEnabled(bool(log_path))
        trouble_row = QHBoxLayout(trouble)
        trouble_row.addWidget(self.log_path, 1)
        trouble_row.addWidget(open_logs)

        layout = QVBoxLayout(self)
        for group in (account, shortcuts, login, appearance, language, trouble):
            layout.addWidget(group)
        layout.addStretch(1)
        self._signed_in = False
        self._rendering = False

    # -- rendering -------------------------------------------------------------------------------

    def render_account(self, state: AppState) -> None:
        self._signed_in = state.auth is Auth.SIGNED_IN
        user = state.user
        if state.demo:
            self.who.setText(self.tr("Demo workspace: nothing is sent to awork."))
        elif self._signed_in:
            name = user.display_name if user else self.tr("Signed in")
            workspace = f" · {user.workspace.name}" if user and user.workspace else ""
            self.who.setText(f"{name}{workspace}")
        else:
            self.who.setText(self.tr("Not signed in."))
        self.sign_button.setText(self.tr("Sign out") if self._signed_in else self.tr("Sign in with awork…"))
        self.sign_button.setVisible(not state.demo)

    def render_hotkeys(self, rows: list[HotkeyRow]) -> None:
        for row in rows:
            self.editors[row.id].render(row)

    def render_autostart(self, status: AutostartStatus | None, busy: bool = False) -> None:
        self._rendering = True
        try:
            self.autostart.setChecked(bool(status and status.enabled))
        finally:
            self._rendering = False
        self.autostart.setEnabled(not busy and status is not None)
        if status is None:
            self.autostart_detail.setText(self.tr("Checking…"))
            return
        text = status.problem or (self.tr("Set up in {0}").format(status.where) if status.enabled else "")
        self.autostart_detail.setText(text)
        self.autostart_detail.setVisible(bool(text))

    def render_tray_icon_style(self, style: str) -> None:
        self._rendering = True
        try:
            self.tray_icon_style.setCurrentIndex(max(self.tray_icon_style.findData(style), 0))
        finally:
            self._rendering = False

    def render_language(self, setting: str) -> None:
        self.language.setCurrentIndex(max(self.language.findData(setting), 0))

    def focus_language(self) -> None:
        self.language.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- intents ---------------------------------------------------------------------------------

    def _tray_icon_style_chosen(self, index: int) -> None:
        if not self._rendering:
            self.tray_icon_style_changed.emit(self.tray_icon_style.itemData(index))

    def _sign_clicked(self) -> None:
        (self.sign_out_requested if self._signed_in else self.sign_in_requested).emit()

    def _autostart_clicked(self, on: bool) -> None:
        if not self._rendering:
            self.autostart.setEnabled(False)  # until the backend says how it went
            self.autostart_toggled.emit(on)

    def open(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
