"""What a screen reader meets in the settings and sign-in windows, through Qt's accessibility
interfaces (what Qt hands to AT-SPI): a window role, the shortcut fields as editable fields with
their chord as value and their status as description, the sign-in window opening on its main button,
and Advanced as a disclosure that says whether it is expanded."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from PySide6.QtWidgets import QApplication

from tray_app.ui.sign_in.dialog import SignInDialog

from helpers.settings_window import TAKEN, prefs

Role = QAccessible.Role
Text = QAccessible.Text


def interface(widget):
    return QAccessible.queryAccessibleInterface(widget)


def test_the_settings_window_is_a_window(prefs):
    window = interface(prefs.window)
    assert window.role() == Role.Window and window.text(Text.Name) == "Settings"


def test_a_shortcut_field_is_an_editable_field_with_its_chord_and_status(prefs, qtbot):
    prefs.set_hotkey("toggle", TAKEN)
    quick, toggle = prefs.window.editors["quick_start"], prefs.window.editors["toggle"]
    field = interface(quick.edit)
    assert field.role() == Role.EditableText
    assert field.text(Text.Name) == "Open quick start"
    assert field.text(Text.Value) == "Ctrl+Alt+Shift+Space"
    assert field.text(Text.Description) == "✓ Active."
    taken = interface(toggle.edit)
    assert taken.text(Text.Value) == TAKEN and taken.text(Text.Description).startswith("⚠ Not available:")
    # Focused, it is what the screen reader lands on, and its description says what to do.
    quick.edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(quick.edit.hasFocus)
    assert interface(QApplication.focusWidget()).role() == Role.EditableText
    assert field.text(Text.Description).startswith("Press a chord…")


def test_the_sign_in_window_opens_on_its_main_button(qtbot):
    dialog = SignInDialog()
    qtbot.addWidget(dialog)
    dialog.open_with("Your awork sign-in has expired or was revoked. Sign in again.")
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is dialog.sign_in_button and dialog.sign_in_button.isDefault()
    assert interface(dialog).role() == Role.Dialog and interface(dialog).text(Text.Name) == "Sign in to awork"
    # also when it was closed with the focus elsewhere and opens again
    dialog.advanced_toggle.setFocus()
    dialog.close()
    dialog.open_with(None)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is dialog.sign_in_button


def test_advanced_is_a_disclosure_that_says_whether_it_is_expanded(qtbot):
    dialog = SignInDialog()
    qtbot.addWidget(dialog)
    dialog.open_with(None)
    toggle = interface(dialog.advanced_toggle)
    assert toggle.role() == Role.Button and toggle.text(Text.Name) == "Advanced"
    state = toggle.state()
    assert state.expandable and not state.expanded and state.collapsed and not state.checkable
    qtbot.mouseClick(dialog.advanced_toggle, Qt.MouseButton.LeftButton)
    assert dialog.advanced.isVisible()
    state = interface(dialog.advanced_toggle).state()
    assert state.expanded and not state.collapsed
    # a screen reader's "press" closes it again
    assert QAccessibleActionInterface.pressAction() in toggle.actionInterface().actionNames()
    toggle.actionInterface().doAction(QAccessibleActionInterface.pressAction())
    assert not dialog.advanced.isVisible() and interface(dialog.advanced_toggle).state().collapsed
