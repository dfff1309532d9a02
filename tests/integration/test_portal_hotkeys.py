"""The Wayland backend against a fake GlobalShortcuts portal on a private session bus."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tray_app.platform.hotkeys.base import ACTIVE, OFF, UNAVAILABLE, Binding
from tray_app.platform.hotkeys.portal import PortalHotkeys

from helpers.fake_portal.bus import session_bus  # a fixture
from helpers.waiting import until

TESTS = Path(__file__).resolve().parents[1]


@pytest.fixture
def bus(session_bus):
    return session_bus


@pytest.fixture
def portal(bus, tmp_path):
    started = []

    def start(*flags):
        log = tmp_path / "portal.jsonl"
        log.touch()
        env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=bus, PYTHONPATH=str(TESTS))
        proc = subprocess.Popen([sys.executable, "-m", "helpers.fake_portal.portal", str(log), *flags], env=env,
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        started.append(proc)
        return log

    yield start
    for proc in started:
        proc.kill()
        proc.wait(5)
        proc.stdout.close()


def calls(log: Path) -> list[dict]:
    return [json.loads(line) for line in log.read_text().splitlines()]


def gdbus_activate(bus: str, shortcut_id: str) -> None:
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection

    with open_dbus_connection(bus) as conn:
        conn.send_and_get_reply(new_method_call(
            DBusAddress("/org/freedesktop/portal/desktop", "org.freedesktop.portal.Desktop", "org.example.FakePortal"),
            "Activate", "s", (shortcut_id,)))


def wait_until(qloop, predicate, timeout=10.0):
    """Run the app's loop until the portal's answers bring `predicate` about."""
    qloop.run_until_complete(until(predicate, timeout))


BINDINGS = [Binding("quick_start", "Open quick start", "Ctrl+Alt+Shift+Space"),
            Binding("toggle", "Pause/resume or continue", "Ctrl+Alt+Shift+P")]


def test_registers_binds_and_delivers_activations(qloop, bus, portal):
    log = portal()
    pressed, statuses = [], {}
    backend = PortalHotkeys(pressed.append, statuses.__setitem__, app_id="com.awork.tray")
    backend.bind(BINDINGS)
    wait_until(qloop, lambda: all(s.state == ACTIVE for s in statuses.values()) and len(statuses) == 2)
    assert "Press CTRL+ALT+SHIFT+space" in statuses["quick_start"].message
    seen = calls(log)
    assert seen[0] == {"call": "Register", "app_id": "com.awork.tray"}  # before any portal call
    bind = next(c for c in seen if c["call"] == "BindShortcuts")
    assert bind["shortcuts"] == {
        "quick_start": {"description": "Open quick start", "preferred_trigger": "CTRL+ALT+SHIFT+space"},
        "toggle": {"description": "Pause/resume or continue", "preferred_trigger": "CTRL+ALT+SHIFT+p"},
    }
    gdbus_activate(bus, "toggle")
    wait_until(qloop, lambda: pressed == ["toggle"])

    # A changed shortcut: the old session is closed, a new one bound; the old one no longer fires.
    backend.bind([Binding("quick_start", "Open quick start", "Ctrl+Alt+Shift+K"), Binding("toggle", "x", "")])
    wait_until(qloop, lambda: statuses["toggle"].state == OFF and statuses["quick_start"].state == ACTIVE
               and "K" in statuses["quick_start"].message.upper() and "k" in statuses["quick_start"].message)
    assert [c["call"] for c in calls(log)].count("Close") == 1
    gdbus_activate(bus, "quick_start")
    wait_until(qloop, lambda: pressed == ["toggle", "quick_start"])
    backend.close()
    qloop.run_until_complete(asyncio.sleep(0.2))


@pytest.mark.parametrize("flag, words", [("--no-shortcuts", "no GlobalShortcuts portal"), ("--refuse", "declined")])
def test_unavailable_is_said_plainly(qloop, portal, flag, words):
    portal(flag)
    statuses = {}
    backend = PortalHotkeys(lambda _id: None, statuses.__setitem__, app_id="com.awork.tray")
    backend.bind(BINDINGS)
    wait_until(qloop, lambda: len(statuses) == 2 and all(s.state == UNAVAILABLE for s in statuses.values()))
    assert words in statuses["toggle"].message
    backend.close()
    qloop.run_until_complete(asyncio.sleep(0.1))  # let the closing finish


def test_no_portal_at_all(qloop, bus):
    statuses = {}
    backend = PortalHotkeys(lambda _id: None, statuses.__setitem__, app_id="com.awork.tray")
    backend.bind(BINDINGS)
    wait_until(qloop, lambda: len(statuses) == 2 and all(s.state == UNAVAILABLE for s in statuses.values()))
    backend.close()
    qloop.run_until_complete(asyncio.sleep(0.1))


@pytest.mark.parametrize("flag", ["", "--deny-background"])
def test_flatpak_autostart_through_the_background_portal(portal, tmp_path, flag):
    from tray_app.platform.autostart.flatpak import FlatpakAutostart

    log = portal(*([flag] if flag else []))
    backend = FlatpakAutostart(tmp_path, command=["awork-tray", "--autostart"])
    status = backend.enable()
    (asked,) = [c for c in calls(log) if c["call"] == "RequestBackground"]
    assert asked["options"]["autostart"] is True and asked["options"]["commandline"] == ["awork-tray", "--autostart"]
    if flag:
        assert not status.enabled and "did not allow" in status.problem
    else:
        assert status.enabled and backend.status().enabled  # remembered: the portal cannot be asked
        assert not backend.disable().enabled
        assert calls(log)[-1]["options"]["autostart"] is False
