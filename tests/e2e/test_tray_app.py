"""The real awork-tray process under Xvfb with trayer, driven with xdotool like a user would."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from helpers import tray_state
from helpers.waiting import wait_for

pytestmark = pytest.mark.e2e

ARTIFACTS = Path(__file__).parent / "artifacts"
TIMEOUT = 20


def _task(server, key):
    return next(t for t in server.backend.ws.tasks if t["taskIdentifier"] == key)


@pytest.fixture
def running_app(virtual_desktop, fake_awork, tmp_path):
    env = {
        "AWORK_API_URL": fake_awork.url,
        "AWORK_API_TOKEN": "test-token",
        "AWORK_TRAY_CONFIG_DIR": str(tmp_path),
        "TZ": "Europe/Berlin",
    }
    app = virtual_desktop.launch([sys.executable, "-m", "tray_app"], env=env)
    geometry = virtual_desktop.tray_icon_geometry(timeout=TIMEOUT)
    wait_for(lambda: tray_state.lists_loaded(tmp_path), TIMEOUT, what="task lists loaded")

    def timer() -> str | None:  # the timer as the running tray answers `status --json`
        return tray_state.timer(tmp_path, dict(virtual_desktop.env, **env))

    return app, geometry, timer, tmp_path / "logs" / "awork-tray.log"


def _open_popover(d, geometry):
    x, y, w, h = geometry
    d.click(x + w // 2, y + h // 2)
    wid = d.find_window("Quick start", timeout=TIMEOUT)
    d.wait_focused(wid)
    return wid


def test_start_a_task_then_pause_and_stop_from_the_popover(virtual_desktop, fake_awork, running_app):
    d = virtual_desktop
    app, geometry, timer, _ = running_app
    wid = _open_popover(d, geometry)
    d.screenshot(ARTIFACTS / "01-popover-idle.png")

    d.type_text("sitemap")
    d.screenshot(ARTIFACTS / "02-popover-search.png")
    d.key("Return")
    start = fake_awork.wait_for_request(lambda r: r.method == "POST" and r.path.endswith("timetracking/start"), TIMEOUT)
    task = _task(fake_awork, "WEB-12")
    assert start.body == {
        "typeOfWorkId": task["typeOfWorkId"],
        "timezone": "Europe/Berlin",
        "taskId": task["id"],
        "projectId": task["projectId"],
        "isBillable": task["project"]["isBillableByDefault"],  # the project's default
    }
    d.wait_window_gone(wid, timeout=TIMEOUT)  # a successful start gets out of the way
    d.screenshot(ARTIFACTS / "03-tray-running.png")

    wid = _open_popover(d, geometry)
    d.screenshot(ARTIFACTS / "04-popover-running.png")
    d.key("alt+p")
    fake_awork.wait_for_request(lambda r: r.method == "POST" and r.path.endswith("timetracking/pause"), TIMEOUT)
    wait_for(lambda: timer() == "paused", TIMEOUT, what="pause applied")
    d.screenshot(ARTIFACTS / "05-popover-paused.png")
    d.key("alt+s")
    stop = fake_awork.wait_for_request(lambda r: r.method == "POST" and r.path.endswith("timetracking/stop"), TIMEOUT)
    assert stop.raw == b""
    wait_for(lambda: timer() == "idle", TIMEOUT, what="stop applied")

    entry = fake_awork.backend.last()
    assert entry.task_id == task["id"] and entry.end is not None
    assert len(entry.breaks) == 1 and entry.breaks[0][1] is not None  # the pause became a closed break
    d.key("Escape")
    d.wait_window_gone(wid, timeout=TIMEOUT)
    assert app.returncode is None  # closing the popover does not quit the app


def test_awork_rejection_is_shown_and_nothing_is_lost(virtual_desktop, fake_awork, running_app):
    d = virtual_desktop
    _app, geometry, _, log_file = running_app
    fake_awork.fail_next(
        400,
        {"code": "validation-failed", "description": "Time tracking is not allowed on closed projects.",
         "link": "https://developers.awork.com", "validationErrors": []},
        path="me/timetracking/start",
    )
    wid = _open_popover(d, geometry)
    d.type_text("Design")
    d.key("Return")
    fake_awork.wait_for_request(lambda r: r.path.endswith("timetracking/start") and r.status == 400, TIMEOUT)
    d.screenshot(ARTIFACTS / "06-popover-error.png")
    # The popover stays open with the search intact, so the user can simply try again.
    assert d.is_viewable(wid)
    d.key("Return")
    fake_awork.wait_for_request(lambda r: r.path.endswith("timetracking/start") and r.fault is None, TIMEOUT)
    d.wait_window_gone(wid, timeout=TIMEOUT)
    assert "test-token" not in log_file.read_text(encoding="utf-8")


def test_demo_runs_without_an_account(virtual_desktop, tmp_path):
    d = virtual_desktop
    env = {"AWORK_TRAY_CONFIG_DIR": str(tmp_path), "TZ": "Europe/Berlin"}
    d.env.pop("AWORK_API_TOKEN", None)
    d.env.pop("AWORK_API_URL", None)
    d.launch([sys.executable, "-m", "tray_app", "--demo"], env=env)
    geometry = d.tray_icon_geometry(timeout=TIMEOUT)
    wait_for(lambda: tray_state.lists_loaded(tmp_path), TIMEOUT, what="demo lists loaded")
    wid = _open_popover(d, geometry)
    wait_for(lambda: tray_state.timer(tmp_path, dict(d.env, **env), demo=True) == "running", TIMEOUT,
             what="the demo's running timer")
    x, y, w, h = d.window_geometry(wid)
    d.screenshot(ARTIFACTS / "demo-desktop.png")
    d.screenshot(ARTIFACTS / "demo-popover.png", crop=(x, y, w, h))
    d.type_text("WEB-1")
    d.key("Escape")
    d.wait_window_gone(wid, timeout=TIMEOUT)
