"""Test keychains that ask: one locked for good, one whose password prompt stays up until the test
answers it — the Secret Service's behaviour, without one (tests/e2e has the real gnome-keyring).

`PromptKeyring` runs in the app as a subprocess: select it with
PYTHON_KEYRING_BACKEND=fake_awork.asking_keyrings.PromptKeyring, PYTHONPATH=tests and
AWORK_TEST_KEYRING=<a JSON file>. While `<that file>.locked` exists every call "shows a prompt":
it writes `<that file>.prompting` and blocks until the lock file is gone (the user unlocked).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked

from .keyrings import FileKeyring, MemoryKeyring


class LockedKeyring(KeyringBackend):
    """Locked, and its prompt dismissed (or no display to show it on): every call is refused."""

    priority = 1

    def get_password(self, service, username):
        raise KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service, username, password):
        raise KeyringLocked("Failed to unlock the collection!")

    def delete_password(self, service, username):
        raise KeyringLocked("Failed to unlock the collection!")


class HeldKeyring(MemoryKeyring):
    """In this process: every call waits (a prompt is up) until the test sets `answered`."""

    def __init__(self):
        super().__init__()
        self.asked = threading.Event()
        self.answered = threading.Event()

    def _prompt(self) -> None:
        self.asked.set()
        self.answered.wait()

    def get_password(self, service, username):
        self._prompt()
        return super().get_password(service, username)

    def set_password(self, service, username, password):
        self._prompt()
        super().set_password(service, username, password)


class PromptKeyring(FileKeyring):
    @property
    def lock_file(self) -> Path:
        return self.path.with_name(self.path.name + ".locked")

    def _prompt(self) -> None:
        if not self.lock_file.exists():
            return
        self.path.with_name(self.path.name + ".prompting").touch()
        while self.lock_file.exists():  # the prompt is up: a blocking D-Bus call, as the real one
            time.sleep(0.05)

    def get_password(self, service, username):
        self._prompt()
        return super().get_password(service, username)

    def set_password(self, service, username, password):
        self._prompt()
        super().set_password(service, username, password)

    def delete_password(self, service, username):
        self._prompt()
        super().delete_password(service, username)


def lock(keyring_file: Path) -> None:
    keyring_file.with_name(keyring_file.name + ".locked").touch()


def unlock(keyring_file: Path) -> None:
    keyring_file.with_name(keyring_file.name + ".locked").unlink()


def prompting(keyring_file: Path) -> bool:
    return keyring_file.with_name(keyring_file.name + ".prompting").exists()
