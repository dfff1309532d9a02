"""The app's event loop (qasync's, tray_app/quiet_loop.py): a cancelled delayed call leaves no Qt
timer behind to wake the app for nothing, and the calls that are not cancelled run as before."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tray_app.quiet_loop import QuietEventLoop


@pytest.fixture
def loop(qapp):
    loop = QuietEventLoop(qapp)
    yield loop
    loop.close()


def test_a_cancelled_timeout_kills_its_qt_timer_at_once(loop):
    async def go():
        handle = loop.call_later(30, lambda: None)
        assert loop._delayed.pending == 1
        handle.cancel()
        assert loop._delayed.pending == 0
        async with asyncio.timeout(15):  # what the sync loop's wait and httpx's timeouts do
            await asyncio.sleep(0.01)
        await asyncio.wait_for(asyncio.sleep(0), 10)
        return loop._delayed.pending

    assert loop.run_until_complete(go()) == 0


def test_delayed_calls_run_in_order_and_a_cancelled_one_never(loop):
    ran = []

    async def go():
        loop.call_later(0.03, ran.append, "second")
        loop.call_later(0.01, ran.append, "first")
        loop.call_later(0.02, ran.append, "cancelled").cancel()
        loop.call_at(loop.time() + 0.04, ran.append, "at")
        await asyncio.sleep(0.1)

    loop.run_until_complete(go())
    assert ran == ["first", "second", "at"]
    assert loop._delayed.pending == 0


def test_a_request_leaves_no_timer_running_after_its_answer(loop):
    # httpx (through httpcore and anyio) arms a timeout for the connect, each write and each read
    # of a real socket; the answer cancels them.
    async def answer(reader, writer):
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: application/json\r\n\r\n{}")
        await writer.drain()
        writer.close()

    async def go():
        server = await asyncio.start_server(answer, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        try:
            async with httpx.AsyncClient(timeout=10) as client:
                reply = await client.get(f"http://127.0.0.1:{port}/")
            armed = loop._delayed.pending
        finally:
            server.close()
            await server.wait_closed()
        return reply.status_code, armed

    assert loop.run_until_complete(go()) == (200, 0)


def test_the_checks_and_errors_stay_asyncio_s(loop):
    async def coroutine():
        return None

    with pytest.raises(TypeError):
        loop.call_later(1, coroutine)
    with pytest.raises(TypeError):
        loop.call_later(1, "not callable")


def test_a_wait_never_ends_before_its_time(loop):
    # Qt's coarse timers (qasync's) may fire 5 % early: a 7.3 s sleep ended 0.3 s early, and the
    # sync loop, finding its moment not yet come, woke once more to wait the rest.
    async def go():
        late = []
        for delay in (0.25, 0.7, 1.3):
            start = loop.time()
            await asyncio.sleep(delay)
            late.append(loop.time() - start - delay)
        return late

    assert min(loop.run_until_complete(go())) >= 0


def test_a_qt_timer_that_fires_early_waits_out_the_rest(loop):
    # However Qt rounds a coarse timer, a call runs at its moment, not before.
    async def go():
        ran = []
        start = loop.time()
        loop.call_later(0.3, lambda: ran.append(loop.time() - start))
        delayed = loop._delayed
        (timer_id,) = list(delayed._calls)
        delayed.killTimer(timer_id)
        delayed.timerEvent(_TimerEvent(timer_id))  # Qt firing it at once, 0.3 s early
        assert ran == [] and delayed.pending == 1  # armed again for the rest
        while not ran:
            await asyncio.sleep(0.05)
        return ran[0]

    assert loop.run_until_complete(go()) >= 0.3


def test_a_wait_is_started_a_little_late_never_minutes_late():
    from tray_app.quiet_loop import timer_ms

    assert 0.95 * timer_ms(7.3) >= 7300  # the sync loop's waits: Qt's 5 % early still not early
    assert 0.95 * timer_ms(0.25) >= 250
    assert timer_ms(3 * 3600) <= 3 * 3600 * 1000 + 1000  # a reminder's three hours: 5 % would be 9 min


class _TimerEvent:
    def __init__(self, timer_id: int):
        self._id = timer_id

    def timerId(self) -> int:
        return self._id
