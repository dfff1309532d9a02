"""The real app under Xvfb loses its connection to awork, the user presses Stop, awork comes
back: the stop arrives, with the time it was pressed."""

from __future__ import annotations

import json
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tray_app.api.v1_time import parse_datetime

from helpers import tray_state
from helpers.waiting import wait_for

pytestmark = pytest.mark.e2e

ARTIFACTS = Path(__file__).parent / "artifacts"
TIMEOUT = 20


def _queued(config_dir: Path) -> list[dict]:
    """The offline queue's items, as the tray keeps them on disk."""
    path = config_dir / "outbox.json"
    return json.loads(path.read_text(encoding="utf-8"))["items"] if path.exists() else []


def _open_popover(d, geometry) -> int:
    x, y, w, h = geometry
    d.click(x + w // 2, y + h // 2)
    wid = d.find_window("Quick start", timeout=TIMEOUT)
    d.wait_focused(wid)
    return wid


def _shot(d, wid: int, name: str) -> None:
    d.screenshot(ARTIFACTS / f"{name}.png", crop=d.window_geometry(wid))


@pytest.mark.parametrize("late_by", [0, 5], ids=["back-at-once", "reaches-awork-5-min-late"])
def test_stop_pressed_offline_arrives_with_the_time_it_was_pressed(virtual_desktop, fake_awork, tmp_path, late_by):
    d = virtual_desktop
    task = next(t for t in fake_awork.backend.ws.tasks if t["taskIdentifier"] == "WEB-12")
    started = datetime.now(timezone.utc) - timedelta(minutes=30)
    fake_awork.backend.start_elsewhere(task["typeOfWorkId"], task["id"], start=started)
    env = {"AWORK_API_URL": fake_awork.url, "AWORK_API_TOKEN": "test-token",
           "AWORK_TRAY_CONFIG_DIR": str(tmp_path), "TZ": "Europe/Berlin"}
    d.launch([sys.executable, "-m", "tray_app"], env=env)
    geometry = d.tray_icon_geometry(timeout=TIMEOUT)
    wait_for(lambda: tray_state.timer(tmp_path, dict(d.env, **env)) == "running", TIMEOUT, what="the running timer")
    wait_for(lambda: tray_state.lists_loaded(tmp_path), TIMEOUT, what="the lists")

    wid = _open_popover(d, geometry)
    _shot(d, wid, f"offline-01-popover-running-{late_by}")
    fake_awork.stop()
    d.key("alt+s")
    queued = wait_for(lambda: _queued(tmp_path), TIMEOUT, what="the queued stop")
    assert [i["kind"] for i in queued] == ["stop"]
    pressed = parse_datetime(queued[0]["at"])
    assert abs(datetime.now(timezone.utc) - pressed) < timedelta(seconds=TIMEOUT)
    _shot(d, wid, f"offline-02-popover-stop-queued-{late_by}")
    d.key("Escape")
    d.wait_window_gone(wid, timeout=TIMEOUT)
    x, y, w, h = geometry
    d.screenshot(ARTIFACTS / f"offline-03-tray-offline-{late_by}.png", crop=(max(x - 40, 0), max(y - 4, 0), w + 40, h + 8))
    assert fake_awork.backend.last().end is None  # awork has not heard of it yet

    if late_by:  # awork's clock says the stop reaches it `late_by` minutes after it was pressed
        fake_awork.backend.clock = lambda: datetime.now(timezone.utc) + timedelta(minutes=late_by)
    fake_awork.start()
    wid = _open_popover(d, geometry)  # the popover syncs, and the queue goes first
    wait_for(lambda: not _queued(tmp_path), TIMEOUT, what="the replayed stop")
    # (A read now changes nothing: the queue is empty. The tray has the stop's answer.)
    wait_for(lambda: tray_state.timer(tmp_path, dict(d.env, **env)) == "idle", TIMEOUT, what="the timer idle")
    _shot(d, wid, f"offline-04-popover-replayed-{late_by}")

    stops = fake_awork.requests.of("POST", "me/timetracking/stop")
    assert len(stops) == 1 and stops[0].status == 200
    entry = fake_awork.backend.last()
    puts = fake_awork.requests.of("PUT")
    if late_by:
        assert len(puts) == 1 and puts[0].path == f"timeentries/{entry.id}"
        assert puts[0].body["endTimeUtc"] == pressed.strftime("%H:%M:%S")
        assert puts[0].body["endDateUtc"] == pressed.strftime("%Y-%m-%dT00:00:00Z")
        assert entry.end == pressed.replace(microsecond=0)
    else:
        assert puts == []
        assert timedelta(0) <= entry.end - pressed <= timedelta(minutes=1)
    assert entry.start.replace(microsecond=0) == started.replace(microsecond=0)  # (v1 sends whole seconds)
    assert json.loads((tmp_path / "outbox.json").read_text())["items"] == []
    d.key("Escape")
    d.wait_window_gone(wid, timeout=TIMEOUT)
