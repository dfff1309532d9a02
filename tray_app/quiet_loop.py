"""qasync's event loop, with delayed calls whose cancel also ends their Qt timer.

qasync puts every `call_later` (asyncio.sleep, asyncio.timeout, httpx's and anyio's timeouts) on a
Qt timer of its own and, when the call is cancelled, leaves that timer running: it fires later,
finds the call cancelled and does nothing, but the app woke for it. Each request to awork arms
half a dozen timeouts (5 s, 10 s, 15 s) that are cancelled as soon as the answer comes, so a
running timer's sync every 30 s cost as many wake-ups again for nothing, long after the request.
Here a cancelled call's Qt timer is killed at once, and a call never runs before its time;
calls due now (call_soon) stay qasync's.
"""

from __future__ import annotations

import asyncio
import math

import qasync
from PySide6.QtCore import QBasicTimer, QObject, QTimerEvent

SLACK = 0.0527  # a coarse Qt timer fires within 5 % of its interval: 1/0.95 - 1
MAX_SLACK_S = 1.0
EARLY_S = 0.001  # closer than this to its moment, a call runs (the loop's clock and Qt's differ by less)


def timer_ms(delay: float) -> int:
    """The coarse Qt timer's interval for a call due in `delay` seconds (see _DelayedCalls._arm)."""
    delay = max(0.0, delay)
    return math.ceil((delay + min(delay * SLACK, MAX_SLACK_S)) * 1000)


class _Delayed(asyncio.Handle):
    """A delayed call that ends its timer when cancelled."""

    __slots__ = ("_kill", "_when")

    def __init__(self, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context=context)
        self._kill = None
        self._when = 0.0  # the loop's time it is due at

    def cancel(self) -> None:
        if not self._cancelled:
            super().cancel()
            kill, self._kill = self._kill, None
            if kill is not None:
                kill()


class _DelayedCalls(QObject):
    """One Qt timer per delayed call (as qasync's own), killed when the call is cancelled."""

    def __init__(self):
        super().__init__()
        self._calls: dict[int, _Delayed] = {}
        self._timers: dict[int, QBasicTimer] = {}

    def killTimer(self, timer_id: int) -> None:  # Qt's name: the timers are QBasicTimers
        timer = self._timers.pop(timer_id, None)
        if timer is not None:
            timer.stop()

    def add(self, handle: _Delayed, delay: float) -> _Delayed:
        handle._when = handle._loop.time() + max(0.0, delay)
        self._arm(handle, delay)
        return handle

    def _arm(self, handle: _Delayed, delay: float) -> None:
        # A coarse timer (QBasicTimer's; a precise one would need Qt.TimerType, and naming any Qt
        # namespace enum builds all ~90 of them, ~1 MiB: see qt_loop._basic_timers) may fire a
        # little early, to wake together with others. A wait that ends early only waits again (a
        # wake-up more), so it is started a little late: 5 % of the delay, at most a second. Should
        # it still fire early, the rest is waited out (timerEvent): never early, never minutes late.
        timer = QBasicTimer()
        timer.start(timer_ms(delay), self)
        timer_id = timer.timerId()
        self._timers[timer_id] = timer
        self._calls[timer_id] = handle
        handle._kill = lambda: self._cancelled(timer_id)

    @property
    def pending(self) -> int:
        """Qt timers still running (the tests count them)."""
        return len(self._calls)

    def _cancelled(self, timer_id: int) -> None:
        if self._calls.pop(timer_id, None) is not None:
            self.killTimer(timer_id)

    def timerEvent(self, event: QTimerEvent) -> None:
        timer_id = event.timerId()
        self.killTimer(timer_id)
        handle = self._calls.pop(timer_id, None)
        if handle is not None:
            handle._kill = None
            if handle._cancelled:
                return
            early = handle._when - handle._loop.time()
            if early > EARLY_S:
                self._arm(handle, early)
            else:
                handle._run()

    def stop(self) -> None:
        for timer_id in list(self._calls):
            self.killTimer(timer_id)
        self._calls.clear()


class QuietEventLoop(qasync.QEventLoop):
    def __init__(self, app=None, **kw):
        super().__init__(app, **kw)
        self._delayed = _DelayedCalls()

    def call_later(self, delay, callback, *args, context=None):
        if delay <= 0 or not callable(callback) or asyncio.iscoroutinefunction(callback):
            return super().call_later(delay, callback, *args, context=context)  # (its checks, its errors)
        return self._delayed.add(_Delayed(callback, args, self, context=context), delay)

    def close(self) -> None:
        super().close()
        self._delayed.stop()
