"""Fixtures shared by all test tiers."""

from __future__ import annotations

import os

import pytest

# Messages in English whatever the developer's locale: the tests read them. The language tests
# (tests/unit/test_i18n.py, tests/ui/test_language.py) switch to German on purpose.
for _name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"

from tray_app.demo.workspace import demo_workspace  # noqa: E402

from helpers.fake_awork import FakeAworkServer  # noqa: E402


@pytest.fixture
def fake_awork():
    """A started strict fake awork on 127.0.0.1 with the demo workspace; token "test-token"."""
    with FakeAworkServer(demo_workspace(), token="test-token") as server:
        yield server


@pytest.fixture(autouse=True)
def _no_real_keychain():
    """No test may read or write the developer's real keychain: by default there is none at all
    (keyring's fail backend); tests that need one take `memory_keyring`."""
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())  # (never asking keyring which one it would pick)
    yield
    keyring.set_keyring(fail.Keyring())


@pytest.fixture
def memory_keyring():
    """An in-memory keychain for this test (see helpers/fake_awork/keyrings.py)."""
    import keyring

    from helpers.fake_awork.keyrings import MemoryKeyring

    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    return backend
