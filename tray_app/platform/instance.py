"""The running tray's side of single instance: a lock for the start-up race, a local socket server.

A launch first asks the socket (instance_client). Nobody answers: it takes the QLockFile, held for
the whole life of the tray, so of two launches at the same moment exactly one goes on; the other
waits for the winner's socket and asks it to show its popover. A lock left by a crashed (killed)
tray names a dead process, and QLockFile takes it over; its socket file is removed before listening.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Awaitable, Callable

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from .instance_client import MAX_LINE, InstanceAddress
from .instance_lock import InstanceLock, forward_to_winner  # noqa: F401  (where they used to be)

log = logging.getLogger(__name__)

Handler = Callable[[dict], Awaitable[dict]]


class InstanceServer(QObject):
    """Accepts one JSON request per connection and answers it with `handler`'s reply."""

    def __init__(self, address: InstanceAddress, parent: QObject | None = None):
        super().__init__(parent)
        self.address = address
        self.handler: Handler | None = None
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._tasks: set[asyncio.Task] = set()

    def listen(self) -> bool:
        """Call only while holding the InstanceLock: then any socket file left is a dead tray's."""
        QLocalServer.removeServer(self.address.name)
        if not self._server.listen(self.address.name):
            log.error("cannot listen on %s: %s", self.address.name, self._server.errorString())
            return False
        log.info("listening for commands on %s", self.address.name)
        return True

    def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            conn = self._server.nextPendingConnection()
            buffer = bytearray()

            def read(conn=conn, buffer=buffer):
                buffer.extend(bytes(conn.readAll().data()))
                if b"\n" in buffer:
                    conn.readyRead.disconnect()
                    line = bytes(buffer.split(b"\n", 1)[0])
                    task = asyncio.ensure_future(self._answer(conn, line))
                    self._tasks.add(task)
                    task.add_done_callback(self._tasks.discard)
                elif len(buffer) > MAX_LINE:
                    conn.abort()

            conn.readyRead.connect(read)
            conn.disconnected.connect(conn.deleteLater)
            read()

    async def _answer(self, conn: QLocalSocket, line: bytes) -> None:
        try:
            request = json.loads(line.decode("utf-8"))
            if not isinstance(request, dict) or not isinstance(request.get("cmd"), str):
                raise ValueError("not a request object")
            if not isinstance(request.get("args", {}), dict):
                raise ValueError("args is not an object")
        except ValueError as exc:
            reply = {"exit": 2, "stdout": "", "stderr": f"awork-tray: unreadable request: {exc}"}
        else:
            if self.handler is None:
                reply = {"exit": 1, "stdout": "", "stderr": "awork-tray: the tray is still starting; try again."}
            else:
                try:
                    reply = await self.handler(request)
                except asyncio.CancelledError:
                    raise
                except Exception:
                    log.exception("handling %r failed", request.get("cmd"))
                    reply = {"exit": 1, "stdout": "", "stderr": "awork-tray: the tray failed; see its log file."}
        # The caller may have given up (Ctrl+C) and Qt deleted the connection meanwhile.
        if shiboken6.isValid(conn) and conn.state() == QLocalSocket.LocalSocketState.ConnectedState:
            conn.write((json.dumps(reply, ensure_ascii=False) + "\n").encode())
            conn.flush()
            conn.disconnectFromServer()
