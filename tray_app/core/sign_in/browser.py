"""Signing in with awork in the browser: register once, listen on the loopback, open the
browser, wait (cancellable, with a time limit), exchange the code for tokens.

The client id is not a secret (a public client has none); it lives in the settings file, where
an admin-made one can be entered instead.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Callable

from ...api.auth.loopback import LoopbackListener, check_loopback_uri
from ...api.auth.oauth import OAuth, Pkce, SignInError, TokenSet, default_redirect_uris, new_state
from ...i18n import current, pick_language, translate
from ..settings import SettingsFile

log = logging.getLogger(__name__)

SIGN_IN_TIMEOUT = 300.0  # a forgotten attempt ends after five minutes


class SignInTimedOut(SignInError):
    """Nobody came back from the browser in time."""


class BrowserSignIn:
    def __init__(
        self,
        oauth: OAuth,
        settings: SettingsFile,
        *,
        open_browser: Callable[[str], asyncio.Future[bool]] | None = None,
        timeout: float = SIGN_IN_TIMEOUT,
    ):
        self.oauth = oauth
        self.settings = settings
        self.open_browser = open_browser or _open_in_browser
        self.timeout = timeout

    # -- the client id and redirect URI (settings) ---------------------------------------------

    def client_settings(self) -> tuple[str | None, str | None]:
        s = self.settings.load()
        return s.oauth_client_id, s.oauth_redirect_uri

    def save_client_settings(self, client_id: str | None, redirect_uri: str | None) -> None:
        """Store an admin-made client id / redirect URI ('' or None: register and use the defaults).

        Raises ValueError (with a message for the user) for a redirect URI we cannot listen on."""
        client_id = (client_id or "").strip() or None
        redirect_uri = (redirect_uri or "").strip() or None
        if redirect_uri:
            check_loopback_uri(redirect_uri)
        current = self.settings.load()  # re-read: other windows may have saved other settings
        if (current.oauth_client_id, current.oauth_redirect_uri) != (client_id, redirect_uri):
            self.settings.save(current.replace(oauth_client_id=client_id, oauth_redirect_uri=redirect_uri))

    # -- the flow ------------------------------------------------------------------------------

    async def run(
        self,
        *,
        on_url: Callable[[str], None] | None = None,
        on_browser_failed: Callable[[], None] | None = None,
        language: str | None = None,
    ) -> tuple[TokenSet, str]:
        """Returns the tokens and the client id they belong to. Cancel the task to cancel."""
        client_id, custom_uri = self.client_settings()
        uris = [custom_uri] if custom_uri else default_redirect_uris()
        try:
            for uri in uris:
                check_loopback_uri(uri)
        except ValueError as exc:
            raise SignInError(str(exc)) from exc
        if not client_id:
            client_id = await self.oauth.register(uris)  # all fallbacks in one registration
            self._remember_client_id(client_id)
        pkce, state = Pkce.new(), new_state()
        # The browser's page speaks the app's language unless the caller names another.
        listener = await LoopbackListener.open(uris, state, pick_language(language) if language else current())
        try:
            url = self.oauth.authorize_url(client_id, listener.redirect_uri, state, pkce.challenge)
            if on_url is not None:
                on_url(url)
            opening = self.open_browser(url)
            if on_browser_failed is not None:
                opening.add_done_callback(
                    lambda f: None if f.cancelled() or f.result() else on_browser_failed()
                )
            try:
                code = await asyncio.wait_for(listener.wait(), self.timeout)
            except TimeoutError:
                minutes = max(round(self.timeout / 60), 1)
                if minutes == 1:
                    text = translate("SignIn", "No answer from the browser within a minute, so the sign-in was "
                                               "stopped. Start again when you are ready.")
                else:
                    text = translate("SignIn", "No answer from the browser within {0} minutes, so the sign-in was "
                                               "stopped. Start again when you are ready.").format(minutes)
                raise SignInTimedOut(text) from None
        finally:
            await listener.close()
        # The same redirect_uri string as in the authorize URL: awork compares them exactly.
        tokens = await self.oauth.exchange_code(client_id, code, listener.redirect_uri, pkce.verifier)
        return tokens, client_id

    def _remember_client_id(self, client_id: str) -> None:
        try:
            current = self.settings.load()
            self.settings.save(current.replace(oauth_client_id=client_id))
        except OSError as exc:  # still usable for this run; the next sign-in registers again
            log.warning("could not save the client id: %s", exc)


def _open_in_browser(url: str) -> asyncio.Future[bool]:
    # webbrowser (and its search of the desktop's browsers) is imported for a sign-in only.
    from ...platform.browser import open_in_browser

    return open_in_browser(url)
