"""The app on Xfce's panel 4.18, a real StatusNotifierItem host: registration, icon states, the
menu, where a click opens the popover, notifications, and a panel that restarts or comes late."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from e2e.xfce import PANEL_HEIGHT, StatusWatch, XfceSession, missing_xfce, read_pixmap
from helpers.desktop import VirtualDesktop, missing_tools
from helpers.waiting import wait_for

pytestmark = pytest.mark.e2e

ARTIFACTS = Path(__file__).parent / "artifacts"
TESTS = Path(__file__).resolve().parents[1]
TIMEOUT = 20
SCREEN = (1280, 800)


@pytest.fixture
def xfce(request):
    missing = missing_tools() + missing_xfce()
    if missing:
        pytest.fail("e2e tools missing (scripts/test.sh installs them): " + ", ".join(missing))
    d = VirtualDesktop(size=SCREEN, tray=False, dbus="private", artifacts_dir=ARTIFACTS,
                       artifact_prefix=re.sub(r"[^\w.-]+", "_", request.node.name))
    d.start()
    session = XfceSession(d)
    failed_before = request.session.testsfailed
    try:
        yield d, session
    finally:
        if request.session.testsfailed > failed_before:
            d.save_failure_artifacts()
            (ARTIFACTS / f"{d.artifact_prefix}-xfce.log").write_text(session.logs())
        d.stop()  # the app first, so that it never sees the panel go
        session.stop()


def _app_env(fake_awork, tmp_path) -> dict[str, str]:
    return {"AWORK_API_URL": fake_awork.url, "AWORK_API_TOKEN": "test-token",
            "AWORK_TRAY_CONFIG_DIR": str(tmp_path), "TZ": "Europe/Berlin"}


def _cli(d, env, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tray_app", *args], check=False, env={**d.env, **env}, capture_output=True,
                          text=True, timeout=60)


def _notices(log: Path) -> list[dict]:
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def test_on_xfce_s_panel(xfce, fake_awork, tmp_path):
    d, session = xfce
    session.start()
    notices = tmp_path / "notify.jsonl"
    service = subprocess.Popen([sys.executable, "-m", "helpers.fake_portal.notifications", str(notices)],
                               env={**d.env, "PYTHONPATH": str(TESTS)}, stdout=subprocess.PIPE, text=True)
    statuses = StatusWatch(d.env["DBUS_SESSION_BUS_ADDRESS"])
    try:
        assert service.stdout.readline().strip() == "ready"
        env = _app_env(fake_awork, tmp_path / "config")
        app = d.launch([sys.executable, "-m", "tray_app"], env=env)

        # Registration: the item is listed by the panel's own watcher.
        item = wait_for(lambda: session.item_of(app.pid), TIMEOUT, what="our item registered with Xfce's watcher")
        log_file = tmp_path / "config" / "logs" / "awork-tray.log"
        wait_for(lambda: log_file.exists() and "lists loaded" in log_file.read_text(), TIMEOUT, what="lists loaded")
        assert session.item_property(item, "Status") == "Active"
        idle = read_pixmap(session.item_property(item, "IconPixmap"))

        # The menu, as the panel reads it over com.canonical.dbusmenu.
        labels = session.menu_labels(item)
        # The first line states the timer; then the way in.
        assert labels[:2] == ["No timer running", "Quick start…"] and "Settings…" in labels and labels[-1] == "Quit", \
            labels

        # A timer started elsewhere: the icon changes and the news goes to the notification service.
        backend = fake_awork.backend
        task = backend.ws.tasks[0]
        backend.start_elsewhere(task["typeOfWorkId"], task["id"])
        assert _cli(d, env, "status").returncode == 0  # answered by the tray, which reads awork again
        running = wait_for(lambda: (p := read_pixmap(session.item_property(item, "IconPixmap"))) != idle and p,
                           TIMEOUT, what="the running icon")
        wait_for(lambda: _notices(notices), TIMEOUT, what="a Notify call for the timer started elsewhere")
        d.screenshot(ARTIFACTS / "xfce-panel.png", crop=(SCREEN[0] - 400, 0, 400, PANEL_HEIGHT + 2))  # its tray end
        assert _cli(d, env, "pause").returncode == 0
        paused = wait_for(lambda: (p := read_pixmap(session.item_property(item, "IconPixmap"))) not in (idle, running)
                          and p, TIMEOUT, what="the paused icon")
        assert paused
        assert session.item_property(item, "Status") == "Active"
        assert "NeedsAttention" not in statuses.statuses  # no light bulb over the new state
        notice = _notices(notices)[0]
        assert notice["app"] == "awork tray" and notice["hints"]["desktop-entry"] == "com.awork.tray"

        # `awork-tray show` with the pointer far away (bottom left): by the panel, at its tray end.
        d.move_pointer(5, SCREEN[1] - 5)
        assert _cli(d, env, "show").returncode == 0
        wid = d.find_window("Quick start", timeout=TIMEOUT)
        d.wait_focused(wid)
        x, y, w, h = d.window_geometry(wid)
        _, top, _width, area_h = session.workarea()
        assert top <= y <= top + 8, (x, y, w, h)  # right under the panel, not over it
        assert SCREEN[0] - 12 <= x + w <= SCREEN[0], (x, y, w, h)  # the right end, where the tray is
        assert y + h <= top + area_h
        d.key("Escape")
        d.wait_window_gone(wid, timeout=TIMEOUT)

        # A click on the icon: the panel sends Activate(x, y) with the pointer on the panel.
        d.move_pointer(900, PANEL_HEIGHT // 2)
        session.activate(item, 900, PANEL_HEIGHT // 2)
        wid = d.find_window("Quick start", timeout=TIMEOUT)
        d.wait_focused(wid)
        x, y, w, h = d.window_geometry(wid)
        assert top <= y <= top + 8 and abs(x + w // 2 - 900) <= 2, (x, y, w, h)
        d.screenshot(ARTIFACTS / "xfce-popover.png")
        d.key("Escape")
        d.wait_window_gone(wid, timeout=TIMEOUT)

        # The panel restarts: the item is registered with the new watcher.
        session.stop_panel()
        session.start_panel()
        wait_for(lambda: session.item_of(app.pid), TIMEOUT, what="our item registered again after a panel restart")
        assert app.returncode is None
        assert "NeedsAttention" not in statuses.statuses
    finally:
        statuses.close()
        service.kill()
        service.wait(5)
        service.stdout.close()


def test_a_panel_that_starts_after_the_app_is_found(xfce, fake_awork, tmp_path):
    d, session = xfce
    app = d.launch([sys.executable, "-m", "tray_app", "--autostart"], env=_app_env(fake_awork, tmp_path))
    log_file = tmp_path / "logs" / "awork-tray.log"
    wait_for(lambda: log_file.exists(), TIMEOUT, what="the app's log")  # it is up, waiting for a tray
    session.start()
    wait_for(lambda: session.item_of(app.pid), TIMEOUT, what="our item registered with the late panel")
