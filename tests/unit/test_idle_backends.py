"""Idle backends for every OS and desktop, with the OS calls replaced; and which one is chosen."""

from __future__ import annotations

import asyncio
import ctypes

import pytest

from tray_app.platform.idle import create_idle_backend
from tray_app.platform.idle.base import FirstWorking, IdleUnavailable, NoIdle
from tray_app.platform.idle.dbus import LOCK_RETRY, MutterIdle, ScreenLock, ScreenSaverIdle
from tray_app.platform.idle.macos import ANY_INPUT_EVENT, HID_SYSTEM_STATE, MacIdle
from tray_app.platform.idle.windows import WindowsIdle
from tray_app.platform.idle.x11 import X11Idle
from tray_app.platform.portal_bus import PortalError


def run(coro):
    return asyncio.run(coro)


# -- Windows ------------------------------------------------------------------------------------

class FakeUser32:
    def __init__(self, last_input: int, ok: bool = True):
        self.last_input, self.ok = last_input, ok

    def GetLastInputInfo(self, pointer):
        info = ctypes.cast(pointer, ctypes.POINTER(ctypes.c_uint32 * 2)).contents
        assert info[0] == 8  # cbSize set, as Windows insists
        info[1] = self.last_input
        return 1 if self.ok else 0


class FakeKernel32:
    def __init__(self, ticks: int):
        self.ticks = ticks

    def GetTickCount(self):
        return self.ticks


def test_windows_idle_and_the_49_day_wrap():
    assert run(WindowsIdle(user32=FakeUser32(1_000), kernel32=FakeKernel32(91_000)).idle_seconds()) == 90.0
    wrapped = WindowsIdle(user32=FakeUser32(0xFFFFFFFF - 999), kernel32=FakeKernel32(4_000))
    assert run(wrapped.idle_seconds()) == 5.0
    with pytest.raises(IdleUnavailable):
        run(WindowsIdle(user32=FakeUser32(0, ok=False), kernel32=FakeKernel32(0)).idle_seconds())


# -- macOS --------------------------------------------------------------------------------------

class FakeCoreGraphics:
    def __init__(self, seconds: float):
        self.seconds, self.asked = seconds, []

    def CGEventSourceSecondsSinceLastEventType(self, state, kind):
        self.asked.append((state, kind))
        return self.seconds


def test_macos_idle_asks_for_any_input_on_the_hardware_state():
    cg = FakeCoreGraphics(42.5)
    assert run(MacIdle(core_graphics=cg).idle_seconds()) == 42.5
    assert cg.asked == [(HID_SYSTEM_STATE, ANY_INPUT_EVENT)]
    with pytest.raises(IdleUnavailable):
        run(MacIdle(core_graphics=FakeCoreGraphics(float("nan"))).idle_seconds())


# -- X11 ----------------------------------------------------------------------------------------

class FakeScreenSaver:
    made = 0

    def __init__(self, display):
        FakeScreenSaver.made += 1
        self.display, self.closed, self.answers = display, False, [1500, IdleUnavailable("broken")]

    def ms_since_input(self):
        answer = self.answers.pop(0) if self.answers else 250
        if isinstance(answer, Exception):
            raise answer
        return answer

    def close(self):
        self.closed = True


def test_x11_idle_in_seconds_and_a_fresh_connection_after_a_broken_one():
    FakeScreenSaver.made = 0
    idle = X11Idle(":5", connect=FakeScreenSaver)
    assert run(idle.idle_seconds()) == 1.5
    with pytest.raises(IdleUnavailable):
        run(idle.idle_seconds())
    assert run(idle.idle_seconds()) == 1.5  # connected again
    assert FakeScreenSaver.made == 2
    run(idle.close())


# -- D-Bus: GNOME, KDE, the lock ----------------------------------------------------------------

class FakeBus:
    def __init__(self, answers: dict):
        self.answers, self.calls, self.closed = answers, [], False

    async def call(self, interface, method, signature="", body=(), *, path, destination):
        self.calls.append((destination, path, interface, method))
        answer = self.answers.get((destination, method))
        if answer is None:
            raise PortalError(f"{destination}: org.freedesktop.DBus.Error.ServiceUnknown")
        return answer

    async def close(self):
        self.closed = True


def opener(bus):
    async def open_bus():
        return bus
    return open_bus


def test_mutter_and_kde_idle_times_are_milliseconds():
    bus = FakeBus({("org.gnome.Mutter.IdleMonitor", "GetIdletime"): (61_000,),
                   ("org.freedesktop.ScreenSaver", "GetSessionIdleTime"): (2_500,)})
    assert run(MutterIdle(opener(bus)).idle_seconds()) == 61.0
    assert run(ScreenSaverIdle(opener(bus)).idle_seconds()) == 2.5
    assert bus.calls[0] == ("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core",
                            "org.gnome.Mutter.IdleMonitor", "GetIdletime")


def test_the_first_backend_that_answers_is_kept():
    bus = FakeBus({("org.freedesktop.ScreenSaver", "GetSessionIdleTime"): (4_000,)})  # KDE: no Mutter
    chain = FirstWorking([MutterIdle(opener(bus)), ScreenSaverIdle(opener(bus))])
    assert run(chain.idle_seconds()) == 4.0 and chain.name.startswith("KDE")
    bus.calls.clear()
    assert run(chain.idle_seconds()) == 4.0
    assert [c[3] for c in bus.calls] == ["GetSessionIdleTime"]  # Mutter is not asked again


def test_no_backend_answers():
    chain = FirstWorking([MutterIdle(opener(FakeBus({}))), ScreenSaverIdle(opener(FakeBus({})))])
    with pytest.raises(IdleUnavailable, match="ServiceUnknown"):
        run(chain.idle_seconds())


def test_a_missing_session_bus_is_unavailable_not_a_crash():
    async def no_bus():
        raise PortalError("no D-Bus session bus")

    with pytest.raises(IdleUnavailable):
        run(MutterIdle(no_bus).idle_seconds())


def test_the_lock_from_gnome_or_freedesktop_and_quiet_while_nobody_answers():
    gnome = FakeBus({("org.gnome.ScreenSaver", "GetActive"): (True,)})
    assert run(ScreenLock(opener(gnome)).locked()) is True
    xfce = FakeBus({("org.freedesktop.ScreenSaver", "GetActive"): (False,)})
    assert run(ScreenLock(opener(xfce)).locked()) is False
    now = [0.0]
    nobody = FakeBus({})
    lock = ScreenLock(opener(nobody), monotonic=lambda: now[0])
    assert run(lock.locked()) is None
    asked = len(nobody.calls)
    assert run(lock.locked()) is None and len(nobody.calls) == asked  # not asked again at once
    now[0] += LOCK_RETRY
    run(lock.locked())
    assert len(nobody.calls) == 2 * asked


# -- the choice ---------------------------------------------------------------------------------

def test_choice_per_platform_and_session():
    assert isinstance(create_idle_backend(platform="linux", environ={}), NoIdle)
    wayland = create_idle_backend(platform="linux", environ={"WAYLAND_DISPLAY": "wayland-0",
                                                             "DBUS_SESSION_BUS_ADDRESS": "unix:path=/x"})
    assert [type(c).__name__ for c in wayland._candidates] == ["MutterIdle", "ScreenSaverIdle"]
    assert isinstance(wayland._lock, ScreenLock)
    assert isinstance(create_idle_backend(platform="linux", environ={"WAYLAND_DISPLAY": "w"}), NoIdle)  # no bus
    x11 = create_idle_backend(platform="linux", environ={"DISPLAY": ":9"})
    assert [type(c).__name__ for c in x11._candidates] == ["X11Idle"] and x11._lock is None
    with pytest.raises(IdleUnavailable):
        run(NoIdle("no").idle_seconds())
