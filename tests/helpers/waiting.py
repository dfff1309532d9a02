"""Waiting on a condition, never on the clock: the one way the tests wait.

`until` awaits inside the running event loop (asyncio's, or qasync's in the Qt tiers) while the
code under test brings the condition about; `wait_for` blocks the test's thread while another
thread or process does. Both return the predicate's first truthy value and fail naming what they
waited for, with the last value seen."""

from __future__ import annotations

import asyncio
import time
from typing import Any, Callable, TypeVar

T = TypeVar("T")


def _timed_out(what: str, timeout: float, last: Any, last_exc: BaseException | None) -> AssertionError:
    detail = f"last exception: {last_exc!r}" if last_exc is not None else f"last value: {last!r}"
    return AssertionError(f"timed out after {timeout:.1f}s waiting for {what} ({detail})")


async def until(predicate: Callable[[], T], timeout: float = 5.0, what: str = "condition",
                interval: float = 0.005) -> T:
    """Inside the loop: await `predicate()` turning truthy (the asyncio twin of qtbot.waitUntil)."""
    deadline = time.monotonic() + timeout
    while True:
        last = predicate()
        if last:
            return last
        if time.monotonic() >= deadline:
            raise _timed_out(what, timeout, last, None)
        await asyncio.sleep(interval)


def wait_for(
    predicate: Callable[[], T],
    timeout: float,
    interval: float = 0.05,
    what: str = "condition",
    ignore: tuple[type[BaseException], ...] = (),
) -> T:
    """Outside any loop: poll `predicate` until it returns a truthy value and return that value.

    Exceptions listed in `ignore` count as "not yet". The predicate is always tried at least
    once, and once more at the deadline."""
    deadline = time.monotonic() + timeout
    last: Any = None
    last_exc: BaseException | None = None
    while True:
        try:
            last = predicate()
            last_exc = None
            if last:
                return last
        except ignore as exc:  # type: ignore[misc]
            last_exc = exc
        now = time.monotonic()
        if now >= deadline:
            raise _timed_out(what, timeout, last, last_exc)
        time.sleep(min(interval, max(0.0, deadline - now)))
