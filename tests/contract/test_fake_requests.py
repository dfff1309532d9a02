"""The fake awork refuses what awork's document refuses, accepts what it allows, and answers both
in the document's shapes.

Each refused request below is first shown to break the document (so the table cannot drift into
requests the document allows), then sent to the fake, which must answer 4xx with a valid
ErrorResponse. Each accepted one is shown to fit the document and must get a documented reply.
"""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta

import httpx
import pytest

from tray_app.demo.backend import FakeAwork
from tray_app.demo.transport import DemoTransport
from tray_app.demo.workspace import USER_ID, demo_workspace

from .validating import check_request, check_response
from helpers.fake_awork.simulated import BASE_URL, TOKEN, SimClock

CLOCK = SimClock()
_WS = demo_workspace(now=CLOCK.now() - timedelta(hours=1), running=True)
TOW = _WS.types_of_work[0]["id"]
TASK = _WS.tasks[0]
RUNNING = _WS.entries[-1]
DONE = _WS.entries[0]
START = {"typeOfWorkId": TOW, "timezone": "Europe/Berlin"}


def _put_form(record, **changes) -> dict:
    form = {"typeOfWorkId": record.type_of_work_id, "timezone": record.timezone, "taskId": record.task_id,
            "projectId": record.project_id, "startDateUtc": record.start.strftime("%Y-%m-%dT00:00:00Z"),
            "startTimeUtc": record.start.strftime("%H:%M:%S")}
    if record.end is not None:
        form |= {"endDateUtc": record.end.strftime("%Y-%m-%dT00:00:00Z"), "endTimeUtc": record.end.strftime("%H:%M:%S")}
    for key, value in changes.items():
        if value is ...:
            form.pop(key, None)
        else:
            form[key] = value
    return form


def _without(form: dict, key: str) -> dict:
    return {k: v for k, v in form.items() if k != key}


# (name, method, path, query, JSON body or None)
REFUSED = [
    ("start: a field the form lacks", "POST", "/me/timetracking/start", {}, {**START, "userId": USER_ID}),
    ("start: no time zone", "POST", "/me/timetracking/start", {}, _without(START, "timezone")),
    ("start: no type of work", "POST", "/me/timetracking/start", {}, _without(START, "typeOfWorkId")),
    ("start: type of work not a uuid", "POST", "/me/timetracking/start", {}, {**START, "typeOfWorkId": "Design"}),
    ("start: empty time zone", "POST", "/me/timetracking/start", {}, {**START, "timezone": ""}),
    ("start: task key for id", "POST", "/me/timetracking/start", {}, {**START, "taskId": "WEB-12"}),
    ("start: billable as text", "POST", "/me/timetracking/start", {}, {**START, "isBillable": "yes"}),
    ("start: billable null", "POST", "/me/timetracking/start", {}, {**START, "isBillable": None}),
    ("start: note a number", "POST", "/me/timetracking/start", {}, {**START, "note": 42}),
    ("start: a list", "POST", "/me/timetracking/start", {}, [START]),
    ("start: no body", "POST", "/me/timetracking/start", {}, None),
    ("start: user id not a uuid", "POST", "/me/timetracking/start", {"userId": "me"}, START),
    ("pause: user id not a uuid", "POST", "/me/timetracking/pause", {"userId": "me"}, None),
    ("last: user id not a uuid", "GET", "/me/timeentries/last", {"userId": "me"}, None),
    ("put: no type of work", "PUT", f"/timeentries/{RUNNING.id}", {}, _put_form(RUNNING, typeOfWorkId=...)),
    ("put: no time zone", "PUT", f"/timeentries/{RUNNING.id}", {}, _put_form(RUNNING, timezone=...)),
    ("put: a field the form lacks", "PUT", f"/timeentries/{DONE.id}", {}, _put_form(DONE, breaks=[])),
    ("put: task id not a uuid", "PUT", f"/timeentries/{DONE.id}", {}, _put_form(DONE, taskId="WEB-12")),
    ("put: project id not a uuid", "PUT", f"/timeentries/{DONE.id}", {}, _put_form(DONE, projectId="WEB")),
    ("put: user id not a uuid", "PUT", f"/timeentries/{DONE.id}", {}, _put_form(DONE, userId="me")),
    ("put: billable null", "PUT", f"/timeentries/{DONE.id}", {}, _put_form(DONE, isBillable=None)),
    ("put: billed as text", "PUT", f"/timeentries/{DONE.id}", {}, _put_form(DONE, isBilled="no")),
    ("put: note a number", "PUT", f"/timeentries/{DONE.id}", {}, _put_form(DONE, note=5)),
    ("put: duration as text", "PUT", f"/timeentries/{DONE.id}", {}, _put_form(DONE, duration="600")),
    ("put: break duration as text", "PUT", f"/timeentries/{DONE.id}", {}, _put_form(DONE, breakDuration="0")),
    ("put: empty time zone", "PUT", f"/timeentries/{DONE.id}", {}, _put_form(DONE, timezone="")),
    ("put: start date not a date", "PUT", f"/timeentries/{DONE.id}", {}, _put_form(DONE, startDateUtc="yesterday")),
    ("put: entry id not a uuid", "PUT", "/timeentries/last", {}, _put_form(DONE)),
    ("task id not a uuid", "GET", "/tasks/WEB-12", {}, None),
    ("types: showArchived not a boolean", "GET", "/typeofwork", {"showArchived": "maybe"}, None),
    ("types: pageSize not a number", "GET", "/typeofwork", {"pageSize": "many"}, None),
    ("entries: page not a number", "GET", "/timeentries", {"page": "first"}, None),
    ("entries: searchReindex not a boolean", "GET", "/timeentries", {"searchReindex": "maybe"}, None),
    ("assigned: inProgress not a boolean", "GET", "/me/assignedtasks", {"inProgress": "perhaps"}, None),
    ("assigned: assignedOnFrom not a date", "GET", "/me/assignedtasks", {"assignedOnFrom": "yesterday"}, None),
    ("search: top not a number", "GET", "/search", {"searchTerm": "web", "top": "lots"}, None),
    ("search: includeClosedAndStuck not a boolean", "GET", "/search",
     {"searchTerm": "web", "includeClosedAndStuck": "nope"}, None),
]

ACCEPTED = [
    ("start: every field, nulls where nullable", "POST", "/me/timetracking/start", {},
     {**START, "taskId": None, "projectId": None, "note": None, "isBillable": False, "isBilled": False}),
    ("start: for my user id", "POST", "/me/timetracking/start", {"userId": USER_ID},
     {**START, "taskId": TASK["id"], "projectId": TASK["projectId"], "isBillable": True}),
    ("put: billable, billed, my user id", "PUT", f"/timeentries/{DONE.id}", {},
     _put_form(DONE, isBillable=False, isBilled=True, userId=USER_ID, note="Korrektur")),
    ("put: the break duration (kept by awork)", "PUT", f"/timeentries/{DONE.id}", {}, _put_form(DONE, breakDuration=0)),
    ("put: start and duration", "PUT", f"/timeentries/{DONE.id}", {},
     _put_form(DONE, endDateUtc=..., endTimeUtc=..., duration=1200)),
    ("put: end and duration", "PUT", f"/timeentries/{DONE.id}", {},
     _put_form(DONE, startDateUtc=..., startTimeUtc=..., duration=1200)),
    ("put: local times", "PUT", f"/timeentries/{DONE.id}", {},
     _put_form(DONE, startDateUtc=..., startTimeUtc=..., endDateUtc=..., endTimeUtc=...,
               startDateLocal=DONE.start.strftime("%Y-%m-%dT00:00:00"), startTimeLocal="09:00:00",
               endDateLocal=DONE.start.strftime("%Y-%m-%dT00:00:00"), endTimeLocal="09:30:00")),
    ("put: a running entry's start, duration staying 0", "PUT", f"/timeentries/{RUNNING.id}", {},
     _put_form(RUNNING, startTimeUtc=(RUNNING.start - timedelta(minutes=5)).strftime("%H:%M:%S"), duration=0)),
    ("entries: searchReindex", "GET", "/timeentries", {"searchReindex": "false", "pageSize": "5"}, None),
    ("last: for my user id", "GET", "/me/timeentries/last", {"userId": USER_ID}, None),
]


def _exchange(method: str, path: str, query: dict, body) -> tuple[httpx.Request, bytes, httpx.Response]:
    backend = FakeAwork(demo_workspace(now=CLOCK.now() - timedelta(hours=1), running=True), token=TOKEN,
                        clock=CLOCK.now)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    content = b""
    if body is not None:
        headers["Content-Type"] = "application/json"
        content = json.dumps(body).encode()
    request = httpx.Request(method, BASE_URL + path, params=query, headers=headers, content=content)

    async def send():
        response = await DemoTransport(backend, latency=0).handle_async_request(request)
        await response.aread()
        return response

    return request, content, asyncio.run(send())


@pytest.mark.parametrize(("method", "path", "query", "body"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_the_fake_refuses_what_the_document_refuses(method, path, query, body):
    request, content, response = _exchange(method, path, query, body)
    operation, problems = check_request(request, content)
    assert problems, "the document allows this request: it does not belong in REFUSED"
    assert 400 <= response.status_code < 500, response.text
    assert check_response(request, content, operation, response) == []


def test_the_fake_refuses_a_request_without_a_token():
    request = httpx.Request("GET", BASE_URL + "/me")
    operation, problems = check_request(request, b"")
    assert problems

    async def send():
        backend = FakeAwork(demo_workspace(), token=TOKEN)
        response = await DemoTransport(backend, latency=0).handle_async_request(request)
        await response.aread()
        return response

    response = asyncio.run(send())
    assert response.status_code == 401
    assert check_response(request, b"", operation, response) == []


@pytest.mark.parametrize(("method", "path", "query", "body"), [c[1:] for c in ACCEPTED], ids=[c[0] for c in ACCEPTED])
def test_the_fake_accepts_what_the_document_allows(method, path, query, body):
    request, content, response = _exchange(method, path, query, body)
    operation, problems = check_request(request, content)
    assert problems == [], "the document refuses this request: it does not belong in ACCEPTED"
    assert response.status_code < 400, response.text
    assert check_response(request, content, operation, response) == []
