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


class _Delayed(asyncio.Handle):
    """A delayed call that ends its timer when cancelled."""

    __slots__ = ("_kill",)

    def __init__(self, callback, args, loop, context=None):
        super().__init__(callback, args, loop, context=context)
        self._kill = None

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
        # Never early: a coarse timer may fire up to 5 % early, and a wait for a moment (the sync
        # loop's next read) that ends early only waits again, a wake-up more. Started at delay/0.95
        # it fires between the delay and 10 % after it. A precise timer would need Qt.TimerType,
        # and naming any Qt namespace enum builds all ~90 of them (~1 MiB; see qt_loop._basic_timers).
        timer = QBasicTimer()
        timer.start(math.ceil(max(0.0, delay) * 1000 / 0.95), self)
        timer_id = timer.timerId()
        self._timers[timer_id] = timer
        self._calls[timer_id] = handle
        handle._kill = lambda: self._cancelled(timer_id)
        return handle

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
            if not handle._cancelled:
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
