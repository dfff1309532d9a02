"""The tray icon and its menu. Shows the state; every action is also reachable from the menu,
because GNOME and macOS open the menu on a click instead of activating the icon."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, QRect, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from ..core.day import totals
from ..core.state import AppState, Auth
from ..core.wording import keychain_waiting_text, waiting_text
from ..domain.timer import TimerState, describe, elapsed, format_elapsed
from ..platform.notifications import create_notifier
from .icons import icon_variant, state_icon, tray_icon
from .placement import click_anchor


def _utc_now() -> datetime:
    return datetime.now(timezone.utc)


def offline_text(pending: int) -> str:
    text = QCoreApplication.translate("Tray", "Offline — retrying.")
    waiting = pending_text(pending)
    return f"{text} {waiting}" if waiting else text


def pending_text(pending: int) -> str:
    # English and German share the plural rule: one sentence for 1, one for the rest.
    if pending == 1:
        return QCoreApplication.translate("Tray", "1 action waiting to be sent to awork.")
    if pending:
        return QCoreApplication.translate("Tray", "{0} actions waiting to be sent to awork.").format(pending)
    return ""


def _menu_text(text: str) -> str:
    """A name as a menu item shows it: "&" is no mnemonic, and a long name is cut."""
    text = text.replace("&", "&&")
    return text if len(text) <= 60 else text[:59] + "…"


class Tray(QObject):
    quick_start_requested = Signal()
    pause_requested = Signal()
    resume_requested = Signal()
    stop_requested = Signal()
    continue_requested = Signal()  # idle: start the last entry again
    start_task_requested = Signal(object)  # Task: one of the recent tasks, from the menu
    sign_in_requested = Signal()
    sign_out_requested = Signal()
    settings_requested = Signal()
    quit_requested = Signal()

    def __init__(self, parent: QObject | None = None, icon: QSystemTrayIcon | None = None,
                 now: Callable[[], datetime] = _utc_now):
        super().__init__(parent)
        self._now = now  # this computer's clock; the state's clock_offset turns it into awork's
        # The app may have shown a bare icon already, before this module was imported.
        self.icon = icon if icon is not None else QSystemTrayIcon(state_icon(TimerState.IDLE), self)
        self.icon.setToolTip("awork tray")
        self.menu = QMenu()
        # The first line states the timer in words (the icon says it only in colour).
        self.timer_line = self.menu.addAction("awork tray")  # until the first state is rendered
        self.timer_line.setEnabled(False)
        self.totals_line = self.menu.addAction("")  # "Today 3:38 · This week 12:10", once known
        self.totals_line.setEnabled(False)
        self.totals_line.setVisible(False)
        self.menu.addSeparator()
        self.quick_action = self.menu.addAction(self.tr("Quick start…"), self.quick_start_requested.emit)
        self.menu.addSeparator()
        self.continue_action = self.menu.addAction("", self.continue_requested.emit)
        self.pause_action = self.menu.addAction(self.tr("Pause"), self._pause_or_resume)
        self.stop_action = self.menu.addAction(self.tr("Stop"), self.stop_requested.emit)
        # The five most recent tasks, to start with one click (GNOME and macOS users live here).
        self.recent_section = self.menu.addSection("")
        self.recent_actions: list = []
        self._recent_ids: list[str] = []
        self._recent_end = self.menu.addSeparator()
        self.sign_action = self.menu.addAction(self.tr("Sign in with awork…"), self._sign_in_or_out)
        self.settings_action = self.menu.addAction(self.tr("Settings…"), self.settings_requested.emit)
        self.quit_action = self.menu.addAction(self.tr("Quit"), self.quit_requested.emit)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.notifier = create_notifier(self._balloon)
        # Qt's message has no buttons: a click on it is its default action (a reminder's first).
        self.icon.messageClicked.connect(lambda: self.notifier.clicked())
        self._click: QRect | None = None  # where the icon was just clicked, while that click is handled
        self._state = AppState()
        self._shown_state: TimerState | None = None
        self._variant = ""  # colour until the settings say otherwise (set_icon_style)
        # The tooltip and the menu's first line change once a minute (the first minute says
        # "< 1 min", not the seconds: a tooltip is read, not watched, and a second-by-second count
        # cost sixty wake-ups after every start): wake when the text changes, no more.
        self._minute = QTimer(self)
        self._minute.setSingleShot(True)  # and coarse, QTimer's default (not named: see ui/theme.py on Qt's enums)
        self._minute.timeout.connect(self._update_tooltip)
        self.menu.destroyed.connect(self._minute.stop)  # torn down: nothing left to update
        self._render_actions()

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def geometry(self):
        return self.icon.geometry()

    def popover_anchor(self) -> QRect | None:
        """What the popover opens next to: the icon when Qt knows where it is (XEmbed, Windows,
        macOS), else the point of the click being handled, else nothing (by the panel)."""
        geometry = self.icon.geometry()
        if geometry.isValid() and not geometry.isNull():
            return geometry
        return self._click

    def notify(self, title: str, text: str, *, warning: bool = True, actions=(), on_action=None) -> None:
        """Through the desktop's notification service (platform/notifications), never Qt's balloon
        on Linux: under SNI that marks the item NeedsAttention and hides our state icon.
        `actions` and `on_action`: see Notifier.notify."""
        if actions:
            self.notifier.notify(title, text, warning=warning, actions=actions, on_action=on_action)
        else:
            self.notifier.notify(title, text, warning=warning)

    def _balloon(self, title: str, text: str, warning: bool) -> None:
        kind = QSystemTrayIcon.MessageIcon.Warning if warning else QSystemTrayIcon.MessageIcon.Information
        self.icon.showMessage(title, text, kind, 8000)

    def render(self, state: AppState) -> None:
        self._state = state
        shown = "offline" if state.offline else state.timer
        if shown != self._shown_state:
            # Only on state changes: under SNI each setIcon is a D-Bus round trip.
            self.icon.setIcon(tray_icon("offline", self._variant) if state.offline
                              else state_icon(state.timer, self._variant))
            self._shown_state = shown
        self._update_tooltip()
        self._render_actions()

    def set_icon_style(self, style: str) -> None:
        """The tray_icon_style setting: auto, colour, light (for light panels) or dark."""
        variant = icon_variant(style)
        if variant != self._variant:
            self._variant = variant
            self._shown_state = None  # draw the current state again, in the new variant
            self.render(self._state)

    def retranslate(self) -> None:
        """The language changed (a QObject gets no LanguageChange event of its own)."""
        self.quick_action.setText(self.tr("Quick start…"))
        self.stop_action.setText(self.tr("Stop"))
        self.settings_action.setText(self.tr("Settings…"))
        self.quit_action.setText(self.tr("Quit"))
        self._render_actions()
        self._update_tooltip()

    def _render_actions(self) -> None:
        state = self._state
        timer = state.timer
        busy = state.busy is not None
        self.pause_action.setText(self.tr("Resume") if timer is TimerState.PAUSED else self.tr("Pause"))
        self.pause_action.setEnabled(timer is not TimerState.IDLE and not busy)
        self.stop_action.setEnabled(timer is not TimerState.IDLE and not busy)
        self.sign_action.setText(self.tr("Sign out") if state.auth is Auth.SIGNED_IN else self.tr("Sign in with awork…"))
        self.sign_action.setVisible(not state.demo)
        last = state.entry if timer is TimerState.IDLE else None
        self.continue_action.setVisible(last is not None)
        self.continue_action.setEnabled(last is not None and not busy)
        if last is not None:
            what = describe(last) or (last.type_of_work.name if last.type_of_work else "")
            self.continue_action.setText(self.tr("Continue: {0}").format(_menu_text(what)))
        self._render_recent(state, busy)

    def _render_recent(self, state: AppState, busy: bool) -> None:
        tasks = [t for t in state.workload.recent_tasks if t.id != (state.entry.task.id if (
            state.entry is not None and state.entry.task is not None and state.timer is not TimerState.IDLE) else None)][:5]
        ids = [t.id for t in tasks]
        if ids != self._recent_ids:
            self._recent_ids = ids
            for action in self.recent_actions:
                self.menu.removeAction(action)
                action.deleteLater()
            self.recent_actions = []
            for task in tasks:
                label = f"{task.key} · {task.name}" if task.key else task.name
                action = self.menu.addAction(_menu_text(label))
                self.menu.insertAction(self._recent_end, action)  # (moves it into the section)
                action.triggered.connect(lambda _=False, t=task: self.start_task_requested.emit(t))
                self.recent_actions.append(action)
        signed_in = state.auth is not Auth.SIGNED_OUT or state.demo
        self.recent_section.setText(self.tr("Start"))
        self.recent_section.setVisible(bool(self.recent_actions) and signed_in)
        for action in self.recent_actions:
            action.setVisible(signed_in)
            action.setEnabled(not busy)

    def _spent(self) -> str:
        """The timer's time in units ("1 h 13 min", "< 1 min"): a tooltip is read, not watched.
        Also arms the next update, for when this text changes."""
        state = self._state
        total = int(elapsed(state.entry, self._now() + timedelta(seconds=state.clock_offset)).total_seconds())
        total = max(total, 0)
        if state.timer is TimerState.RUNNING:
            self._minute.start((60 - total % 60) * 1000 + 50)
        hours, rest = divmod(total, 3600)
        minutes = rest // 60
        if total < 60:
            return self.tr("< 1 min")
        if not hours:
            return self.tr("{0} min").format(minutes)
        if not minutes:
            return self.tr("{0} h").format(hours)
        return self.tr("{0} h {1} min").format(hours, minutes)

    def _update_tooltip(self) -> None:
        state = self._state
        self._minute.stop()
        prefix = "awork tray"
        if state.keychain_waiting:
            text = prefix + ": " + keychain_waiting_text()
            self.timer_line.setText(keychain_waiting_text())
        elif state.auth is Auth.SIGNED_OUT:
            text = prefix + ": " + self.tr("not signed in")
            self.timer_line.setText(self.tr("Not signed in"))
        elif state.timer is TimerState.IDLE:
            text = prefix + ": " + self.tr("no timer running")
            self.timer_line.setText(self.tr("No timer running"))
        else:
            spent = self._spent()
            what = describe(state.entry) or self.tr("Timer")
            paused = " (" + self.tr("paused") + ")" if state.timer is TimerState.PAUSED else ""
            text = f"{what} · {spent}{paused}"
            line = self.tr("Paused: {0}") if state.timer is TimerState.PAUSED else self.tr("Running: {0}")
            self.timer_line.setText(line.format(f"{what} · {spent}"))
        self._show_totals()
        if state.waiting:
            text += "\n" + waiting_text(*state.waiting)
        if state.offline:
            text += "\n" + offline_text(state.pending)
        elif state.held and state.pending:
            text += "\n" + state.held
        if state.error:
            text += f"\n⚠ {state.error.splitlines()[0]}"
        # In every state, first: a demo timer is never taken for a real one.
        self.icon.setToolTip(self.tr("DEMO") + " · " + text if state.demo else text)

    def _show_totals(self) -> None:
        state = self._state
        known = totals(state, self._now() + timedelta(seconds=state.clock_offset))
        self.totals_line.setVisible(known is not None and state.auth is not Auth.SIGNED_OUT)
        if known is not None:
            self.totals_line.setText(self.tr("Today {0} · This week {1}").format(
                format_elapsed(known.today, seconds=False), format_elapsed(known.week, seconds=False)))

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            # Qt drops the point an SNI host passes with Activate(x, y); the pointer stands in for
            # it, only while on a panel (placement.click_anchor), and only for this click.
            self._click = click_anchor(QCursor.pos())
            try:
                self.quick_start_requested.emit()
            finally:
                self._click = None
        elif reason is QSystemTrayIcon.ActivationReason.MiddleClick:
            self._pause_or_resume()

    def _pause_or_resume(self) -> None:
        if self._state.timer is TimerState.RUNNING:
            self.pause_requested.emit()
        elif self._state.timer is TimerState.PAUSED:
            self.resume_requested.emit()

    def _sign_in_or_out(self) -> None:
        if self._state.auth is Auth.SIGNED_IN:
            self.sign_out_requested.emit()
        else:
            self.sign_in_requested.emit()
