"""Who is signed in, as the store shows it: the one writer of `AppState.auth` and `auth_source`.

The account (restore, browser sign-in, sign-out) and the commands (awork refusing the token, or
answering with one that appeared) both report here, so the rule for each change is in one place.
"""

from __future__ import annotations

from .state import Auth, Store


class AuthState:
    def __init__(self, store: Store, tokens):
        self.store = store
        self.tokens = tokens

    def signed_in(self, source: str) -> None:
        self.store.update(auth=Auth.SIGNED_IN, auth_source=source, error=None)

    def signed_out(self, message: str | None = None) -> None:
        """`message`: why (awork refused the sign-in), shown to the user; None when they chose it."""
        self.store.update(auth=Auth.SIGNED_OUT, auth_source="", error=message)

    def answered(self) -> None:
        """awork accepted a request: signed in, if a token is held (e.g. one given since the start)."""
        if self.store.state.auth is not Auth.SIGNED_IN and self.tokens.present:
            self.store.update(auth=Auth.SIGNED_IN, auth_source=self.tokens.source)
