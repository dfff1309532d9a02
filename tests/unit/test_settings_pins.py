"""Pinned items in settings.json: they survive a restart, an old file without them still loads,
and a damaged pin costs only itself (never the other pins, nor the other settings)."""

from __future__ import annotations

import json

import pytest

from tray_app.core.settings import Settings, SettingsFile
from tray_app.domain.entities import Project, Task, TypeOfWork
from tray_app.domain.pins import Pin, pin_for

WEB = Project("p-web", "Website Relaunch", "WEB")
SITEMAP = Task("t1", "Sitemap entwerfen", "WEB-12", WEB, "tow-design")
MEETING = TypeOfWork("tow-meeting", "Meeting")
PINS = (Pin(task=SITEMAP), pin_for(SITEMAP, MEETING, "Abstimmung"), Pin(type_of_work=MEETING, note="Jour fixe"))


def test_pins_survive_a_restart(tmp_path):
    SettingsFile(tmp_path).save(Settings(pinned=PINS, language="de"))
    again = SettingsFile(tmp_path)
    loaded = again.load()
    assert loaded.pinned == PINS and loaded.language == "de"
    assert again.problem is None


def test_the_file_holds_plain_json_a_person_can_read(tmp_path):
    SettingsFile(tmp_path).save(Settings(pinned=PINS[1:2]))
    data = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert data["pinned"] == [{
        "task": {"id": "t1", "name": "Sitemap entwerfen", "key": "WEB-12", "typeOfWorkId": "tow-design",
                 "project": {"id": "p-web", "name": "Website Relaunch", "key": "WEB"}},
        "typeOfWork": {"id": "tow-meeting", "name": "Meeting"},
        "note": "Abstimmung",
    }]


def test_an_older_settings_file_without_pins_loads_with_none(tmp_path):
    old = {"hotkey_quick_start": "Ctrl+Alt+Space", "autostart": True, "language": "en", "tray_icon_style": "dark"}
    (tmp_path / "settings.json").write_text(json.dumps(old), encoding="utf-8")
    file = SettingsFile(tmp_path)
    loaded = file.load()
    assert loaded.pinned == () and loaded.hotkey_quick_start == "Ctrl+Alt+Space" and loaded.autostart
    assert file.problem is None and file.damaged is None


@pytest.mark.parametrize("pinned", [None, "Sitemap", 3, {"task": {"id": "t1", "name": "x"}}, [[]], [None]])
def test_pins_of_the_wrong_shape_mean_no_pins_and_keep_the_other_settings(tmp_path, pinned):
    (tmp_path / "settings.json").write_text(json.dumps({"language": "de", "pinned": pinned}), encoding="utf-8")
    file = SettingsFile(tmp_path)
    loaded = file.load()
    assert loaded.pinned == () and loaded.language == "de"
    assert file.damaged is None  # the file itself is fine: nothing is moved aside


def test_one_damaged_pin_costs_only_itself(tmp_path):
    SettingsFile(tmp_path).save(Settings(pinned=PINS))
    path = tmp_path / "settings.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["pinned"].insert(1, {"task": {"id": "t9"}})  # no name: a hand edit gone wrong
    data["pinned"].append("Sitemap")
    path.write_text(json.dumps(data), encoding="utf-8")
    assert SettingsFile(tmp_path).load().pinned == PINS


def test_saving_again_writes_only_what_was_read(tmp_path):
    (tmp_path / "settings.json").write_text(json.dumps({"pinned": [{"task": {"id": "t9"}},
                                                                   {"typeOfWork": {"id": "m", "name": "Meeting"}}]}),
                                            encoding="utf-8")
    file = SettingsFile(tmp_path)
    file.save(file.load())
    assert json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))["pinned"] == [
        {"typeOfWork": {"id": "m", "name": "Meeting"}}]
