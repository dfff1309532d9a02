"""A D-Bus question ends when its asker is cancelled, whatever the bus does: the quit cancels the
away watch while it asks for the screen lock, and the bus may hold that question for as long as
it tries to start a screen saver service.

The cause was asyncio.wait_for (Python 3.11): cancelled in the moment its call's answer came, it
returned the answer and dropped the cancellation. The screen-lock check then went on to ask the
next service, which the bus held for the call's 30 s timeout, and the quit waited for it."""

from __future__ import annotations

import asyncio

from jeepney import DBusAddress, new_error, new_method_call, new_method_return

from tray_app.platform.idle.dbus import ScreenLock
from tray_app.platform.portal_bus import PortalBus

GNOME = ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver")


class HeldBus:
    """A router whose answers the test gives (or never gives): one future per call, in order."""

    def __init__(self):
        self.calls: list[tuple[str, asyncio.Future]] = []
        self.asked = asyncio.Event()

    async def send_and_get_reply(self, msg):
        answer = asyncio.get_running_loop().create_future()
        self.calls.append((msg.header.fields, answer))
        self.asked.set()
        return await answer


class Closer:
    def __init__(self):
        self.closed = False

    async def __aexit__(self, *exc):
        self.closed = True


def _question():
    path, name = GNOME
    return new_method_call(DBusAddress(path, bus_name=name, interface=name), "GetActive")


def reply(active: bool):
    return new_method_return(_question(), "b", (active,))


def no_such_service():
    return new_error(_question(), "org.freedesktop.DBus.Error.ServiceUnknown", "s", ("not here",))


async def asked(bus: HeldBus, count: int) -> None:
    while len(bus.calls) < count:
        bus.asked.clear()
        await asyncio.wait_for(bus.asked.wait(), 5)


async def a_held_call() -> tuple[HeldBus, PortalBus, asyncio.Task]:
    """GNOME's GetActive asked through a PortalBus on a bus that holds it: (the bus, ours, the asking task)."""
    router = HeldBus()
    bus = PortalBus(router, Closer())
    task = asyncio.ensure_future(bus.call("org.gnome.ScreenSaver", "GetActive", path=GNOME[0], destination=GNOME[1]))
    await asked(router, 1)
    return router, bus, task


def test_a_call_cancelled_as_its_answer_comes_is_cancelled_not_answered():
    async def go():
        router, _bus, task = await a_held_call()
        router.calls[0][1].set_result(reply(False))  # the answer and the quit in the same moment
        task.cancel()
        await asyncio.wait({task}, timeout=5)
        return task

    task = asyncio.run(go())
    assert task.cancelled()


def test_the_screen_lock_check_ends_at_once_when_cancelled_and_asks_no_further_service():
    async def go():
        router = HeldBus()
        bus = PortalBus(router, Closer())

        async def open_bus():
            return bus

        lock = ScreenLock(open_bus)
        task = asyncio.ensure_future(lock.locked())
        await asked(router, 1)
        router.calls[0][1].set_result(no_such_service())  # no GNOME screen saver: the next is asked
        task.cancel()
        done, _ = await asyncio.wait({task}, timeout=5)  # (the bug: the next service's 30 s)
        closing = asyncio.ensure_future(lock.close())
        closed, _ = await asyncio.wait({closing}, timeout=5)
        for _fields, answer in router.calls:
            answer.cancel()
        return done, task, len(router.calls), closed, bus._closer.closed

    done, task, calls, closed, really = asyncio.run(go())
    assert done and task.cancelled()
    assert calls == 1  # the freedesktop service was never asked: the bus would have held that too
    assert closed and really


def test_a_call_the_bus_never_answers_ends_at_once_when_cancelled():
    async def go():
        _router, bus, task = await a_held_call()
        task.cancel()
        done, _ = await asyncio.wait({task}, timeout=5)
        await bus.close()
        return done, task, bus._closer.closed

    done, task, closed = asyncio.run(go())
    assert done and task.cancelled() and closed
