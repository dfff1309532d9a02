"""Waiting out a short rate limit on something the user asked for.

awork answers 429 when the workspace's requests are used up (awork-docs/rate-limits.mdx), with
the seconds until the reset. For a click, a hotkey or a command that is not a failure: a reset
of up to MAX_WAIT seconds is waited out, visibly (the store counts down: "awork is busy —
starting in 3 s"), and the action sent then. A longer one is raised for the caller, which queues
the action like an outage. The wait is an asyncio sleep through an injected function, so the UI
stays responsive, a cancel ends it at once, and tests need not sleep.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Awaitable, Callable
from typing import TypeVar

from ..api.errors import RateLimitedError
from ..domain.actions import TimerAction
from .state import Store

log = logging.getLogger(__name__)

MAX_WAIT = 10.0  # seconds a user's action may be held back before it is queued instead
ATTEMPTS = 3  # awork may say 429 again right after its reset: give up (and queue) after that

T = TypeVar("T")


class Patience:
    def __init__(self, store: Store, monotonic: Callable[[], float],
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep, max_wait: float = MAX_WAIT):
        self.store = store
        self._monotonic = monotonic
        self._sleep = sleep
        self.max_wait = max_wait

    async def call(self, action: TimerAction | str, send: Callable[[], Awaitable[T]]) -> T:
        """`send()`, waiting out short rate limits; raises RateLimitedError for a long one.
        `action`: what the wait is shown as; "" for the read that decides what a toggle does."""
        waited = 0.0
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return await send()
            except RateLimitedError as exc:
                if attempt == ATTEMPTS or waited + exc.retry_after > self.max_wait:
                    raise
                log.info("%s rate limited: sending it in %.1f s", getattr(action, "value", action) or "read",
                         exc.retry_after)
                await self._wait(action, exc.retry_after)
                waited += exc.retry_after
        raise AssertionError("unreachable")  # the loop returns or raises

    async def _wait(self, action: TimerAction | str, seconds: float) -> None:
        deadline = self._monotonic() + seconds
        try:
            while (left := deadline - self._monotonic()) > 0:
                self.store.update(waiting=(action, math.ceil(left)))
                # Wake at each whole second left, so the countdown steps 3, 2, 1.
                await self._sleep(left - math.ceil(left) + 1)
        finally:
            self.store.update(waiting=None)
