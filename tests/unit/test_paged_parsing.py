"""A paged list is parsed page by page: each page's JSON is turned into tasks (and dropped) before the
next page is asked for, so 5,000 tasks never hold all their JSON at once. Same result as before."""

from __future__ import annotations

import asyncio

import httpx

from tray_app.api import parse
from tray_app.api.auth.tokens import TokenHolder
from tray_app.api.client import PAGE_SIZE, AworkClient

TOTAL = 2 * PAGE_SIZE + 10


def test_each_page_is_parsed_before_the_next_is_asked_for(monkeypatch):
    events = []

    def respond(request):
        page = int(request.url.params["page"])
        events.append(("request", page))
        first = (page - 1) * PAGE_SIZE
        items = [{"id": f"t{n}", "name": f"Task {n}"} for n in range(first, min(first + PAGE_SIZE, TOTAL))]
        if page == 1:
            items[3] = {"name": "no id: skipped, the rest kept"}
        return httpx.Response(200, json=items)

    real_task = parse.task

    def task(raw):
        if not events or events[-1][0] != "parsed":
            events.append(("parsed", None))
        return real_task(raw)

    monkeypatch.setattr(parse, "task", task)

    async def main():
        client = AworkClient("https://api.awork.com/api/v1", TokenHolder("tok-123456", "environment"),
                             transport=httpx.MockTransport(respond))
        try:
            return await client.assigned_tasks()
        finally:
            await client.aclose()

    tasks = asyncio.run(main())
    assert events == [("request", 1), ("parsed", None), ("request", 2), ("parsed", None), ("request", 3),
                      ("parsed", None)]
    assert len(tasks) == TOTAL - 1
    assert [t.id for t in tasks[:4]] == ["t0", "t1", "t2", "t4"] and tasks[-1].id == f"t{TOTAL - 1}"
