"""The settings window with its controller: shortcuts recorded, cleared and reported; start on login;
the account; everything saved at once. The hotkey and autostart backends are fakes."""

from __future__ import annotations

import asyncio
import json

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QToolButton

from tray_app.core.settings import SettingsFile
from tray_app.core.state import AppState, Auth, Store
from tray_app.platform.hotkeys.manager import HotkeyManager
from tray_app.ui.settings_controller import SettingsController

from helpers.factories import USER
from helpers.fake_platform import FakeAutostart, FakeHotkeys
from helpers.settings_window import prefs


def saved(tmp_path) -> dict:
    return json.loads((tmp_path / "settings.json").read_text())


def test_shows_defaults_active_and_the_account(prefs):
    w = prefs.window
    quick, toggle = w.editors["quick_start"], w.editors["toggle"]
    assert quick.edit.sequence() == quick.edit.text() == "Ctrl+Alt+Shift+Space"
    assert toggle.edit.sequence() == "Ctrl+Alt+Shift+P"
    assert "Active" in quick.status.text() and quick.copy.isHidden()
    # the default toggle chord is "taken" in this fake: say so, and offer the command to bind instead
    assert "Not available" in toggle.status.text() and "/opt/awork/bin/awork-tray toggle" in toggle.status.text()
    assert not toggle.copy.isHidden()
    assert w.who.text() == "Carla Creative · Demo Agentur" and w.sign_button.text() == "Sign out"


def test_record_a_new_shortcut_applies_and_saves_it(prefs, qtbot, tmp_path):
    edit = prefs.window.editors["toggle"].edit
    edit.setFocus()
    qtbot.waitUntil(lambda: "unregister" in prefs.hotkeys.backend.calls)  # our grabs step aside while recording
    qtbot.keyClick(edit, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    prefs.window.editors["quick_start"].edit.setFocus()
    qtbot.waitUntil(lambda: saved(tmp_path).get("hotkey_toggle") == "Ctrl+Alt+K")
    assert ("bind", {"quick_start": "Ctrl+Alt+Shift+Space", "toggle": "Ctrl+Alt+K"}) in prefs.hotkeys.backend.calls
    assert "Active" in prefs.window.editors["toggle"].status.text()


def test_clear_turns_it_off_and_copy_puts_the_command_on_the_clipboard(prefs, qtbot, tmp_path):
    row = prefs.window.editors["quick_start"]
    row.edit.findChild(QToolButton).click()  # the ×
    qtbot.waitUntil(lambda: saved(tmp_path).get("hotkey_quick_start") == "")
    assert "Off" in row.status.text() and "/opt/awork/bin/awork-tray show" in row.status.text()
    qtbot.mouseClick(row.copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "/opt/awork/bin/awork-tray show"


def test_start_on_login_checkbox(prefs, qtbot, tmp_path):
    w = prefs.window
    assert not w.autostart.isChecked() and w.autostart.isEnabled()
    qtbot.mouseClick(w.autostart, Qt.MouseButton.LeftButton, pos=QPoint(8, w.autostart.height() // 2))
    qtbot.waitUntil(lambda: prefs.autostart.on and w.autostart.isEnabled())
    assert w.autostart.isChecked() and "com.awork.tray.desktop" in w.autostart_detail.text()
    assert saved(tmp_path)["autostart"] is True
    qtbot.mouseClick(w.autostart, Qt.MouseButton.LeftButton, pos=QPoint(8, w.autostart.height() // 2))
    qtbot.waitUntil(lambda: not prefs.autostart.on)
    assert saved(tmp_path)["autostart"] is False


def test_account_buttons_send_the_sign_in_and_out_intents(prefs, qtbot):
    w = prefs.window
    with qtbot.waitSignal(prefs.sign_out_requested):
        qtbot.mouseClick(w.sign_button, Qt.MouseButton.LeftButton)
    prefs.store.update(auth=Auth.SIGNED_OUT, user=None)
    assert w.who.text() == "Not signed in." and w.sign_button.text().startswith("Sign in")
    with qtbot.waitSignal(prefs.sign_in_requested):
        qtbot.mouseClick(w.sign_button, Qt.MouseButton.LeftButton)


def test_settings_is_in_the_tray_menu_and_the_popover_menu(qtbot):
    from tray_app.ui.popover import Popover
    from tray_app.ui.tray import Tray

    tray, popover = Tray(), Popover()
    qtbot.addWidget(popover)
    with qtbot.waitSignal(tray.settings_requested):
        tray.settings_action.trigger()
    with qtbot.waitSignal(popover.settings_requested):
        popover.settings_action.trigger()
    assert tray.settings_action.text() == popover.settings_action.text() == "Settings…"


def test_troubleshooting_shows_the_log_file(qtbot):
    from tray_app.ui.settings_window import SettingsWindow

    window = SettingsWindow([], "/home/carla/.local/state/awork-tray/log/awork-tray.log")
    qtbot.addWidget(window)
    assert "/home/carla/.local/state/awork-tray/log/awork-tray.log" in window.log_path.text()


def test_the_demo_shows_the_command_that_reaches_the_demo(qtbot, tmp_path):
    store = Store(AppState(auth=Auth.SIGNED_IN, user=USER, auth_source="demo", demo=True))
    prefs = SettingsController(SettingsFile(tmp_path), HotkeyManager(FakeHotkeys), FakeAutostart(), store,
                               spawn=lambda coro: asyncio.new_event_loop().run_until_complete(coro))
    try:
        commands = [row.command for row in prefs.rows()]
    finally:
        prefs.close()
    assert [c.split("awork-tray", 1)[-1] for c in commands] == [" --demo show", " --demo toggle"], commands
