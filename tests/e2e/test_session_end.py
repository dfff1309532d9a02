"""How a session ends: SIGTERM, SIGINT, the X server going away. The real app under Xvfb.

Each ends the app cleanly (exit 0 or a plain message, never a traceback or a crash) with an action
taken offline already safe on disk."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import tray_state
from helpers.desktop import VirtualDesktop
from helpers.waiting import wait_for

pytestmark = pytest.mark.e2e

TIMEOUT = 30
BAD = ("Traceback", "RuntimeError", "Segmentation fault", "core dumped")


def _start(d: VirtualDesktop, fake_awork, tmp_path: Path):
    env = {"AWORK_API_URL": fake_awork.url, "AWORK_API_TOKEN": "test-token", "AWORK_TRAY_CONFIG_DIR": str(tmp_path),
           "TZ": "Europe/Berlin"}
    app = d.launch([sys.executable, "-m", "tray_app"], env=env, cwd=tmp_path)
    d.tray_icon_geometry(timeout=TIMEOUT)
    wait_for(lambda: tray_state.lists_loaded(tmp_path), TIMEOUT, what="lists loaded")
    return app, dict(d.env, **env)


def _queue_a_start_offline(fake_awork, env: dict, tmp_path: Path) -> None:
    fake_awork.stop()  # awork goes away: the start is queued by the running tray
    result = subprocess.run([sys.executable, "-m", "tray_app", "start", "--type-of-work", "Design"], env=env, cwd=tmp_path,
                            capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert result.returncode == 0, result.stderr
    queued = json.loads((tmp_path / "outbox.json").read_text(encoding="utf-8"))["items"]
    assert [i["kind"] for i in queued] == ["start"]


def _ended_cleanly(app, timeout: float = TIMEOUT) -> int:
    wait_for(lambda: app.returncode is not None, timeout, what="the app to end")
    for t in app._threads:
        t.join(timeout=5)
    err = app.stderr()
    assert not [b for b in BAD if b in err], err
    return app.returncode


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_ends_the_app_cleanly_with_the_queue_on_disk(virtual_desktop, fake_awork, tmp_path, sig):
    app, env = _start(virtual_desktop, fake_awork, tmp_path)
    _queue_a_start_offline(fake_awork, env, tmp_path)
    os.kill(app.pid, sig)
    assert _ended_cleanly(app) == 0
    queued = json.loads((tmp_path / "outbox.json").read_text(encoding="utf-8"))["items"]
    assert [i["kind"] for i in queued] == ["start"]  # kept for the next start
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_the_x_server_going_away_ends_the_app_cleanly(fake_awork, tmp_path):
    with VirtualDesktop(tray=True) as d:
        app, env = _start(d, fake_awork, tmp_path)
        _queue_a_start_offline(fake_awork, env, tmp_path)
        d._xvfb.kill()  # the display is gone, as when an X session ends under the app
        code = _ended_cleanly(app)
    assert code == 0
    queued = json.loads((tmp_path / "outbox.json").read_text(encoding="utf-8"))["items"]
    assert [i["kind"] for i in queued] == ["start"]
