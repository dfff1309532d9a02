"""Pinned items are kept in the settings: what the popover pins is in settings.json at once, a
restart shows it again, and a folder that cannot be written is said (the pins hold until quit)."""

from __future__ import annotations

import asyncio
import json

import pytest
from PySide6.QtCore import Qt

from tray_app.app import _keep_pins
from tray_app.core.settings import SettingsFile
from tray_app.core.state import AppState, Auth, Store
from tray_app.domain.pins import Pin
from tray_app.platform.hotkeys.manager import HotkeyManager
from tray_app.ui.popover import Popover
from tray_app.ui.settings_controller import SettingsController

from helpers.factories import USER, signed_in, task_named
from helpers.fake_platform import FakeAutostart, FakeHotkeys
from helpers.list_reading import section
from helpers.unwritable import read_only_folder


def started(qtbot, tmp_path, workload):
    """What the tray's composition root builds for the pins: the settings, the popover, the wiring."""
    store = Store(AppState(auth=Auth.SIGNED_IN, user=USER, auth_source="keychain"))
    prefs = SettingsController(SettingsFile(tmp_path), HotkeyManager(FakeHotkeys), FakeAutostart(), store,
                               spawn=asyncio.run)
    popover = Popover()
    qtbot.addWidget(popover)
    popover.render(signed_in(workload))
    _keep_pins(popover, prefs)
    popover.open_at(None)
    qtbot.waitExposed(popover)
    popover.activateWindow()  # (the shortcut, like the user's, reaches the active window)
    qtbot.waitUntil(popover.isActiveWindow, timeout=2000)
    return prefs, popover


@pytest.fixture
def closing():
    opened = []
    yield opened
    for prefs, popover in opened:
        popover.hide()
        prefs.close()


def test_a_pin_survives_a_restart(qtbot, tmp_path, workload, closing):
    prefs, popover = started(qtbot, tmp_path, workload)
    closing.append((prefs, popover))
    qtbot.keyClick(popover.search, Qt.Key.Key_Down)
    qtbot.keyClick(popover.search, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    saved = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert [p["task"]["name"] for p in saved["pinned"]] == ["Startseite gestalten"]
    popover.hide()

    again = started(qtbot, tmp_path, workload)  # the next start of the app
    closing.append(again)
    assert [p.key for p in again[0].settings.pinned] == [Pin(task=task_named(workload, "Startseite gestalten")).key]
    assert section(again[1].list, "PINNED") == ["Startseite gestalten"]


def test_a_pin_that_cannot_be_saved_is_said_and_holds_until_quit(qtbot, tmp_path, workload, closing):
    folder = tmp_path / "config"
    with read_only_folder(folder, prepare=lambda path: (path / "settings.json").write_text("{}", encoding="utf-8")):
        prefs, popover = started(qtbot, folder, workload)
        closing.append((prefs, popover))
        qtbot.keyClick(popover.search, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        assert popover.status.text() == ("The pinned items could not be saved; they are kept until awork tray "
                                         "quits.")
        assert section(popover.list, "PINNED") == ["Sitemap entwerfen"]
        assert prefs.settings.pinned == popover.list.pins()
        assert json.loads((folder / "settings.json").read_text(encoding="utf-8")) == {}
