"""Secrets in the OS keychain (Secret Service, macOS Keychain, Windows Credential Locker).

Never a plaintext file: when no keychain exists we say so and the sign-in lives in memory only.
"""

from __future__ import annotations

import logging

from ...i18n import translate

log = logging.getLogger(__name__)

SERVICE = "awork-tray"
REFRESH_ACCOUNT = "oauth-refresh-token"  # the browser sign-in's refresh token (awork rotates it)
ACCOUNT = "api-token"  # a pasted API token (versions before browser sign-in); only ever removed now
ALL_ACCOUNTS = (REFRESH_ACCOUNT, ACCOUNT)



class KeychainUnavailable(Exception):
    """No usable keychain backend, or it refused access (locked, denied)."""


class NoKeychain(KeychainUnavailable):
    """There is no keychain at all (so nothing can have been stored in it either)."""


class Keychain:
    def __init__(self, service: str = SERVICE):
        self.service = service

    def _backend(self):
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) < 1:
            # Priority < 1 is keyring's own mark for insecure or unusable backends
            # (keyrings.alt's plaintext file among them): refuse rather than leak.
            raise NoKeychain(translate(
                "Keychain", "No system keychain found, so awork tray cannot remember your sign-in. On Linux install "
                "and unlock a Secret Service such as gnome-keyring or KWallet (and log in again); macOS and Windows "
                "have one built in."))
        return backend

    def check(self) -> None:
        """Raise KeychainUnavailable unless a real keychain is there (may block on D-Bus)."""
        self._backend()

    def load(self, account: str = ACCOUNT) -> str | None:
        from keyring.errors import KeyringError

        try:
            return self._backend().get_password(self.service, account)
        except KeyringError as exc:
            raise KeychainUnavailable(translate("Keychain", "The keychain could not be read: {0}").format(exc)) from exc

    def save(self, secret: str, account: str = ACCOUNT) -> None:
        from keyring.errors import KeyringError

        try:
            self._backend().set_password(self.service, account, secret)
        except KeyringError as exc:
            raise KeychainUnavailable(translate("Keychain", "The keychain did not store the token: {0}").format(exc)) from exc

    def delete(self, account: str = ACCOUNT) -> None:
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            self._backend().delete_password(self.service, account)
        except PasswordDeleteError:
            pass  # nothing stored: already signed out
        except KeyringError as exc:
            raise KeychainUnavailable(translate("Keychain", "The keychain could not remove the token: {0}").format(
                exc)) from exc
