"""Keyring backends for tests, so no test ever touches the developer's real keychain.

`MemoryKeyring` for tests in this process; `FileKeyring` for the app run as a subprocess (select
it with PYTHON_KEYRING_BACKEND=fake_awork.keyrings.FileKeyring, PYTHONPATH=tests and
AWORK_TEST_KEYRING=<a JSON file in the test's tmp_path>), so several commands share one keychain.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    priority = 1  # a "real" keychain for the app (it refuses priority < 1)

    def __init__(self):
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}
        self.writes: list[tuple[str, str]] = []  # (account, value), in order

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password
        self.writes.append((username, password))

    def delete_password(self, service, username):
        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


class FileKeyring(KeyringBackend):
    priority = 1

    @property
    def path(self) -> Path:
        return Path(os.environ["AWORK_TEST_KEYRING"])

    def _load(self) -> dict:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}

    def _save(self, data: dict) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, self.path)

    def get_password(self, service, username):
        return self._load().get(f"{service}/{username}")

    def set_password(self, service, username, password):
        data = self._load()
        data[f"{service}/{username}"] = password
        self._save(data)

    def delete_password(self, service, username):
        data = self._load()
        if data.pop(f"{service}/{username}", None) is None:
            raise PasswordDeleteError("not found")
        self._save(data)
