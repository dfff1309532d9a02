"""The settings window: account, global shortcuts, start on login, reminders, where the log is.

It renders what the SettingsController tells it and emits intents; changes apply at once
(there is no OK button to forget). Where a global shortcut cannot work, it says why and offers
the exact command to bind in the desktop's own shortcut settings, with a Copy button.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QTextDocumentFragment
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.state import AppState, Auth
from ..i18n import pick_language
from ..platform.autostart.base import AutostartStatus
from ..platform.hotkeys.base import ACTIVE, OFF, PENDING, HotkeyStatus
from ..platform.hotkeys.chord import Chord
from .a11y import name_clear_button
from .chord_edit import ChordEdit, shown
from .icons import give_windows_the_app_icon
from .idle_settings import IdleSettingsBox
from .reminder_settings import ReminderSettings
from .window_fit import FitToContent, scrolling


@dataclass(frozen=True)
class HotkeyRow:
    id: str
    label: str
    sequence: str  # Qt portable text, "" = none
    status: HotkeyStatus | None
    command: str  # the command that does the same, to bind in the desktop's settings
    default: str = ""  # what "Reset to default" sets


class _HotkeyEditor(QWidget):
    changed = Signal(str, str)  # id, portable sequence ("" = cleared)
    recording = Signal(bool)
    proposed = Signal(str, str)  # id, a chord pressed: the window takes it or says why not

    def __init__(self, row: HotkeyRow, parent: QWidget):
        super().__init__(parent)
        self.id = row.id
        self.label = row.label
        self.command = row.command
        self.default = row.default
        self._recording = False
        self._rejected = ""  # why the last chord pressed while recording was not taken
        self._status_text = ""
        self.edit = ChordEdit(self)
        self.edit.setObjectName(f"hotkey_{row.id}")
        self.edit.setAccessibleName(row.label)
        name_clear_button(self.edit, self.tr("Clear the shortcut for {0}").format(row.label))
        self.edit.setToolTip(self.tr("Click, then press the keys. The × clears the shortcut."))
        self.edit.pressed.connect(lambda portable: self.proposed.emit(self.id, portable))
        self.edit.chosen.connect(self._chosen)
        self.edit.rejected.connect(self._rejected_chord)
        self.edit.installEventFilter(self)
        self.reset = QPushButton(self.tr("Reset to default"), objectName=f"reset_{row.id}")
        self.reset.setAccessibleName(self.tr("Reset {0} to default").format(row.label))  # one per shortcut
        self.reset.setToolTip(shown(row.default))
        self.reset.clicked.connect(self._reset)
        self.status = QLabel(objectName=f"hotkeyStatus_{row.id}", wordWrap=True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy = QPushButton(self.tr("Copy command"), objectName=f"copy_{row.id}")
        self.copy.setToolTip(self.tr("Copy the command to paste into your desktop's keyboard shortcut settings"))
        self.copy.setAccessibleName(self.tr("Copy command for {0}").format(row.label))  # one per shortcut
        self.copy.clicked.connect(self._copy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        field = QHBoxLayout()
        field.addWidget(self.edit, 1)
        field.addWidget(self.reset)
        layout.addLayout(field)
        line = QHBoxLayout()
        line.addWidget(self.status, 1)
        line.addWidget(self.copy, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(line)

    def render(self, row: HotkeyRow) -> None:
        self.command = row.command
        if not self._recording:  # never overwrite what the user is recording
            self.edit.set_sequence(row.sequence)
        self.reset.setEnabled(self.edit.sequence() != self.default)
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
        self._status_text = text
        self.status.setProperty("state", status.state)
        self.copy.setVisible(status.state != ACTIVE)
        self._show_status()

    def _show_status(self) -> None:
        if self._recording:
            asking = self.tr("Press a chord… (Tab or Esc keeps the current one)")
            text = (f"⚠ {_escape(self._rejected)}<br>" if self._rejected else "") + asking
        else:
            text = self._status_text
        self.status.setText(text)
        # A screen reader hears the status with the field, not as a separate line found by chance.
        self.edit.setAccessibleDescription(QTextDocumentFragment.fromHtml(text).toPlainText())

    def _chosen(self, portable: str) -> None:
        self._rejected = ""
        self.reset.setEnabled(portable != self.default)
        self._show_status()
        self.changed.emit(self.id, portable)

    def _rejected_chord(self, why: str) -> None:
        self._rejected = why
        self._show_status()

    def _reset(self) -> None:
        self.edit.set_sequence(self.default)
        self._chosen(self.default)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.command)
        self.copy.setText(self.tr("Copied"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._recording = event.type() == QEvent.Type.FocusIn
            self._rejected = ""
            self._show_status()
            self.recording.emit(self._recording)
        return super().eventFilter(watched, event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class SettingsWindow(QMainWindow):  # a main window: a screen reader meets a window, not a filler
    hotkey_changed = Signal(str, str)  # id, portable sequence ("" = off)
    recording_hotkey = Signal(bool)  # a shortcut editor has focus: our own grabs must step aside
    autostart_toggled = Signal(bool)
    tray_icon_style_changed = Signal(str)  # auto | colour | light | dark
    language_changed = Signal(str)  # "" (the system's) | en | de
    idle_changed = Signal(bool, int)  # ask about time away, after this many minutes
    sign_in_requested = Signal()
    sign_out_requested = Signal()

    def __init__(self, rows: list[HotkeyRow], log_path: str = ""):
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("settings")
        give_windows_the_app_icon()
        self.setWindowTitle(self.tr("Settings"))  # the desktop shows the app's name beside it
        self.setAccessibleName(self.windowTitle())

        account = QGroupBox(self.tr("Account"))
        self.who = QLabel(objectName="accountWho", wordWrap=True)
        self.sign_button = QPushButton(objectName="accountButton")
        self.sign_button.clicked.connect(self._sign_clicked)
        row = QHBoxLayout(account)
        row.addWidget(self.who, 1)
        row.addWidget(self.sign_button)

        shortcuts = QGroupBox(self.tr("Global shortcuts"))
        column = QVBoxLayout(shortcuts)  # each label above its field: long labels (German) leave it room
        self.editors: dict[str, _HotkeyEditor] = {}
        for hotkey in rows:
            editor = _HotkeyEditor(hotkey, self)
            editor.proposed.connect(self._proposed)
            editor.changed.connect(self.hotkey_changed)
            editor.recording.connect(self.recording_hotkey)
            column.addWidget(QLabel(hotkey.label, buddy=editor.edit, wordWrap=True))
            column.addWidget(editor)
            self.editors[hotkey.id] = editor

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

        self.idle = IdleSettingsBox()
        self.idle.changed.connect(self.idle_changed)

        trouble = QGroupBox(self.tr("Troubleshooting"))
        self.log_path = QLabel(self.tr("Log file: {0}").format(log_path), objectName="logPath", wordWrap=True)
        self.log_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        open_logs = QPushButton(self.tr("Open log folder"), objectName="openLogs")
        open_logs.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(log_path).parent))))
        open_logs.setEnabled(bool(log_path))
        trouble_row = QHBoxLayout(trouble)
        trouble_row.addWidget(self.log_path, 1)
        trouble_row.addWidget(open_logs)

        self.reminders = ReminderSettings()  # its own section: it renders and emits its fields itself

        content = QWidget(objectName="settingsContent")
        layout = QVBoxLayout(content)
        for group in (account, shortcuts, login, self.reminders, self.idle, appearance, language, trouble):
            layout.addWidget(group)
        layout.addStretch(1)
        area = scrolling(content)
        self.setCentralWidget(area)
        FitToContent(self, area, width=520)
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

    def _proposed(self, hotkey_id: str, portable: str) -> None:
        edit = self.editors[hotkey_id].edit
        why = self._refusal(hotkey_id, portable)
        if why:
            edit.refuse(why)
        else:
            edit.take(portable)

    def _refusal(self, hotkey_id: str, portable: str) -> str | None:
        """Why `portable` cannot be this shortcut (translated), or None when it can."""
        try:
            chord = Chord.parse(portable, shown=shown(portable))
        except ValueError as exc:
            return str(exc)
        for other in self.editors.values():
            if other.id != hotkey_id and other.edit.sequence():
                try:
                    if Chord.parse(other.edit.sequence()) == chord:
                        return self.tr("{0} is already used for “{1}”.").format(shown(portable), other.label)
                except ValueError:
                    continue
        return None

    def _focus_outside_the_shortcuts(self) -> None:
        """Focus on opening is never in a shortcut field: a key pressed there would be recorded."""
        current = self.focusWidget()
        if current is not None and not isinstance(current, ChordEdit) and current.isVisibleTo(self) \
                and current.isEnabled():
            return
        widget = self.nextInFocusChain()
        while widget is not self:
            if (not isinstance(widget, ChordEdit) and widget.isVisibleTo(self) and widget.isEnabled()
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            widget = widget.nextInFocusChain()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def open(self) -> None:
        self._focus_outside_the_shortcuts()
        self.show()
        self.raise_()
        self.activateWindow()
