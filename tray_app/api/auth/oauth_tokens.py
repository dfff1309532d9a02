"""The token provider of a browser sign-in: access token in memory, refresh token in the keychain.

awork rotates refresh tokens (each refresh invalidates the one used) and lets them lapse after
30 days unused, so the rules here are strict: one refresh at a time (everyone else waits for
it), the new refresh token is stored before the new access token is used, and a refused
refresh signs out for good — no retry loop against the token endpoint.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Callable

from ...logs import REDACTOR
from ..errors import ApiError
from .keychain import REFRESH_ACCOUNT, Keychain, KeychainUnavailable
from .oauth import OAuth, SignInRejected, TokenSet

log = logging.getLogger(__name__)

MARGIN = 120.0  # refresh this many seconds before the access token expires (awork's CLI does 2 min)


class OAuthTokens:
    def __init__(self, oauth: OAuth, keychain: Keychain | None, *, clock: Callable[[], float] = time.time,
                 margin: float = MARGIN):
        self._oauth = oauth
        self._keychain = keychain
        self._clock = clock
        self._margin = margin
        self._client_id: str | None = None
        self._access: str | None = None
        self._expires_at = 0.0
        self._refresh_at = 0.0  # when to refresh: a margin before the access token expires
        self._refresh: str | None = None
        self._persist = False  # True: the refresh token lives in the keychain, else in memory only
        self._inflight: asyncio.Future | None = None
        self._generation = 0  # bumped whenever the tokens change: waiters see someone refreshed
        self.keychain_problem: str | None = None
        # Called with a message when awork refuses the refresh token (the core signs out).
        self.on_rejected: Callable[[str], None] | None = None

    # -- TokenProvider -------------------------------------------------------------------------

    @property
    def present(self) -> bool:
        return bool(self._access or self._refresh)

    @property
    def source(self) -> str:
        if not self.present:
            return ""
        return "keychain" if self._persist else "session"

    @property
    def client_id(self) -> str | None:
        return self._client_id

    async def token(self) -> str | None:
        if not self.present:
            return None
        if self._access and self._clock() < self._refresh_at:
            return self._access
        try:
            await self._refresh_after(self._generation)
        except SignInRejected:
            raise
        except ApiError as exc:
            if self._access and self._clock() < self._expires_at:
                log.info("refresh failed (%s); the access token still works for now", type(exc).__name__)
                return self._access  # awork unreachable for a moment: the old token is still good
            raise
        return self._access

    async def unauthorized(self, rejected: str) -> bool:
        """awork said 401 to `rejected`: refresh once (unless someone already has)."""
        if self._refresh is None:
            return False
        if rejected != self._access:
            return self._access is not None  # refreshed while that request was on the wire
        await self._refresh_after(self._generation)
        return self._access is not None and self._access != rejected

    # -- signing in and out --------------------------------------------------------------------

    async def signed_in(self, tokens: TokenSet, client_id: str, *, persist: bool) -> str:
        """Adopt the tokens of a fresh sign-in; returns where the refresh token went."""
        self._generation += 1  # a refresh still in flight belongs to the old session
        self._client_id = client_id
        self._persist = persist and self._keychain is not None
        self._refresh = None
        await self._adopt(tokens)
        return self.source

    def restore(self, refresh_token: str, client_id: str) -> None:
        """A refresh token from the keychain: the next token() call refreshes with it."""
        REDACTOR.add_secret(refresh_token)
        self._client_id, self._refresh, self._persist = client_id, refresh_token, True
        self._access, self._expires_at, self._refresh_at = None, 0.0, 0.0
        self._generation += 1

    def forget(self) -> None:
        self._access = self._refresh = None
        self._expires_at = self._refresh_at = 0.0
        self._persist = False
        self._generation += 1

    async def revoke(self) -> None:
        """Withdraw this app's authorization at awork (needs a valid access token)."""
        if not self.present or not self._client_id:
            return
        access = await self.token()
        if access:
            await self._oauth.revoke(self._client_id, access)

    # -- refreshing ----------------------------------------------------------------------------

    async def _refresh_after(self, seen: int) -> None:
        # One refresh in flight at a time; everyone who needs a token meanwhile awaits that one.
        # (A task rather than a lock held across the request: shielded, it finishes and stores
        # the rotated token even if the request that needed it is cancelled, and nobody can
        # start a second refresh with the token it is spending.)
        if self._inflight is None or self._inflight.done():
            if self._generation != seen or self._refresh is None:
                return  # someone refreshed (or signed out) since the caller looked
            self._inflight = asyncio.ensure_future(self._refresh_now())
            # Read its outcome even when every waiter was cancelled (no "never retrieved" noise).
            self._inflight.add_done_callback(lambda task: task.cancelled() or task.exception())
        await asyncio.shield(self._inflight)

    async def _refresh_now(self) -> None:
        assert self._client_id and self._refresh
        started = self._generation
        used = await self._newest_refresh_token()
        try:
            tokens = await self._oauth.refresh(self._client_id, used)
        except SignInRejected as exc:
            # Another awork-tray process (the command line beside the tray) may have rotated it
            # a moment ago: its successor is in the keychain. Try that one, once.
            await asyncio.sleep(0.3)
            newer = await self._newest_refresh_token()
            if newer == used:
                if self._generation == started:
                    await self._rejected(exc)
                raise
            try:
                tokens = await self._oauth.refresh(self._client_id, newer)
            except SignInRejected as again:
                if self._generation == started:
                    await self._rejected(again)
                raise
        if self._generation != started:
            return  # signed out or in anew meanwhile: these tokens belong to the old session
        log.info("access token refreshed")
        await self._adopt(tokens)

    async def _newest_refresh_token(self) -> str:
        current = self._refresh or ""
        if not self._persist or self._keychain is None:
            return current
        generation = self._generation
        try:
            stored = await self._keychain.run(self._keychain.load, REFRESH_ACCOUNT)
        except KeychainUnavailable:
            return current
        if stored and stored != current and generation == self._generation:
            REDACTOR.add_secret(stored)
            log.info("using the refresh token another awork-tray process stored")
            self._refresh = stored
            return stored
        return current

    async def _adopt(self, tokens: TokenSet) -> None:
        new_refresh = tokens.refresh_token or self._refresh
        if self._persist and new_refresh and new_refresh != self._refresh:
            try:  # first into the keychain, then into use: a crash in between keeps a valid token stored
                await self._keychain.run(self._keychain.save, new_refresh, REFRESH_ACCOUNT)
            except KeychainUnavailable as exc:
                log.warning("keeping the sign-in in memory only: %s", exc)
                self.keychain_problem = str(exc)
                self._persist = False
        self._refresh = new_refresh
        # The margin, but never more than half the lifetime: a short-lived token must not make
        # every request refresh.
        lifetime = max(tokens.expires_at - self._clock(), 0.0)
        self._access, self._expires_at = tokens.access_token, tokens.expires_at
        self._refresh_at = tokens.expires_at - min(self._margin, lifetime / 2)
        self._generation += 1

    async def _rejected(self, exc: SignInRejected) -> None:
        persisted = self._persist
        self.forget()
        if persisted and self._keychain is not None:
            try:  # it is useless now; leaving it would only fail again at the next start
                await self._keychain.run(self._keychain.delete, REFRESH_ACCOUNT)
            except KeychainUnavailable as problem:
                log.warning("could not remove the refused refresh token: %s", problem)
        if self.on_rejected is not None:
            self.on_rejected(exc.user_message)

    def __repr__(self) -> str:  # never the secrets
        return f"OAuthTokens(source={self.source!r}, client_id={self._client_id!r})"
