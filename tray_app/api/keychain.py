"""The API token in the OS keychain (Secret Service, macOS Keychain, Windows Credential Locker).

Never a plaintext file: when no keychain exists we say so and the token lives in memory only.
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)

SERVICE = "awork-tray"
ACCOUNT = "api-token"


class KeychainUnavailable(Exception):
    """No usable keychain backend, or it refused access (locked, denied)."""


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
            raise KeychainUnavailable(
                "No system keychain found. On Linux install and unlock a Secret Service "
                "(gnome-keyring or KWallet); the token is kept for this session only."
            )
        return backend

    def load(self, account: str = ACCOUNT) -> str | None:
        from keyring.errors import KeyringError

        try:
            return self._backend().get_password(self.service, account)
        except KeyringError as exc:
            raise KeychainUnavailable(f"The keychain could not be read: {exc}") from exc

    def save(self, secret: str, account: str = ACCOUNT) -> None:
        from keyring.errors import KeyringError

        try:
            self._backend().set_password(self.service, account, secret)
        except KeyringError as exc:
            raise KeychainUnavailable(f"The keychain did not store the token: {exc}") from exc

    def delete(self, account: str = ACCOUNT) -> None:
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            self._backend().delete_password(self.service, account)
        except PasswordDeleteError:
            pass  # nothing stored: already signed out
        except KeyringError as exc:
            raise KeychainUnavailable(f"The keychain could not remove the token: {exc}") from exc
