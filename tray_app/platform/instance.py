"""The running tray's side of single instance: a lock for the start-up race, a local socket server.

A launch first asks the socket (instance_client). Nobody answers: it takes the QLockFile, held for
the whole life of the tray, so of two launches at the same moment exactly one goes on; the other
waits for the winner's socket and asks it to show its popover. A lock left by a crashed (killed)
tray names a dead process, and QLockFile takes it over; its socket file is removed before listening.

On Linux and macOS the server is a plain AF_UNIX socket in the user's private folder, readable and
writable by the user only: Qt's loop wakes on a new connection (a QSocketNotifier), the app's asyncio
loop (qasync) reads the request and writes the reply. QtNetwork's QLocalServer did the same for
about 7 MiB and 40 ms of start-up; Windows' named pipe still needs it (instance_pipe.py).
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import sys

from PySide6.QtCore import QSocketNotifier

from .instance_client import MAX_LINE, InstanceAddress
from .instance_lock import InstanceLock, forward_to_winner  # noqa: F401  (where they used to be)
from .instance_replies import Handler, encoded, reply_for

log = logging.getLogger(__name__)

BACKLOG = 16  # launches at the same moment wait in the kernel until the loop accepts them


class SocketServer:
    """Accepts one JSON request per connection and answers it with `handler`'s reply."""

    def __init__(self, address: InstanceAddress):
        self.address = address
        self.handler: Handler | None = None
        self._sock: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        self._tasks: set[asyncio.Task] = set()

    def listen(self) -> bool:
        """Call only while holding the InstanceLock: then any socket file left is a dead tray's."""
        path = self.address.name
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.warning("cannot remove the old socket %s: %s", path, exc)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.bind(path)
            # The user only (as QLocalServer's UserAccessOption did); its folder is private as well.
            os.chmod(path, 0o600)
            sock.listen(BACKLOG)
            sock.setblocking(False)
        except OSError as exc:
            sock.close()
            log.error("cannot listen on %s: %s", path, exc)
            return False
        self._sock = sock
        self._notifier = QSocketNotifier(sock.fileno(), QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._accept)
        log.info("listening for commands on %s", path)
        return True

    def close(self) -> None:
        for task in list(self._tasks):
            task.cancel()
        if self._sock is None:
            return
        self._notifier.setEnabled(False)
        self._sock.close()
        self._sock = None
        try:
            os.unlink(self.address.name)  # no file left: the next launch knows at once that no tray runs
        except OSError:
            pass

    def _accept(self) -> None:
        while self._sock is not None:
            try:
                conn, _ = self._sock.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:
                log.warning("cannot accept a command: %s", exc)
                return
            conn.setblocking(False)
            task = asyncio.ensure_future(self._serve(conn))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _serve(self, conn: socket.socket) -> None:
        loop = asyncio.get_running_loop()
        with conn:
            buffer = bytearray()
            try:
                while b"\n" not in buffer:
                    if len(buffer) > MAX_LINE:
                        return  # not one of ours: dropped without a reply
                    chunk = await loop.sock_recv(conn, 65536)
                    if not chunk:
                        return  # the caller left before asking
                    buffer += chunk
                reply = await reply_for(self.handler, bytes(buffer.split(b"\n", 1)[0]))
                await loop.sock_sendall(conn, encoded(reply))
            except OSError as exc:  # the caller gave up (Ctrl+C) meanwhile
                log.debug("a caller left before its reply: %s", exc)


if sys.platform == "win32":
    from .instance_pipe import PipeServer as InstanceServer
else:
    InstanceServer = SocketServer
