"""Watches for time away from the computer while a timer runs, and says when the user is back.

While a timer runs (never while it is paused or stopped, never when the setting is off) it asks
the desktop's idle backend (tray_app/platform/idle) how long since the last input and whether the
screen is locked, and feeds the domain's AwayTracker. A gap of at least the threshold that the
running entry counted is handed to `on_away`, moved to awork's clock. Where the desktop tells no
idle time, the clocks still show a sleep.

It asks as seldom as that allows (`next_sample`): a user who typed `idle` seconds ago cannot have
been away for the threshold before `threshold - idle` from now, so it sleeps until then (at most
a minute: see PRESENT_INTERVAL); once they may be away, every few seconds, so the return is noticed
soon. A setting changed, the timer paused or switched, or a sleep noticed by the sync loop
(`poke`) ends the wait at once; so does a lock or unlock where the desktop tells them
(platform/idle/dbus.py), and then a locked screen is not looked at until it unlocks.
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

MAX_INTERVAL = 5.0  # seconds between samples while the user may be away: how late a return is noticed
MIN_INTERVAL = 0.5
# Seconds between samples at most while the user is there. A sleep's start is known only from the
# samples (Linux's and macOS's idle counters leave the sleep out, and a clock jump shows only
# after the wake), so this is how much working time before a sleep may be taken for away time;
# the prompt rounds to minutes.
PRESENT_INTERVAL = 60.0


def interval_for(threshold: timedelta) -> float:
    """Often enough to notice a return soon after the threshold (a short one in tests)."""
    return min(max(threshold.total_seconds() / 2, MIN_INTERVAL), MAX_INTERVAL)


def next_sample(threshold: timedelta, idle: float | None, *, settled: bool = True,
                locked_told: bool = False) -> float:
    """Seconds until the next sample, after one that read `idle` seconds since the last input.

    Away time starts at the last input, so none reaches the threshold before `threshold - idle`
    from now: nothing to notice until then. From then on, and while the desktop tells no idle time,
    after a sleep or with the screen locked (not `settled`), often enough to notice the return;
    but a locked screen whose unlock the desktop will tell (`locked_told`) needs no looking at."""
    often = interval_for(threshold)
    if locked_told:
        return max(PRESENT_INTERVAL, often)
    if idle is None or not settled:
        return often
    return min(max(threshold.total_seconds() - idle, often), max(PRESENT_INTERVAL, often))


def _watched(state) -> tuple:
    """What of the state the watch acts on: whether the timer runs, and which entry."""
    return state.timer, state.entry.id if state.entry is not None else None


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
        self.samples = 0  # how often the backend was asked while a timer ran (the tests count them)
        self._seen = _watched(store.state)
        self._unsubscribe = store.subscribe(self._state_changed)

    def poke(self) -> None:
        """The setting changed, or the computer slept (the sync loop saw the clocks jump): look
        again at once."""
        self._changed.set()

    def _state_changed(self, state) -> None:
        # Not every store update (a sync writes one every 30 s): only what the watch acts on.
        seen = _watched(state)
        if seen != self._seen:
            self._seen = seen
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
                self._changed.clear()  # (a change while the backend answers ends the wait below)
                sample = await self._sample()
                away = self._tracker.feed(sample)
                if away is not None:
                    self._found(away, threshold)
                told = bool(getattr(self.backend, "tells_lock_changes", False))
                await self._wait(next_sample(threshold, sample.idle, settled=self._tracker.settled,
                                             locked_told=sample.locked and told), lock_told=told)
        finally:
            self._unsubscribe()

    async def _wait(self, seconds: float, *, lock_told: bool = False) -> None:
        """`seconds`, or less when poked, the timer changes or (`lock_told`) the screen locks or unlocks."""
        if self._changed.is_set():
            return
        waits = [asyncio.ensure_future(self._sleep(seconds)), asyncio.ensure_future(self._changed.wait())]
        if lock_told:
            waits.append(asyncio.ensure_future(self.backend.lock_changed()))
        try:
            await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in waits:
                task.cancel()
            await asyncio.gather(*waits, return_exceptions=True)

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
        self.samples += 1
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
