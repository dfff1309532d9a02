"""The lock that makes one tray per user: taken before anything else, so it stays cheap
(QtCore only; the socket server and asyncio come after the icon shows)."""

from __future__ import annotations

import time

from PySide6.QtCore import QLockFile

from .instance_client import InstanceAddress, send_request


class InstanceLock:
    def __init__(self, address: InstanceAddress):
        address.lock_path.parent.mkdir(parents=True, exist_ok=True)
        self.address = address
        self._lock = QLockFile(str(address.lock_path))
        # Held for hours: only a dead owner makes it stale, never its age.
        self._lock.setStaleLockTime(0)

    def acquire(self) -> bool:
        if self._lock.tryLock(0):
            return True
        # QLockFile calls a lock stale only when its process id is gone or runs another program.
        # After a crash that id may belong to any other Python program by now, which looks like us.
        # Ask instead: a tray that answers on its socket is alive. One that does not may be starting:
        # removeStaleLockFile() only removes the file when nobody holds the kernel's lock on it,
        # which a live owner does until it exits, however it exits.
        if send_request(self.address, {"cmd": "ping", "args": {}}, timeout=2.0) is not None:
            return False
        return self._lock.removeStaleLockFile() and self._lock.tryLock(0)

    def owner_pid(self) -> int | None:
        info = self._lock.getLockInfo()  # PySide: (pid, hostname, appname), or False
        return info[0] if isinstance(info, tuple) and info and isinstance(info[0], int) else None

    def release(self) -> None:
        self._lock.unlock()


def forward_to_winner(address: InstanceAddress, request: dict, wait: float = 15.0) -> dict | None:
    """We lost the lock: the winner is starting. Wait for its socket, then hand it the request."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        reply = send_request(address, request)
        if reply is not None:
            return reply
        time.sleep(0.1)
    return None
