"""The screen lock told by the desktop's signal, not asked at every look: once a screen saver
service answers, its ActiveChanged says each lock and unlock; the away watch then leaves a locked
screen alone until the unlock, and still notices the return at once."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

from tray_app.core.away_watch import PRESENT_INTERVAL, AwayWatch, next_sample
from tray_app.core.state import AppState, Store
from tray_app.domain.entities import TimeEntry
from tray_app.platform.idle.base import FirstWorking
from tray_app.platform.idle.dbus import LOCK_REFRESH, ScreenLock
from tray_app.platform.portal_bus import PortalError

T0 = datetime(2025, 6, 2, 9, 0, tzinfo=timezone.utc)
TEN = timedelta(minutes=10)


class Handle:
    def __init__(self):
        self.queue: asyncio.Queue = asyncio.Queue()
        self.closed = False

    def close(self):
        self.closed = True


class SignallingBus:
    """A session bus with Xfce's screen saver (org.freedesktop.ScreenSaver) and its signal."""

    def __init__(self, active: bool = False):
        self.active = active
        self.calls: list[str] = []
        self.matches: list[dict] = []
        self.handle: Handle | None = None

    async def call(self, interface, method, signature="", body=(), *, path, destination):
        self.calls.append(destination)
        if destination != "org.freedesktop.ScreenSaver":
            raise PortalError(f"{destination}: org.freedesktop.DBus.Error.ServiceUnknown")
        return (self.active,)

    async def add_match(self, **rule):
        self.matches.append(rule)
        self.handle = Handle()
        return self.handle

    def emit(self, active: bool) -> None:
        self.active = active
        self.handle.queue.put_nowait(SimpleNamespace(body=(active,)))

    async def close(self):
        return None


def opener(bus):
    async def open_bus():
        return bus
    return open_bus


def test_after_the_first_answer_the_lock_is_told_by_its_signal_not_asked():
    async def go():
        now = [0.0]
        bus = SignallingBus()
        lock = ScreenLock(opener(bus), monotonic=lambda: now[0])
        assert not lock.tells_changes
        assert await lock.locked() is False
        assert lock.tells_changes
        assert bus.matches == [{"interface": "org.freedesktop.ScreenSaver", "member": "ActiveChanged",
                                "path": "/org/freedesktop/ScreenSaver"}]
        asked = len(bus.calls)
        waiting = asyncio.ensure_future(lock.changed())
        await asyncio.sleep(0)
        assert not waiting.done()
        bus.emit(True)  # the screen saver locked the screen
        await asyncio.wait_for(waiting, 5)
        assert await lock.locked() is True and len(bus.calls) == asked  # told, not asked
        bus.emit(False)  # unlocked while nobody waited
        assert await lock.locked() is False and len(bus.calls) == asked
        now[0] += LOCK_REFRESH  # a signal may go missing: asked again now and then
        bus.active = True
        assert await lock.locked() is True and len(bus.calls) == asked + 2  # (GNOME's first, then Xfce's)
        handle = bus.handle
        await lock.close()
        assert handle.closed

    asyncio.run(go())


def test_the_chain_tells_what_its_lock_tells():
    async def go():
        bus = SignallingBus(active=True)
        chain = FirstWorking([], ScreenLock(opener(bus)))
        assert not chain.tells_lock_changes
        assert await chain.locked() is True
        assert chain.tells_lock_changes
        waiting = asyncio.ensure_future(chain.lock_changed())
        bus.emit(False)
        await asyncio.wait_for(waiting, 5)

    asyncio.run(go())


def test_a_locked_screen_whose_unlock_is_told_is_not_looked_at():
    assert next_sample(TEN, 900.0, settled=False, locked_told=True) == PRESENT_INTERVAL
    assert next_sample(TEN, 900.0, settled=False) < PRESENT_INTERVAL  # not told: often


class LockedDesk:
    """X11 idle time with a screen saver that locks: the user leaves, it locks, they come back."""

    name = "fake"

    def __init__(self, bus: SignallingBus):
        self.t = 0.0
        self.last_input = 0.0
        self.waits: list[float] = []
        self.lock = ScreenLock(opener(bus), monotonic=lambda: self.t)
        self.chain = FirstWorking([], self.lock)
        self.asleep = asyncio.Event()  # the watch waits (a real wait: only a wake-up ends it early)

    # the idle backend's face
    @property
    def tells_lock_changes(self):
        return self.chain.tells_lock_changes

    async def lock_changed(self):
        await self.chain.lock_changed()

    async def idle_seconds(self) -> float:
        return self.t - self.last_input

    async def locked(self):
        return await self.chain.locked()

    async def close(self):
        await self.chain.close()

    async def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.asleep.set()
        await asyncio.Event().wait()


def test_the_watch_sleeps_through_a_locked_screen_and_wakes_at_the_unlock():
    async def go():
        bus = SignallingBus()
        desk = LockedDesk(bus)
        found = []
        store = Store(AppState(entry=TimeEntry("e1", start=T0 - timedelta(hours=1))))
        watch = AwayWatch(store, desk, threshold=lambda: TEN, on_away=found.append,
                          awork_now=lambda: T0 + timedelta(seconds=desk.t), wall=lambda: T0.timestamp() + desk.t,
                          monotonic=lambda: desk.t, sleep=desk.sleep)
        task = asyncio.ensure_future(watch.run())

        async def next_wait():
            desk.asleep.clear()
            await asyncio.wait_for(desk.asleep.wait(), 5)
            return desk.waits[-1]

        assert await next_wait() == PRESENT_INTERVAL  # the user is there
        desk.t = 300.0  # they left at 0; at 5 min the screen saver locks
        bus.emit(True)
        assert await next_wait() == PRESENT_INTERVAL  # locked: the unlock will be told
        samples = watch.samples
        desk.t = 3600.0  # an hour later they type their password
        desk.last_input = 3599.0
        bus.emit(False)
        await asyncio.wait_for(_until(lambda: found), 5)
        assert watch.samples == samples + 1  # woken by the unlock, nothing asked in between
        [away] = found
        assert away.start == T0 and away.end == T0 + timedelta(seconds=3599)
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)

    asyncio.run(go())


async def _until(done) -> None:
    while not done():
        await asyncio.sleep(0)
