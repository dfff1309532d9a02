"""Running the app's main coroutine on Qt's event loop (qasync) until it is done, however Qt's loop ends.

Qt may end its own loop before the app asked it to: the session manager's logout quits the
application, and a display that goes away (the X server dies, the session ends) makes Qt leave its
loop too. qasync.run then raises "Event loop stopped before Future completed" with the shutdown
(closing the socket, the HTTP client, the tray icon) never run. Here the app is told to quit instead,
and the loop is run again until its shutdown is done, a bounded number of times: with no display
left, Qt may stop each run almost at once. What matters is already safe: the offline queue is
written to disk on every change.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine

log = logging.getLogger(__name__)

RESTARTS = 200  # each restart runs at least one pass of pending events
# asyncio's default executor runs the name lookups (getaddrinfo), the cache save and the autostart
# calls. qasync's own starts 10 threads at its first use and keeps them all; two that start only
# when needed are enough for these short calls (the keychain has its own thread).
EXECUTOR_THREADS = 2


def run_until_done(app, main: Coroutine, on_early_stop: Callable[[], None], restarts: int = RESTARTS):
    """Run `main` on a qasync loop over `app`; returns its result, or None when it could not finish."""
    from concurrent.futures import ThreadPoolExecutor

    from .quiet_loop import QuietEventLoop  # qasync's, with no wake-ups for cancelled timeouts

    loop = QuietEventLoop(app)
    _basic_timers(loop)  # qasync's own timers (calls due now) without building Qt's enums
    loop.set_default_executor(ThreadPoolExecutor(EXECUTOR_THREADS, thread_name_prefix="awork-io"))
    asyncio.set_event_loop(loop)
    task = loop.create_task(main)
    told = False
    try:
        for _ in range(restarts + 1):
            try:
                return loop.run_until_complete(task)
            except RuntimeError:
                if task.done():
                    raise  # the coroutine's own error, not the loop's
                if not told:
                    log.info("Qt's event loop ended (session or display ended): shutting down")
                    told = True
                on_early_stop()
        log.warning("the shutdown did not finish after the display or session went away")
        task.cancel()
        return None
    finally:
        _finish(loop, task)


def _basic_timers(loop) -> None:
    """qasync runs call_later (every sleep, every timeout) on QObject.startTimer/killTimer. In
    PySide6 6.8+ killTimer is overloaded (int or Qt.TimerId), and resolving it builds every enum of
    the Qt namespace (Qt.Key alone has 470 members): ~1.3 MiB kept for the life of the tray. The same
    timers through QBasicTimer (what QObject's own timers are) resolve no enum. qasync is pinned
    (pyproject): its timer object is replaced only where it is the one this was written for."""
    import qasync

    base = getattr(qasync, "_SimpleTimer", None)
    if base is None or type(getattr(loop, "_timer", None)) is not base:
        return
    from PySide6.QtCore import QBasicTimer

    class BasicTimers(base):
        def __init__(self):
            super().__init__()
            self._basic: dict[int, QBasicTimer] = {}

        def startTimer(self, msec: int, *_):  # Qt's name: qasync calls it
            timer = QBasicTimer()
            timer.start(msec, self)  # coarse, as QObject.startTimer's default
            self._basic[timer.timerId()] = timer
            return timer.timerId()

        def killTimer(self, timer_id: int) -> None:
            timer = self._basic.pop(timer_id, None)
            if timer is not None:
                timer.stop()

    loop._timer = BasicTimers()


def _finish(loop, task) -> None:
    """What asyncio.run does at the end, without raising when Qt will not run any more."""
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for t in pending:
        t.cancel()
    if pending:
        try:
            loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        except RuntimeError:
            pass
    try:
        loop.run_until_complete(loop.shutdown_asyncgens())
    except RuntimeError:
        pass
    asyncio.set_event_loop(None)
    loop.close()
