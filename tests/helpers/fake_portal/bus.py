"""A private D-Bus session bus for one test: no desktop's real services can answer on it."""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import subprocess

import pytest


@contextlib.contextmanager
def private_session_bus():
    """Yields the bus address. Fails (never skips) without dbus-daemon: scripts/test.sh installs it."""
    if shutil.which("dbus-daemon") is None:
        pytest.fail("dbus-daemon missing (apt: dbus; scripts/test.sh installs it)")
    rfd, wfd = os.pipe()
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--nopidfile", f"--print-address={wfd}"],
                              pass_fds=(wfd,), stdin=subprocess.DEVNULL)
    os.close(wfd)
    try:
        select.select([rfd], [], [], 10)
        address = os.read(rfd, 1024).decode().strip()
        os.close(rfd)
        yield address
    finally:
        daemon.terminate()
        daemon.wait(5)


@pytest.fixture
def session_bus(monkeypatch):
    """A private session bus as the test's DBUS_SESSION_BUS_ADDRESS (yields its address)."""
    with private_session_bus() as address:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield address
