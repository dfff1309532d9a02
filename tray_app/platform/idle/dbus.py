"""Idle time and screen lock over the D-Bus session bus (jeepney, through platform/portal_bus.py).

GNOME (Wayland and X11): Mutter's org.gnome.Mutter.IdleMonitor GetIdletime, in milliseconds.
KDE Plasma: org.freedesktop.ScreenSaver GetSessionIdleTime. The freedesktop draft says seconds,
but KDE (the one desktop that answers it) gives milliseconds, so that is what is read.
The lock: org.gnome.ScreenSaver GetActive on GNOME, org.freedesktop.ScreenSaver GetActive on KDE,
Xfce, Cinnamon and others. Asked only now and then while nobody answers it. Once one answers, its
ActiveChanged signal tells every lock and unlock (`changed`), so the away watch need not ask while
the screen stays locked; it is asked again only after LOCK_REFRESH, in case a signal went missing.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

from ..portal_bus import PortalBus, PortalError
from .base import IdleUnavailable

log = logging.getLogger(__name__)

LOCK_RETRY = 60.0  # seconds between asks while no screen saver service answers
LOCK_REFRESH = 300.0  # seconds a lock state its signal told is trusted before it is asked again

OpenBus = Callable[[], Awaitable[PortalBus]]


class _OnBus:
    def __init__(self, open_bus: OpenBus = PortalBus.open):
        self._open_bus = open_bus
        self._bus: PortalBus | None = None

    async def _call(self, destination: str, path: str, interface: str, method: str) -> tuple:
        if self._bus is None:
            try:
                self._bus = await self._open_bus()
            except PortalError as exc:
                raise IdleUnavailable(str(exc)) from exc
        try:
            return await self._bus.call(interface, method, path=path, destination=destination)
        except PortalError as exc:
            raise IdleUnavailable(str(exc)) from exc

    async def close(self) -> None:
        if self._bus is not None:
            await self._bus.close()
            self._bus = None


class MutterIdle(_OnBus):
    name = "GNOME (Mutter IdleMonitor)"

    async def idle_seconds(self) -> float:
        (ms,) = await self._call("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core",
                                 "org.gnome.Mutter.IdleMonitor", "GetIdletime")
        return int(ms) / 1000.0

    async def locked(self) -> bool | None:
        return None


class ScreenSaverIdle(_OnBus):
    name = "KDE (org.freedesktop.ScreenSaver)"

    async def idle_seconds(self) -> float:
        (ms,) = await self._call("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
                                 "org.freedesktop.ScreenSaver", "GetSessionIdleTime")
        return int(ms) / 1000.0

    async def locked(self) -> bool | None:
        return None


class ScreenLock(_OnBus):
    """Is the screen locked? GNOME's screen saver first, then the freedesktop one."""

    SERVICES = (
        ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
        ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    )

    def __init__(self, open_bus: OpenBus = PortalBus.open, monotonic: Callable[[], float] = time.monotonic):
        super().__init__(open_bus)
        self._monotonic = monotonic
        self._quiet_until = 0.0
        self._signals = None  # the answering service's ActiveChanged, once subscribed
        self._active: bool | None = None
        self._told_at = 0.0

    @property
    def tells_changes(self) -> bool:
        """A lock or unlock is told as it happens (`changed` returns), not only when asked."""
        return self._signals is not None

    async def locked(self) -> bool | None:
        if self._signals is not None:
            self._read_signals()
            if self._monotonic() - self._told_at < LOCK_REFRESH:
                return self._active
        if self._monotonic() < self._quiet_until:
            return None
        for service in self.SERVICES:
            try:
                (active,) = await self._call(*service, "GetActive")
            except IdleUnavailable:
                continue
            self._active, self._told_at = bool(active), self._monotonic()
            await self._subscribe(service)
            return self._active
        self._quiet_until = self._monotonic() + LOCK_RETRY
        return None

    async def changed(self) -> None:
        """Returns when the screen locks or unlocks; never while no signal is subscribed."""
        if self._signals is None:
            await asyncio.Event().wait()
        message = await self._signals.queue.get()
        self._active, self._told_at = bool(message.body[0]), self._monotonic()

    def _read_signals(self) -> None:
        queue = self._signals.queue
        while not queue.empty():
            self._active, self._told_at = bool(queue.get_nowait().body[0]), self._monotonic()

    async def _subscribe(self, service: tuple[str, str, str]) -> None:
        if self._signals is not None or self._bus is None:
            return
        _destination, path, interface = service
        try:
            self._signals = await self._bus.add_match(interface=interface, member="ActiveChanged", path=path)
        except Exception as exc:  # asked, then: the lock is still read, only not told
            log.debug("screen lock signal not subscribed: %r", exc)

    async def close(self) -> None:
        if self._signals is not None:
            self._signals.close()
            self._signals = None
        await super().close()
