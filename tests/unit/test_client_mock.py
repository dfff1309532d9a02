"""AworkClient against httpx.MockTransport: requests as awork documents them, answers mapped to errors."""

from __future__ import annotations

import asyncio
import json
import logging
import socket
from datetime import datetime, timezone

import httpx
import pytest

from tray_app.api.auth.tokens import TokenHolder
from tray_app.api.client import PAGE_SIZE, AworkClient
from tray_app.api.errors import (
    AuthError,
    ForbiddenError,
    MalformedResponseError,
    NetworkError,
    NotFoundError,
    NotSignedInError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
    ValidationError,
)
from tray_app.domain.entities import StartRequest

from helpers.mock_client import run_client

BASE = "https://api.awork.com/api/v1"
TOKEN = "tok-abcdef-123456"
ENTRY = {"id": "e1", "startDateUtc": "2026-09-28T00:00:00Z", "startTimeUtc": "07:09:28.3515950", "duration": 0,
         "typeOfWorkId": "w1", "breaks": None}
START_KEYS = {"typeOfWorkId", "timezone", "isBillable", "isBilled", "taskId", "projectId", "note"}


class Server:
    """Records every request and answers with `respond(request)`."""

    def __init__(self, respond):
        self.respond = respond
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.respond(request)


class Clock:
    def __init__(self, now: float = 1000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


def run(respond, scenario, *, tokens=None, clock=None, base=BASE):
    """Run `scenario(client)` against a mock awork; returns (result or raised error, server)."""
    server = Server(respond)
    tokens = tokens or TokenHolder(TOKEN, "environment")
    return run_client(server, scenario, tokens=tokens, monotonic=clock or Clock(), base=base), server


def raises(error_cls, respond, scenario, **kw):
    async def catching(client):
        with pytest.raises(error_cls) as info:
            await scenario(client)
        return info.value

    return run(respond, catching, **kw)


def ok(body=None, status=200, headers=None):
    return lambda request: httpx.Response(status, json=body, headers=headers)


# -- requests ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "request_, expected",
    [
        (StartRequest("w1", "Europe/Berlin"), {"typeOfWorkId": "w1", "timezone": "Europe/Berlin"}),
        (StartRequest("w1", "Europe/Berlin", task_id="t1", project_id="p1", note="Sitemap"),
         {"typeOfWorkId": "w1", "timezone": "Europe/Berlin", "taskId": "t1", "projectId": "p1", "note": "Sitemap"}),
        (StartRequest("w1", "UTC", task_id=None, project_id="", note=""), {"typeOfWorkId": "w1", "timezone": "UTC"}),
    ],
)
def test_start_sends_exactly_the_documented_form(request_, expected):
    entry, server = run(ok(ENTRY), lambda c: c.start(request_))
    assert entry.id == "e1" and entry.start == datetime(2026, 9, 28, 7, 9, 28, 351595, tzinfo=timezone.utc)
    (sent,) = server.requests
    assert sent.method == "POST"
    assert sent.url == "https://api.awork.com/api/v1/me/timetracking/start"
    assert sent.headers["content-type"] == "application/json"
    body = json.loads(sent.content)
    assert body == expected
    assert set(body) <= START_KEYS
    assert None not in body.values()


@pytest.mark.parametrize("action", ["pause", "resume", "stop"])
def test_controls_send_no_body_and_no_content_type(action):
    entry, server = run(ok(ENTRY), lambda c: getattr(c, action)())
    assert entry.id == "e1"
    (sent,) = server.requests
    assert (sent.method, sent.url.path) == ("POST", f"/api/v1/me/timetracking/{action}")
    assert sent.content == b""
    assert "content-type" not in sent.headers
    assert sent.headers.get("content-length", "0") == "0"


@pytest.mark.parametrize("action", ["pause", "resume", "stop"])
def test_controls_with_nothing_running(action):
    assert run(ok(status=204), lambda c: getattr(c, action)())[0] is None


def test_every_request_carries_the_bearer_token():
    _, server = run(ok({"id": "u", "firstName": "Carla", "lastName": "Creative"}), lambda c: c.me())
    (sent,) = server.requests
    assert sent.headers["authorization"] == f"Bearer {TOKEN}"
    assert sent.headers["accept"] == "application/json"
    assert sent.headers["user-agent"].startswith("awork-tray/")


def test_signed_out_sends_nothing():
    _, server = raises(NotSignedInError, ok({}), lambda c: c.me(), tokens=TokenHolder(None))
    assert server.requests == []


# -- last entry ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "respond",
    [ok(status=204), lambda r: httpx.Response(404), lambda r: httpx.Response(200, content=b"  \n")],
    ids=["204", "404", "empty-200"],
)
def test_no_last_entry(respond):
    result, server = run(respond, lambda c: c.last_time_entry())
    assert result is None
    assert server.requests[0].url.path == "/api/v1/me/timeentries/last"


def test_last_entry_parsed():
    entry, _ = run(ok(ENTRY), lambda c: c.last_time_entry())
    assert entry.type_of_work_id == "w1" and entry.end is None


@pytest.mark.parametrize(
    "content",
    [b'{"id": "e1", "startDateUtc": "2026-09-28T0', b"<html>Bad gateway</html>", b"\xff\xfe{"],
    ids=["truncated", "html", "not-utf8"],
)
@pytest.mark.parametrize("call", ["last_time_entry", "me", "types_of_work", "stop"])
def test_malformed_json(content, call):
    respond = lambda r: httpx.Response(200, content=content, headers={"trace-id": "tr-7"})  # noqa: E731
    error, _ = raises(MalformedResponseError, respond, lambda c: getattr(c, call)())
    assert error.user_message


def test_json_of_the_wrong_shape_is_malformed():
    raises(MalformedResponseError, ok([1, 2]), lambda c: c.me())
    raises(MalformedResponseError, ok({"id": "e1"}), lambda c: c.last_time_entry())
    raises(MalformedResponseError, ok({"items": []}), lambda c: c.types_of_work())


# -- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "status, cls",
    [(400, ValidationError), (401, AuthError), (403, ForbiddenError), (404, NotFoundError),
     (429, RateLimitedError), (500, ServerError), (503, ServerError)],
)
def test_status_codes_raise_their_class(status, cls):
    body = {"code": "c", "description": f"awork said {status}", "link": "l"}
    error, server = raises(cls, ok(body, status=status), lambda c: c.start(StartRequest("w", "UTC")))
    assert error.status == status and error.description == f"awork said {status}"
    # A 401 whose code names no cause asks GET /me whether the token still works (here: no).
    assert len(server.requests) == (2 if status == 401 else 1)


def test_validation_problems_reach_the_user():
    body = {"code": "invalid-operation", "description": "Cannot start.", "link": "l",
            "validationErrors": [{"property": "ProjectId", "message": "The project is closed."}]}
    error, _ = raises(ValidationError, ok(body, status=400), lambda c: c.start(StartRequest("w", "UTC", project_id="p")))
    assert error.code == "invalid-operation"
    assert "ProjectId: The project is closed." in error.user_message


def test_forbidden_shows_trace_id():
    respond = ok(status=403, headers={"trace-id": "abc123", "x-edge-ref": "ref-1"})
    error, _ = raises(ForbiddenError, respond, lambda c: c.me())
    assert "abc123" in error.user_message


def test_task_by_key_not_found_is_none():
    result, server = run(ok({"code": "not-found", "description": "x", "link": "l"}, status=404),
                         lambda c: c.task_by_key("WEB-12"))
    assert result is None
    assert server.requests[0].url.path == "/api/v1/tasks/key/WEB-12"


def test_failed_request_logged_with_trace_id_but_not_token(caplog):
    caplog.set_level(logging.WARNING, logger="tray_app.api.client")
    raises(ServerError, ok({"description": "boom"}, status=500, headers={"trace-id": "tr-500"}), lambda c: c.me())
    assert "tr-500" in caplog.text
    assert TOKEN not in caplog.text


# -- network -------------------------------------------------------------------------------------


def failing(exc_type):
    def respond(request):
        raise exc_type("simulated", request=request)

    return respond


@pytest.mark.parametrize(
    "exc_type", [httpx.ConnectError, httpx.ConnectTimeout, httpx.ReadTimeout, httpx.ReadError, httpx.RemoteProtocolError]
)
def test_transport_failures_are_network_errors(exc_type):
    error, _ = raises(NetworkError, failing(exc_type), lambda c: c.last_time_entry())
    assert error.user_message
    assert error.status is None


def test_connection_refused_on_a_real_socket():
    with socket.socket() as probe:  # a port that was free a moment ago, nobody listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    async def main():
        client = AworkClient(f"http://127.0.0.1:{port}/api/v1", TokenHolder(TOKEN, "environment"))
        try:
            with pytest.raises(NetworkError):
                await client.last_time_entry()
        finally:
            await client.aclose()

    asyncio.run(main())


# -- 401 retry -----------------------------------------------------------------------------------


class RefreshingTokens:
    def __init__(self, refresh_to: str | None, worth_retrying: bool = True):
        self.current = "old-token-1"
        self.refresh_to = refresh_to
        self.worth_retrying = worth_retrying
        self.rejected: list[str] = []
        self.source = "oauth"

    async def token(self):
        return self.current

    async def unauthorized(self, rejected):
        self.rejected.append(rejected)
        self.current = self.refresh_to
        return self.worth_retrying


def accepts(good: str):
    def respond(request):
        if request.headers["authorization"] == f"Bearer {good}":
            return httpx.Response(200, json={"id": "u", "firstName": "A", "lastName": "B"})
        return httpx.Response(401, json={"code": "workspaceid-missing", "description": "Token expired.", "link": "l"})

    return respond


def test_401_refreshes_once_and_retries():
    tokens = RefreshingTokens("new-token-2")
    user, server = run(accepts("new-token-2"), lambda c: c.me(), tokens=tokens)
    assert user.id == "u"
    assert tokens.rejected == ["old-token-1"]
    assert [r.headers["authorization"] for r in server.requests] == ["Bearer old-token-1", "Bearer new-token-2"]


def test_401_twice_gives_up_after_one_refresh():
    tokens = RefreshingTokens("new-token-2")
    error, server = raises(AuthError, accepts("never"), lambda c: c.me(), tokens=tokens)
    assert tokens.rejected == ["old-token-1"]
    assert len(server.requests) == 2
    assert error.description == "Token expired."


def test_401_not_worth_retrying():
    tokens = RefreshingTokens("old-token-1", worth_retrying=False)
    _, server = raises(AuthError, accepts("never"), lambda c: c.me(), tokens=tokens)
    assert tokens.rejected == ["old-token-1"]
    assert len(server.requests) == 1


def test_401_with_a_static_token_is_an_auth_error():
    _, server = raises(AuthError, accepts("never"), lambda c: c.me())
    assert len(server.requests) == 1


def test_401_refresh_that_signs_out():
    tokens = RefreshingTokens(None)
    _, server = raises(NotSignedInError, accepts("never"), lambda c: c.me(), tokens=tokens)
    assert len(server.requests) == 1


# -- 401: a missing permission or a bad token ------------------------------------------------------

DENIED = {"code": "unauthorized", "description": "You may not track time on this project.", "link": "l",
          "details": ["Ask a project manager for the permission."]}
ME = {"id": "u", "firstName": "A", "lastName": "B"}


def me_answers(status: int, body=None):
    """Every request but GET /me gets a 401 without a code; /me gets `status`."""
    def respond(request):
        if request.url.path.endswith("/me"):
            return httpx.Response(status, json=ME if body is None and status == 200 else body)
        return httpx.Response(401, json={"description": "Authorization has been denied for this request."})

    return respond


def test_401_unauthorized_is_a_missing_permission_and_spends_no_refresh():
    tokens = RefreshingTokens("new-token-2")
    error, server = raises(PermissionDeniedError, ok(DENIED, status=401),
                           lambda c: c.start(StartRequest("w", "UTC", task_id="t")), tokens=tokens)
    assert not isinstance(error, AuthError)
    assert tokens.rejected == [] and len(server.requests) == 1
    assert error.user_message.splitlines() == ["You may not track time on this project.",
                                               "Ask a project manager for the permission."]


def test_401_without_a_code_refreshes_then_asks_me_which_still_works():
    tokens = RefreshingTokens("new-token-2")
    error, server = raises(PermissionDeniedError, me_answers(200), lambda c: c.task("t1"), tokens=tokens)
    assert tokens.rejected == ["old-token-1"]
    assert [(r.url.path.rsplit("/", 1)[1], r.headers["authorization"]) for r in server.requests] == [
        ("t1", "Bearer old-token-1"), ("t1", "Bearer new-token-2"), ("me", "Bearer new-token-2")]
    assert error.description == "Authorization has been denied for this request."


def test_401_without_a_code_that_me_gets_too_is_signed_out():
    tokens = RefreshingTokens("new-token-2")
    error, server = raises(AuthError, me_answers(401, {"description": "No."}), lambda c: c.task("t1"), tokens=tokens)
    assert not isinstance(error, PermissionDeniedError)
    assert len(server.requests) == 3


def test_401_without_a_code_with_a_static_token_asks_me_with_it():
    _, server = raises(PermissionDeniedError, me_answers(200), lambda c: c.search_tasks("web"))
    assert [r.url.path.rsplit("/", 1)[1] for r in server.requests] == ["search", "me"]
    assert all(r.headers["authorization"] == f"Bearer {TOKEN}" for r in server.requests)


def test_401_without_any_body_and_me_working_is_a_permission_with_our_words():
    def respond(request):
        return httpx.Response(200, json=ME) if request.url.path.endswith("/me") else httpx.Response(401)

    error, _ = raises(PermissionDeniedError, respond, lambda c: c.stop())
    assert error.user_message


def test_401_of_me_itself_is_signed_out_without_asking_again():
    _, server = raises(AuthError, ok({"description": "No."}, status=401), lambda c: c.me())
    assert len(server.requests) == 1


def test_401_when_me_cannot_answer_is_try_later_not_signed_out():
    _, server = raises(ServerError, me_answers(503, {"description": "Down."}), lambda c: c.task("t1"))
    assert len(server.requests) == 2


def test_workspaceid_missing_is_signed_out_without_asking_me():
    body = {"code": "workspaceid-missing", "description": "Most likely, your token is invalid.", "link": "l"}
    _, server = raises(AuthError, ok(body, status=401), lambda c: c.task("t1"))
    assert len(server.requests) == 1


# -- rate limit ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers, wait",
    [({"ratelimit-reset": "30", "ratelimit-limit": "1000", "ratelimit-remaining": "0"}, 30.0),
     ({"Retry-After": "30"}, 30.0)],
)
def test_429_blocks_every_request_until_the_reset(headers, wait):
    clock = Clock(5000.0)
    answers = iter([httpx.Response(429, headers=headers)] + [httpx.Response(200, json=ENTRY)] * 5)

    async def scenario(client):
        with pytest.raises(RateLimitedError) as first:
            await client.last_time_entry()
        assert first.value.retry_after == wait
        assert len(server.requests) == 1
        for elapsed in (0.0, 1.0, wait - 0.5):
            clock.now = 5000.0 + elapsed
            assert client.rate_limited_for == pytest.approx(wait - elapsed)
            for call in (client.last_time_entry(), client.stop(), client.start(StartRequest("w", "UTC"))):
                with pytest.raises(RateLimitedError) as blocked:
                    await call
                assert blocked.value.retry_after == pytest.approx(wait - elapsed)
                assert blocked.value.user_message
        assert len(server.requests) == 1  # nothing went out while blocked
        clock.now = 5000.0 + wait
        assert client.rate_limited_for == 0
        entry = await client.last_time_entry()
        assert entry.id == "e1"
        return len(server.requests)

    server = Server(lambda request: next(answers))
    assert run_client(server, scenario, tokens=TokenHolder(TOKEN, "environment"), monotonic=clock) == 2


# -- paging --------------------------------------------------------------------------------------


def pages(total: int, *, header: bool, page_size: int = PAGE_SIZE):
    def respond(request):
        page = int(request.url.params["page"])
        size = int(request.url.params["pageSize"])
        assert size == page_size
        first = (page - 1) * size
        items = [{"id": f"w{n}", "name": f"Work {n}", "isArchived": n % 7 == 0}
                 for n in range(first, min(first + size, total))]
        headers = {"aw-totalitems": str(total), "aw-page": str(page)} if header else {}
        return httpx.Response(200, json=items, headers=headers)

    return respond


@pytest.mark.parametrize(
    "total, header, requests",
    [
        (3, False, 1),  # short first page
        (0, False, 1),
        (PAGE_SIZE + 5, False, 2),  # full page, then a short one
        (2 * PAGE_SIZE, False, 3),  # full, full, empty
        (PAGE_SIZE, True, 1),  # aw-totalitems says that was all
        (2 * PAGE_SIZE, True, 2),
    ],
)
def test_paging_stops_on_short_page_or_total(total, header, requests):
    kinds, server = run(pages(total, header=header), lambda c: c.types_of_work())
    assert len(server.requests) == requests
    assert [r.url.params["page"] for r in server.requests] == [str(p) for p in range(1, requests + 1)]
    assert all(r.url.params["showArchived"] == "false" for r in server.requests)
    assert len(kinds) == sum(1 for n in range(total) if n % 7)  # archived ones dropped
    assert kinds[:2] == [] or kinds[0].id == "w1"


def test_paging_respects_limit():
    tasks, server = run(pages(10 * PAGE_SIZE, header=False), lambda c: c.assigned_tasks(limit=PAGE_SIZE + 1))
    assert len(tasks) == PAGE_SIZE + 1
    assert len(server.requests) == 2
    assert server.requests[0].url.params["filterby"] == "taskStatus/type ne 'done'"
