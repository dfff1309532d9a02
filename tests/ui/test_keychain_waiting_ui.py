"""While the keychain's password prompt is up, the tooltip and the popover say what the tray waits for."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tray_app.core.state import AppState
from tray_app.ui.tray import Tray


@pytest.fixture
def tray(qtbot):
    tray = Tray()
    yield tray
    tray.menu.deleteLater()


def test_the_tooltip_says_it_waits_for_the_keychain(tray):
    tray.render(AppState(keychain_waiting=True))
    assert "Waiting for the keychain to be unlocked" in tray.icon.toolTip()
    tray.render(AppState())
    assert "keychain" not in tray.icon.toolTip()


def test_the_popover_says_it_waits_for_the_keychain(popover):
    state = replace(popover._state, keychain_waiting=True)
    popover.render(state)
    assert popover.status.isVisibleTo(popover)
    assert "Waiting for the keychain to be unlocked" in popover.status.text()
    popover.render(replace(state, keychain_waiting=False))
    assert "keychain" not in popover.status.text()
