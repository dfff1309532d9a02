"""One request in, one reply out: what both instance servers (the socket, the Windows pipe) answer."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Awaitable, Callable

log = logging.getLogger(__name__)

Handler = Callable[[dict], Awaitable[dict]]


async def reply_for(handler: Handler | None, line: bytes) -> dict:
    """The reply to one request line (without its newline); never raises but for cancellation."""
    try:
        request = json.loads(line.decode("utf-8"))
        if not isinstance(request, dict) or not isinstance(request.get("cmd"), str):
            raise ValueError("not a request object")
        if not isinstance(request.get("args", {}), dict):
            raise ValueError("args is not an object")
    except ValueError as exc:
        return {"exit": 2, "stdout": "", "stderr": f"awork-tray: unreadable request: {exc}"}
    if handler is None:
        return {"exit": 1, "stdout": "", "stderr": "awork-tray: the tray is still starting; try again."}
    try:
        return await handler(request)
    except asyncio.CancelledError:
        raise
    except Exception:
        log.exception("handling %r failed", request.get("cmd"))
        return {"exit": 1, "stdout": "", "stderr": "awork-tray: the tray failed; see its log file."}


def encoded(reply: dict) -> bytes:
    return (json.dumps(reply, ensure_ascii=False) + "\n").encode()
