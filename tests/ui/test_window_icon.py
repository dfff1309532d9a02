"""The app's windows carry its icon (frame, task bar, Alt+Tab) although the tray no longer sets it
at start (on X11 that rendered it for the tray icon's own hidden window too): each window gives
it as it is built."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication, QIcon

from tray_app.ui.away_prompt import AwayPrompt
from tray_app.ui.icons import app_icon
from tray_app.ui.popover import Popover
from tray_app.ui.settings_window import SettingsWindow

WINDOWS = {
    "popover": Popover,
    "settings": lambda: SettingsWindow([], ""),
    "away prompt": AwayPrompt,
}


@pytest.fixture
def no_app_icon(qapp):
    """As a freshly started tray has it."""
    QGuiApplication.setWindowIcon(QIcon())
    yield
    QGuiApplication.setWindowIcon(QIcon())


@pytest.mark.parametrize("name", WINDOWS)
def test_each_window_shows_the_app_icon(name, no_app_icon, qtbot):
    window = WINDOWS[name]()
    qtbot.addWidget(window)
    assert not window.windowIcon().isNull()
    assert window.windowIcon().cacheKey() == app_icon().cacheKey()
