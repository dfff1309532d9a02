"""The X11 idle time on a real X server (Xvfb): it grows while nobody touches anything, and input
(xdotool, through XTest, as a person's would) sets it back to zero."""

from __future__ import annotations

import asyncio

import pytest

from tray_app.platform.idle import create_idle_backend
from tray_app.platform.idle.base import IdleUnavailable
from tray_app.platform.idle.x11 import X11Idle

from helpers.waiting import wait_for


@pytest.fixture
def desktop():
    from helpers.desktop import VirtualDesktop, missing_tools

    if missing_tools(["Xvfb", "xdotool"]):
        pytest.fail("Xvfb/xdotool missing: scripts/test.sh installs them")
    with VirtualDesktop(tray=False) as d:
        yield d


def test_idle_time_grows_and_input_resets_it(desktop):
    idle = X11Idle(desktop.display)

    def seconds() -> float:
        return asyncio.run(idle.idle_seconds())

    try:
        wait_for(lambda: seconds() >= 1.0, 10, what="a second without input")
        desktop.move_pointer(40, 50)
        assert seconds() < 1.0
        desktop.key("shift")
        assert seconds() < 1.0
    finally:
        asyncio.run(idle.close())


def test_the_factory_picks_x11_on_an_x_display(desktop):
    backend = create_idle_backend(platform="linux", environ={"DISPLAY": desktop.display})
    try:
        assert asyncio.run(backend.idle_seconds()) >= 0 and backend.name.startswith("X11")
    finally:
        asyncio.run(backend.close())


def test_no_x_server_is_unavailable_not_a_crash():
    idle = X11Idle(":97")  # nothing listens there
    with pytest.raises(IdleUnavailable):
        asyncio.run(idle.idle_seconds())
