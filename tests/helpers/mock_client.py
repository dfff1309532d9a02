"""An AworkClient whose requests a function answers (httpx.MockTransport), for the tests that drive
the client without a socket: run a scenario on it, closed after."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

import httpx

from tray_app.api.auth.tokens import TokenHolder
from tray_app.api.client import AworkClient

T = TypeVar("T")

BASE = "https://api.awork.com/api/v1"


def run_client(respond: Callable[[httpx.Request], httpx.Response], scenario: Callable[[AworkClient], Awaitable[T]],
               *, tokens: TokenHolder | None = None, monotonic: Callable[[], float] = time.monotonic,
               base: str = BASE) -> T:
    """`scenario(client)`'s result, with `respond` answering every request (a token from the
    environment unless `tokens` says otherwise)."""

    async def main() -> T:
        client = AworkClient(base, tokens or TokenHolder("tok-123456", "environment"),
                             transport=httpx.MockTransport(respond), monotonic=monotonic)
        try:
            return await scenario(client)
        finally:
            await client.aclose()

    return asyncio.run(main())
