"""`toggle` and `continue` on the command line, acting directly (no tray running)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


@pytest.fixture
def cli(fake_awork, tmp_path):
    def run(*args: str) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWORK_")}
        env.update(AWORK_API_URL=fake_awork.url, AWORK_API_TOKEN="test-token", AWORK_TRAY_CONFIG_DIR=str(tmp_path),
                   TZ="Europe/Berlin", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
        return subprocess.run([sys.executable, "-m", "tray_app", *args], env=env, capture_output=True, text=True,
                              timeout=60, stdin=subprocess.DEVNULL)

    return run


def test_toggle_and_continue(cli, fake_awork):
    # Idle after a fortnight of history: continue starts the last entry's task again.
    last = fake_awork.backend.last()
    resumed = cli("continue")
    assert resumed.returncode == 0 and resumed.stdout.startswith("Running"), resumed.stderr
    body = fake_awork.requests.of("POST", "me/timetracking/start")[-1].body
    assert body["taskId"] == last.task_id and body["typeOfWorkId"] == last.type_of_work_id
    assert cli("stop").returncode == 0
    assert cli("start", "--task", "WEB-12", "--type-of-work", "Konzeption", "--note", "Entwurf").returncode == 0
    first = fake_awork.requests.of("POST", "me/timetracking/start")[-1].body
    assert cli("toggle").stdout.startswith("Paused")
    assert cli("continue").stdout.startswith("Running")  # paused: continue resumes
    assert len(fake_awork.requests.of("POST", "me/timetracking/resume")) == 1
    assert cli("stop").returncode == 0
    result = cli("toggle")
    assert result.returncode == 0 and result.stdout.startswith("Running"), result.stderr
    assert fake_awork.requests.of("POST", "me/timetracking/start")[-1].body == first
    status = json.loads(cli("status", "--json").stdout)
    assert status["state"] == "running" and status["note"] == "Entwurf" and status["type_of_work"]["name"] == "Konzeption"
    assert cli("continue").returncode == 0  # already running: nothing new is started
    assert len(fake_awork.requests.of("POST", "me/timetracking/start")) == 3


def test_help_lists_the_new_commands(cli):
    out = cli("--help").stdout
    for word in ("show", "toggle", "continue", "autostart"):
        assert word in out
