"""Serves a FakeAwork in-process through httpx, so the demo needs no socket and no account."""

from __future__ import annotations

import asyncio

import httpx

from .backend import FakeAwork

DEMO_BASE_URL = "https://demo.invalid/api/v1"
DEMO_TOKEN = "demo-token"


class DemoTransport(httpx.AsyncBaseTransport):
    def __init__(self, backend: FakeAwork, latency: float = 0.08):
        self.backend = backend
        # A little latency so the demo shows the same "working…" feedback as the real thing.
        self.latency = latency

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.latency:
            await asyncio.sleep(self.latency)
        path = request.url.path
        prefix = "/api/v1/"
        if not path.startswith(prefix):
            return httpx.Response(404, json={"code": "not-found", "description": "Not an awork API path.", "link": ""})
        body = await request.aread()
        reply = self.backend.handle(
            request.method,
            path[len(prefix):],
            dict(request.url.params),
            {k.lower(): v for k, v in request.headers.items()},
            body,
        )
        headers = dict(reply.headers)
        content = reply.encoded()
        if content:
            headers["content-type"] = "application/json; charset=utf-8"
        return httpx.Response(reply.status, headers=headers, content=content)
