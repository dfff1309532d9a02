"""The app's core as build_core composes it, against the fake awork over a real socket and
qasync (the `core` fixture: import it into a test module by name)."""

from __future__ import annotations

import pytest

from tray_app.composition import build_core
from tray_app.config import Config


@pytest.fixture
def core(qloop, fake_awork, tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")
    config = Config(fake_awork.url, "test-token", tmp_path, tmp_path / "cache", tmp_path / "logs")
    core = build_core(config)
    qloop.run_until_complete(core.restore_sign_in())
    yield core
    qloop.run_until_complete(core.aclose())
