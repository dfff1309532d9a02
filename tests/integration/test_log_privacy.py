"""A realistic session with -v leaves no person's name, task name, note or token in the log file.

The real tray process (offscreen Qt, qasync) against the fake awork, driven by the real command line
through its socket, then the one-shot command line on its own; then every log file is read."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from helpers.waiting import wait_for

TOKEN = "test-token-0123456789"
NOTE = "Vertrauliche Notiz zum Relaunch"


def env_for(fake_awork, config_dir: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWORK_", "XDG_RUNTIME"))}
    env.update(AWORK_API_URL=fake_awork.url, AWORK_API_TOKEN=TOKEN, AWORK_TRAY_CONFIG_DIR=str(config_dir),
               TZ="Europe/Berlin", QT_QPA_PLATFORM="offscreen", PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    return env


def cli(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tray_app", "-v", *args], env=env, capture_output=True, text=True,
                          timeout=90, stdin=subprocess.DEVNULL, check=False, cwd=env["AWORK_TRAY_CONFIG_DIR"])


def private_words(fake_awork) -> set[str]:
    ws = fake_awork.backend.ws
    words = {ws.user["firstName"], ws.user["lastName"], ws.user["workspace"]["name"], TOKEN, NOTE}
    words |= {t["name"] for t in ws.tasks} | {p["name"] for p in ws.projects}
    words |= {r.note for r in ws.entries if r.note}
    return words


def test_a_verbose_session_logs_no_names_notes_or_tokens(fake_awork, tmp_path):
    fake_awork.backend.token = TOKEN
    env = env_for(fake_awork, tmp_path)
    tray = subprocess.Popen([sys.executable, "-m", "tray_app", "-v"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        wait_for(lambda: cli(env, "status").returncode == 0 and (tmp_path / "logs" / "awork-tray.log").exists(), 60,
                 interval=0.1, what="the tray to answer")
        for args in (("start", "--task", "WEB-12", "--note", NOTE), ("pause",), ("resume",), ("status", "--json"),
                     ("whoami",), ("stop",), ("continue",), ("toggle",)):
            result = cli(env, *args)
            assert result.returncode == 0, result.stderr
        tray.send_signal(signal.SIGTERM)
        _, err = tray.communicate(timeout=60)
    finally:
        if tray.poll() is None:
            tray.kill()
            print(tray.communicate()[1][-3000:])  # why it did not end: shown when the test fails
    assert tray.returncode == 0, err
    # And the command line on its own, with no tray to hand its commands to.
    for args in (("status",), ("start", "--task", "WEB-12", "--note", NOTE), ("stop",), ("whoami",)):
        assert cli(env, *args).returncode == 0
    logs = "".join(p.read_text(encoding="utf-8", errors="replace") for p in (tmp_path / "logs").glob("*.log*"))
    assert "start done" in logs and "queued" not in logs  # the session was logged, online
    found = sorted(w for w in private_words(fake_awork) if w in logs)
    assert found == [], f"private words in the log: {found}"
