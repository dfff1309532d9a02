"""The "Sign in with awork" window on its own: what it shows and what it emits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tray_app.ui.sign_in.dialog import SignInDialog


@pytest.fixture
def dialog(qtbot):
    widget = SignInDialog()
    qtbot.addWidget(widget)
    widget.open_with("Your awork sign-in has expired or was revoked. Sign in again.")
    qtbot.waitExposed(widget)
    return widget


def test_opens_with_the_reason_and_one_sign_in_button(dialog):
    assert dialog.message.isVisible() and "Sign in again" in dialog.message.text()
    assert dialog.sign_in_button.text() == "Sign in with awork" and dialog.sign_in_button.isEnabled()
    assert not dialog.waiting_panel.isVisible() and not dialog.keychain_panel.isVisible()
    assert not dialog.advanced.isVisible()


def test_the_button_asks_for_the_browser_sign_in(qtbot, dialog):
    with qtbot.waitSignal(dialog.sign_in_requested) as blocker:
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [False, "", ""]


def test_waiting_shows_the_link_to_copy_and_cancel(qtbot, dialog):
    dialog.set_waiting(True)
    url = "https://api.awork.com/api/v1/accounts/authorize?client_id=x&state=y"
    dialog.show_url(url)
    assert dialog.waiting_panel.isVisible() and "Waiting for your browser" in dialog.waiting_text.text()
    assert not dialog.sign_in_button.isEnabled() and not dialog.message.isVisible()
    assert dialog.url.text() == url and dialog.url.isReadOnly()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == url
    dialog.browser_failed()
    assert "No browser could be opened" in dialog.waiting_text.text()
    with qtbot.waitSignal(dialog.cancel_requested):
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    dialog.set_waiting(False)
    dialog.show_message("Sign-in cancelled.")
    assert dialog.sign_in_button.isEnabled() and not dialog.waiting_panel.isVisible()


def test_closing_the_window_while_waiting_cancels(qtbot, dialog):
    dialog.set_waiting(True)
    with qtbot.waitSignal(dialog.cancel_requested):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_no_keychain_needs_an_explicit_choice_for_this_session_only(qtbot, dialog):
    dialog.show_keychain_problem("No system keychain found, so awork tray cannot remember your sign-in.")
    assert dialog.keychain_panel.isVisible() and "No system keychain" in dialog.keychain_text.text()
    assert dialog.session_only.text() == "Keep me signed in for this session only"
    assert not dialog.sign_in_button.isEnabled()
    with qtbot.assertNotEmitted(dialog.sign_in_requested):
        dialog._submit()
    dialog.session_only.setChecked(True)
    with qtbot.waitSignal(dialog.sign_in_requested) as blocker:
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True, "", ""]


def test_advanced_takes_an_admin_made_client_id_and_redirect_uri(qtbot, dialog):
    qtbot.mouseClick(dialog.advanced_toggle, Qt.MouseButton.LeftButton)
    assert dialog.advanced.isVisible()
    dialog.client_id.setText("  team-tray  ")
    dialog.redirect_uri.setText("http://127.0.0.1:50000/callback ")
    with qtbot.waitSignal(dialog.sign_in_requested) as blocker:
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [False, "team-tray", "http://127.0.0.1:50000/callback"]


def test_a_stored_client_id_opens_advanced_filled_in(qtbot):
    widget = SignInDialog()
    qtbot.addWidget(widget)
    widget.open_with(None, client_id="team-tray", redirect_uri=None)
    qtbot.waitExposed(widget)
    assert widget.advanced.isVisible() and widget.client_id.text() == "team-tray" and widget.redirect_uri.text() == ""


def test_success_closes(dialog):
    dialog.set_waiting(True)
    dialog.succeeded()
    assert not dialog.isVisible() and not dialog.waiting
