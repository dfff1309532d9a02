"""The running tray's state, read the way another program reads it: its answers over its local
socket (what `awork-tray status --json` asks) and the lists it keeps on disk. The end-to-end tests
wait on these (and on awork's side, the fake's request log), never on the wording of the log."""

from __future__ import annotations

from pathlib import Path
from typing import Mapping

from tray_app.platform.instance_client import InstanceAddress, send_request

# An awork nobody answers at: a command run with it succeeds only if the running tray did the work.
UNREACHABLE_API_URL = "http://127.0.0.1:9/api/v1"


def ask(config_dir: Path, env: Mapping[str, str], cmd: str = "ping", *, demo: bool = False, **args) -> dict | None:
    """The running tray's reply to `cmd` ({"exit", "stdout", "stderr", "status"}); None while no tray
    listens. `env` is the tray's environment (its XDG_RUNTIME_DIR decides where it listens)."""
    address = InstanceAddress.for_config(Path(config_dir), demo=demo, environ=env)
    return send_request(address, {"cmd": cmd, "args": args}, timeout=30)


def answers(config_dir: Path, env: Mapping[str, str], *, demo: bool = False) -> bool:
    """The tray listens and handles commands (at login: it is no longer waiting for the panel)."""
    reply = ask(config_dir, env, demo=demo)
    return reply is not None and reply.get("exit") == 0


def timer(config_dir: Path, env: Mapping[str, str], *, demo: bool = False) -> str | None:
    """"running", "paused" or "idle", as the running tray answers `status --json`; None while it
    cannot say. (The tray reads awork's timer for it, so use it where a read changes nothing.)"""
    reply = ask(config_dir, env, "status", demo=demo, json=True)
    if reply is None or reply.get("exit") != 0 or not reply.get("status"):
        return None
    return reply["status"]["state"]


def lists_loaded(config_dir: Path) -> bool:
    """The tray holds the task lists: it writes them to its cache only once it has them."""
    return any((Path(config_dir) / "cache").glob("workload-*.json"))
