"""A wall clock and a `call_later` that move only when a test says so (for the reminders' one timer).

`FakeTimers.call_later` has asyncio's signature; `advance(seconds)` moves the clock and runs, in
order, every callback that falls due on the way. `sleep(seconds)` moves the wall clock alone, as a
suspended computer does: the monotonic waits already set do not move with it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from contextlib import contextmanager
from datetime import datetime, timedelta


class _Handle:
    def __init__(self, timers: FakeTimers, due: float, callback: Callable[[], None]):
        self.timers, self.due, self.callback, self.cancelled = timers, due, callback, False

    def cancel(self) -> None:
        self.cancelled = True


class FakeTimers:
    def __init__(self, start: datetime):
        self.wall = start
        self.monotonic = 0.0
        self.handles: list[_Handle] = []
        self.delays: list[float] = []  # every wait asked for

    def now(self) -> datetime:
        return self.wall

    def call_later(self, delay: float, callback: Callable[[], None]) -> _Handle:
        self.delays.append(delay)
        handle = _Handle(self, self.monotonic + delay, callback)
        self.handles.append(handle)
        return handle

    @property
    def pending(self) -> list[_Handle]:
        """The waits set and neither run nor cancelled."""
        return [h for h in self.handles if not h.cancelled]

    def advance(self, seconds: float) -> None:
        target = self.monotonic + seconds
        while True:
            live = sorted((h for h in self.handles if not h.cancelled), key=lambda h: h.due)
            if not live or live[0].due > target:
                break
            handle = live[0]
            self.handles.remove(handle)
            self.wall += timedelta(seconds=handle.due - self.monotonic)
            self.monotonic = handle.due
            handle.callback()
        self.wall += timedelta(seconds=target - self.monotonic)
        self.monotonic = target

    def sleep(self, seconds: float) -> None:
        self.wall += timedelta(seconds=seconds)


@contextmanager
def local_zone(name: str):
    """This process's local zone (what `datetime.astimezone()` uses) for a while."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()
