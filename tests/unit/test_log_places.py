"""Where the log and the private folders go: 0700 folders, third-party debug kept out, and a log
that cannot be written (read-only, full disk) falls back to stderr after saying so once."""

from __future__ import annotations

import logging
import os
import stat

import pytest

from tray_app.config import Config, private_dir, tighten_existing
from tray_app.logs import setup_logging

from helpers.unwritable import full_folder, read_only_folder


@pytest.fixture
def fresh_logging():
    """setup_logging changes the root logger: put it back afterwards."""
    root = logging.getLogger()
    names = ("tray_app", "qasync", "asyncio", "httpx", "httpcore")
    saved = root.handlers[:], root.level, {n: logging.getLogger(n).level for n in names}
    root.handlers = [h for h in root.handlers if type(h).__name__ == "LogCaptureHandler"]
    yield
    for handler in root.handlers:
        if handler not in saved[0]:
            handler.close()
    root.handlers, root.level = saved[0], saved[1]
    for name, level in saved[2].items():
        logging.getLogger(name).setLevel(level)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_config_root_and_log_folder_are_private(tmp_path, umask_022, fresh_logging):
    config = Config.from_environment({"AWORK_TRAY_CONFIG_DIR": str(tmp_path / "root")})
    setup_logging(config.log_dir)  # `status` writes the log before anything else
    assert mode(config.config_dir) == 0o700 and mode(config.log_dir) == 0o700


def test_the_apps_own_folder_above_the_log_folder_is_private(tmp_path, umask_022):
    log_dir = tmp_path / "state" / "awork-tray" / "log"  # Linux: ~/.local/state/awork-tray/log
    private_dir(log_dir)
    assert mode(log_dir.parent) == 0o700 and mode(log_dir) == 0o700


def test_folders_an_older_version_left_open_are_tightened_if_ours(tmp_path):
    config = Config.from_environment({"AWORK_TRAY_CONFIG_DIR": str(tmp_path / "root")})
    for folder in (config.config_dir, config.log_dir, tmp_path / "state" / "awork-tray" / "log"):
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o755)
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o755)
    os.chown(theirs, 65534, 65534)  # another user's folder (root may do this)
    tighten_existing(config)
    private_dir(tmp_path / "state" / "awork-tray" / "log")
    assert mode(config.config_dir) == 0o700 and mode(config.log_dir) == 0o700
    assert mode(tmp_path / "state" / "awork-tray") == 0o700
    private_dir(theirs)
    assert mode(theirs) == 0o755


def test_third_party_debug_stays_out_of_the_log(tmp_path, fresh_logging):
    path = setup_logging(tmp_path / "logs", verbose=True)
    logging.getLogger("tray_app.core.sync").debug("our detail 1")
    for name in ("qasync", "asyncio", "httpx", "httpcore"):
        logging.getLogger(name).debug("their reply: Carla Creative")
    logging.getLogger("httpx").info("HTTP Request: GET https://x/tasks?filterby=Sitemap")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "our detail 1" in text and "Carla" not in text and "Sitemap" not in text


def test_a_read_only_log_folder_logs_to_stderr_after_one_message(tmp_path, fresh_logging, capfd):
    with read_only_folder(tmp_path / "ro") as place:
        setup_logging(place.path / "logs")
        logging.getLogger("tray_app.test").warning("first warning")
        logging.getLogger("tray_app.test").warning("second warning")
        err = capfd.readouterr().err
    assert err.count("cannot be written") == 1 and "first warning" in err and "second warning" in err
    assert "Traceback" not in err


def test_a_full_disk_under_the_log_logs_to_stderr_after_one_message(tmp_path, fresh_logging, capfd, monkeypatch):
    with full_folder(tmp_path / "full", monkeypatch, prepare=lambda p: (p / "logs").mkdir()) as place:
        if not place.real:
            pytest.fail("needs a real full tmpfs: the log's own writes cannot be simulated at the storage helper")
        setup_logging(place.path / "logs")
        for n in range(200):
            logging.getLogger("tray_app.test").warning("warning %d %s", n, "x" * 200)
        err = capfd.readouterr().err
    assert err.count("cannot be written") == 1 and "warning 199" in err
    assert "Traceback" not in err and "Logging error" not in err
