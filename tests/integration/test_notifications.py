"""Notifications go to the desktop's notification service, on a private session bus."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tray_app.platform.notifications import create_notifier
from tray_app.platform.notifications.base import BalloonNotifier
from tray_app.platform.notifications.freedesktop import DesktopNotifier

from helpers.fake_portal.bus import session_bus  # a fixture
from helpers.fake_portal.notifications import dismiss, invoke
from helpers.waiting import until

TESTS = Path(__file__).resolve().parents[1]


@pytest.fixture
def bus(session_bus):
    return session_bus


@pytest.fixture
def service(bus, tmp_path):
    started = []

    def start(module: str, *args: str):
        env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=bus, PYTHONPATH=str(TESTS))
        proc = subprocess.Popen([sys.executable, "-m", module, *args], env=env, stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "ready"
        started.append(proc)

    yield start
    for proc in started:
        proc.kill()
        proc.wait(5)
        proc.stdout.close()


def received(log: Path) -> list[dict]:
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def test_messages_go_to_the_notification_service_and_replace_each_other(service, tmp_path):
    log = tmp_path / "notify.jsonl"
    service("helpers.fake_portal.notifications", str(log), "--markup")
    balloons = []

    async def scenario():
        notifier = create_notifier(lambda *a: balloons.append(a))
        assert isinstance(notifier, DesktopNotifier)
        notifier.notify("awork tray", "Timer paused: R&D <draft>", warning=False)
        notifier.notify("awork tray", "Offline — retrying.")
        await until(lambda: len(received(log)) == 2)
        await notifier.close()

    asyncio.run(scenario())
    first, second = received(log)
    assert first["summary"] == "awork tray" and first["body"] == "Timer paused: R&amp;D &lt;draft&gt;"
    assert first["hints"] == {"urgency": 1, "desktop-entry": "com.awork.tray"}
    assert first["replaces"] == 0 and second["replaces"] == first["id"]  # one message at a time, not a stack
    assert second["icon"] == "dialog-warning"
    assert balloons == []


def test_plain_text_servers_get_the_text_as_it_is(service, tmp_path):
    log = tmp_path / "notify.jsonl"
    service("helpers.fake_portal.notifications", str(log))

    async def scenario():
        notifier = create_notifier(lambda *a: None)
        notifier.notify("awork tray", "R&D <draft>")
        await until(lambda: received(log))
        await notifier.close()

    asyncio.run(scenario())
    assert received(log)[0]["body"] == "R&D <draft>"


@pytest.mark.parametrize(("watcher", "balloon_expected"), [(False, True), (True, False)])
def test_no_notification_service_falls_back_without_hijacking_an_sni_icon(service, watcher, balloon_expected):
    if watcher:
        service("helpers.fake_portal.sni_watcher")
    balloons = []

    async def scenario():
        notifier = create_notifier(lambda *a: balloons.append(a))
        notifier.notify("awork tray", "Offline — retrying.")
        await until(lambda: notifier._worker is not None and notifier._worker.done())
        await notifier.close()

    asyncio.run(scenario())
    # Without a watcher Qt's icon is XEmbed and its balloon is its own window; with one, Qt would
    # mark the SNI item NeedsAttention for a message that goes nowhere: then only the log has it.
    assert balloons == ([("awork tray", "Offline — retrying.", True)] if balloon_expected else [])


def test_no_session_bus_at_all_uses_qt_s_balloon(tmp_path):
    env = {"XDG_RUNTIME_DIR": str(tmp_path)}  # no bus socket in it
    assert isinstance(create_notifier(lambda *a: None, platform="linux", environ=env), BalloonNotifier)


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_windows_and_macos_use_the_platform_s_own(platform):
    balloons = []
    notifier = create_notifier(lambda *a: balloons.append(a), platform=platform, environ={})
    assert isinstance(notifier, BalloonNotifier)
    notifier.notify("awork tray", "Timer paused", warning=False)
    assert balloons == [("awork tray", "Timer paused", False)]


# -- actions (a reminder's buttons) ----------------------------------------------------------------

REMINDER_ACTIONS = (("continue", "Continue"), ("quick_start", "Open quick start"))


def test_actions_are_offered_and_the_user_s_choice_comes_back(service, bus, tmp_path):
    log = tmp_path / "notify.jsonl"
    service("helpers.fake_portal.notifications", str(log))
    chosen = []

    async def scenario():
        notifier = create_notifier(lambda *a: None)
        notifier.notify("awork tray", "Not tracking", warning=False, actions=REMINDER_ACTIONS,
                        on_action=chosen.append)
        await until(lambda: received(log))
        await asyncio.to_thread(invoke, bus, received(log)[0]["id"], "quick_start")
        await until(lambda: chosen)
        # A message is answered once: a second click (a service that keeps it) does nothing more.
        await asyncio.to_thread(invoke, bus, received(log)[0]["id"], "continue")
        notifier.notify("awork tray", "Not tracking", warning=False, actions=REMINDER_ACTIONS,
                        on_action=chosen.append)
        await until(lambda: len(received(log)) == 2)
        await asyncio.to_thread(invoke, bus, received(log)[1]["id"], "default")  # a click on the message
        await until(lambda: len(chosen) == 2)
        await notifier.close()

    asyncio.run(scenario())
    first = received(log)[0]
    assert first["actions"] == [["default", "Continue"], ["continue", "Continue"], ["quick_start", "Open quick start"]]
    assert chosen == ["quick_start", "continue"]  # "default" is the first action


def test_a_dismissed_or_replaced_message_s_actions_no_longer_act(service, bus, tmp_path):
    log = tmp_path / "notify.jsonl"
    service("helpers.fake_portal.notifications", str(log))
    chosen = []

    async def scenario():
        notifier = create_notifier(lambda *a: None)
        notifier.notify("awork tray", "Still tracking", actions=(("stop", "Stop"), ("keep", "Keep")),
                        on_action=chosen.append)
        await until(lambda: received(log))
        message_id = received(log)[0]["id"]
        await asyncio.to_thread(dismiss, bus, message_id)
        await until(lambda: message_id not in notifier._handlers)
        await asyncio.to_thread(invoke, bus, message_id, "stop")
        notifier.notify("awork tray", "Still tracking", actions=(("stop", "Stop"),), on_action=chosen.append)
        notifier.notify("awork tray", "Timer paused", warning=False)  # replaces it: no buttons any more
        await until(lambda: len(received(log)) == 3)
        await asyncio.to_thread(invoke, bus, received(log)[2]["id"], "stop")
        # The fake answers in order: once a later call's reply is here, the signals before it were read.
        notifier.notify("awork tray", "Timer resumed", warning=False)
        await until(lambda: len(received(log)) == 4 and notifier.sent == 4)
        await notifier.close()

    asyncio.run(scenario())
    assert [m["id"] for m in received(log)] == [1, 1, 1, 1]  # one message at a time
    assert received(log)[2]["actions"] == []
    assert chosen == []


def test_a_service_without_actions_gets_the_text_alone(service, tmp_path):
    log = tmp_path / "notify.jsonl"
    service("helpers.fake_portal.notifications", str(log), "--no-actions")

    async def scenario():
        notifier = create_notifier(lambda *a: None)
        notifier.notify("awork tray", "Not tracking", actions=REMINDER_ACTIONS, on_action=lambda key: None)
        await until(lambda: received(log))
        await notifier.close()

    asyncio.run(scenario())
    assert received(log)[0]["actions"] == [] and received(log)[0]["body"] == "Not tracking"


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_a_click_on_qt_s_message_picks_the_default_action(platform):
    balloons, chosen = [], []
    notifier = create_notifier(lambda *a: balloons.append(a), platform=platform, environ={})
    notifier.clicked()  # nothing pending: nothing happens
    notifier.notify("awork tray", "Not tracking", warning=False, actions=REMINDER_ACTIONS, on_action=chosen.append)
    assert balloons == [("awork tray", "Not tracking\nClick here: Continue", False)]
    notifier.clicked()
    notifier.clicked()  # once per message
    assert chosen == ["continue"]
    notifier.notify("awork tray", "Not tracking", actions=REMINDER_ACTIONS, on_action=chosen.append)
    notifier.notify("awork tray", "Timer paused", warning=False)  # a later message without actions
    notifier.clicked()
    assert chosen == ["continue"]
