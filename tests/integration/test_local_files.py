"""The real `awork-tray status` with damaged files and unwritable places: it runs, tells, loses nothing.

Read-only and full places are real tmpfs mounts where the test may mount (see tests/unwritable.py)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tray_app.composition import build_core
from tray_app.config import Config
from tray_app.storage import damaged_copies

from helpers.unwritable import full_folder, read_only_folder

TOKEN = "test-token"
GOOD = {"kind": "pause", "at": "2024-05-06T07:00:00+00:00", "id": "good-1"}


def run_cli(fake_awork, *args: str, config_dir: Path | None, home: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWORK_", "XDG_"))}
    env.update(AWORK_API_URL=fake_awork.url, AWORK_API_TOKEN=TOKEN, TZ="Europe/Berlin",
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    if config_dir is not None:
        env["AWORK_TRAY_CONFIG_DIR"] = str(config_dir)
    if home is not None:
        env["HOME"] = str(home)
    result = subprocess.run([sys.executable, "-m", "tray_app", *args], env=env, capture_output=True, text=True,
                            timeout=60, stdin=subprocess.DEVNULL, check=False)
    assert "Traceback" not in result.stderr and TOKEN not in result.stdout + result.stderr
    return result


def test_damaged_settings_are_told_once_and_listed_in_verbose(fake_awork, tmp_path):
    (tmp_path / "settings.json").write_text('{"language": "de", "hotkey_toggle": "Ctrl+', encoding="utf-8")
    first = run_cli(fake_awork, "status", config_dir=tmp_path)
    assert first.returncode == 0
    kept = damaged_copies(tmp_path / "settings.json")
    assert len(kept) == 1 and str(kept[0]) in first.stderr
    second = run_cli(fake_awork, "status", config_dir=tmp_path)
    assert second.returncode == 0 and str(kept[0]) not in second.stderr
    verbose = run_cli(fake_awork, "status", "--verbose", config_dir=tmp_path)
    assert str(kept[0]) in verbose.stdout


def test_a_damaged_offline_queue_is_told_in_status_text_and_json_with_its_path(fake_awork, tmp_path):
    queue = tmp_path / "outbox.json"
    queue.write_text(json.dumps({"items": [GOOD, {"kind": "stop", "at": "yesterday", "id": "bad"}]}))
    config = Config.from_environment({"AWORK_TRAY_CONFIG_DIR": str(tmp_path), "AWORK_API_URL": "http://127.0.0.1:9"})
    core = build_core(config, offline_queue=True)  # what the tray does at start
    (kept,) = damaged_copies(queue)
    assert [i.id for i in core.commands.outbox.items()] == ["good-1"]  # the readable action is kept
    assert str(kept) in "".join(core.store.state.file_problems)  # the popover shows it
    text = run_cli(fake_awork, "status", config_dir=tmp_path)
    assert text.returncode == 0 and str(kept) in text.stderr
    as_json = run_cli(fake_awork, "status", "--json", config_dir=tmp_path)
    assert json.loads(as_json.stdout)["damaged_offline_queue"] == [str(kept)]


def test_status_runs_with_a_read_only_config_folder(fake_awork, tmp_path):
    def prepare(path):
        (path / "settings.json").write_text('{"language": "en"}')

    with read_only_folder(tmp_path / "ro", prepare=prepare) as place:
        result = run_cli(fake_awork, "status", config_dir=place.path)
    assert result.returncode == 0 and result.stdout.strip()
    assert result.stderr.count("cannot be written") == 1


def test_status_runs_with_a_home_that_cannot_be_written(fake_awork, tmp_path):
    with read_only_folder(tmp_path / "home") as place:
        result = run_cli(fake_awork, "status", "--verbose", config_dir=None, home=place.path)
    assert result.returncode == 0 and "cannot be written" in result.stderr


def test_status_runs_on_a_full_disk(fake_awork, tmp_path, monkeypatch):
    with full_folder(tmp_path / "full", monkeypatch) as place:
        if not place.real:
            pytest.fail("a full disk for another process needs a real tmpfs (run as root, as CI does)")
        result = run_cli(fake_awork, "status", config_dir=place.path)
    assert result.returncode == 0 and result.stdout.strip()
    assert result.stderr.count("cannot be written") == 1
