"""Tasks a test leaves pending on an event loop it shares with Qt (qasync).

A task still pending when its loop closes is destroyed with "Task was destroyed but it is
pending!" at the end of the run, far from the test that left it. The qloop fixtures end such
tasks after each test and fail that test, naming what was left."""

from __future__ import annotations

import asyncio


def pending_tasks(loop: asyncio.AbstractEventLoop) -> list[asyncio.Task]:
    return [task for task in asyncio.all_tasks(loop) if not task.done()]


def end_leftovers(loop: asyncio.AbstractEventLoop) -> list[str]:
    """Cancel and await every task still pending on `loop` (not running); say which they were."""
    left = pending_tasks(loop)
    for task in left:
        task.cancel()
    if left:
        loop.run_until_complete(asyncio.gather(*left, return_exceptions=True))
    return [describe(task) for task in left]


def describe(task: asyncio.Task) -> str:
    coro = task.get_coro()
    return getattr(coro, "__qualname__", None) or repr(coro)
