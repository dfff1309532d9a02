"""Idle detection end to end: the real app under Xvfb with a running timer, a real X idle time (the
MIT-SCREEN-SAVER extension) past a threshold of a few seconds, then the mouse moves: the prompt
asks, D discards the away time, and the fake awork's entry ends when the user left."""

from __future__ import annotations

import asyncio
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tray_app.platform.idle.x11 import X11Idle

from helpers import tray_state
from helpers.waiting import wait_for

pytestmark = pytest.mark.e2e

ARTIFACTS = Path(__file__).parent / "artifacts"
TIMEOUT = 20
THRESHOLD = 4  # seconds without input (AWORK_TRAY_IDLE_SECONDS): the tray samples every 2 s then


def test_away_prompt_after_real_idle_time_and_discard(virtual_desktop, fake_awork, tmp_path):
    d = virtual_desktop
    task = next(t for t in fake_awork.backend.ws.tasks if t["taskIdentifier"] == "WEB-12")
    started = datetime.now(timezone.utc) - timedelta(minutes=30)
    fake_awork.backend.start_elsewhere(task["typeOfWorkId"], task["id"], start=started)
    env = {"AWORK_API_URL": fake_awork.url, "AWORK_API_TOKEN": "test-token", "AWORK_TRAY_CONFIG_DIR": str(tmp_path),
           "TZ": "Europe/Berlin", "AWORK_TRAY_IDLE_SECONDS": str(THRESHOLD)}
    d.launch([sys.executable, "-m", "tray_app"], env=env)
    d.tray_icon_geometry(timeout=TIMEOUT)
    wait_for(lambda: tray_state.timer(tmp_path, dict(d.env, **env)) == "running", TIMEOUT, what="the running timer")

    idle = X11Idle(d.display)  # the same X idle time the tray reads, to know when the threshold passed
    try:
        d.move_pointer(200, 200)  # the user's last input before leaving
        left = datetime.now(timezone.utc)
        wait_for(lambda: asyncio.run(idle.idle_seconds()) >= THRESHOLD + 2, TIMEOUT, what="the idle time")
        assert not d.find_windows("awork tray — Away")  # nothing asks while the user is away
        d.move_pointer(300, 260)  # back
        back = datetime.now(timezone.utc)
    finally:
        asyncio.run(idle.close())
    wid = d.find_window("awork tray — Away", timeout=TIMEOUT)
    d.wait_focused(wid)
    d.screenshot(ARTIFACTS / "idle-01-away-prompt.png", crop=d.window_geometry(wid))

    d.key("d")
    wait_for(lambda: fake_awork.backend.last().end is not None, TIMEOUT, what="the stopped entry")
    entry = fake_awork.backend.last()
    assert entry.start.replace(microsecond=0) == started.replace(microsecond=0)
    # The entry ends when the user left (to the tray's sample interval and v1's whole seconds), not now.
    assert abs(entry.end - left) <= timedelta(seconds=3), (entry.end, left)
    assert entry.end < back - timedelta(seconds=THRESHOLD)
    puts = fake_awork.requests.of("PUT")
    assert len(puts) == 1 and puts[0].path == f"timeentries/{entry.id}"
    d.wait_window_gone(wid, timeout=TIMEOUT)
    wait_for(lambda: tray_state.timer(tmp_path, dict(d.env, **env)) == "idle", TIMEOUT, what="the timer idle")
