"""The tray's socket server on Linux and macOS (a plain AF_UNIX socket, no QtNetwork), and the
Windows pipe server (QLocalServer), which Qt also runs here over a Unix socket: same protocol."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tray_app.platform.instance import InstanceServer, SocketServer
from tray_app.platform.instance_client import MAX_LINE, InstanceAddress, send_request
from tray_app.platform.instance_pipe import PipeServer

ROOT = Path(__file__).resolve().parents[2]


def in_thread(qloop, fn, *args, **kw):
    return qloop.run_until_complete(asyncio.to_thread(fn, *args, **kw))


async def echo(request):
    return {"exit": 0, "stdout": "ok " + request["cmd"], "stderr": ""}


def test_linux_and_macos_serve_without_qtnetwork():
    assert sys.platform == "win32" or InstanceServer is SocketServer
    code = "import sys, tray_app.platform.instance; print('PySide6.QtNetwork' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 0 and done.stdout.strip() == "False", done.stderr


@pytest.mark.parametrize("server_class", [SocketServer, PipeServer], ids=["socket", "pipe"])
def test_both_servers_answer_the_same(qloop, address, server_class):
    server = server_class(address)
    assert server.listen()
    try:
        assert in_thread(qloop, send_request, address, {"cmd": "show"})["exit"] == 1  # still starting
        server.handler = echo
        assert in_thread(qloop, send_request, address, {"cmd": "status", "args": {}})["stdout"] == "ok status"

        def raw(data: bytes) -> dict:
            with socket.socket(socket.AF_UNIX) as s:
                s.connect(address.name)
                s.sendall(data)
                return json.loads(s.makefile().readline())

        assert in_thread(qloop, raw, b'{"cmd": "x", "args": []}\n')["exit"] == 2
        assert in_thread(qloop, raw, b'[1]\n')["exit"] == 2
    finally:
        server.close()


def test_the_socket_is_the_users_alone_and_gone_after_close(qloop, address):
    server = SocketServer(address)
    assert server.listen()
    info = os.stat(address.name)
    assert stat.S_ISSOCK(info.st_mode) and stat.S_IMODE(info.st_mode) == 0o600 and info.st_uid == os.getuid()
    server.close()
    assert not Path(address.name).exists()  # the next launch knows at once: no tray runs
    assert send_request(address, {"cmd": "show"}) is None


def test_a_caller_who_leaves_or_floods_does_not_stop_the_server(qloop, address):
    server = SocketServer(address)
    server.listen()
    gate = asyncio.Event()

    async def waits(request):
        if request["cmd"] == "slow":
            await gate.wait()
        return await echo(request)

    server.handler = waits
    try:
        def leave_before_the_reply():
            with socket.socket(socket.AF_UNIX) as s:
                s.connect(address.name)
                s.sendall(b'{"cmd": "slow"}\n')
            return True

        def flood() -> bytes:
            with socket.socket(socket.AF_UNIX) as s:
                s.connect(address.name)
                try:
                    s.sendall(b"x" * (MAX_LINE + 65536 * 2))
                    return s.recv(100)
                except OSError:  # the server hung up on it (a reset: it left data unread)
                    return b""

        def say_nothing() -> bool:
            with socket.socket(socket.AF_UNIX) as s:
                s.connect(address.name)
            return True

        assert in_thread(qloop, leave_before_the_reply)
        qloop.call_soon(gate.set)  # its reply now goes to a closed connection
        assert in_thread(qloop, flood) == b""  # dropped without a reply
        assert in_thread(qloop, say_nothing)
        assert in_thread(qloop, send_request, address, {"cmd": "after"})["stdout"] == "ok after"
    finally:
        server.close()


def test_a_socket_that_cannot_be_made_is_told_not_raised(tmp_path):
    # The tray still runs without it; the command line then acts on its own.
    server = SocketServer(InstanceAddress(str(tmp_path / "gone" / "t.sock"), tmp_path / "t.lock"))
    assert server.listen() is False
    server.close()
