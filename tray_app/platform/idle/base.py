"""What every idle backend offers: seconds since the last keyboard or mouse input, and whether the
screen is locked; plus the backend for desktops that tell neither, and a chain that keeps the
first of several candidates that answers (Wayland desktops differ in what they offer)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Protocol

log = logging.getLogger(__name__)


class IdleUnavailable(Exception):
    """This backend cannot tell the idle time here (no library, no display, no service)."""


class IdleBackend(Protocol):
    name: str  # what the settings window names as the source ("X11 screen saver extension")

    async def idle_seconds(self) -> float:
        """Seconds since the last keyboard or mouse input; raises IdleUnavailable."""

    async def locked(self) -> bool | None:
        """Is the screen locked? None: this desktop does not say."""

    async def close(self) -> None:
        """Let go of the display or bus connection."""


class NoIdle:
    """A desktop that tells no idle time: only sleep is noticed (by the clocks, in the core)."""

    name = ""

    def __init__(self, reason: str):
        self.reason = reason

    async def idle_seconds(self) -> float:
        raise IdleUnavailable(self.reason)

    async def locked(self) -> bool | None:
        return None

    async def close(self) -> None:
        return None


class FirstWorking:
    """Tries `candidates` in order until one answers, then keeps to it; `lock` (optional) says
    whether the screen is locked, wherever the idle time comes from."""

    def __init__(self, candidates: Sequence[IdleBackend], lock=None):
        self._candidates = list(candidates)
        self._chosen: IdleBackend | None = None
        self._lock = lock

    @property
    def name(self) -> str:
        return self._chosen.name if self._chosen is not None else ""

    async def idle_seconds(self) -> float:
        if self._chosen is not None:
            return await self._chosen.idle_seconds()
        problems = []
        for candidate in self._candidates:
            try:
                seconds = await candidate.idle_seconds()
            except IdleUnavailable as exc:
                problems.append(str(exc))
                continue
            self._chosen = candidate
            log.info("idle time from %s", candidate.name)
            return seconds
        raise IdleUnavailable("; ".join(problems) or "no idle time source")

    async def locked(self) -> bool | None:
        if self._lock is not None:
            return await self._lock.locked()
        return await self._chosen.locked() if self._chosen is not None else None

    @property
    def tells_lock_changes(self) -> bool:
        """The desktop tells a lock or unlock as it happens: `lock_changed` returns then."""
        return bool(getattr(self._lock, "tells_changes", False))

    async def lock_changed(self) -> None:
        await self._lock.changed()

    async def close(self) -> None:
        for backend in (*self._candidates, self._lock):
            if backend is not None:
                await backend.close()
