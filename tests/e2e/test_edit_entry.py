"""The real app under Xvfb: the user opens the popover, presses Ctrl+E on the running timer,
changes its note and moves its start back by typing "-20m", and presses Enter. awork gets one PUT
with the change, the timer keeps running, and the rest of the entry is as it was."""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from helpers import tray_state
from helpers.waiting import wait_for

pytestmark = pytest.mark.e2e

ARTIFACTS = Path(__file__).parent / "artifacts"
TIMEOUT = 20


def test_edit_the_running_entry_from_the_popover(virtual_desktop, fake_awork, tmp_path):
    d = virtual_desktop
    task = next(t for t in fake_awork.backend.ws.tasks if t["taskIdentifier"] == "WEB-12")
    started = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(minutes=5)
    record = fake_awork.backend.start_elsewhere(task["typeOfWorkId"], task["id"], start=started)
    env = {"AWORK_API_URL": fake_awork.url, "AWORK_API_TOKEN": "test-token",
           "AWORK_TRAY_CONFIG_DIR": str(tmp_path), "TZ": "Europe/Berlin", "LANG": "en_GB.UTF-8"}
    d.launch([sys.executable, "-m", "tray_app"], env=env)
    x, y, w, h = d.tray_icon_geometry(timeout=TIMEOUT)
    wait_for(lambda: tray_state.timer(tmp_path, dict(d.env, **env)) == "running", TIMEOUT, what="the running timer")
    wait_for(lambda: tray_state.lists_loaded(tmp_path), TIMEOUT, what="the lists")

    d.click(x + w // 2, y + h // 2)
    wid = d.find_window("Quick start", timeout=TIMEOUT)
    d.wait_focused(wid)
    d.key("ctrl+e")  # the editor opens with the note selected
    d.type_text("Review mit Kunde")
    d.key("alt+r")  # Started
    d.key("ctrl+a")
    d.type_text("-20m")
    d.screenshot(ARTIFACTS / "edit-01-editor-filled.png", crop=d.window_geometry(wid))
    d.key("Return")

    wait_for(lambda: fake_awork.requests.of("PUT"), TIMEOUT, what="the PUT")
    wait_for(lambda: record.note == "Review mit Kunde", TIMEOUT, what="the new note in awork")
    d.screenshot(ARTIFACTS / "edit-02-saved.png", crop=d.window_geometry(wid))
    (put,) = fake_awork.requests.of("PUT")
    assert put.status == 200
    assert put.body["taskId"] == task["id"] and put.body["typeOfWorkId"] == task["typeOfWorkId"]
    assert "endDateUtc" not in put.body
    assert record.end is None and record.running
    ago = datetime.now(timezone.utc) - record.start
    assert timedelta(minutes=19) < ago < timedelta(minutes=21)
    assert tray_state.timer(tmp_path, dict(d.env, **env)) == "running"
