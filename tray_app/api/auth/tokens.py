"""Where the bearer token comes from.

The client only knows the `TokenProvider` protocol, so OAuth (with refresh) slots in beside
these without the client changing.
"""

from __future__ import annotations

from typing import Protocol

from ...logs import REDACTOR


class TokenProvider(Protocol):
    async def token(self) -> str | None:
        """The current access token, or None when signed out."""

    async def unauthorized(self, rejected: str) -> bool:
        """awork answered 401 to `rejected`. Return True if a retry with a new token is worth it."""

    @property
    def source(self) -> str:
        """How the user is signed in, for `whoami` and the settings ("environment", "keychain", …)."""


class TokenHolder:
    """A token held in memory: from AWORK_API_TOKEN, the keychain, the demo, or pasted for this run.

    Mutable so that signing in and out swaps the token without rebuilding the client.
    """

    def __init__(self, value: str | None = None, source: str = ""):
        REDACTOR.add_secret(value)  # never in the log, nor printed when a server echoes it
        self._value = value
        self._source = source if value else ""

    async def token(self) -> str | None:
        return self._value

    async def unauthorized(self, rejected: str) -> bool:
        return False

    @property
    def source(self) -> str:
        return self._source

    @property
    def present(self) -> bool:
        return bool(self._value)

    def set(self, value: str | None, source: str) -> None:
        REDACTOR.add_secret(value)
        self._value = value or None
        self._source = source if value else ""

    def __repr__(self) -> str:  # never show the secret, e.g. in a traceback's locals
        return f"TokenHolder(source={self._source!r}, present={self.present})"
