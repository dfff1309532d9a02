"""The log file rotates as logging.handlers.RotatingFileHandler would: at MAX_BYTES into .1, .2, .3,
the oldest dropped, each file whole lines."""

from __future__ import annotations

import logging

import pytest

from tray_app import logs


@pytest.fixture
def log_file(tmp_path, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    path = tmp_path / "awork-tray.log"
    handler = logs._LogFile(path, logging.NullHandler())
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger("test.rotation")
    logger.propagate = False
    logger.addHandler(handler)
    yield logger, path
    logger.removeHandler(handler)
    handler.close()


def test_rotates_at_the_size_and_keeps_three(log_file):
    logger, path = log_file
    for i in range(300):  # 300 lines of 40 bytes: about six files' worth
        logger.warning("line %04d %s", i, "x" * 29)
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == ["awork-tray.log", "awork-tray.log.1", "awork-tray.log.2", "awork-tray.log.3"]
    for p in path.parent.iterdir():
        assert p.stat().st_size < logs.MAX_BYTES
    # The newest lines are in the log itself, the ones before them in .1, in order, none torn.
    current = path.read_text().splitlines()
    previous = (path.parent / "awork-tray.log.1").read_text().splitlines()
    assert current[-1].startswith("line 0299")
    assert int(previous[-1].split()[1]) + 1 == int(current[0].split()[1])
    assert all(len(line) == 39 for line in previous + current)


def test_a_small_log_is_not_rotated(log_file):
    logger, path = log_file
    logger.warning("one line")
    assert [p.name for p in path.parent.iterdir()] == ["awork-tray.log"]
