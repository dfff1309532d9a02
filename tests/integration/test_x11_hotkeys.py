"""The X11 key grab on a real X server (Xvfb): registration, a taken chord, NumLock, a keymap change."""

from __future__ import annotations

import pytest

from tray_app.platform.hotkeys.base import ACTIVE, UNAVAILABLE, Binding
from tray_app.platform.hotkeys.x11 import X11Hotkeys


@pytest.fixture
def desktop():
    from helpers.desktop import VirtualDesktop, missing_tools

    if missing_tools(["Xvfb", "xdotool"]):
        pytest.fail("Xvfb/xdotool missing: scripts/test.sh installs them")
    with VirtualDesktop(tray=False) as d:
        yield d


def test_grab_press_taken_and_numlock(qtbot, desktop):
    pressed, statuses = [], {}
    first = X11Hotkeys(pressed.append, statuses.__setitem__, display=desktop.display)
    first.bind([Binding("quick_start", "Q", "Ctrl+Alt+Shift+Space"), Binding("toggle", "T", "Meta+F9")])
    assert statuses["quick_start"].state == ACTIVE and statuses["toggle"].state == ACTIVE
    assert len(first.ignored) >= 2  # CapsLock and NumLock at least: each chord is grabbed 4+ times

    other = {}
    second = X11Hotkeys(lambda _id: None, other.__setitem__, display=desktop.display)  # another program
    second.bind([Binding("x", "X", "Ctrl+Alt+Shift+Space")])
    assert other["x"].state == UNAVAILABLE and "already uses Ctrl+Alt+Shift+Space" in other["x"].message

    desktop.key("ctrl+alt+shift+space")
    qtbot.waitUntil(lambda: pressed == ["quick_start"], timeout=5000)
    desktop.key("Num_Lock", "super+F9", "Num_Lock")
    qtbot.waitUntil(lambda: pressed == ["quick_start", "toggle"], timeout=5000)
    desktop.key("ctrl+alt+space")  # not the chord: nothing
    first.bind([])  # released: now the other program can have it
    second.bind([Binding("x", "X", "Ctrl+Alt+Shift+Space")])
    assert other["x"].state == ACTIVE
    first.close()
    second.close()
    assert pressed == ["quick_start", "toggle"]
