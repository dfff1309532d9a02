"""Runs the browser sign-in for the tray: the window's intents in, the core's sign-in out.

Kept apart from TrayController so the controller stays a switchboard and this can be tested alone.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Awaitable, Callable

from PySide6.QtCore import QObject

from ...api.auth.keychain import KeychainUnavailable
from ...api.errors import ApiError
from .dialog import SignInDialog

log = logging.getLogger(__name__)


class SignInFlow(QObject):
    def __init__(self, core, spawn: Callable[[Awaitable], asyncio.Task], after: Callable[[], Awaitable] | None = None):
        super().__init__()
        self.core = core
        self._spawn = spawn
        self._after = after
        self.dialog = SignInDialog()
        self.dialog.sign_in_requested.connect(self._start)
        self.dialog.cancel_requested.connect(self.cancel)
        self._task: asyncio.Task | None = None

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def show(self, message: str | None = None) -> None:
        account = self.core.account
        client_id = redirect_uri = None
        if account is not None and account.browser is not None:
            try:
                client_id, redirect_uri = account.browser.client_settings()
            except OSError:
                pass
        self.dialog.open_with(message, keychain_problem=self.core.store.state.keychain_problem,
                              client_id=client_id, redirect_uri=redirect_uri)
        if account is not None and account.can_sign_in and not self.running:
            self._spawn(self._check_keychain())  # it may have been unlocked or installed meanwhile
        if account is None or not account.can_sign_in:
            self.dialog.sign_in_button.setEnabled(False)
            self.dialog.show_message("\n".join(m for m in (message, self.tr(
                "AWORK_API_TOKEN is set, so awork tray uses that token. Unset it to sign in with awork.")) if m))

    async def _check_keychain(self) -> None:
        problem = await self.core.account.keychain_problem()
        if not self.running:
            self.dialog.show_keychain_problem(problem)

    def cancel(self) -> None:
        if self.running:
            self._task.cancel()

    def close(self) -> None:
        self.cancel()
        self.dialog.close()

    def _start(self, session_only: bool, client_id: str, redirect_uri: str) -> None:
        if self.running:
            return
        dialog = self.dialog
        try:
            self.core.account.browser.save_client_settings(client_id, redirect_uri)
        except ValueError as exc:
            dialog.show_message(str(exc))
            return
        except OSError as exc:
            log.warning("could not save the sign-in settings: %s", exc)
        dialog.set_waiting(True)
        self._task = self._spawn(self._attempt(session_only))

    async def _attempt(self, session_only: bool) -> None:
        dialog = self.dialog
        try:
            # The browser's page speaks the app's language (BrowserSignIn asks tray_app.i18n).
            await self.core.sign_in(session_only=session_only, on_url=dialog.show_url,
                                    on_browser_failed=dialog.browser_failed)
        except KeychainUnavailable as exc:
            dialog.set_waiting(False)
            dialog.show_keychain_problem(str(exc))
            return
        except ApiError as exc:
            dialog.set_waiting(False)
            dialog.show_message(exc.user_message)
            return
        except asyncio.CancelledError:
            dialog.set_waiting(False)
            dialog.show_message(self.tr("Sign-in cancelled."))
            raise
        dialog.succeeded()
        if self._after is not None:
            await self._after()

