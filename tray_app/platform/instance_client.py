"""Where the running tray listens, and the client side of its local socket.

One instance per user and config folder: the server name holds the user name and a hash of the
config folder (so a test's or a second account's `AWORK_TRAY_CONFIG_DIR` gets its own instance).
On Linux and macOS the name is a socket path inside a folder only the user can enter
($XDG_RUNTIME_DIR, or a private folder we create), so no other user can squat on it or listen in;
on Windows it is a named pipe, restricted to the user by QLocalServer.UserAccessOption.

The client needs no Qt on Linux and macOS (a plain AF_UNIX socket), so `awork-tray toggle` bound to a
key answers in about a tenth of a second, most of it Python starting; on Windows it uses QtNetwork's
QLocalSocket for the named pipe.

The demo (`--demo`) has an address of its own, so the demo tray and a real tray can run side by
side; a command without --demo asks the real one first and goes to the demo tray only when no
real tray runs (the rule, and its exceptions, in cli._may_reach_demo).

The protocol is one JSON line each way:
    request  {"cmd": "show"|"status"|"start"|..., "args": {...}}
    reply    {"exit": 0, "stdout": "...", "stderr": "...", "status": {...} | null, "demo": true (only from the demo)}
"""

from __future__ import annotations

import logging
import os
import re
import stat
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

log = logging.getLogger(__name__)

MAX_LINE = 1 << 20  # a reply is a status object and some text; anything bigger is not ours
SHOW_TIMEOUT = 20.0  # "show" needs no network
COMMAND_TIMEOUT = 150.0  # the tray may be retrying awork (its own timeouts end before this)


@dataclass(frozen=True)
class InstanceAddress:
    name: str  # QLocalServer's name: a socket path (POSIX) or a pipe name (Windows)
    lock_path: Path  # the QLockFile that settles two launches at the same moment

    @classmethod
    def for_config(cls, config_dir: Path, *, demo: bool = False, environ: Mapping[str, str] | None = None,
                   platform: str = sys.platform) -> InstanceAddress:
        env = os.environ if environ is None else environ
        user = re.sub(r"[^A-Za-z0-9_.-]", "_", _user_name())[:32] or "user"
        digest = _sha256(f"{Path(config_dir).expanduser()}|{'demo' if demo else 'live'}".encode()).hexdigest()[:12]
        stem = f"awork-tray-{user}-{digest}"
        if platform == "win32":
            return cls(stem, Path(tempfile.gettempdir()) / f"{stem}.lock")
        folder = _private_runtime_dir(env, platform)
        path = folder / f"{stem}.sock"
        if len(os.fsencode(str(path))) > 100:  # sun_path holds 104 (macOS) to 108 (Linux) bytes
            path = folder / f"awt-{digest}.sock"
        return cls(str(path), folder / f"{stem}.lock")


def _sha256(data: bytes):
    # Python's own SHA-256, not hashlib's: hashlib loads OpenSSL (~2.5 ms) on import, and this runs
    # before the icon is painted. Same digest; hashlib wherever the built-in is named otherwise.
    try:
        from _sha2 import sha256  # Python 3.12+
    except ImportError:
        try:
            from _sha256 import sha256  # Python 3.11
        except ImportError:
            from hashlib import sha256
    return sha256(data)


def _user_name() -> str:
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):  # getpass.getuser's order, without its imports
        if user := os.environ.get(name):
            return user
    try:
        import getpass

        return getpass.getuser()
    except Exception:  # no USER/LOGNAME and no passwd entry (some containers)
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def _private_runtime_dir(env: Mapping[str, str], platform: str) -> Path:
    runtime = env.get("XDG_RUNTIME_DIR")
    if runtime and platform.startswith("linux") and _is_private_dir(Path(runtime)):
        return Path(runtime)
    # $TMPDIR is per user on macOS, /tmp is shared on Linux: either way a folder of our own in it.
    folder = Path(tempfile.gettempdir()) / f"awork-tray-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        pass
    if _is_private_dir(folder):
        return folder
    log.warning("%s is not a private folder; using the config folder for the instance socket", folder)
    from ..config import private_dir

    return private_dir(Path(env.get("AWORK_TRAY_CONFIG_DIR") or Path.home() / ".config" / "awork-tray"))


def _is_private_dir(path: Path) -> bool:
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o077


def send_request(address: InstanceAddress, request: dict, *, timeout: float | None = None,
                 connect_timeout: float = 2.0) -> dict | None:
    """Send `request` to the running tray and return its reply; None when no tray listens."""
    if sys.platform != "win32" and not os.path.exists(address.name):
        return None  # the fast path for "no tray runs": the tray's own start asks this before its icon shows
    import json  # here, like socket below: neither is needed before the icon is painted otherwise

    if timeout is None:
        timeout = SHOW_TIMEOUT if request.get("cmd") == "show" else COMMAND_TIMEOUT
    data = (json.dumps(request, ensure_ascii=False) + "\n").encode()
    if sys.platform == "win32":
        raw = _exchange_pipe(address.name, data, timeout, connect_timeout)
    else:
        raw = _exchange_unix(address.name, data, timeout, connect_timeout)
    if raw is None:
        return None
    if isinstance(raw, dict):
        return raw
    try:
        reply = json.loads(raw.decode("utf-8"))
    except ValueError:
        reply = None
    if not isinstance(reply, dict):
        return {"exit": 1, "stdout": "", "stderr": "awork-tray: the running awork tray sent an unreadable reply."}
    return reply


def _no_answer(timeout: float) -> dict:
    return {"exit": 5, "stdout": "",
            "stderr": f"awork-tray: the running awork tray did not answer within {timeout:.0f} s."}


def _exchange_unix(path: str, data: bytes, timeout: float, connect_timeout: float) -> bytes | dict | None:
    import socket

    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.settimeout(connect_timeout)
        try:
            sock.connect(path)
        except OSError as exc:  # ECONNREFUSED: a socket file left by a crashed tray
            log.debug("no tray at %s: %s", path, exc)
            return None
        sock.settimeout(timeout)
        deadline = time.monotonic() + timeout
        try:
            sock.sendall(data)
            buffer = b""
            while b"\n" not in buffer and len(buffer) < MAX_LINE:
                sock.settimeout(max(deadline - time.monotonic(), 0.01))
                chunk = sock.recv(65536)
                if not chunk:
                    break
                buffer += chunk
        except TimeoutError:
            return _no_answer(timeout)
        except OSError as exc:
            return {"exit": 1, "stdout": "", "stderr": f"awork-tray: lost the running awork tray: {exc}"}
        if b"\n" not in buffer:
            return {"exit": 1, "stdout": "", "stderr": "awork-tray: the running awork tray closed the connection without answering."}
        return buffer.split(b"\n", 1)[0]
    finally:
        sock.close()


def _exchange_pipe(name: str, data: bytes, timeout: float, connect_timeout: float) -> bytes | dict | None:
    from PySide6.QtNetwork import QLocalSocket

    sock = QLocalSocket()
    sock.connectToServer(name)
    if not sock.waitForConnected(int(connect_timeout * 1000)):
        return None
    sock.write(data)
    sock.waitForBytesWritten(int(connect_timeout * 1000))
    buffer = b""
    deadline = time.monotonic() + timeout
    while b"\n" not in buffer and len(buffer) < MAX_LINE:
        left = deadline - time.monotonic()
        if left <= 0:
            return _no_answer(timeout)
        if not sock.waitForReadyRead(int(min(left, 1.0) * 1000)):
            if sock.state() != QLocalSocket.LocalSocketState.ConnectedState:
                break
            continue
        buffer += bytes(sock.readAll().data())
    sock.disconnectFromServer()
    if b"\n" not in buffer:
        return {"exit": 1, "stdout": "", "stderr": "awork-tray: the running awork tray closed the connection without answering."}
    return buffer.split(b"\n", 1)[0]
