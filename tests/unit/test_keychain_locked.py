"""A locked keychain is not a working one: `check()` says so, and every call says it is locked
(rather than passing keyring's words on), so the sign-in window can explain it."""

from __future__ import annotations

import keyring
import pytest

from tray_app.api.auth.keychain import REFRESH_ACCOUNT, Keychain, KeychainLocked, NoKeychain

from helpers.fake_awork.asking_keyrings import LockedKeyring


@pytest.fixture
def locked_keyring():
    keyring.set_keyring(LockedKeyring())


def test_check_does_not_report_a_locked_keychain_as_fine(locked_keyring):
    with pytest.raises(KeychainLocked):
        Keychain().check()


@pytest.mark.parametrize("call", [lambda k: k.load(REFRESH_ACCOUNT), lambda k: k.save("secret", REFRESH_ACCOUNT),
                                  lambda k: k.delete(REFRESH_ACCOUNT)], ids=["load", "save", "delete"])
def test_every_call_to_a_locked_keychain_says_it_is_locked(locked_keyring, call):
    with pytest.raises(KeychainLocked) as raised:
        call(Keychain())
    assert str(raised.value)  # a sentence for the user, not keyring's exception text
    assert "Failed to unlock" not in str(raised.value)


def test_check_passes_with_an_open_keychain(memory_keyring):
    Keychain().check()


def test_a_configured_backend_that_cannot_start_is_no_keychain_not_a_traceback(monkeypatch):
    # PYTHON_KEYRING_BACKEND (or keyringrc.cfg) naming the Secret Service with none on the bus:
    # keyring raises RuntimeError from get_keyring() itself.
    def cannot_start():
        raise RuntimeError("The Secret Service daemon is neither running nor activatable through D-Bus")

    monkeypatch.setattr(keyring, "get_keyring", cannot_start)
    with pytest.raises(NoKeychain):
        Keychain().check()
