"""The "Sign in with awork" window: starts the browser sign-in, waits for it (with Cancel and the
link to copy), offers a memory-only sign-in when there is no keychain, and keeps an Advanced
part for a client id and redirect URI a workspace admin created by hand.

It renders and emits; the tray controller (ui/sign_in/flow) runs the sign-in.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..a11y import make_disclosure
from ..icons import app_icon
from ..window_fit import FitToContent, scrolling

DEFAULT_REDIRECT = "http://127.0.0.1:48613/callback"


class SignInDialog(QDialog):
    sign_in_requested = Signal(bool, str, str)  # session only?, client id, redirect URI ("" = default)
    cancel_requested = Signal()

    def __init__(self):
        super().__init__(None)
        self.setWindowIcon(app_icon())
        self._waiting = False
        self._browser_failed = False
        self._keychain_problem: str | None = None

        self.intro = intro = QLabel()
        intro.setWordWrap(True)
        self.sign_in_button = QPushButton(objectName="browserSignIn")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self._submit)

        # No keychain: say so, and let the user choose a sign-in for this session only.
        self.keychain_panel = QWidget(objectName="keychainPanel")
        self.keychain_text = QLabel(objectName="keychainText")
        self.keychain_text.setWordWrap(True)
        self.session_only = QCheckBox(objectName="sessionOnly")
        self.session_only.toggled.connect(self._update_enabled)
        keychain_layout = QVBoxLayout(self.keychain_panel)
        keychain_layout.setContentsMargins(0, 0, 0, 0)
        keychain_layout.addWidget(self.keychain_text)
        keychain_layout.addWidget(self.session_only)
        self.keychain_panel.hide()

        # Waiting for the browser: the link (for when no browser opened) and Cancel.
        self.waiting_panel = QWidget(objectName="waitingPanel")
        self.waiting_text = QLabel(objectName="waitingText")
        self.waiting_text.setWordWrap(True)
        self.url = QLineEdit(objectName="signInUrl")
        self.url.setReadOnly(True)
        self.copy_button = QPushButton(objectName="copyLink")
        self.copy_button.clicked.connect(self._copy_url)
        self.cancel_button = QPushButton(objectName="cancelSignIn")
        self.cancel_button.clicked.connect(self.cancel_requested.emit)
        link_row = QHBoxLayout()
        link_row.addWidget(self.url, 1)
        link_row.addWidget(self.copy_button)
        link_row.addWidget(self.cancel_button)
        waiting_layout = QVBoxLayout(self.waiting_panel)
        waiting_layout.setContentsMargins(0, 0, 0, 0)
        waiting_layout.addWidget(self.waiting_text)
        waiting_layout.addLayout(link_row)
        self.waiting_panel.hide()

        self.message = QLabel(objectName="signInMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()

        # Advanced: for workspaces that do not let apps register themselves.
        self.advanced_toggle = QToolButton(objectName="advancedToggle")
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced_toggle.toggled.connect(self._show_advanced)
        make_disclosure(self.advanced_toggle, "Advanced")  # named again in _retranslate
        self.advanced = QWidget(objectName="advancedPanel")
        self.hint = hint = QLabel()
        hint.setWordWrap(True)
        self.client_id = QLineEdit(objectName="clientId")
        self.redirect_uri = QLineEdit(objectName="redirectUri")
        self.redirect_uri.setPlaceholderText(DEFAULT_REDIRECT)
        form = QFormLayout(self.advanced)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(hint)
        self.client_id_label = QLabel(buddy=self.client_id)
        self.redirect_uri_label = QLabel(buddy=self.redirect_uri)
        form.addRow(self.client_id_label, self.client_id)
        form.addRow(self.redirect_uri_label, self.redirect_uri)
        self.advanced.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        # Everything but Close scrolls when the screen is too small; the window grows with what it shows.
        content = QWidget(objectName="signInContent")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addWidget(self.keychain_panel)
        layout.addWidget(self.sign_in_button)
        layout.addWidget(self.waiting_panel)
        layout.addWidget(self.message)
        layout.addWidget(self.advanced_toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.advanced)
        layout.addStretch(1)
        area = scrolling(content)
        outer = QVBoxLayout(self)
        outer.addWidget(area, 1)
        outer.addWidget(self.buttons)
        FitToContent(self, area, width=460)
        self._retranslate()

    def _retranslate(self) -> None:
        """Every text of ours; the message shown is awork's or the core's, already in the language."""
        self.setWindowTitle(self.tr("Sign in to awork"))
        self.intro.setText(self.tr(
            "awork tray signs in with your own awork account, in your browser. If you belong to several "
            "workspaces, you choose one there. Your sign-in is kept in the system keychain, never in a file."
        ))
        self.sign_in_button.setText(self.tr("Sign in with awork"))
        self.session_only.setText(self.tr("Keep me signed in for this session only"))
        self._render_waiting_text()
        self._render_keychain_text()
        self.url.setAccessibleName(self.tr("Sign-in link"))
        self.copy_button.setText(self.tr("Copy link"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.advanced_toggle.setText(self.tr("Advanced"))
        self.advanced_toggle.setAccessibleName(self.advanced_toggle.text())
        self.hint.setText(self.tr(
            "Only needed when your workspace does not let apps register themselves: a workspace admin creates a "
            "public API client in awork (Settings → Integrations → API clients) with the redirect URI "
            "{0} and gives you its client id. Leave both empty to let awork tray register itself."
        ).format(DEFAULT_REDIRECT))
        self.client_id.setPlaceholderText(self.tr("registered automatically"))
        self.client_id_label.setText(self.tr("Client id"))
        self.redirect_uri_label.setText(self.tr("Redirect URI"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()

    # -- what the flow calls -------------------------------------------------------------------

    def open_with(self, message: str | None = None, *, keychain_problem: str | None = None,
                  client_id: str | None = None, redirect_uri: str | None = None) -> None:
        self.show_message(message)
        self.show_keychain_problem(keychain_problem)
        self.client_id.setText(client_id or "")
        self.redirect_uri.setText(redirect_uri or "")
        if client_id or redirect_uri:
            self.advanced_toggle.setChecked(True)
        if not self._waiting:
            self.set_waiting(False)
        self.show()
        self.raise_()
        self.activateWindow()
        self.sign_in_button.setFocus()

    def show_message(self, message: str | None) -> None:
        self.message.setText(message or "")
        self.message.setVisible(bool(message))

    def show_keychain_problem(self, problem: str | None) -> None:
        """No keychain: explain, and require an explicit choice for a memory-only sign-in."""
        self._keychain_problem = problem
        self._render_keychain_text()
        self.keychain_panel.setVisible(bool(problem))
        if not problem:
            self.session_only.setChecked(False)
        self._update_enabled()

    def set_waiting(self, waiting: bool) -> None:
        self._waiting = waiting
        self.waiting_panel.setVisible(waiting)
        if waiting:
            self.url.clear()
            self.show_message(None)
            self._browser_failed = False
            self._render_waiting_text()
        self._update_enabled()

    def show_url(self, url: str) -> None:
        self.url.setText(url)
        self.url.setCursorPosition(0)

    def browser_failed(self) -> None:
        self._browser_failed = True
        self._render_waiting_text()

    def _render_waiting_text(self) -> None:
        if self._browser_failed:
            self.waiting_text.setText(self.tr(
                "No browser could be opened. Copy the link below into a browser on this computer to sign in."
            ))
        else:
            self.waiting_text.setText(self.tr("Waiting for your browser… Finish signing in there."))

    def _render_keychain_text(self) -> None:
        if self._keychain_problem:
            self.keychain_text.setText(self._keychain_problem + "\n" + self.tr(
                "You can still sign in: awork tray then keeps the sign-in in memory and asks again after it quits."
            ))

    def succeeded(self) -> None:
        self.set_waiting(False)
        self.url.clear()  # its state is spent; the next sign-in shows a new link
        self.show_message(None)
        self.accept()

    @property
    def waiting(self) -> bool:
        return self._waiting

    # -- internals -----------------------------------------------------------------------------

    def _update_enabled(self) -> None:
        blocked = self.keychain_panel.isVisibleTo(self) and not self.session_only.isChecked()
        self.sign_in_button.setEnabled(not self._waiting and not blocked)
        self.session_only.setEnabled(not self._waiting)
        self.client_id.setEnabled(not self._waiting)
        self.redirect_uri.setEnabled(not self._waiting)

    def _show_advanced(self, shown: bool) -> None:
        self.advanced.setVisible(shown)
        self.advanced_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _submit(self) -> None:
        if not self.sign_in_button.isEnabled():
            return
        session_only = self.keychain_panel.isVisibleTo(self) and self.session_only.isChecked()
        self.sign_in_requested.emit(session_only, self.client_id.text().strip(), self.redirect_uri.text().strip())

    def _copy_url(self) -> None:
        if self.url.text():
            QGuiApplication.clipboard().setText(self.url.text())

    def reject(self) -> None:
        if self._waiting:  # closing the window (Esc, ×, Close) while waiting cancels the sign-in
            self.cancel_requested.emit()
        super().reject()
