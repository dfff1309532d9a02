"""The fake awork's time entries follow awork's documents: /last is the last entry *started*
(manual ones too), a PUT replaces the entry, a start keeps isBillable, POST /timeentries makes
manual entries, and every reply carries awork's clock in its Date header."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

import httpx
import pytest

from tray_app.demo.backend import FakeAwork
from tray_app.demo.transport import DemoTransport
from tray_app.demo.workspace import USER_ID, demo_workspace

NOW = datetime(2024, 5, 6, 15, 0, tzinfo=UTC)
TOKEN = "t"


@pytest.fixture
def awork():
    return FakeAwork(demo_workspace(now=NOW - timedelta(hours=1)), token=TOKEN, clock=lambda: NOW)


def call(awork: FakeAwork, method: str, path: str, body=None, query=None):
    import json

    raw = json.dumps(body).encode() if body is not None else b""
    headers = {"authorization": f"Bearer {TOKEN}", "content-type": "application/json"}
    return awork.handle(method, path, query or {}, headers, raw)


def manual(awork: FakeAwork, **fields) -> dict:
    task = awork.ws.tasks[0]
    form = {"timezone": "Europe/Berlin", "userId": USER_ID, "typeOfWorkId": task["typeOfWorkId"], **fields}
    reply = call(awork, "POST", "timeentries", form)
    assert reply.status == 200, reply.body
    return reply.body


def test_last_is_the_last_started_manual_entries_included(awork):
    timer = call(awork, "POST", "me/timetracking/start",
                 {"typeOfWorkId": awork.ws.tasks[0]["typeOfWorkId"], "timezone": "Europe/Berlin"}).body
    later = manual(awork, startDateUtc="2024-05-06T15:00:00Z", duration=0 + 60)
    assert later["endDateUtc"] is None and later["duration"] == 60
    assert call(awork, "GET", "me/timeentries/last").body["id"] == later["id"]
    assert awork.running().id == timer["id"]


def test_last_ignores_entries_in_the_future_and_counts_a_missing_time_from_midnight(awork):
    call(awork, "POST", "me/timetracking/start", {"typeOfWorkId": awork.ws.tasks[0]["typeOfWorkId"],
                                                  "timezone": "Europe/Berlin"})
    future = manual(awork, startDateUtc="2024-05-06T18:00:00Z", duration=600)
    no_time = manual(awork, startDateUtc="2024-05-06T00:00:00Z", duration=1800)
    assert no_time["startTimeUtc"] is None
    last = call(awork, "GET", "me/timeentries/last").body
    assert last["id"] not in (future["id"], no_time["id"])  # the timer started at 15:00, after midnight


def test_manual_entries_need_their_required_fields(awork):
    for missing in ("timezone", "typeOfWorkId", "userId"):
        form = {"timezone": "Europe/Berlin", "userId": USER_ID, "typeOfWorkId": awork.ws.tasks[0]["typeOfWorkId"],
                "startDateUtc": "2024-05-06T10:00:00Z", "duration": 60}
        del form[missing]
        assert call(awork, "POST", "timeentries", form).status == 400
    form = {"timezone": "Europe/Berlin", "userId": USER_ID, "typeOfWorkId": awork.ws.tasks[0]["typeOfWorkId"],
            "startDateUtc": "2024-05-06T10:00:00Z", "endDateUtc": "2024-05-06T11:30:00Z", "isBillable": True}
    made = manual(awork, **{k: v for k, v in form.items() if k not in ("timezone", "userId", "typeOfWorkId")})
    assert made["endTimeUtc"].startswith("11:30:00") and made["isBillable"] is True
    assert call(awork, "POST", "timeentries", {**form, "bogus": 1}).status == 400


def test_a_put_replaces_the_entry_and_a_missing_boolean_becomes_false(awork):
    task = awork.ws.tasks[0]
    started = call(awork, "POST", "me/timetracking/start",
                   {"typeOfWorkId": task["typeOfWorkId"], "timezone": "Europe/Berlin", "isBillable": True}).body
    assert started["isBillable"] is True
    form = {"typeOfWorkId": task["typeOfWorkId"], "timezone": "Europe/Berlin",
            "startDateUtc": "2024-05-06T00:00:00Z", "startTimeUtc": "14:30:00"}
    replaced = call(awork, "PUT", f"timeentries/{started['id']}", form).body
    assert replaced["isBillable"] is False and replaced["taskId"] is None and replaced["startTimeUtc"].startswith("14:30")


def test_open_entries_filter(awork):
    call(awork, "POST", "me/timetracking/start", {"typeOfWorkId": awork.ws.tasks[0]["typeOfWorkId"],
                                                  "timezone": "Europe/Berlin"})
    manual(awork, startDateUtc="2024-05-06T14:00:00Z", duration=60)
    query = {"filterby": f"userId eq guid'{USER_ID}' and endDateUtc eq null", "pageSize": "20"}
    open_entries = call(awork, "GET", "timeentries", query=query).body
    assert len(open_entries) == 2 and all(e["endDateUtc"] is None for e in open_entries)
    bad = call(awork, "GET", "timeentries", query={"filterby": "endDateUtc eq null or note eq 'x'"})
    assert bad.status == 400


def test_every_reply_carries_awork_s_clock(awork):
    skewed = FakeAwork(demo_workspace(now=NOW), token=TOKEN, clock=lambda: NOW + timedelta(hours=3, seconds=2.7))

    async def ask():
        async with httpx.AsyncClient(transport=DemoTransport(skewed, latency=0), base_url="https://x/api/v1/") as client:
            ok = await client.get("me", headers={"Authorization": f"Bearer {TOKEN}"})
            refused = await client.get("me")
            return ok, refused

    ok, refused = asyncio.run(ask())
    for response in (ok, refused):
        assert parsedate_to_datetime(response.headers["date"]) == NOW + timedelta(hours=3, seconds=2)


def test_the_entries_of_a_range_of_days_by_their_start_day(awork):
    week = f"userId eq guid'{USER_ID}' and startDateUtc ge datetime'2024-04-29T00:00' and startDateUtc lt datetime'2024-05-06T00:00'"
    reply = call(awork, "GET", "timeentries", query={"filterby": week, "orderby": "startDateUtc desc,startTimeUtc desc"})
    assert reply.status == 200
    days = {item["startDateUtc"][:10] for item in reply.body}
    assert days and min(days) >= "2024-04-29" and max(days) < "2024-05-06"
    starts = [(item["startDateUtc"][:10], item["startTimeUtc"]) for item in reply.body]
    assert starts == sorted(starts, reverse=True)
    wrong = call(awork, "GET", "timeentries", query={"filterby": "startDateUtc ge datetime'2024-13-01T00:00'"})
    assert wrong.status == 400 and wrong.body["code"] == "invalid-filter-or-order"
