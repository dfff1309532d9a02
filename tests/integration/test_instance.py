"""The single-instance socket and lock, for real: the tray's server in this process, the plain client."""

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

from tray_app.platform.instance import InstanceLock, InstanceServer
from tray_app.platform.instance_client import InstanceAddress, send_request


def ask(qloop, address, request, **kw):
    return qloop.run_until_complete(asyncio.to_thread(send_request, address, request, **kw))


def test_address_is_per_user_config_and_demo(tmp_path, address):
    user = os.environ.get("USER") or ""
    assert Path(address.name).parent == tmp_path / "run" and address.name.endswith(".sock")
    assert user in Path(address.name).name or not user
    assert InstanceAddress.for_config(tmp_path / "config") == address
    assert InstanceAddress.for_config(tmp_path / "other").name != address.name
    assert InstanceAddress.for_config(tmp_path / "config", demo=True).name != address.name


def test_without_a_private_runtime_dir_it_makes_one(tmp_path):
    address = InstanceAddress.for_config(tmp_path, environ={"XDG_RUNTIME_DIR": "/tmp"})  # /tmp is shared
    folder = Path(address.name).parent
    assert folder != Path("/tmp") and stat.S_IMODE(folder.stat().st_mode) == 0o700 and folder.stat().st_uid == os.getuid()


def test_no_tray_and_a_stale_socket_both_mean_none(address):
    assert send_request(address, {"cmd": "show"}) is None
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(address.name)  # what a killed tray leaves: the file, nobody listening
    stale.close()
    assert Path(address.name).exists()
    assert send_request(address, {"cmd": "show"}) is None


def test_requests_and_replies_over_the_socket(qloop, address):
    Path(address.name).touch()  # a stale file in the way: listen() removes it (we hold the lock)
    server = InstanceServer(address)
    assert server.listen()
    assert stat.S_IMODE(os.stat(address.name).st_mode) & 0o077 == 0  # UserAccessOption
    assert ask(qloop, address, {"cmd": "show"})["exit"] == 1  # no handler yet: still starting

    seen = []

    async def handler(request):
        seen.append(request)
        await asyncio.sleep(0.05)
        return {"exit": 0, "stdout": "ok " + request["cmd"], "stderr": "", "status": {"state": "idle"}}

    server.handler = handler
    reply = ask(qloop, address, {"cmd": "status", "args": {"json": True}})
    assert reply == {"exit": 0, "stdout": "ok status", "stderr": "", "status": {"state": "idle"}}
    assert seen == [{"cmd": "status", "args": {"json": True}}]

    async def several():
        return await asyncio.gather(*(asyncio.to_thread(send_request, address, {"cmd": f"c{i}"}) for i in range(5)))

    assert sorted(r["stdout"] for r in qloop.run_until_complete(several())) == [f"ok c{i}" for i in range(5)]

    def raw(data: bytes) -> dict:
        with socket.socket(socket.AF_UNIX) as s:
            s.connect(address.name)
            s.sendall(data)
            return json.loads(s.makefile().readline())

    # The Windows client (QLocalSocket) speaks the same protocol; here it runs over the Unix socket.
    from tray_app.platform.instance_client import _exchange_pipe

    line = qloop.run_until_complete(asyncio.to_thread(_exchange_pipe, address.name, b'{"cmd": "pipe"}\n', 10, 2))
    assert json.loads(line)["stdout"] == "ok pipe"
    missing = address.name + ".gone"
    assert qloop.run_until_complete(asyncio.to_thread(_exchange_pipe, missing, b"{}\n", 1, 0.5)) is None

    assert qloop.run_until_complete(asyncio.to_thread(raw, b"not json\n"))["exit"] == 2
    assert qloop.run_until_complete(asyncio.to_thread(raw, b'{"cmd": 5}\n'))["exit"] == 2
    server.close()


def test_a_slow_tray_is_reported_not_waited_for_forever(qloop, address):
    server = InstanceServer(address)
    server.listen()

    async def slow(request):
        await asyncio.sleep(3)
        return {"exit": 0}

    server.handler = slow
    reply = ask(qloop, address, {"cmd": "status"}, timeout=0.5)
    assert reply["exit"] == 5 and "did not answer" in reply["stderr"]
    server.close()


def test_lock_is_exclusive_and_a_dead_owner_is_taken_over(address):
    first = InstanceLock(address)
    assert first.acquire()
    second = InstanceLock(address)
    assert not second.acquire() and second.owner_pid() == os.getpid()
    first.release()
    # A tray killed with SIGKILL: its lock file names a process that no longer exists.
    code = ("import sys; from PySide6.QtCore import QLockFile; l = QLockFile(sys.argv[1]); "
            "assert l.tryLock(0); import os; os._exit(0)")
    subprocess.run([sys.executable, "-c", code, str(address.lock_path)], check=True, timeout=60)
    assert address.lock_path.exists()
    assert InstanceLock(address).acquire()
