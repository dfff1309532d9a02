"""The icon is painted before the rest of the app loads: under a real XEmbed tray (trayer), the
start waits for the icon's window to be exposed (painted), not for its time limit, and only then
goes on to import and build the rest (the order of the app's own trace marks, AWORK_TRAY_TRACE)."""

from __future__ import annotations

import json
import sys

import pytest

from helpers.waiting import wait_for

pytestmark = pytest.mark.e2e


def _events(path) -> list[str]:
    if not path.exists():
        return []
    return [json.loads(line)["event"] for line in path.read_text().splitlines() if line.strip()]


def test_the_icon_is_painted_before_the_rest_is_built(virtual_desktop, tmp_path):
    trace = tmp_path / "trace.jsonl"
    env = {"AWORK_TRAY_CONFIG_DIR": str(tmp_path / "home"), "AWORK_API_TOKEN": "test-token",
           "AWORK_API_URL": "http://127.0.0.1:9", "AWORK_TRAY_TRACE": str(trace)}
    virtual_desktop.launch([sys.executable, "-m", "tray_app"], env=env)
    wait_for(lambda: "step_core_built" in _events(trace), 30, what="the start's steps")
    events = _events(trace)
    assert "icon_paint_waited_out" not in events, events  # the window's exposure was seen
    assert events.index("icon_shown") < events.index("icon_painted") < events.index("step_loop"), events
