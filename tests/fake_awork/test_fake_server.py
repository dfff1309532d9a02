"""Tests of the fake awork server itself, with plain (sync) httpx: is it as strict as awork?"""

from __future__ import annotations

import re
import threading

import httpx
import pytest

ERROR_KEYS = {"code", "description", "link", "traceId"}
BERLIN = "Europe/Berlin"


@pytest.fixture
def http(fake_awork):
    with httpx.Client(base_url=fake_awork.url + "/", headers={"Authorization": "Bearer test-token"}, timeout=5) as client:
        yield client


@pytest.fixture
def design(fake_awork) -> str:
    return next(t["id"] for t in fake_awork.backend.ws.types_of_work if t["name"] == "Design")


def start(http, design, **changes) -> httpx.Response:
    form = {"typeOfWorkId": design, "timezone": BERLIN, **changes}
    return http.post("me/timetracking/start", json={k: v for k, v in form.items() if v is not ...})


def assert_error(response: httpx.Response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body.keys() >= ERROR_KEYS
    assert body["traceId"] == response.headers["trace-id"]
    assert body["link"].startswith("https://developers.awork.com")
    if code:
        assert body["code"] == code
    return body


def problems(body: dict) -> dict[str, str]:
    return {p["property"]: p["message"] for p in body.get("validationErrors", [])}


# -- the start form --------------------------------------------------------------------------------


def test_start_rejects_unknown_fields(http, design, fake_awork):
    body = assert_error(start(http, design, startDate="2026-01-01T00:00:00Z"), 400, "validation-failed")
    assert "startDate" in problems(body)
    assert fake_awork.backend.last().end is not None  # nothing started


def test_start_requires_type_of_work(http, design):
    body = assert_error(start(http, design, typeOfWorkId=...), 400, "validation-failed")
    assert "TypeOfWorkId" in problems(body)


@pytest.mark.parametrize("field", ["typeOfWorkId", "taskId", "projectId"])
def test_start_rejects_non_guid_ids(http, design, field):
    body = assert_error(start(http, design, **{field: "WEB-12"}), 400, "validation-failed")
    assert field.lower() in {p.lower() for p in problems(body)}


def test_non_guid_ids_rejected_in_paths_and_filters(http):
    assert_error(http.get("tasks/not-a-guid"), 400)
    assert_error(http.get("timeentries", params={"filterby": "userId eq guid'me'"}), 400, "invalid-filter-or-order")
    assert_error(http.get("timeentries", params={"filterby": "userId eq '7f1c2a90-3b5e-4d8a-9c61-2f4e8b7a1d03'"}), 400)


@pytest.mark.parametrize("zone", ["CET", "+01:00", "EST5EDT", "Berlin", "", "europe/berlin"])
def test_start_rejects_non_iana_time_zones(http, design, zone):
    body = assert_error(start(http, design, timezone=zone), 400, "validation-failed")
    assert "Timezone" in problems(body)


@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/New_York", "UTC"])
def test_start_accepts_iana_time_zones(http, design, zone):
    assert start(http, design, timezone=zone).status_code == 200


def test_start_needs_json_content_type(http, design):
    response = http.post("me/timetracking/start", content=f'{{"typeOfWorkId":"{design}","timezone":"{BERLIN}"}}',
                         headers={"Content-Type": "text/plain"})
    assert_error(response, 400, "invalid-model")


def test_start_rejects_unknown_references(http, design):
    assert_error(start(http, "00000000-0000-4000-8000-000000000000"), 404, "not-found")
    assert_error(start(http, design, taskId="00000000-0000-4000-8000-000000000000"), 404, "not-found")
    response = http.get("typeofwork", params={"showArchived": "true", "pageSize": "100"})
    archived_id = next(t["id"] for t in response.json() if t["isArchived"])
    assert_error(start(http, archived_id), 400, "entity-archived")


# -- auth ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("authorization", [None, "Bearer wrong-token", "test-token", "Bearer", "Basic dGVzdC10b2tlbg=="])
def test_missing_or_wrong_token_is_401(fake_awork, authorization):
    headers = {} if authorization is None else {"Authorization": authorization}
    response = httpx.get(fake_awork.url + "/me", headers=headers)
    body = assert_error(response, 401, "workspaceid-missing")
    assert body["description"]
    recorded = fake_awork.requests[-1]
    assert recorded.auth_present is (authorization is not None)
    assert recorded.auth_valid is False
    assert "authorization" not in recorded.headers


# -- timer semantics -------------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["pause", "resume", "stop"])
def test_control_calls_reject_a_body(http, design, action):
    assert start(http, design).status_code == 200
    assert_error(http.post(f"me/timetracking/{action}", json={}), 400, "invalid-model")


@pytest.mark.parametrize("action", ["pause", "resume", "stop"])
def test_control_calls_answer_204_when_nothing_runs(http, action):
    response = http.post(f"me/timetracking/{action}")
    assert response.status_code == 204 and response.content == b""


def test_start_stops_the_running_timer(http, design, fake_awork):
    first = start(http, design, note="first").json()
    second = start(http, design, note="second").json()
    entries = {r.id: r for r in fake_awork.backend.ws.entries}
    assert entries[first["id"]].end is not None
    assert entries[second["id"]].end is None
    assert http.get("me/timeentries/last").json()["id"] == second["id"]


def test_pause_resume_stop(http, design):
    started = start(http, design).json()
    assert started["endDateUtc"] is None and started["duration"] == 0 and started["breaks"] == []
    paused = http.post("me/timetracking/pause").json()
    assert list(paused["breaks"][-1]) == ["startDate"]  # an open break
    assert http.post("me/timetracking/pause").json()["breaks"] == paused["breaks"]  # no-op
    resumed = http.post("me/timetracking/resume").json()
    assert len(resumed["breaks"]) == 1 and "endDate" in resumed["breaks"][0]
    assert http.post("me/timetracking/resume").json()["breaks"] == resumed["breaks"]  # no-op
    http.post("me/timetracking/pause")
    stopped = http.post("me/timetracking/stop").json()
    assert stopped["endDateUtc"] and stopped["endTimeUtc"]
    assert all("endDate" in b for b in stopped["breaks"])  # stopping closes the open break
    assert http.post("me/timetracking/stop").status_code == 204


def test_last_entry_is_204_without_history(fake_awork, http):
    fake_awork.backend.ws.entries.clear()
    assert http.get("me/timeentries/last").status_code == 204


# -- reply shapes ----------------------------------------------------------------------------------


def test_paging_headers(http):
    response = http.get("typeofwork", params={"page": "2", "pageSize": "3"})
    assert response.status_code == 200 and len(response.json()) == 3
    h = response.headers
    assert (h["aw-page"], h["aw-pagesize"], h["aw-items"], h["aw-totalitems"]) == ("2", "3", "3", "7")
    last = http.get("typeofwork", params={"page": "3", "pageSize": "3"})
    assert last.headers["aw-items"] == "1" and len(last.json()) == 1
    assert http.get("typeofwork").headers["aw-pagesize"] == "10"  # the spec's default
    assert_error(http.get("typeofwork", params={"pageSize": "1001"}), 400)
    assert_error(http.get("typeofwork", params={"page": "0"}), 400)


def test_v1_splits_date_and_time_with_seven_fraction_digits(http, design):
    entry = start(http, design).json()
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T00:00:00Z", entry["startDateUtc"])
    assert re.fullmatch(r"\d{2}:\d{2}:\d{2}\.\d{7}", entry["startTimeUtc"])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T00:00:00", entry["startDateLocal"])
    assert re.fullmatch(r"\d{2}:\d{2}:\d{2}\.\d{7}", entry["startTimeLocal"])
    stopped = http.post("me/timetracking/stop").json()
    assert re.fullmatch(r"\d{2}:\d{2}:\d{2}\.\d{7}", stopped["endTimeUtc"])


def test_wrong_method_is_405_and_unknown_path_404(http):
    response = http.get("me/timetracking/start")
    assert_error(response, 405)
    assert response.headers["allow"] == "POST"
    assert_error(http.delete("me"), 405)
    assert_error(http.get("me/timetracking/nap"), 404, "not-found")
    assert_error(httpx.get(http.base_url.copy_with(path="/api/v0/me")), 404)


# -- faults and recording --------------------------------------------------------------------------


def test_fail_next_is_used_up_and_can_target_a_path(http, fake_awork):
    fake_awork.fail_next(503, path="/api/v1/me", times=2)
    assert http.get("typeofwork").status_code == 200  # another path: untouched
    assert_error(http.get("me"), 503)
    assert_error(http.get("me"), 503)
    assert http.get("me").status_code == 200
    assert [r.fault for r in fake_awork.requests] == [None, "fail", "fail", None]


def test_fail_next_merges_awork_fields(http, fake_awork):
    fake_awork.fail_next(400, body={"description": "Project is closed.", "validationErrors": [{"property": "ProjectId", "message": "closed"}]})
    body = assert_error(http.get("me"), 400, "validation-failed")
    assert body["description"] == "Project is closed." and problems(body) == {"ProjectId": "closed"}
    fake_awork.fail_next(429, headers={"ratelimit-reset": "7"})
    response = http.get("me")
    assert_error(response, 429)
    assert response.headers["ratelimit-reset"] == "7" and response.headers["ratelimit-remaining"] == "0"
    fake_awork.fail_next(403)
    assert http.get("me").headers["x-edge-ref"]


def test_malformed_empty_and_slow_replies(http, fake_awork, design):
    fake_awork.malformed_next(path="me")
    response = http.get("me")
    assert response.status_code == 200 and response.content == b'{"id": '
    fake_awork.empty_next("me/timeentries/last", status=200)
    assert http.get("me/timeentries/last").content == b""
    fake_awork.delay_next(2.0, path="me/timetracking/start")
    with pytest.raises(httpx.ReadTimeout):
        http.post("me/timetracking/start", json={"typeOfWorkId": design, "timezone": BERLIN}, timeout=0.3)
    # The slow request was processed all the same: the timer runs.
    assert fake_awork.wait_for_request(lambda r: r.path == "me/timetracking/start").status == 200
    assert fake_awork.backend.last().end is None


def test_records_requests_without_the_token(http, fake_awork, design):
    start(http, design, note="hello")
    http.post("me/timetracking/pause")
    start_req, pause_req = fake_awork.requests.of("POST")
    assert start_req.body == {"typeOfWorkId": design, "timezone": BERLIN, "note": "hello"}
    assert start_req.headers["content-type"] == "application/json"
    assert pause_req.raw == b"" and pause_req.body is None and not pause_req.has_body
    assert all(r.auth_valid and "authorization" not in r.headers for r in fake_awork.requests)
    assert "test-token" not in repr(fake_awork.requests.snapshot())


def test_wait_for_request_wakes_on_arrival(fake_awork):
    thread = threading.Timer(0.1, lambda: httpx.get(fake_awork.url + "/search", params={"searchTerm": "x"}))
    thread.start()
    try:
        found = fake_awork.wait_for_request(lambda r: r.path == "search" and r.status is not None, timeout=5)
        assert found.query == {"searchTerm": "x"} and found.status == 401
    finally:
        thread.join()
    with pytest.raises(TimeoutError):
        fake_awork.wait_for_request(lambda r: r.path == "never", timeout=0.05)


def test_stop_and_start_on_the_same_port(http, fake_awork):
    url = fake_awork.url
    assert http.get("me").status_code == 200  # a kept-alive connection now exists
    fake_awork.stop()
    with pytest.raises(httpx.ConnectError):
        http.get("me")
    fake_awork.start()
    assert fake_awork.url == url
    assert http.get("me").status_code == 200
