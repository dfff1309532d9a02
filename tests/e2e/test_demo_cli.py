"""Someone who started the demo (scripts/demo.sh) and types `awork-tray status` or `awork-tray show`:
the commands reach the demo tray, say "(demo)", and start no second, real tray."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers.waiting import wait_for

pytestmark = pytest.mark.e2e

ARTIFACTS = Path(__file__).parent / "artifacts"
TIMEOUT = 20


def _log_has(path: Path, text: str) -> bool:
    return path.exists() and text in path.read_text(encoding="utf-8")


def test_plain_commands_reach_the_running_demo_tray(virtual_desktop, tmp_path):
    d = virtual_desktop
    for name in [k for k in d.env if k.startswith("AWORK_")]:
        d.env.pop(name)
    env = {"AWORK_TRAY_CONFIG_DIR": str(tmp_path), "TZ": "Europe/Berlin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
           "LANGUAGE": "en", "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    d.launch([sys.executable, "-m", "tray_app", "--demo"], env=env)
    log_file = tmp_path / "logs" / "awork-tray.log"
    d.tray_icon_geometry(timeout=TIMEOUT)
    wait_for(lambda: _log_has(log_file, "timer refreshed: running"), TIMEOUT, what="the demo's running timer")

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "tray_app", *args], env={**d.env, **env}, capture_output=True,
                              text=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL, check=False)

    status = cli("status")
    assert status.returncode == 0, status.stderr
    assert status.stdout.startswith("Running") and status.stdout.splitlines()[0].endswith("(demo)"), status.stdout
    show = cli("show")  # a second, real tray would not end (and would open a sign-in window)
    assert show.returncode == 0, show.stderr
    wid = d.find_window("Quick start", timeout=TIMEOUT)
    d.screenshot(ARTIFACTS / "demo-cli-show.png")
    assert d.is_viewable(wid) and len(d.tray_icons()) == 1
    assert not d.find_windows("Sign in")
