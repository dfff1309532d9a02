"""Keeps the tray in step with awork: reads the timer now and then, sooner when asked.

Cheap by design: about every 30 s while a timer runs, every few minutes while idle, which keeps
a user at 2 requests a minute at most against a rate limit the whole workspace shares. After an
error it backs off exponentially with jitter; after a 429 it waits exactly as long as awork says.
A jump between the wall clock and the monotonic clock (the laptop slept, or the clock was set)
triggers a sync at once.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from typing import Callable

from ..api.errors import ApiError, AuthError, NotSignedInError, RateLimitedError
from ..domain.away import clock_jumped
from ..domain.timer import TimerState
from .state import Auth

log = logging.getLogger(__name__)

ACTIVE_INTERVAL = 30.0  # a timer runs or is paused: notice changes from elsewhere soon
IDLE_INTERVAL = 180.0
CHECK_EVERY = 15.0  # how often the clocks are compared for a jump (a wake-up every 15 s)
MAX_BACKOFF = 300.0
TOTALS_QUIET = 60.0  # after a 429, a minute with no read of the week's totals: the timer comes first


class SyncLoop:
    def __init__(
        self,
        commands,
        *,
        wall: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
        jitter: Callable[[], float] = random.random,
        totals: bool = False,
    ):
        """`totals`: after each good sync, read the week's entries when that read is due (core/day.py)."""
        self.commands = commands
        self.store = commands.store
        self._wall = wall
        self._monotonic = monotonic
        self._jitter = jitter
        self._totals = totals
        self._limited_at: float | None = None  # when awork last said 429 to a sync
        self._poked = asyncio.Event()
        self._jumped: list[Callable[[], None]] = []
        self.failures = 0  # in a row: the backoff grows with them
        commands.when_acted(self.poke)  # the user acted: read awork's answer soon

    def when_jumped(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call `listener` when the clocks jumped apart (a sleep, a clock set): a wait set on the
        monotonic clock for a wall-clock moment (a reminder's) is off by that much."""
        self._jumped.append(listener)
        return lambda: self._jumped.remove(listener)

    def poke(self) -> None:
        """Sync at once: the popover opened, the user acted, the network came back."""
        self._poked.set()

    async def run(self, *, first_delay: float | None = None) -> None:
        due = self._monotonic() + (self.interval() if first_delay is None else first_delay)
        last_wall, last_mono = self._wall(), self._monotonic()
        while True:
            wait = min(max(due - self._monotonic(), 0.0), CHECK_EVERY)
            try:
                # (Not wait_for, which makes the Event.wait() coroutine before it asks for the
                # running loop: when Qt runs this step with no loop running, as qasync does once
                # after its loop stops, that coroutine was left never awaited.)
                async with asyncio.timeout(wait):
                    await self._poked.wait()
            except TimeoutError:
                pass
            poked = self._poked.is_set()
            self._poked.clear()
            wall, mono = self._wall(), self._monotonic()
            jumped = clock_jumped(wall - last_wall, mono - last_mono)  # the idle prompt's sleep test too
            last_wall, last_mono = wall, mono
            if jumped:
                log.info("the clock jumped (sleep or a clock change): syncing now")
                for listener in list(self._jumped):
                    listener()
            if poked or jumped or mono >= due:
                due = self._monotonic() + await self.sync_once()
                # What the popover's "retrying in N s" counts down to: this schedule, no other.
                self.store.update(next_try=due if self.store.state.offline else None)

    def interval(self) -> float:
        active = self.store.state.timer is not TimerState.IDLE
        return ACTIVE_INTERVAL if active else IDLE_INTERVAL

    async def sync_once(self) -> float:
        """One sync; returns how long to wait before the next."""
        if self.store.state.auth is Auth.SIGNED_OUT:
            return IDLE_INTERVAL  # nothing to ask until the user signs in: no loop of 401s
        try:
            await self.commands.refresh_timer()
        except RateLimitedError as exc:
            log.info("rate limited: waiting %.0f s", exc.retry_after)
            self._limited_at = self._monotonic()
            return max(exc.retry_after, 1.0)
        except (AuthError, NotSignedInError):
            return IDLE_INTERVAL
        except ApiError as exc:
            self.failures += 1
            delay = self.backoff()
            log.info("sync failed (%s); next try in %.0f s", type(exc).__name__, delay)
            if self.store.state.offline:
                self.store.update(error=None)  # "Offline — retrying" says it; no stale error on top
            return delay
        except Exception:  # a bug or a full disk (the outbox) must not end syncing for good
            log.exception("sync failed unexpectedly")
            self.failures += 1
            return self.backoff()
        self.failures = 0
        limited_lately = self._limited_at is not None and self._monotonic() - self._limited_at < TOTALS_QUIET
        if self._totals and not limited_lately:
            await self._read_day()
        return self.interval()

    async def _read_day(self) -> None:
        """The totals' week, when a read is due (core/day.py): after a good timer read, in the same
        wake-up, so it adds no schedule of its own. Its failure is no sync failure: the last totals
        stay, and the next sync tries again."""
        try:
            await self.commands.refresh_day()
        except ApiError as exc:
            log.info("the week's entries not read: %s", type(exc).__name__)
        except Exception:
            log.exception("reading the week's entries failed unexpectedly")

    def backoff(self) -> float:
        base = min(2.0 * 2 ** max(self.failures - 1, 0), MAX_BACKOFF)
        return base * (0.5 + self._jitter())  # jitter: many trays never retry in lockstep
