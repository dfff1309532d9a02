"""The running tray's local socket server on Windows: a named pipe through QtNetwork's QLocalServer,
restricted to the user (UserAccessOption). Linux and macOS use instance.py's plain socket server,
which needs no QtNetwork (about 7 MiB and 40 ms at start-up)."""

from __future__ import annotations

import asyncio
import logging

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from .instance_client import MAX_LINE, InstanceAddress
from .instance_replies import Handler, encoded, reply_for

log = logging.getLogger(__name__)


class PipeServer(QObject):
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
        reply = await reply_for(self.handler, line)
        # The caller may have given up (Ctrl+C) and Qt deleted the connection meanwhile.
        if shiboken6.isValid(conn) and conn.state() == QLocalSocket.LocalSocketState.ConnectedState:
            conn.write(encoded(reply))
            conn.flush()
            conn.disconnectFromServer()
