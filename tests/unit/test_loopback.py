"""The sign-in listener against hostile and careless local requests: only our state ends the flow."""

from __future__ import annotations

import asyncio
import logging
import socket
from urllib.parse import quote

import pytest

from tray_app.api.auth.loopback import LoopbackListener
from tray_app.api.auth.oauth import SignInError

from helpers.waiting import until

STATE = "our-state-0123456789"
URI = "http://127.0.0.1:{port}/callback"


async def get(port: int, target: str) -> tuple[int, str]:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    await writer.drain()
    reply = (await reader.read()).decode("utf-8", "replace")
    writer.close()
    return int(reply.split(" ", 2)[1]), reply


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


async def listener() -> tuple[LoopbackListener, int]:
    port = free_port()
    return await LoopbackListener.open([URI.format(port=port)], STATE), port


@pytest.mark.parametrize("stray", [
    "/callback?code=evil&state=wrong", "/callback?code=evil", "/callback?error=access_denied",
    "/callback?error=server_error&error_description=boom&state=wrong", "/callback?state=&code=x",
])
def test_a_stray_answer_gets_400_and_the_real_one_still_signs_in(stray):
    async def go():
        flow, port = await listener()
        status, _ = await get(port, stray)
        assert status == 400
        assert not flow._result.done()  # still waiting for the browser
        status, page = await get(port, f"/callback?code=the-code&state={STATE}")
        assert status == 200 and "Signed in" in page
        return await flow.wait()

    assert asyncio.run(go()) == "the-code"


def test_an_error_with_our_state_ends_the_flow_with_a_short_plain_description():
    hostile = "\x1b]0;pwned\x07\x1b[31mred\x1b[0m\r\nnext line\x00 " + "A" * 5000
    async def go():
        flow, port = await listener()
        status, page = await get(port, f"/callback?error=server_error&error_description={quote(hostile)}&state={STATE}")
        assert status == 400 and "<script" not in page and "\x1b" not in page
        with pytest.raises(SignInError) as failed:
            await flow.wait()
        return failed.value.user_message

    message = asyncio.run(go())
    assert "red" in message and "next line" in message
    assert not any(ord(c) < 32 or 127 <= ord(c) < 160 for c in message)
    assert len(message) < 400


def test_idle_connections_left_open_are_closed_quietly(caplog, capfd):
    caplog.set_level(logging.DEBUG)

    async def go():
        flow, port = await listener()
        idle = [await asyncio.open_connection("127.0.0.1", port) for _ in range(300)]
        await get(port, f"/callback?code=c&state={STATE}")
        code = await flow.wait()
        # Each sees the listener hang up when the flow ends, not READ_TIMEOUT later.
        closed = await asyncio.wait_for(asyncio.gather(*(r.read() for r, _ in idle)), 5)
        for _, w in idle:
            w.close()
        return code, closed

    code, closed = asyncio.run(go())
    assert code == "c" and closed == [b""] * 300
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert "Traceback" not in capfd.readouterr().err


def test_idle_connections_when_the_app_quits_mid_flow_are_closed_quietly(caplog, capfd):
    caplog.set_level(logging.DEBUG)

    # The browser's side: plain sockets, not tied to the loop, so the test can close them after
    # the app's loop is gone (asyncio's own would warn that they outlived it).
    idle: list[socket.socket] = []

    async def go():
        flow, port = await listener()
        idle.extend(socket.create_connection(("127.0.0.1", port)) for _ in range(50))
        await until(lambda: len(flow._connections) == len(idle))
        asyncio.get_running_loop().create_task(signing_in(flow))
        await asyncio.sleep(0)  # (one turn: the sign-in is now waiting for the browser)
        # asyncio.run ends with the flow and the connections still open: it cancels the sign-in.

    async def signing_in(flow):
        try:
            await flow.wait()
        finally:
            await flow.close()  # as core/browser_sign_in.py does

    try:
        asyncio.run(go())
    finally:
        for connection in idle:
            connection.close()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    assert "Traceback" not in capfd.readouterr().err
