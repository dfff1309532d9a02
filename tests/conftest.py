"""Fixtures shared by all test tiers."""

from __future__ import annotations

import pytest

from fake_awork import FakeAworkServer
from tray_app.demo.workspace import demo_workspace


@pytest.fixture
def fake_awork():
    """A started strict fake awork on 127.0.0.1 with the demo workspace; token "test-token"."""
    with FakeAworkServer(demo_workspace(), token="test-token") as server:
        yield server
