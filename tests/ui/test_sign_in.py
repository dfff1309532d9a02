"""The paste-a-token sign-in window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tray_app.ui.sign_in import SignInDialog


@pytest.fixture
def dialog(qtbot):
    widget = SignInDialog()
    qtbot.addWidget(widget)
    widget.open_with("Your token expired.")
    qtbot.waitExposed(widget)
    return widget


def test_opens_with_the_reason_and_a_hidden_token_field(dialog):
    assert dialog.message.isVisible() and dialog.message.text() == "Your token expired."
    assert dialog.token.echoMode() == dialog.token.EchoMode.Password


def test_empty_token_is_not_submitted(qtbot, dialog):
    with qtbot.assertNotEmitted(dialog.token_submitted):
        qtbot.keyClick(dialog.token, Qt.Key.Key_Return)
    assert dialog.message.text() == "Paste a token first."


def test_token_is_submitted_trimmed_and_busy_locks_the_form(qtbot, dialog):
    qtbot.keyClicks(dialog.token, "  abc123  ")
    with qtbot.waitSignal(dialog.token_submitted) as blocker:
        qtbot.keyClick(dialog.token, Qt.Key.Key_Return)
    assert blocker.args == ["abc123"]
    dialog.set_busy(True)
    assert not dialog.token.isEnabled() and not dialog.buttons.isEnabled()
    assert "Checking" in dialog.message.text()
    dialog.set_busy(False)
    dialog.show_message("The token was rejected.")
    assert dialog.token.isEnabled() and dialog.message.text() == "The token was rejected."


def test_success_clears_the_token_and_closes(dialog):
    dialog.token.setText("abc")
    dialog.succeeded()
    assert dialog.token.text() == "" and not dialog.isVisible()
