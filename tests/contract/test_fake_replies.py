"""Everything the fake awork holds, read back through the document: the demo workspace (idle and with
its running timer), a large benchmark workspace, and the socket server's canned error replies."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import httpx
import pytest

from tray_app.demo.backend import FakeAwork
from tray_app.demo.transport import DemoTransport
from tray_app.demo.workspace import demo_workspace, large_workspace

from .validating import ValidatingTransport
from helpers.fake_awork.faults import DEFAULT_ERRORS
from helpers.fake_awork.simulated import BASE_URL, TOKEN, SimClock


async def _read_everything(http: httpx.AsyncClient, backend: FakeAwork) -> None:
    ws = backend.ws
    for path in ("me", "me/timeentries/last"):
        (await http.get(path)).raise_for_status()
    for path, query in [("typeofwork", {"showArchived": "true"}), ("typeofwork", {}),
                        ("me/assignedtasks", {"inProgress": "false", "filterby": "taskStatus/type ne 'done'"}),
                        ("timeentries", {"filterby": f"userId eq guid'{ws.user['id']}'", "orderby": "createdOn desc"})]:
        page = 1
        while True:
            response = await http.get(path, params={**query, "page": str(page), "pageSize": "100"})
            response.raise_for_status()
            if len(response.json()) < 100:
                break
            page += 1
    for task in ws.tasks[::max(len(ws.tasks) // 25, 1)]:
        (await http.get(f"tasks/{task['id']}")).raise_for_status()
        (await http.get(f"tasks/key/{task['taskIdentifier']}")).raise_for_status()
    for term in ("Sitemap", "WEB", "review", "e"):
        (await http.get("search", params={"searchTerm": term, "searchTypes": "task", "top": "100"})).raise_for_status()
    assert (await http.get("tasks/key/NOPE-1")).status_code == 404


def _check(workspace) -> ValidatingTransport:
    clock = SimClock()
    backend = FakeAwork(workspace(clock), token=TOKEN, clock=clock.now)
    transport = ValidatingTransport(DemoTransport(backend, latency=0))

    async def main():
        async with httpx.AsyncClient(transport=transport, base_url=BASE_URL + "/",
                                     headers={"Authorization": f"Bearer {TOKEN}"}) as http:
            await _read_everything(http, backend)

    asyncio.run(main())
    return transport


WORKSPACES = {
    "demo": lambda clock: demo_workspace(now=clock.now() - timedelta(hours=1)),
    "demo with a running timer": lambda clock: demo_workspace(now=clock.now() - timedelta(hours=1), running=True),
    "large": lambda clock: large_workspace(now=clock.now() - timedelta(hours=1), types=20, tasks=400, entries=250),
}


@pytest.mark.parametrize("name", WORKSPACES)
def test_every_reply_about_a_workspace_fits_the_document(name):
    assert _check(WORKSPACES[name]).violations == []


def test_the_socket_server_s_canned_errors_are_awork_s_error_responses(fake_awork):
    transport = ValidatingTransport(httpx.AsyncHTTPTransport())

    async def main():
        async with httpx.AsyncClient(transport=transport, base_url=fake_awork.url + "/",
                                     headers={"Authorization": "Bearer test-token"}) as http:
            for status in sorted(DEFAULT_ERRORS):
                fake_awork.fail_next(status, path="me")
                assert (await http.get("me")).status_code == status
            fake_awork.fail_next(400, body={"validationErrors": [{"property": "Note", "message": "too long"}],
                                            "details": ["Shorten the note."]}, path="me/timetracking/start")
            response = await http.post("me/timetracking/start",
                                       json={"typeOfWorkId": fake_awork.backend.ws.types_of_work[0]["id"],
                                             "timezone": "Europe/Berlin"})
            assert response.status_code == 400

    asyncio.run(main())
    assert transport.violations == []
