"""The one thread every keychain call runs on, so that nothing else ever waits for the keychain.

A keychain call can take minutes: a locked keychain (or a first use that creates one) shows a
password prompt, and the Secret Service answers only when the user has typed or dismissed it. The
calls are blocking D-Bus (or Keychain / Credential Locker) calls, so they run here, off the event
loop, which keeps answering the icon, the command line and SIGTERM meanwhile.

Why not `asyncio.to_thread`: the default executor's threads are joined at the end (by
`asyncio.run`'s shutdown and by the interpreter's exit hook), so quitting would wait for the
prompt after all. A thread blocked in a D-Bus call cannot be stopped; this one is a daemon thread
that nobody joins: a caller that gives up (cancelled, quitting) just stops listening, and at exit
the thread is left behind. One thread for all calls keeps them in order (a save is never
overtaken by an older read) and shows the user one prompt at a time.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any


class KeychainThread:
    def __init__(self, name: str = "keychain"):
        self._name = name
        self._calls: queue.SimpleQueue[tuple[Future, Callable[..., Any], tuple]] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    async def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        """fn(*args) on the keychain thread; cancelling the await leaves the call to finish there."""
        future: Future = Future()
        self._start()
        self._calls.put((future, fn, args))
        return await asyncio.wrap_future(future)

    def _start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._serve, name=self._name, daemon=True)
                self._thread.start()

    def _serve(self) -> None:
        while True:
            future, fn, args = self._calls.get()
            if not future.set_running_or_notify_cancel():
                continue  # its caller gave up before it started
            try:
                result = fn(*args)
            except BaseException as exc:
                future.set_exception(exc)
            else:
                future.set_result(result)
