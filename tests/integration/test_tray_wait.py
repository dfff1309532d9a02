"""Waiting for the tray at login: the StatusNotifierItem check on a private bus, and the bounded wait."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tray_app.platform.tray_wait import wait_for_tray

from helpers.fake_portal.bus import private_session_bus

TESTS = Path(__file__).resolve().parents[1]
CHECK = "from tray_app.platform.tray_wait import sni_host_ready; print(sni_host_ready())"


@pytest.fixture
def bus():
    with private_session_bus() as address:
        yield dict(os.environ, DBUS_SESSION_BUS_ADDRESS=address, PYTHONPATH=str(TESTS), QT_QPA_PLATFORM="offscreen")


def check(env) -> str:
    # A process of its own each time: Qt keeps one session-bus connection per process.
    return subprocess.run([sys.executable, "-c", CHECK], env=env, capture_output=True, text=True, timeout=60).stdout.strip()


def test_sni_host_is_seen_only_when_a_watcher_with_a_host_is_there(bus):
    assert check(bus) == "False"
    for flags, expected in ((["--no-host"], "False"), ([], "True")):
        watcher = subprocess.Popen([sys.executable, "-m", "helpers.fake_portal.sni_watcher", *flags], env=bus,
                                   stdout=subprocess.PIPE, text=True)
        try:
            assert watcher.stdout.readline().strip() == "ready"
            assert check(bus) == expected
        finally:
            watcher.kill()
            watcher.wait(5)
            watcher.stdout.close()
    no_bus = dict(bus, DBUS_SESSION_BUS_ADDRESS="unix:path=/nonexistent")
    assert check(no_bus) == "False"


def test_wait_is_bounded_and_ends_as_soon_as_a_check_passes():
    answers = iter([False, RuntimeError("no bus yet"), False, True])

    def flaky():
        answer = next(answers)
        if isinstance(answer, Exception):
            raise answer
        return answer

    assert asyncio.run(wait_for_tray([flaky], timeout=5, interval=0.01)) is True
    assert asyncio.run(wait_for_tray([lambda: False], timeout=0.1, interval=0.02)) is False
