"""Restoring the sign-in from a keychain whose password prompt is up: the store says the tray
waits for the keychain (and stops saying it once answered), and giving up (quitting) returns at
once — the keychain's thread is never joined, so nothing waits for the prompt."""

from __future__ import annotations

import asyncio
import time

import keyring
import pytest

from tray_app.composition import build_core
from tray_app.config import Config
from tray_app.core.state import Auth

from helpers.fake_awork.asking_keyrings import HeldKeyring


@pytest.fixture
def held():
    backend = HeldKeyring()
    keyring.set_keyring(backend)
    yield backend
    backend.answered.set()  # lets the keychain's thread go


@pytest.fixture
def core(tmp_path):
    config = Config("http://127.0.0.1:9/api/v1", None, tmp_path, tmp_path / "cache", tmp_path / "logs")
    return build_core(config, use_cache=False)


def test_the_store_says_it_waits_for_the_keychain_until_the_prompt_is_answered(held, core):
    seen = []
    core.store.subscribe(lambda state: seen.append(state.keychain_waiting))

    async def main():
        restoring = asyncio.ensure_future(core.restore_sign_in())
        while not core.store.state.keychain_waiting:
            await asyncio.sleep(0.01)
        assert not restoring.done() and core.store.state.auth is Auth.UNKNOWN
        held.answered.set()  # the user unlocked it (nothing stored: signed out)
        await restoring
        await core.aclose()

    asyncio.run(asyncio.wait_for(main(), 30))
    assert core.store.state.keychain_waiting is False and core.store.state.auth is Auth.SIGNED_OUT
    assert True in seen


def test_quitting_does_not_wait_for_the_keychain(held, core):
    async def main():
        restoring = asyncio.ensure_future(core.restore_sign_in())
        while not held.asked.is_set():
            await asyncio.sleep(0.01)
        restoring.cancel()  # the user quits while the prompt is up
        await asyncio.gather(restoring, return_exceptions=True)
        await core.aclose()

    started = time.monotonic()
    asyncio.run(asyncio.wait_for(main(), 30))  # asyncio.run joins its executor's threads at the end
    assert time.monotonic() - started < 10
    assert not held.answered.is_set()  # the prompt is still up: nobody waited for it
