"""Idle time and screen lock over the D-Bus session bus (jeepney, through platform/portal_bus.py).

GNOME (Wayland and X11): Mutter's org.gnome.Mutter.IdleMonitor GetIdletime, in milliseconds.
KDE Plasma: org.freedesktop.ScreenSaver GetSessionIdleTime. The freedesktop draft says seconds,
but KDE (the one desktop that answers it) gives milliseconds, so that is what is read.
The lock: org.gnome.ScreenSaver GetActive on GNOME, org.freedesktop.ScreenSaver GetActive on KDE,
Xfce, Cinnamon and others. Asked only now and then while nobody answers it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable

from ..portal_bus import PortalBus, PortalError
from .base import IdleUnavailable

log = logging.getLogger(__name__)

LOCK_RETRY = 60.0  # seconds between asks while no screen saver service answers

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

    async def locked(self) -> bool | None:
        if self._monotonic() < self._quiet_until:
            return None
        for service in self.SERVICES:
            try:
                (active,) = await self._call(*service, "GetActive")
                return bool(active)
            except IdleUnavailable:
                continue
        self._quiet_until = self._monotonic() + LOCK_RETRY
        return None
