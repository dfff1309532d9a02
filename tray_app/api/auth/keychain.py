"""Secrets in the OS keychain (Secret Service, macOS Keychain, Windows Credential Locker).

Never a plaintext file: when no keychain exists we say so and the sign-in lives in memory only.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from typing import Any

from ...i18n import translate
from .keychain_thread import KeychainThread

log = logging.getLogger(__name__)

SERVICE = "awork-tray"
REFRESH_ACCOUNT = "oauth-refresh-token"  # the browser sign-in's refresh token (awork rotates it)
ACCOUNT = "api-token"  # a pasted API token (versions before browser sign-in); only ever removed now
ALL_ACCOUNTS = (REFRESH_ACCOUNT, ACCOUNT)


# The OS's own keychain, which keyring's search ends up with unless something else is installed
# into the app's environment (see keyring_backend).
NATIVE_BACKENDS = {"darwin": "keyring.backends.macOS.Keyring", "win32": "keyring.backends.Windows.WinVaultKeyring"}
FREEDESKTOP_BACKEND = "keyring.backends.SecretService.Keyring"


class KeychainUnavailable(Exception):
    """No usable keychain backend, or it refused access (locked, denied)."""


class NoKeychain(KeychainUnavailable):
    """There is no keychain at all (so nothing can have been stored in it either)."""


class KeychainLocked(KeychainUnavailable):
    """The keychain is there but locked (or has no keyring yet), and the prompt to unlock (or
    create) it was dismissed or could not be shown, e.g. with no display to show it on."""

    def __init__(self):
        super().__init__(translate(
            "Keychain", "The system keychain is locked (or not set up yet), and it was not unlocked: the password "
            "prompt was dismissed or could not be shown. Unlock it, for example in your desktop's Passwords and Keys "
            "app, and try again."))


def _refusal(exc: Exception, text: str) -> KeychainUnavailable:
    """keyring's error as ours: a locked keychain said as such, anything else with keyring's words."""
    from keyring.errors import InitError, KeyringLocked

    # InitError: the Secret Service could not open or create the default collection, which after a
    # backend was found means the prompt to create (unlock) it was dismissed or had no display.
    if isinstance(exc, (KeyringLocked, InitError)):
        return KeychainLocked()
    return KeychainUnavailable(text.format(exc))


class Keychain:
    def __init__(self, service: str = SERVICE):
        self.service = service
        self._thread = KeychainThread()

    async def run(self, call: Callable[..., Any], *args: Any) -> Any:
        """`call(*args)` (load, save, delete, check) on the keychain's own thread: it may wait for a
        password prompt, and nothing else (the loop, quitting) must wait with it."""
        return await self._thread.run(call, *args)

    def _backend(self):
        from keyring.backends import fail

        try:
            backend = keyring_backend()
        except Exception as exc:
            # PYTHON_KEYRING_BACKEND or keyringrc.cfg naming one that is not there, e.g. the Secret
            # Service with none on the bus: keyring raises (RuntimeError) rather than fall back.
            log.warning("the configured keychain backend could not start: %s", type(exc).__name__)
            backend = fail.Keyring()
        if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) < 1:
            # Priority < 1 is keyring's own mark for insecure or unusable backends
            # (keyrings.alt's plaintext file among them): refuse rather than leak.
            raise NoKeychain(translate(
                "Keychain", "No system keychain found, so awork tray cannot remember your sign-in. On Linux install "
                "and unlock a Secret Service such as gnome-keyring or KWallet (and log in again); macOS and Windows "
                "have one built in."))
        return backend

    def check(self) -> None:
        """Raise KeychainUnavailable unless a real keychain is there and open (blocks while a password
        prompt is up: a locked keychain is unlocked through its prompt, or raises KeychainLocked)."""
        # A read is what proves it: the Secret Service unlocks (or refuses) only when asked for a secret.
        self.load(REFRESH_ACCOUNT)

    def load(self, account: str = ACCOUNT) -> str | None:
        from keyring.errors import KeyringError

        try:
            return self._backend().get_password(self.service, account)
        except KeyringError as exc:
            raise _refusal(exc, translate("Keychain", "The keychain could not be read: {0}")) from exc

    def save(self, secret: str, account: str = ACCOUNT) -> None:
        from keyring.errors import KeyringError

        try:
            self._backend().set_password(self.service, account, secret)
        except KeyringError as exc:
            raise _refusal(exc, translate("Keychain", "The keychain did not store the token: {0}")) from exc

    def delete(self, account: str = ACCOUNT) -> None:
        from keyring.errors import KeyringError, PasswordDeleteError

        try:
            self._backend().delete_password(self.service, account)
        except PasswordDeleteError:
            pass  # nothing stored: already signed out
        except KeyringError as exc:
            raise _refusal(exc, translate("Keychain", "The keychain could not remove the token: {0}")) from exc


def keyring_backend(platform: str = sys.platform):
    """keyring's backend, chosen as keyring.get_keyring() does, but without its search of every
    installed package for backends (importlib.metadata over all of them: ~100 ms and ~1 MiB kept)
    where the answer is the OS's own keychain: the user's choice first (PYTHON_KEYRING_BACKEND,
    keyringrc.cfg, read by keyring's own functions), then the native backend if it can start,
    and only then keyring's search (e.g. KWallet without the Secret Service, or a plug-in)."""
    import keyring
    import keyring.core

    # A backend set before (keyring.set_keyring, or found by an earlier call) stays the one.
    if getattr(keyring.core, "_keyring_backend", True) is None:
        chosen = keyring.core.load_env() or keyring.core.load_config()
        if chosen is None and not _kde(platform):
            try:
                chosen = keyring.core.load_keyring(NATIVE_BACKENDS.get(platform, FREEDESKTOP_BACKEND))
            except Exception as exc:  # not installed, or cannot start (no Secret Service on the bus)
                log.info("the system keychain's backend is not there (%s); asking keyring", type(exc).__name__)
        if chosen is not None:
            keyring.set_keyring(chosen)
    return keyring.get_keyring()


def _kde(platform: str) -> bool:
    # keyring's search prefers KWallet's own interface in a KDE session (where it can use it): a
    # sign-in kept there before must still be found, so KDE keeps keyring's choice.
    return platform.startswith("linux") and "KDE" in os.environ.get("XDG_CURRENT_DESKTOP", "").split(":")
