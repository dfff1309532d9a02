"""Paste-a-token sign-in. (Browser sign-in with OAuth replaces this as the main path later.)"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

from .icons import app_icon


class SignInDialog(QDialog):
    token_submitted = Signal(str)

    def __init__(self):
        super().__init__(None)
        self.setWindowTitle(self.tr("Sign in to awork"))
        self.setWindowIcon(app_icon())
        self.setMinimumWidth(440)
        intro = QLabel(
            self.tr(
                "Paste an awork API token. An admin creates one in awork under "
                "Settings → Integrations → API clients → Manage API keys.\n"
                "The token is kept in your system keychain, never in a file."
            )
        )
        intro.setWordWrap(True)
        self.token = QLineEdit(objectName="tokenField")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("API token"))
        self.token.setAccessibleName(self.tr("awork API token"))
        self.message = QLabel(objectName="signInMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.token)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def open_with(self, message: str | None = None) -> None:
        self.show_message(message)
        self.set_busy(False)
        self.show()
        self.raise_()
        self.activateWindow()
        self.token.setFocus()

    def show_message(self, message: str | None) -> None:
        self.message.setText(message or "")
        self.message.setVisible(bool(message))

    def set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        self.token.setEnabled(not busy)
        if busy:
            self.show_message(self.tr("Checking the token with awork…"))

    def _submit(self) -> None:
        token = self.token.text().strip()
        if not token:
            self.show_message(self.tr("Paste a token first."))
            return
        self.token_submitted.emit(token)

    def succeeded(self) -> None:
        self.token.clear()
        self.accept()
