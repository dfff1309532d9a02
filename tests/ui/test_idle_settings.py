"""The settings window's "Time away" section: on/off and minutes saved at once and handed to the
away controller, and where the idle time comes from, or that this desktop tells none."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from tray_app.core.settings import SettingsFile
from tray_app.core.state import AppState, Auth, Store
from tray_app.platform.hotkeys.manager import HotkeyManager
from tray_app.platform.idle.base import NoIdle
from tray_app.ui.away_controller import AwayController
from tray_app.ui.settings_controller import SettingsController

from .languages import language_de
from helpers.fake_platform import FakeAutostart, FakeHotkeys

ARTIFACTS = Path(__file__).parent / "artifacts"


class Answers:
    name = "X11 (MIT-SCREEN-SAVER)"

    async def idle_seconds(self):
        return 3.0

    async def locked(self):
        return None

    async def close(self):
        return None


class FakeCore:
    def __init__(self):
        from datetime import datetime, timezone

        self.store = Store(AppState(auth=Auth.SIGNED_IN))
        self.commands = type("Commands", (), {"clock": type("C", (), {"now": staticmethod(
            lambda: datetime.now(timezone.utc))})()})()


def open_settings(qtbot, tmp_path, backend):
    core = FakeCore()
    holder = {}
    away = AwayController(core, backend, lambda: holder["prefs"].settings, spawn=asyncio.run, environ={})
    prefs = SettingsController(SettingsFile(tmp_path), HotkeyManager(FakeHotkeys), FakeAutostart(), core.store,
                               spawn=asyncio.run, command_for=lambda cmd: f"awork-tray {cmd}", idle=away)
    holder["prefs"] = prefs
    changed = []
    prefs.idle_changed.connect(lambda: changed.append(prefs.settings))
    prefs.start()
    window = prefs.open_window()
    qtbot.addWidget(window)
    return prefs, window, changed


def test_on_off_and_minutes_are_saved_and_told(qtbot, tmp_path):
    prefs, window, changed = open_settings(qtbot, tmp_path, Answers())
    box = window.idle
    assert box.enabled.isChecked() and box.value() == 10 and box.minutes.currentText() == "10 min"
    assert box.status.text() == "Idle time from: X11 (MIT-SCREEN-SAVER)"
    box.minutes.setCurrentIndex(box.minutes.findData(30))
    box.enabled.setChecked(False)
    saved = json.loads((tmp_path / "settings.json").read_text())
    assert saved["idle_minutes"] == 30 and saved["idle_detection"] is False
    assert [(s.idle_detection, s.idle_minutes) for s in changed] == [(True, 30), (False, 30)]
    assert not box.minutes.isEnabled()
    window.idle.grab().save(str(ARTIFACTS / "settings-time-away-en.png"))
    prefs.close()


def test_a_desktop_without_idle_time_says_so(qtbot, tmp_path):
    prefs, window, _ = open_settings(qtbot, tmp_path, NoIdle("this desktop tells apps no idle time"))
    assert window.idle.status.text().startswith("⚠ This desktop does not tell apps how long you have been idle")
    assert "Only sleep is noticed" in window.idle.status.text()
    prefs.close()


def test_in_german(qtbot, tmp_path, language_de):
    prefs, window, _ = open_settings(qtbot, tmp_path, Answers())
    assert window.idle.title() == "Abwesenheit"
    window.idle.grab().save(str(ARTIFACTS / "settings-time-away-de.png"))
    prefs.close()


def test_a_value_from_the_file_that_is_not_offered_is_shown(qtbot, tmp_path):
    (tmp_path / "settings.json").write_text(json.dumps({"idle_minutes": 25}))
    prefs, window, _ = open_settings(qtbot, tmp_path, Answers())
    assert window.idle.value() == 25 and window.idle.minutes.currentText() == "25 min"
    prefs.close()
