"""The settings window with its controller, built the way the app builds it, with fake hotkeys
(one chord, TAKEN, held by another program, which says so at length) and a fake autostart: the
`prefs` fixture (the window open; import it into a test module by name) and `settings_controller`
for tests and scripts that open the window themselves."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tray_app.core.settings import SettingsFile
from tray_app.core.state import AppState, Auth, Store
from tray_app.platform.hotkeys.manager import HotkeyManager

from helpers import fake_platform
from helpers.factories import USER
from helpers.fake_platform import TAKEN, FakeAutostart

LONG_TAKEN = ("Another program already uses Ctrl+Alt+Shift+P. Choose another shortcut. (The desktop's own shortcut "
              "settings list which one.)")

__all__ = ["LONG_TAKEN", "TAKEN", "FakeHotkeys", "prefs", "settings_controller"]


class FakeHotkeys(fake_platform.FakeHotkeys):
    """Every chord binds, except TAKEN, which another program holds: said at length, as a
    desktop may, so the layout checks meet a long status."""

    taken_reason = LONG_TAKEN


def settings_controller(config_dir: Path, state: AppState | None = None, language=None):
    """A started SettingsController as the app makes one, with fake hotkeys and autostart."""
    from tray_app.ui.settings_controller import SettingsController

    store = Store(state or AppState(auth=Auth.SIGNED_IN, user=USER, auth_source="keychain"))
    prefs = SettingsController(SettingsFile(config_dir), HotkeyManager(FakeHotkeys), FakeAutostart(), store,
                               spawn=asyncio.run,
                               command_for=lambda *args: " ".join(["/opt/awork/bin/awork-tray", *args]),
                               log_path="/home/carla/.local/state/awork-tray/log/awork-tray.log", language=language)
    prefs.start()
    return prefs


@pytest.fixture
def prefs(qtbot, tmp_path):
    """A signed-in user's settings, the window open and shown; closed after the test."""
    prefs = settings_controller(tmp_path)
    window = prefs.open_window()
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    yield prefs
    prefs.close()
