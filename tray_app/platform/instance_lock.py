"""The lock that makes one tray per user: taken before anything else, so it stays cheap
(QtCore only; the socket server and asyncio come after the icon shows)."""

from __future__ import annotations

import time

from PySide6.QtCore import QLockFile

from .instance_client import InstanceAddress, send_request


class InstanceLock:
    def __init__(self, address: InstanceAddress):
        address.lock_path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = QLockFile(str(address.lock_path))
        # Held for hours: only a dead owner makes it stale, never its age.
        self._lock.setStaleLockTime(0)

    def acquire(self) -> bool:
        return self._lock.tryLock(0)

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
