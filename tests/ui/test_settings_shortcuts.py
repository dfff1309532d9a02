"""Recording a global shortcut in the settings: focus never starts in a shortcut field, a stray key
never replaces a working shortcut, Tab moves on, a rejected chord says why (translated), and each
shortcut can be reset to its default."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton

from tray_app.core.state import AppState, Auth
from tray_app.ui.language import Language

from helpers.settings_window import prefs, settings_controller

DEFAULT_QUICK, DEFAULT_TOGGLE = "Ctrl+Alt+Shift+Space", "Ctrl+Alt+Shift+P"
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def saved(tmp_path) -> dict:
    path = tmp_path / "settings.json"
    return json.loads(path.read_text()) if path.exists() else {}


def focus(qtbot, widget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def is_shortcut_field(widget) -> bool:
    return widget is not None and widget.objectName().startswith("hotkey_")


def test_opens_with_focus_on_nothing_that_records_keys(qtbot, tmp_path):
    # In the demo there is no sign-in button, so the first control in the window is a shortcut field.
    prefs = settings_controller(tmp_path, AppState(auth=Auth.SIGNED_IN, demo=True))
    window = prefs.open_window()
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert not is_shortcut_field(QApplication.focusWidget())
    # Closed while recording and opened again: it does not resume recording.
    focus(qtbot, window.editors["toggle"].edit)
    window.close()
    prefs.open_window()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert not is_shortcut_field(QApplication.focusWidget())
    prefs.close()


def test_a_stray_key_never_replaces_a_working_shortcut(prefs, qtbot, tmp_path):
    row = prefs.window.editors["quick_start"]
    focus(qtbot, row.edit)
    qtbot.keyClick(row.edit, Qt.Key.Key_Shift)  # a modifier alone
    qtbot.keyClick(row.edit, Qt.Key.Key_A)  # a letter alone would stop "a" from being typed anywhere
    assert row.edit.text() == "Ctrl+Alt+Shift+Space"
    assert "A would stop working in every other program" in row.status.text()
    focus(qtbot, prefs.window.autostart)
    assert saved(tmp_path).get("hotkey_quick_start", DEFAULT_QUICK) == DEFAULT_QUICK
    assert prefs.settings.hotkey_quick_start == DEFAULT_QUICK
    assert row.edit.text() == "Ctrl+Alt+Shift+Space" and "Active" in row.status.text()


def test_while_recording_the_status_asks_for_a_chord(prefs, qtbot):
    row = prefs.window.editors["quick_start"]
    assert "Active" in row.status.text()
    focus(qtbot, row.edit)
    assert row.status.text().startswith("Press a chord…") and "Active" not in row.status.text()
    focus(qtbot, prefs.window.autostart)
    assert "Active" in row.status.text()


def test_tab_and_shift_tab_move_focus_and_are_never_recorded(prefs, qtbot, tmp_path):
    quick, toggle = prefs.window.editors["quick_start"], prefs.window.editors["toggle"]
    focus(qtbot, quick.edit)
    qtbot.keyClick(quick.edit, Qt.Key.Key_Tab)
    assert not quick.edit.hasFocus()
    focus(qtbot, toggle.edit)
    qtbot.keyClick(toggle.edit, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert not toggle.edit.hasFocus()
    assert quick.edit.text() == "Ctrl+Alt+Shift+Space" and toggle.edit.text() == "Ctrl+Alt+Shift+P"
    assert saved(tmp_path).get("hotkey_quick_start", DEFAULT_QUICK) == DEFAULT_QUICK
    assert saved(tmp_path).get("hotkey_toggle", DEFAULT_TOGGLE) == DEFAULT_TOGGLE


def test_a_valid_chord_is_taken_at_once_and_becomes_active_on_leaving(prefs, qtbot, tmp_path):
    row = prefs.window.editors["toggle"]
    focus(qtbot, row.edit)
    qtbot.waitUntil(lambda: "unregister" in prefs.hotkeys.backend.calls)  # our grabs step aside while recording
    qtbot.keyClick(row.edit, Qt.Key.Key_K, CTRL_ALT)
    qtbot.waitUntil(lambda: saved(tmp_path).get("hotkey_toggle") == "Ctrl+Alt+K")
    assert row.edit.text() == "Ctrl+Alt+K"
    focus(qtbot, prefs.window.autostart)
    assert ("bind", {"quick_start": DEFAULT_QUICK, "toggle": "Ctrl+Alt+K"}) in prefs.hotkeys.backend.calls
    assert "Active" in row.status.text()


def test_the_other_shortcuts_chord_is_refused(prefs, qtbot, tmp_path):
    row = prefs.window.editors["toggle"]
    focus(qtbot, row.edit)
    qtbot.keyClick(row.edit, Qt.Key.Key_Space, CTRL_ALT | Qt.KeyboardModifier.ShiftModifier)
    assert row.edit.text() == "Ctrl+Alt+Shift+P" and "already used for “Open quick start”" in row.status.text()
    focus(qtbot, prefs.window.autostart)
    assert saved(tmp_path).get("hotkey_toggle", DEFAULT_TOGGLE) == DEFAULT_TOGGLE


def test_reset_to_default_next_to_each(prefs, qtbot, tmp_path):
    row = prefs.window.editors["quick_start"]
    assert row.reset.text() == "Reset to default" and not row.reset.isEnabled()  # it is the default
    focus(qtbot, row.edit)
    qtbot.keyClick(row.edit, Qt.Key.Key_J, CTRL_ALT)
    focus(qtbot, prefs.window.autostart)
    qtbot.waitUntil(row.reset.isEnabled)
    qtbot.mouseClick(row.reset, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: saved(tmp_path).get("hotkey_quick_start") == DEFAULT_QUICK)
    assert row.edit.text() == "Ctrl+Alt+Shift+Space" and not row.reset.isEnabled() and "Active" in row.status.text()
    # and after the × cleared it
    row.edit.findChild(QToolButton).click()
    qtbot.waitUntil(lambda: saved(tmp_path).get("hotkey_quick_start") == "")
    assert row.reset.isEnabled()


@pytest.fixture
def german(qapp):
    switch = Language(qapp)
    switch.apply("de")
    yield switch
    switch.apply("en")
    QApplication.sendPostedEvents()


def test_rejections_are_said_in_german(german, qtbot, tmp_path):
    prefs = settings_controller(tmp_path, language=german)
    window = prefs.open_window()
    qtbot.addWidget(window)
    row = window.editors["quick_start"]
    focus(qtbot, row.edit)
    assert row.status.text().startswith("Drück eine Tastenkombination…")
    qtbot.keyClick(row.edit, Qt.Key.Key_A)
    assert "würde in jedem anderen Programm nicht mehr funktionieren" in row.status.text()
    assert row.reset.text() == "Auf Standard zurücksetzen"
    prefs.close()
