"""The settings window's Reminders section, in English and German: rendered from the settings,
each change saved at once and passed on for the reminders to plan with."""

from __future__ import annotations

import asyncio
import json

import pytest
from PySide6.QtCore import QPoint, Qt, QTime

from tray_app.core.settings import Settings, SettingsFile
from tray_app.core.state import AppState, Auth, Store
from tray_app.platform.hotkeys.manager import HotkeyManager
from tray_app.ui.settings_controller import SettingsController

from .grabs import grab
from .languages import language_de
from helpers.fake_platform import FakeAutostart, FakeHotkeys


def make_prefs(qtbot, tmp_path) -> SettingsController:
    prefs = SettingsController(SettingsFile(tmp_path), HotkeyManager(FakeHotkeys), FakeAutostart(),
                               Store(AppState(auth=Auth.SIGNED_IN)), spawn=asyncio.run,
                               command_for=lambda cmd: f"awork-tray {cmd}")
    window = prefs.open_window()
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    return prefs


@pytest.fixture
def prefs(qtbot, tmp_path):
    prefs = make_prefs(qtbot, tmp_path)
    yield prefs
    prefs.close()


def saved(tmp_path) -> dict:
    return json.loads((tmp_path / "settings.json").read_text())


def click(qtbot, box) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def test_defaults_are_on_monday_to_friday_nine_to_six_every_quarter_hour(prefs):
    section = prefs.window.reminders
    assert section.title() == "Reminders" and section.enabled.isChecked()
    assert [day for day, box in section.days.items() if box.isChecked()] == [1, 2, 3, 4, 5]
    assert [box.text() for box in section.days.values()] == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert section.start.time() == QTime(9, 0) and section.end.time() == QTime(18, 0)
    assert section.minutes.value() == 15 and section.minutes.text() == "15 min"
    assert section.details.isEnabled()
    grab(prefs.window, "settings-reminders-en")


def test_each_change_is_saved_and_passed_on(prefs, qtbot, tmp_path):
    section = prefs.window.reminders
    told: list[Settings] = []
    prefs.reminders_changed.connect(told.append)
    click(qtbot, section.days[6])
    assert saved(tmp_path)["working_days"] == "123456"
    section.end.setTime(QTime(17, 30))
    assert saved(tmp_path)["working_end"] == "17:30"
    section.minutes.setValue(30)
    assert saved(tmp_path)["reminder_minutes"] == 30
    click(qtbot, section.enabled)
    assert saved(tmp_path)["reminders"] is False and not section.details.isEnabled()
    assert [(s.working_days, s.working_end, s.reminder_minutes, s.reminders) for s in told] == [
        ("123456", "18:00", 15, True), ("123456", "17:30", 15, True), ("123456", "17:30", 30, True),
        ("123456", "17:30", 30, False)]


def test_a_saved_choice_is_shown_again_and_a_damaged_one_as_the_default(qtbot, tmp_path):
    (tmp_path / "settings.json").write_text(json.dumps(
        {"reminders": False, "working_days": "67", "working_start": "22:00", "working_end": "06:00",
         "reminder_minutes": 45}))
    prefs = make_prefs(qtbot, tmp_path)
    section = prefs.window.reminders
    assert not section.enabled.isChecked() and not section.details.isEnabled()
    assert [day for day, box in section.days.items() if box.isChecked()] == [6, 7]
    assert section.start.time() == QTime(22, 0) and section.end.time() == QTime(6, 0)
    assert section.minutes.value() == 45
    prefs.close()
    (tmp_path / "settings.json").write_text(json.dumps({"working_days": "weekdays", "working_start": "soon"}))
    prefs = make_prefs(qtbot, tmp_path)
    section = prefs.window.reminders
    assert [day for day, box in section.days.items() if box.isChecked()] == [1, 2, 3, 4, 5]
    assert section.start.time() == QTime(9, 0)
    assert not (tmp_path / "settings.json").read_text().count("09:00")  # showing it wrote nothing
    prefs.close()


@pytest.mark.usefixtures("language_de")
def test_in_german(prefs):
    section = prefs.window.reminders
    assert section.title() == "Erinnerungen"
    assert section.enabled.text() == "Erinnere mich daran, meine Zeit zu erfassen"
    assert [box.text() for box in section.days.values()][:2] == ["Mo.", "Di."]
    assert section.days[1].accessibleName() == "Montag"
    assert section.minutes.text() == "15 Min."
    grab(prefs.window, "settings-reminders-de")
