"""AworkClient over real loopback sockets, driven by qasync's Qt event loop, against the fake awork.

The `qloop` fixture (tests/integration/conftest.py) runs asyncio on Qt, as the tray does.
"""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from tray_app.api.auth.tokens import TokenHolder
from tray_app.api.client import AworkClient
from tray_app.api.errors import (
    AuthError,
    ForbiddenError,
    MalformedResponseError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    ValidationError,
)
from tray_app.demo.workspace import USER_ID, large_workspace
from tray_app.domain.entities import StartRequest
from tray_app.domain.timer import TimerState, timer_state

from helpers.fake_awork import FakeAworkServer


class Monotonic:
    """A monotonic clock the test moves by hand (for the rate-limit wait)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def monotonic() -> Monotonic:
    return Monotonic()


@pytest.fixture
def make_client(qloop, monotonic):
    made: list[AworkClient] = []

    def make(server: FakeAworkServer, token: str = "test-token", timeout: float = 5.0) -> AworkClient:
        client = AworkClient(server.url, TokenHolder(token, "test"), monotonic=monotonic, timeout=httpx.Timeout(timeout))
        made.append(client)
        return client

    yield make
    for client in made:
        qloop.run_until_complete(client.aclose())


@pytest.fixture
def client(make_client, fake_awork) -> AworkClient:
    return make_client(fake_awork)


@pytest.fixture
def run(qloop):
    return qloop.run_until_complete


def type_id(server: FakeAworkServer, name: str) -> str:
    return next(t["id"] for t in server.backend.ws.types_of_work if t["name"] == name)


# -- reading ---------------------------------------------------------------------------------------


def test_me_and_types_of_work(run, client, fake_awork):
    user = run(client.me())
    assert user.id == USER_ID and user.display_name == "Carla Creative" and user.workspace.name == "Demo Agentur"
    types = run(client.types_of_work())
    assert sorted(t.name for t in types) == sorted(
        ["Design", "Entwicklung", "Konzeption", "Projektmanagement", "Meeting", "Support", "Copywriting"])
    (request,) = fake_awork.requests.of("GET", "typeofwork")
    assert request.query == {"showArchived": "false", "page": "1", "pageSize": "1000"}
    assert all(r.auth_valid for r in fake_awork.requests)
    assert all(r.headers["user-agent"].startswith("awork-tray/") for r in fake_awork.requests)


def test_recent_entries_newest_first(run, client, fake_awork):
    entries = run(client.recent_time_entries(USER_ID))
    assert len(entries) == len(fake_awork.backend.ws.entries) == 44  # a fortnight, and two entries on tasks finished since
    starts = [e.start for e in entries]
    assert starts == sorted(starts, reverse=True)
    assert all(e.task and e.task.name and e.project for e in entries)
    (request,) = fake_awork.requests.of("GET", "timeentries")
    assert request.query["filterby"] == f"userId eq guid'{USER_ID}'"
    assert request.query["pageSize"] == "100"


def test_last_entry_none_on_204_and_empty_200(run, client, fake_awork):
    assert timer_state(run(client.last_time_entry())) is TimerState.IDLE  # the demo's history is stopped
    fake_awork.empty_next("me/timeentries/last", status=204)
    assert run(client.last_time_entry()) is None
    fake_awork.empty_next("me/timeentries/last", status=200)
    assert run(client.last_time_entry()) is None


def test_assigned_tasks_pages_through_a_large_workspace(run, make_client):
    with FakeAworkServer(large_workspace()) as server:
        tasks = run(make_client(server).assigned_tasks())
        pages = server.requests.of("GET", "me/assignedtasks")
    assert len(tasks) == 5000 and len({t.id for t in tasks}) == 5000
    assert [(r.query["page"], r.query["pageSize"]) for r in pages] == [(str(p), "1000") for p in range(1, 6)]
    assert all(r.query["filterby"] == "taskStatus/type ne 'done'" for r in pages)


def test_search_and_task_lookups(run, client, fake_awork):
    hits = run(client.search_tasks("sitemap"))
    assert [(t.key, t.name) for t in hits] == [("WEB-12", "Sitemap entwerfen")]
    assert hits[0].type_of_work_id is None  # search hits carry the type's name only
    (request,) = fake_awork.requests.of("GET", "search")
    # Done tasks stay findable: awork leaves closed, stuck and done out unless asked.
    assert request.query == {"searchTerm": "sitemap", "searchTypes": "task", "top": "20", "includeClosedAndStuck": "true"}
    by_key = run(client.task_by_key("WEB-12"))
    assert by_key.id == hits[0].id and by_key.project.name == "Website Relaunch" and by_key.type_of_work_id
    assert run(client.task(by_key.id)) == by_key
    assert run(client.task_by_key("WEB-999")) is None


def test_search_finds_done_tasks_and_tasks_of_closed_projects_marked_as_such(run, client):
    done = run(client.search_tasks("Kick-off"))
    assert [(t.key, t.is_done) for t in done] == [("WART-2024-1", True)]
    (fair,) = run(client.search_tasks("Catering"))
    assert fair.key == "FEST_23-7" and fair.is_finished and fair.project.is_closed and not fair.is_done


def test_task_keys_of_awork_grammar_are_found(run, client):
    task = run(client.task_by_key("wart-2024-4"))
    assert task.key == "WART-2024-4" and task.project.key == "WART-2024"
    assert run(client.task_by_key("FEST_23-7")).project.is_closed


def test_project_types_of_work_and_tracking_rules(run, client, fake_awork):
    upkeep = run(client.task_by_key("WART-2024-3")).project
    allowed = run(client.project_types_of_work(upkeep.id))
    assert sorted(t.name for t in allowed) == ["Entwicklung", "Support"]
    web = run(client.task_by_key("WEB-12")).project
    assert not any(t.is_archived for t in run(client.project_types_of_work(web.id)))
    with pytest.raises(NotFoundError):
        run(client.project_types_of_work("00000000-0000-4000-8000-000000000000"))
    rules = run(client.tracking_rules())
    assert rules.prevent_on_done_projects and not rules.enabled("allow-on-past-days")
    assert fake_awork.requests.of("GET", "timetracking/settings")[-1].query == {}


def test_start_refused_by_awork_on_archived_not_allowed_types_and_done_projects(run, client, fake_awork):
    """The fake refuses what awork refuses, with awork's error shape."""
    serverumzug = run(client.task_by_key("WART-2024-4"))
    with pytest.raises(ValidationError) as not_allowed:
        run(client.start(StartRequest(serverumzug.type_of_work_id, "Europe/Berlin", task_id=serverumzug.id)))
    assert not_allowed.value.code == "invalid-operation" and "not allowed" in not_allowed.value.description
    archived = type_id(fake_awork, "Reisezeit (alt)")
    with pytest.raises(ValidationError) as old:
        run(client.start(StartRequest(archived, "Europe/Berlin")))
    assert old.value.code == "entity-archived"
    stand = run(client.task_by_key("FEST_23-7"))
    with pytest.raises(ValidationError) as closed:
        run(client.start(StartRequest(stand.type_of_work_id, "Europe/Berlin", task_id=stand.id)))
    assert closed.value.code == "invalid-operation"
    assert fake_awork.backend.last().task_id != stand.id
    fake_awork.backend.ws.settings[0]["enabled"] = False  # the workspace allows it after all
    assert run(client.start(StartRequest(stand.type_of_work_id, "Europe/Berlin", task_id=stand.id))).task.id == stand.id


# -- the timer -------------------------------------------------------------------------------------


def test_start_pause_resume_stop_round_trip(run, client, fake_awork):
    task = run(client.task_by_key("WEB-12"))
    design = type_id(fake_awork, "Design")
    request = StartRequest(design, "Europe/Berlin", task_id=task.id, project_id=task.project_id, note="Entwurf")
    entry = run(client.start(request))
    assert timer_state(entry) is TimerState.RUNNING and entry.task.key == "WEB-12" and entry.note == "Entwurf"

    started = fake_awork.requests.of("POST", "me/timetracking/start")[-1]
    assert started.body == {"typeOfWorkId": design, "timezone": "Europe/Berlin", "taskId": task.id,
                            "projectId": task.project_id, "note": "Entwurf"}
    assert started.headers["content-type"] == "application/json"

    assert timer_state(run(client.pause())) is TimerState.PAUSED
    resumed = run(client.resume())
    assert timer_state(resumed) is TimerState.RUNNING and len(resumed.breaks) == 1
    stopped = run(client.stop())
    assert stopped.end is not None and timer_state(stopped) is TimerState.IDLE
    assert run(client.stop()) is None  # 204: nothing runs

    for action in ("pause", "resume", "stop"):
        for recorded in fake_awork.requests.of("POST", f"me/timetracking/{action}"):
            assert recorded.raw == b"" and "content-type" not in recorded.headers, action
    assert [r.status for r in fake_awork.requests.of("POST")] == [200, 200, 200, 200, 204]


def test_start_without_task_sends_only_required_keys(run, client, fake_awork):
    run(client.start(StartRequest(type_id(fake_awork, "Meeting"), "UTC")))
    assert fake_awork.requests[-1].body.keys() == {"typeOfWorkId", "timezone"}


def test_fake_rejects_abbreviated_zone_as_validation_error(run, client, fake_awork):
    with pytest.raises(ValidationError) as caught:
        run(client.start(StartRequest(type_id(fake_awork, "Design"), "CET")))
    assert [p.property for p in caught.value.problems] == ["Timezone"]


# -- faults ----------------------------------------------------------------------------------------


def test_400_carries_awork_validation_messages(run, client, fake_awork):
    fake_awork.fail_next(400, path="me/timetracking/start", body={
        "description": "Time tracking is not allowed on closed projects.",
        "validationErrors": [{"property": "ProjectId", "message": "The project is closed."}]})
    with pytest.raises(ValidationError) as caught:
        run(client.start(StartRequest(type_id(fake_awork, "Design"), "Europe/Berlin")))
    err = caught.value
    assert err.status == 400 and err.code == "validation-failed"
    assert err.description == "Time tracking is not allowed on closed projects."
    assert [(p.property, p.message) for p in err.problems] == [("ProjectId", "The project is closed.")]
    assert "The project is closed." in err.user_message


def test_401_is_auth_error(run, make_client, fake_awork):
    with pytest.raises(AuthError) as caught:
        run(make_client(fake_awork, token="wrong-token").me())
    assert caught.value.status == 401 and caught.value.code == "workspaceid-missing"
    assert fake_awork.requests[-1].auth_present and not fake_awork.requests[-1].auth_valid


def test_403_keeps_trace_id_and_edge_ref(run, client, fake_awork):
    fake_awork.fail_next(403)
    with pytest.raises(ForbiddenError) as caught:
        run(client.me())
    recorded = fake_awork.requests[-1]
    assert caught.value.trace_id == recorded.trace_id and recorded.trace_id
    assert caught.value.edge_ref
    assert recorded.trace_id in caught.value.user_message


def test_404_is_not_found(run, client, fake_awork):
    fake_awork.fail_next(404, path="me")
    with pytest.raises(NotFoundError):
        run(client.me())


def test_429_blocks_requests_until_reset(run, client, fake_awork, monotonic):
    fake_awork.fail_next(429, headers={"ratelimit-reset": "30"})
    with pytest.raises(RateLimitedError) as caught:
        run(client.me())
    assert caught.value.retry_after == 30
    sent = len(fake_awork.requests)
    monotonic.now += 29
    with pytest.raises(RateLimitedError) as again:
        run(client.types_of_work())
    assert 0 < again.value.retry_after <= 1
    assert len(fake_awork.requests) == sent  # blocked locally, awork was not asked
    monotonic.now += 1.5
    assert run(client.me()).id == USER_ID
    assert len(fake_awork.requests) == sent + 1


@pytest.mark.parametrize("status", [500, 502, 503])
def test_5xx_is_server_error(run, client, fake_awork, status):
    fake_awork.fail_next(status)
    with pytest.raises(ServerError) as caught:
        run(client.types_of_work())
    assert caught.value.status == status


def test_malformed_json_is_malformed_response(run, client, fake_awork):
    fake_awork.malformed_next(path="me")
    with pytest.raises(MalformedResponseError) as caught:
        run(client.me())
    assert caught.value.trace_id == fake_awork.requests[-1].trace_id
    fake_awork.malformed_next(path="me/timeentries/last", body=b"<html>maintenance</html>")
    with pytest.raises(MalformedResponseError):
        run(client.last_time_entry())


def test_timeout_is_network_error(run, make_client, fake_awork):
    fake_awork.delay_next(3.0, path="me")
    client = make_client(fake_awork, timeout=0.3)
    with pytest.raises(NetworkError, match="in time"):
        run(client.me())
    assert run(client.types_of_work())  # the next request is fine


def test_refused_connection_is_network_error_then_recovers(run, client, fake_awork):
    assert run(client.me()).id == USER_ID  # leaves a pooled keep-alive connection
    fake_awork.stop()
    with pytest.raises(NetworkError):
        run(client.me())
    with pytest.raises(NetworkError):
        run(client.stop())
    fake_awork.start()
    assert run(client.me()).id == USER_ID


def test_elapsed_time_derives_from_server_start(run, client, fake_awork):
    entry = run(client.start(StartRequest(type_id(fake_awork, "Design"), "Europe/Berlin")))
    record = fake_awork.backend.last()
    assert abs(entry.start - record.start) < timedelta(microseconds=1)
