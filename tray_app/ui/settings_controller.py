"""Settings that act on the desktop: global shortcuts and start on login, plus the settings window.

Every change is applied at once and written to the settings file; the window only renders what
this controller knows (the shortcuts' live status, the OS's own record of start on login).
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

from ..core.settings import Settings, SettingsFile
from ..i18n import pick_language
from ..platform.autostart import AutostartBackend, AutostartStatus
from ..platform.desktop_entry import shell_command
from ..platform.hotkeys.base import Binding
from ..platform.hotkeys.manager import HotkeyManager
from .language import Language

if TYPE_CHECKING:  # the window is imported when first opened: most sessions never open it
    from .settings_window import HotkeyRow, SettingsWindow

log = logging.getLogger(__name__)
DEFAULTS = Settings()  # what "Reset to default" goes back to

# id, label (translated where shown), settings field, the command that does the same from a desktop shortcut
HOTKEYS = (
    ("quick_start", QT_TRANSLATE_NOOP("SettingsController", "Open quick start"), "hotkey_quick_start", "show"),
    ("toggle", QT_TRANSLATE_NOOP("SettingsController", "Pause/resume or continue"), "hotkey_toggle", "toggle"),
)


def _label(text: str) -> str:
    return QCoreApplication.translate("SettingsController", text)


class SettingsController(QObject):
    sign_in_requested = Signal()
    sign_out_requested = Signal()
    tray_icon_style_changed = Signal(str)
    language_changed = Signal(str)  # "en" | "de": for what gets no LanguageChange event (the tray icon's menu)
    reminders_changed = Signal(object)  # the new Settings, after a reminder setting changed
    idle_changed = Signal()  # the time-away setting changed (the AwayController looks again)

    def __init__(self, settings_file: SettingsFile, hotkeys: HotkeyManager, autostart: AutostartBackend,
                 store, spawn: Callable, command_for: Callable[..., str] = shell_command, log_path: str = "",
                 language: Language | None = None, idle=None):
        """`idle`: the AwayController (its watch says where the idle time comes from), if any."""
        super().__init__()
        self.idle = idle
        self.language = language
        self.log_path = log_path
        self.file = settings_file
        self.settings: Settings = settings_file.load()
        self.hotkeys = hotkeys
        self.autostart = autostart
        self.store = store
        self.spawn = spawn
        self.command_for = command_for
        self.autostart_status: AutostartStatus | None = None
        self._autostart_busy = False
        self.window: SettingsWindow | None = None
        hotkeys.statuses_changed.connect(self._render_hotkeys)
        store.subscribe(self._render_account)

    def start(self) -> None:
        self.hotkeys.apply(self.bindings())

    def close(self) -> None:
        self.hotkeys.close()
        if self.window is not None:
            self.window.close()

    def bindings(self) -> list[Binding]:
        return [Binding(hid, _label(label), getattr(self.settings, field)) for hid, label, field, _ in HOTKEYS]

    def rows(self) -> list[HotkeyRow]:
        from .settings_window import HotkeyRow

        # The demo's command keeps --demo: without it, it would reach a real tray when one runs.
        demo = ("--demo",) if self.store.state.demo else ()
        return [HotkeyRow(hid, _label(label), getattr(self.settings, field), self.hotkeys.statuses.get(hid),
                          self.command_for(*demo, cmd), default=getattr(DEFAULTS, field))
                for hid, label, field, cmd in HOTKEYS]

    # -- intents ---------------------------------------------------------------------------------

    def set_hotkey(self, hotkey_id: str, sequence: str) -> None:
        field = next(f for hid, _, f, _ in HOTKEYS if hid == hotkey_id)
        if getattr(self.settings, field) == sequence:
            return
        log.info("hotkey %s set to %r", hotkey_id, sequence)
        self._save(self.settings.replace(**{field: sequence}))
        self.hotkeys.apply(self.bindings())
        self._render_hotkeys()

    def set_tray_icon_style(self, style: str) -> None:
        if style != self.settings.tray_icon_style:
            self._save(self.settings.replace(tray_icon_style=style))
            self.tray_icon_style_changed.emit(style)

    def set_language(self, setting: str) -> None:
        """'' follows the system, 'en' or 'de' overrides it; applied at once, everywhere."""
        if setting == self.settings.language:
            return
        self._save(self.settings.replace(language=setting))
        code = self.language.apply(setting) if self.language is not None else pick_language(setting)
        self.language_changed.emit(code)
        if self.window is not None:
            self._rebuild_window()

    def set_reminders(self, changes: dict) -> None:
        """Reminder fields (on/off, working days and hours, the interval), applied at once."""
        if all(getattr(self.settings, field) == value for field, value in changes.items()):
            return
        self._save(self.settings.replace(**changes))
        self.reminders_changed.emit(self.settings)
    def set_idle(self, enabled: bool, minutes: int) -> None:
        if (enabled, minutes) == (self.settings.idle_detection, self.settings.idle_minutes):
            return
        self._save(self.settings.replace(idle_detection=enabled, idle_minutes=minutes))
        self.idle_changed.emit()

    def set_autostart(self, on: bool) -> asyncio.Task:
        self._autostart_busy = True
        self._render_autostart()

        async def apply():
            try:
                status = await asyncio.to_thread(self.autostart.enable if on else self.autostart.disable)
            except OSError as exc:
                log.warning("start on login: %s", exc)
                status = await asyncio.to_thread(self.autostart.status)
                status = AutostartStatus(status.enabled, status.where, self.tr("Could not change it: {0}").format(exc))
            finally:
                self._autostart_busy = False
            self.autostart_status = status
            self._save(self.settings.replace(autostart=status.enabled))
            self._render_autostart()

        return self.spawn(apply())

    def set_pins(self, pins: tuple) -> str | None:
        """The quick-start list's pinned items (tuple[Pin, ...]), kept for the next start.
        Returns what to tell the user when they could not be written (they hold until quit)."""
        if pins == self.settings.pinned:
            return None
        log.info("%d item(s) pinned", len(pins))
        if self._save(self.settings.replace(pinned=tuple(pins))):
            return None
        return self.tr("The pinned items could not be saved; they are kept until awork tray quits.")

    def _save(self, settings: Settings) -> bool:
        self.settings = settings
        try:
            self.file.save(settings)
        except OSError as exc:
            log.warning("could not save the settings: %s", exc)
            return False
        return True

    # -- the window ------------------------------------------------------------------------------

    def open_window(self, at=None) -> SettingsWindow:
        """`at`: where to show it (a QPoint), e.g. where the previous one was."""
        if self.window is None:
            from .settings_window import SettingsWindow

            self.window = SettingsWindow(self.rows(), self.log_path)
            w = self.window
            w.hotkey_changed.connect(self.set_hotkey)
            w.recording_hotkey.connect(lambda on: self.hotkeys.suspend() if on else self.hotkeys.resume())
            w.autostart_toggled.connect(self.set_autostart)
            w.tray_icon_style_changed.connect(self.set_tray_icon_style)
            w.language_changed.connect(self.set_language)
            w.reminders.changed.connect(self.set_reminders)
            w.idle_changed.connect(self.set_idle)
            w.sign_in_requested.connect(self.sign_in_requested)
            w.sign_out_requested.connect(self.sign_out_requested)
        # Read the OS's record each time: the user may have changed it in the desktop's settings.
        try:
            self.autostart_status = self.autostart.status()
        except OSError as exc:
            self.autostart_status = AutostartStatus(False, "", self.tr("Cannot read the start-on-login setting: {0}").format(exc))
        self._render_account(self.store.state)
        self._render_hotkeys()
        self._render_autostart()
        self.window.render_tray_icon_style(self.settings.tray_icon_style)
        self.window.render_language(self.settings.language)
        self.window.reminders.render(self.settings)
        self._render_idle()
        if self.idle is not None and self.idle.watch.problem is None and not self.idle.watch.answered:
            self.spawn(self._probe_idle())  # not asked yet (no timer ran): ask now, for the status line
        if at is not None:
            self.window.move(at)
        self.window.open()
        return self.window

    def _rebuild_window(self) -> None:
        """A new window in the new language, where the old one was. Rebuilt rather than re-translated,
        so every text in it follows, including ones added later; the old one goes once the signal
        that got us here has returned (its language box sent it)."""
        old, self.window = self.window, None
        visible, position = old.isVisible(), old.pos()
        old.hide()
        old.deleteLater()
        if visible:
            self.open_window(at=position).focus_language()

    async def _probe_idle(self) -> None:
        await self.idle.watch.probe()
        self._render_idle()

    def _render_idle(self) -> None:
        if self.window is None:
            return
        watch = self.idle.watch if self.idle is not None else None
        self.window.idle.render(self.settings.idle_detection, self.settings.idle_minutes,
                                watch.source if watch else "", watch.problem if watch else None)

    def _render_account(self, state) -> None:
        if self.window is not None:
            self.window.render_account(state)

    def _render_hotkeys(self) -> None:
        if self.window is not None:
            self.window.render_hotkeys(self.rows())

    def _render_autostart(self) -> None:
        if self.window is not None:
            self.window.render_autostart(self.autostart_status, self._autostart_busy)
