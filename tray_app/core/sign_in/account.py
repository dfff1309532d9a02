"""Who is signed in, and how: restore at start, sign in with the browser, sign out.

Three ways to hold a token: AWORK_API_TOKEN (an override for API keys and automation), the demo,
and the browser sign-in (OAuth), whose refresh token is kept in the keychain — or, when there is
none and the user agreed, in memory for this run only.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Callable

from ...api.auth.keychain import ACCOUNT, ALL_ACCOUNTS, REFRESH_ACCOUNT, Keychain, KeychainUnavailable, NoKeychain
from ...api.auth.oauth import SignInError, SignInRejected
from ...api.auth.oauth_tokens import OAuthTokens
from ...api.auth.tokens import TokenHolder
from ...api.errors import ApiError
from ...domain.entities import User
from ...i18n import translate
from ..auth_state import AuthState
from ..state import Store
from .browser import BrowserSignIn

log = logging.getLogger(__name__)

# How long a keychain call may take before the tray says it waits for the keychain: longer than a
# plain read, shorter than anyone notices. A password prompt is up by then.
KEYCHAIN_GRACE = 0.5


def describe_source(source: str) -> str:
    """How the user is signed in, to follow "signed in with"."""
    if source == "keychain":
        return translate("Account", "awork in the browser; the sign-in is kept in the system keychain")
    if source == "session":
        return translate("Account", "awork in the browser; the sign-in is kept in memory until awork tray quits")
    if source == "AWORK_API_TOKEN":
        return translate("Account", "the AWORK_API_TOKEN environment variable")
    if source == "demo":
        return translate("Account", "the built-in demo workspace")
    return source or translate("Account", "nothing (signed out)")


class Account:
    def __init__(self, store: Store, auth: AuthState, client, tokens: TokenHolder | OAuthTokens,
                 keychain: Keychain | None, browser: BrowserSignIn | None, *, keychain_grace: float = KEYCHAIN_GRACE):
        self.store = store
        self.keychain_grace = keychain_grace
        self.auth = auth  # the one writer of who is signed in
        self.client = client
        self.tokens = tokens
        self.keychain = keychain
        self.browser = browser
        if isinstance(tokens, OAuthTokens):
            # A refused refresh (expired, revoked) may surface in any request: sign out at once.
            tokens.on_rejected = lambda message: self._signed_out(message)

    @property
    def can_sign_in(self) -> bool:
        """False with AWORK_API_TOKEN or the demo: then there is nothing to sign in to."""
        return self.browser is not None and isinstance(self.tokens, OAuthTokens)

    async def restore(self) -> None:
        """Environment first, then the keychain's refresh token (refreshed now, which proves it)."""
        if self.tokens.present:
            self.auth.signed_in(self.tokens.source)
            return
        if not self.can_sign_in or self.keychain is None:
            self.auth.signed_out()
            return
        try:
            refresh = await self._keychain(self.keychain.load, REFRESH_ACCOUNT)
        except KeychainUnavailable as exc:
            log.warning("keychain unavailable: %s", exc)
            self.store.update(keychain_problem=str(exc))
            refresh = None
        client_id, _ = self.browser.client_settings()
        if not (refresh and client_id):
            self.auth.signed_out()
            return
        self.tokens.restore(refresh, client_id)
        try:
            await self.tokens.token()
        except SignInRejected:
            return  # on_rejected has signed out, with the reason
        except ApiError as exc:  # offline or awork failing: keep the sign-in, the next request retries
            log.warning("could not refresh the sign-in at start: %s", exc.user_message)
        self.auth.signed_in(self.tokens.source)

    async def keychain_problem(self) -> str | None:
        """Why the sign-in could not be remembered (no keychain), or None when it can."""
        if self.keychain is None:
            return None
        try:
            await self._keychain(self.keychain.check)
        except KeychainUnavailable as exc:
            self.store.update(keychain_problem=str(exc))
            return str(exc)
        self.store.update(keychain_problem=None)  # e.g. unlocked or installed since the start
        return None

    async def sign_in(
        self,
        *,
        session_only: bool = False,
        on_url: Callable[[str], None] | None = None,
        on_browser_failed: Callable[[], None] | None = None,
        language: str | None = None,
    ) -> User:
        """The browser sign-in. Without a keychain it raises KeychainUnavailable before opening the
        browser, unless the user chose `session_only` (kept in memory for this run)."""
        if not self.can_sign_in:
            raise SignInError(translate("Account", "AWORK_API_TOKEN is set; it is used instead of signing in. "
                                                   "Unset it to sign in."))
        if not session_only:
            problem = await self.keychain_problem()
            if problem:
                raise KeychainUnavailable(problem)
        tokens, client_id = await self.browser.run(on_url=on_url, on_browser_failed=on_browser_failed,
                                                   language=language)
        where = await self.tokens.signed_in(tokens, client_id, persist=not session_only)
        if self.tokens.keychain_problem:
            self.store.update(keychain_problem=self.tokens.keychain_problem)
        self.auth.signed_in(where)
        user = await self.client.me()
        self.store.update(user=user)
        if where == "keychain":
            await self._delete(ACCOUNT)  # a pasted API token from before browser sign-in: unused now
        log.info("signed in with the browser; sign-in kept in the %s", where)
        return user

    async def sign_out(self) -> str | None:
        """Revoke the app's authorization at awork, then forget every stored secret.

        Returns a problem to show, if awork or the keychain could not do their part."""
        problems = []
        if isinstance(self.tokens, OAuthTokens):
            try:
                await self.tokens.revoke()
            except SignInRejected:
                pass  # awork had already withdrawn the sign-in: nothing left to revoke
            except ApiError as exc:
                log.warning("could not revoke the sign-in: %s", exc.user_message)
                problems.append(translate("Account", "Signed out here, but awork could not be told to revoke the "
                                                     "sign-in: {0}").format(exc.user_message))
            self.tokens.forget()
        else:
            self.tokens.set(None, "")
        if self.keychain is not None:
            for account in ALL_ACCOUNTS:
                problem = await self._delete(account)
                if problem and problem not in problems:
                    problems.append(problem)
        self._signed_out(None)
        return "\n".join(problems) or None

    async def _keychain(self, call, *args):
        """A keychain call on the keychain's thread. One that takes longer than the grace is waiting
        for a password prompt: the store says so (popover, tooltip, `status`) until it is answered.
        Nothing else waits for it; cancelling this (quitting) leaves the call behind."""
        call_done = asyncio.ensure_future(self.keychain.run(call, *args))
        try:
            done, _ = await asyncio.wait({call_done}, timeout=self.keychain_grace)
            if done:
                return call_done.result()
            log.info("waiting for the keychain (a password prompt may be up)")
            self.store.update(keychain_waiting=True)
            try:
                return await call_done
            finally:
                self.store.update(keychain_waiting=False)
        finally:
            call_done.cancel()  # only when this was cancelled: the call's thread is not joined

    def _signed_out(self, message: str | None) -> None:
        self.auth.signed_out(message)
        self.store.update(user=None)

    async def _delete(self, account: str) -> str | None:
        try:
            await self._keychain(self.keychain.delete, account)
        except NoKeychain:
            return None  # nothing can have been stored
        except KeychainUnavailable as exc:
            log.warning("could not remove %s from the keychain: %s", account, exc)
            return str(exc)
        return None
