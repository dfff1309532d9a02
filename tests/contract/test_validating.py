"""The validating transport itself: it must catch what the document forbids, in requests and replies."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from .validating import ContractViolation, ValidatingTransport

BASE = "https://api.awork.com/api/v1/"
GUID = "123e4567-e89b-12d3-a456-426614174000"
ENTRY = {"id": GUID, "typeOfWorkId": GUID, "timezone": "Europe/Berlin", "startDateUtc": "2024-05-06T00:00:00Z",
         "startTimeUtc": "07:09:28.3515950", "startDateLocal": "2024-05-06T00:00:00", "duration": 0}
START = {"typeOfWorkId": GUID, "timezone": "Europe/Berlin"}


def _send(method: str, path: str, *, reply=(200, ENTRY), auth: bool = True, **kw) -> ValidatingTransport:
    status, body = reply
    transport = ValidatingTransport(httpx.MockTransport(
        lambda request: httpx.Response(status, json=body) if body is not None else httpx.Response(status)))
    headers = {"Authorization": "Bearer t"} if auth else {}

    async def main():
        async with httpx.AsyncClient(transport=transport, base_url=BASE, headers=headers) as http:
            await http.request(method, path, **kw)

    asyncio.run(main())
    return transport


def test_a_documented_exchange_passes():
    transport = _send("POST", "me/timetracking/start", json=START)
    assert transport.exercised == {("POST", "/me/timetracking/start")}


@pytest.mark.parametrize(("method", "path", "kw", "auth", "reply", "expected"), [
    ("POST", "me/timetracking/start", {"json": {**START, "userId": GUID}}, True, (200, ENTRY), "userId"),
    ("POST", "me/timetracking/start", {"json": {"timezone": "Europe/Berlin"}}, True, (200, ENTRY), "typeOfWorkId"),
    ("POST", "me/timetracking/start", {"json": {**START, "taskId": "WEB-1"}}, True, (200, ENTRY), "uuid"),
    ("POST", "me/timetracking/start", {}, True, (200, ENTRY), "request body"),
    ("GET", "me", {}, False, (200, {}), "ecurity"),
    ("GET", "tasks/WEB-1", {}, True, (200, {}), "uuid"),
    ("GET", "typeofwork", {"params": {"showArchived": "maybe"}}, True, (200, []), "showArchived"),
    ("GET", "typeofwork", {"params": {"archived": "false"}}, True, (200, []), "not declared"),
    ("GET", "timeentries", {"params": {"filterby": f"owner eq guid'{GUID}'"}}, True, (200, []), "'owner' is not a property"),
    ("GET", "timeentries", {"params": {"filterby": "userId eq guid'x'"}}, True, (200, []), "not a GUID"),
    ("GET", "timeentries", {"params": {"orderby": "startedAt desc"}}, True, (200, []), "startedAt"),
    ("GET", "me/timers", {}, True, (200, {}), "no such operation"),
    ("DELETE", "me", {}, True, (204, None), "no such operation"),
    ("GET", "me/timeentries/last", {}, True, (200, {**ENTRY, "running": True}), "running"),
    ("GET", "me/timeentries/last", {}, True, (200, {**ENTRY, "startDateUtc": "monday"}), "date-time"),
    ("GET", "me/timeentries/last", {}, True, (200, {**ENTRY, "task": None}), "task"),
    ("GET", "me/timeentries/last", {}, True, (202, None), "not declared"),
    ("GET", "me", {}, True, (404, {"code": "not-found", "description": "Gone."}), "link"),
    ("GET", "me", {}, True, (500, {"message": "boom"}), "message"),
])
def test_what_the_document_forbids_is_caught(method, path, kw, auth, reply, expected):
    with pytest.raises(ContractViolation, match=expected):
        _send(method, path, auth=auth, reply=reply, **kw)
