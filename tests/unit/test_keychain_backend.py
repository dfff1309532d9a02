"""The keychain's backend: the user's choice, else the OS's own keychain without keyring's search of
every installed package, else keyring's search."""

from __future__ import annotations

import keyring
import keyring.backend
import keyring.core
import pytest

from tray_app.api.auth import keychain
from tray_app.api.auth.keychain import keyring_backend

from helpers.fake_awork.keyrings import FileKeyring, MemoryKeyring


@pytest.fixture
def fresh_keyring(monkeypatch, tmp_path):
    """No backend chosen yet, no PYTHON_KEYRING_BACKEND, no keyringrc.cfg; "testos" has MemoryKeyring
    as its own keychain, and keyring's search finds a FileKeyring."""
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)  # restored afterwards
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))  # where keyring looks for keyringrc.cfg
    monkeypatch.setitem(keychain.NATIVE_BACKENDS, "testos", "helpers.fake_awork.keyrings.MemoryKeyring")
    searched = []

    def search():
        searched.append(True)
        return [FileKeyring()]

    monkeypatch.setattr(keyring.backend, "get_all_keyring", search)
    return searched


def test_the_os_keychain_without_searching_every_package(fresh_keyring):
    assert isinstance(keyring_backend("testos"), MemoryKeyring)
    assert fresh_keyring == []
    assert isinstance(keyring_backend("testos"), MemoryKeyring)  # the same one from then on


def test_the_users_choice_comes_first(fresh_keyring, monkeypatch):
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "helpers.fake_awork.keyrings.FileKeyring")
    assert isinstance(keyring_backend("testos"), FileKeyring)
    assert fresh_keyring == []


def test_keyringrc_is_read_too(fresh_keyring, tmp_path):
    (tmp_path / "python_keyring").mkdir()
    (tmp_path / "python_keyring" / "keyringrc.cfg").write_text(
        "[backend]\ndefault-keyring=helpers.fake_awork.keyrings.FileKeyring\n", encoding="utf-8")
    assert isinstance(keyring_backend("testos"), FileKeyring)


def test_keyrings_search_when_the_os_keychain_cannot_start(fresh_keyring, monkeypatch):
    monkeypatch.setitem(keychain.NATIVE_BACKENDS, "testos", "no_such_module.Keyring")
    assert isinstance(keyring_backend("testos"), FileKeyring)
    assert fresh_keyring == [True]


def test_a_backend_set_before_stays(fresh_keyring):
    mine = MemoryKeyring()
    keyring.set_keyring(mine)
    assert keyring_backend("testos") is mine


def test_a_kde_session_keeps_keyrings_own_choice(fresh_keyring, monkeypatch):
    # keyring's search prefers KWallet's interface there: a sign-in kept in it must still be found.
    monkeypatch.setitem(keychain.NATIVE_BACKENDS, "linux", "helpers.fake_awork.keyrings.MemoryKeyring")
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "KDE")
    assert isinstance(keyring_backend("linux"), FileKeyring)
    assert fresh_keyring == [True]


def test_other_linux_desktops_use_the_secret_service_directly(fresh_keyring, monkeypatch):
    monkeypatch.setitem(keychain.NATIVE_BACKENDS, "linux", "helpers.fake_awork.keyrings.MemoryKeyring")
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "ubuntu:GNOME")
    assert isinstance(keyring_backend("linux"), MemoryKeyring)
    assert fresh_keyring == []
