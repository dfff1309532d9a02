"""The away prompt and its controller: the question in English and German, K/D/C and Enter/Esc,
one at a time, never when off or while paused, and Discard acting through the commands."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tray_app.core.settings import Settings
from tray_app.core.state import AppState, Store
from tray_app.domain.away import Away
from tray_app.domain.entities import Break, Task, TimeEntry
from tray_app.platform.idle.base import NoIdle
from tray_app.ui.away_controller import AwayController, threshold_from
from tray_app.ui.away_prompt import AwayPrompt

from .languages import language_de

ARTIFACTS = Path(__file__).parent / "artifacts"
NOW = datetime(2025, 6, 2, 9, 40, tzinfo=timezone.utc)
AWAY = Away(NOW - timedelta(minutes=38), NOW)
ENTRY = TimeEntry("e1", start=NOW - timedelta(hours=2), task=Task("t1", "Sitemap entwerfen"))


class FakeCommands:
    def __init__(self):
        self.discarded = []
        self.clock = type("Clock", (), {"now": staticmethod(lambda: NOW)})()

    async def discard_away(self, entry_id, start, *, and_continue=False):
        self.discarded.append((entry_id, start, and_continue))


class FakeCore:
    def __init__(self, entry=ENTRY):
        self.store = Store(AppState(entry=entry))
        self.commands = FakeCommands()


@pytest.fixture
def rig(qtbot):
    core = FakeCore()
    settings = [Settings()]
    prompt = AwayPrompt(now=lambda: NOW)
    qtbot.addWidget(prompt)
    controller = AwayController(core, NoIdle("test"), lambda: settings[0], spawn=asyncio.run, prompt=prompt,
                                environ={})
    yield core, controller, prompt, settings
    prompt.dismiss()


def press(qtbot, prompt, key):
    qtbot.waitUntil(prompt.isActiveWindow)  # the keys are the window's shortcuts
    qtbot.keyClick(prompt.focusWidget() or prompt, key)


def test_the_question_names_the_away_time(qtbot, rig):
    _core, controller, prompt, _ = rig
    controller.away_found(AWAY)
    qtbot.waitUntil(prompt.isActiveWindow)
    local = [m.astimezone().strftime("%H:%M") for m in (AWAY.start, AWAY.end)]
    assert prompt.heading.text() == f"You were away from {local[0]} to {local[1]} (38 min)"
    assert "Sitemap entwerfen" in prompt.detail.text()
    assert prompt.focusWidget() is prompt.keep
    prompt.grab().save(str(ARTIFACTS / "away-prompt-en.png"))


@pytest.mark.parametrize("key, expected", [(Qt.Key.Key_D, [("e1", AWAY.start, False)]),
                                           (Qt.Key.Key_C, [("e1", AWAY.start, True)]),
                                           (Qt.Key.Key_K, []), (Qt.Key.Key_Escape, []), (Qt.Key.Key_Return, [])])
def test_keys(qtbot, rig, key, expected):
    core, controller, prompt, _ = rig
    controller.away_found(AWAY)
    press(qtbot, prompt, key)
    qtbot.waitUntil(lambda: not prompt.isVisible())
    assert core.commands.discarded == expected
    assert prompt.away is None


def test_one_at_a_time(qtbot, rig):
    core, controller, prompt, _ = rig
    controller.away_found(AWAY)
    later = Away(NOW, NOW + timedelta(minutes=20))
    controller.away_found(later)
    assert prompt.away == AWAY
    press(qtbot, prompt, Qt.Key.Key_D)
    assert core.commands.discarded == [("e1", AWAY.start, False)]


def test_never_when_off_and_gone_when_turned_off(qtbot, rig):
    _core, controller, prompt, settings = rig
    settings[0] = Settings(idle_detection=False)
    controller.away_found(AWAY)
    assert not prompt.isVisible() and prompt.away is None
    settings[0] = Settings()
    controller.away_found(AWAY)
    assert prompt.isVisible()
    settings[0] = Settings(idle_detection=False)
    controller.settings_changed()
    assert not prompt.isVisible()


def test_never_while_paused_and_gone_when_paused(qtbot, rig):
    core, controller, prompt, _ = rig
    core.store.update(entry=TimeEntry("e1", start=ENTRY.start, breaks=(Break(NOW - timedelta(minutes=1)),)))
    controller.away_found(AWAY)
    assert not prompt.isVisible()
    core.store.update(entry=ENTRY)
    controller.away_found(AWAY)
    assert prompt.isVisible()
    core.store.update(entry=TimeEntry("e1", start=ENTRY.start, breaks=(Break(NOW),)))  # paused elsewhere
    assert not prompt.isVisible()
    assert core.commands.discarded == []


def test_the_threshold_setting_and_the_override():
    assert threshold_from(Settings(), {}) == timedelta(minutes=10)
    assert threshold_from(Settings(idle_minutes=25), {}) == timedelta(minutes=25)
    assert threshold_from(Settings(idle_minutes=0), {}) == timedelta(minutes=1)
    assert threshold_from(Settings(idle_detection=False), {"AWORK_TRAY_IDLE_SECONDS": "3"}) is None
    assert threshold_from(Settings(), {"AWORK_TRAY_IDLE_SECONDS": "3"}) == timedelta(seconds=3)
    assert threshold_from(Settings(), {"AWORK_TRAY_IDLE_SECONDS": "soon"}) == timedelta(minutes=10)


def test_in_german(qtbot, rig, language_de):
    core, controller, prompt, _ = rig
    controller.away_found(AWAY)
    qtbot.waitUntil(prompt.isActiveWindow)
    assert prompt.heading.text().startswith("Du warst")
    assert prompt.keep.text() == "Behalten (B)"
    prompt.grab().save(str(ARTIFACTS / "away-prompt-de.png"))
    press(qtbot, prompt, Qt.Key.Key_V)
    assert core.commands.discarded == [("e1", AWAY.start, False)]


def test_a_sleep_the_sync_loop_noticed_makes_the_watch_look_at_once(qtbot):
    # The watch waits up to a minute on the awake clock, which stands still while the computer
    # sleeps: the return after a wake is noticed when the sync loop sees the clocks jump.
    from tray_app.core.sync import SyncLoop

    core = FakeCore()
    core.commands.when_acted = lambda _listener: None
    core.commands.store = core.store
    core.sync = SyncLoop(core.commands)
    prompt = AwayPrompt(now=lambda: NOW)
    qtbot.addWidget(prompt)
    controller = AwayController(core, NoIdle("test"), lambda: Settings(), spawn=asyncio.run, prompt=prompt, environ={})
    assert not controller.watch._changed.is_set()
    for listener in list(core.sync._jumped):  # what the sync loop does when it sees the jump
        listener()
    assert controller.watch._changed.is_set()  # (what ends the watch's wait)
    asyncio.run(controller.shutdown())
    assert core.sync._jumped == []  # let go of at the quit
