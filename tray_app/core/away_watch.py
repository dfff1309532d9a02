"""Watches for time away from the computer while a timer runs, and says when the user is back.

Every few seconds while a timer runs (never while it is paused or stopped, never when the setting
is off) it asks the desktop's idle backend (tray_app/platform/idle) how long since the last input
and whether the screen is locked, and feeds the domain's AwayTracker. A gap of at least the
threshold that the running entry counted is handed to `on_away`, moved to awork's clock.
Where the desktop tells no idle time, the clocks still show a sleep.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta, timezone

from ..domain.away import Away, AwayTracker, Sample, while_running
from ..domain.timer import TimerState
from ..platform.idle.base import IdleBackend, IdleUnavailable
from .state import Store

log = logging.getLogger(__name__)

MAX_INTERVAL = 5.0  # seconds between samples: how late a return may be noticed, and the start's precision
MIN_INTERVAL = 0.5


def interval_for(threshold: timedelta) -> float:
    """Often enough to notice a return soon after the threshold (a short one in tests)."""
    return min(max(threshold.total_seconds() / 2, MIN_INTERVAL), MAX_INTERVAL)


class AwayWatch:
    def __init__(self, store: Store, backend: IdleBackend, *, threshold: Callable[[], timedelta | None],
                 on_away: Callable[[Away], None], awork_now: Callable[[], datetime],
                 wall: Callable[[], float] = time.time, monotonic: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep):
        """`threshold()`: the away time worth asking about, None while the setting is off.
        `awork_now()`: awork's clock (the core's), which the entry's times are on."""
        self.store = store
        self.backend = backend
        self._threshold = threshold
        self._on_away = on_away
        self._awork_now = awork_now
        self._wall = wall
        self._monotonic = monotonic
        self._sleep = sleep
        self._tracker = AwayTracker(timedelta(minutes=10))
        self._changed = asyncio.Event()
        self.problem: str | None = None  # why the desktop tells no idle time (None: it does, or not asked yet)
        self.answered = False  # the backend has told an idle time
        self._unsubscribe = store.subscribe(lambda _state: self._changed.set())

    def poke(self) -> None:
        """The setting changed: look again at once."""
        self._changed.set()

    @property
    def source(self) -> str:
        """Where the idle time comes from ("" while unknown or unavailable)."""
        return getattr(self.backend, "name", "") if self.answered and self.problem is None else ""

    async def probe(self) -> str | None:
        """Ask the backend once (for the settings window); returns the problem, if any."""
        await self._idle()
        return self.problem

    async def run(self) -> None:
        try:
            while True:
                threshold = self._threshold()
                state = self.store.state
                if threshold is None or state.timer is not TimerState.RUNNING:
                    self._tracker.reset()  # paused or stopped: that time is not away time
                    self._changed.clear()
                    await self._changed.wait()
                    continue
                self._tracker.threshold = threshold
                away = self._tracker.feed(await self._sample())
                if away is not None:
                    self._found(away, threshold)
                await self._sleep(interval_for(threshold))
        finally:
            self._unsubscribe()

    def _found(self, away: Away, threshold: timedelta) -> None:
        state = self.store.state
        if self._threshold() is None or state.timer is not TimerState.RUNNING or state.entry is None:
            return  # turned off, or paused, while the backend answered
        offset = self._awork_now() - datetime.fromtimestamp(self._wall(), timezone.utc)
        counted = while_running(away.shifted(offset), state.entry, threshold)
        if counted is not None:
            log.info("away for %d min (slept: %s)", counted.minutes, counted.slept)
            self._on_away(counted)

    async def _sample(self) -> Sample:
        idle = await self._idle()
        try:
            locked = bool(await self.backend.locked())
        except Exception as exc:
            log.debug("screen lock unknown: %r", exc)
            locked = False
        return Sample(datetime.fromtimestamp(self._wall(), timezone.utc), self._monotonic(), idle, locked)

    async def _idle(self) -> float | None:
        try:
            seconds = await self.backend.idle_seconds()
        except IdleUnavailable as exc:
            if self.problem is None:
                log.info("no idle time from the desktop: %s", exc)
            self.problem = str(exc) or "unavailable"
            return None
        except Exception as exc:
            log.warning("idle time failed: %r", exc)
            self.problem = str(exc) or type(exc).__name__
            return None
        self.problem, self.answered = None, True
        return seconds
