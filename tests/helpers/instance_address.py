"""The instance socket's address for a test: a private runtime folder of the test's own, as
XDG_RUNTIME_DIR is at a desktop login (tests/integration/conftest.py offers it as `address`)."""

from __future__ import annotations

import pytest

from tray_app.platform.instance_client import InstanceAddress


@pytest.fixture
def address(tmp_path, monkeypatch):
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    return InstanceAddress.for_config(tmp_path / "config")
