"""Numbers, dates and shapes from a hostile or broken awork: a value, a wait of at most ten
minutes, or a MalformedResponseError; never another exception (issue 11, "Replies")."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import httpx
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tray_app.api import parse
from tray_app.api.client import PAGE_SIZE
from tray_app.api.errors import (
    ApiError,
    MalformedResponseError,
    RateLimitedError,
    ValidationError,
    error_for_response,
)
from tray_app.cli_output import status_json, status_text

from helpers.mock_client import run_client

NOW = datetime(2026, 9, 28, 12, 0, tzinfo=UTC)
MAX_WAIT = 600.0


def limited(**headers) -> RateLimitedError:
    error = error_for_response(httpx.Response(429, headers=headers))
    assert isinstance(error, RateLimitedError)
    assert isinstance(error.user_message, str)
    return error


# -- waits ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("header", ["ratelimit-reset", "retry-after"])
@pytest.mark.parametrize("value", ["inf", "Infinity", "1e400", "1e308", "31536000"])
def test_a_huge_wait_is_clamped_to_ten_minutes_and_says_so(header, value):
    error = limited(**{header: value})
    assert error.retry_after == MAX_WAIT
    assert "10 minutes" in error.user_message


@pytest.mark.parametrize("header", ["ratelimit-reset", "retry-after"])
@pytest.mark.parametrize("value", ["nan", "-nan", "-5", "-inf", "", "soon"])
def test_an_impossible_wait_falls_back_to_a_minute(header, value):
    assert limited(**{header: value}).retry_after == 60.0


def test_an_impossible_reset_gives_way_to_a_usable_retry_after():
    assert limited(**{"ratelimit-reset": "nan", "retry-after": "12"}).retry_after == 12.0


@pytest.mark.parametrize(
    "retry_after, date, wait",
    [("Wed, 21 Oct 2026 07:28:30 GMT", "Wed, 21 Oct 2026 07:28:00 GMT", 30.0),  # awork's clock, not ours
     ("Wed, 21 Oct 2099 07:28:00 GMT", "Wed, 21 Oct 2026 07:28:00 GMT", MAX_WAIT),
     ("Fri, 31 Dec 9999 23:59:59 GMT", "Wed, 21 Oct 2026 07:28:00 GMT", MAX_WAIT),
     ("Wed, 21 Oct 2015 07:28:00 GMT", "Wed, 21 Oct 2026 07:28:00 GMT", 0.0)],
)
def test_retry_after_as_an_http_date(retry_after, date, wait):
    assert limited(**{"retry-after": retry_after, "date": date}).retry_after == wait


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=40),
       st.sampled_from(["ratelimit-reset", "retry-after"]))
def test_any_wait_header_gives_a_sane_wait(value, header):
    wait = limited(**{header: value}).retry_after
    assert 0.0 <= wait <= MAX_WAIT


def test_an_infinite_wait_does_not_block_the_client_for_good():
    clock = [1000.0]
    answers = iter([httpx.Response(429, headers={"ratelimit-reset": "inf"}),
                    httpx.Response(200, json={"id": "u", "firstName": "A", "lastName": "B"})])

    async def scenario(client):
        with pytest.raises(RateLimitedError):
            await client.me()
        assert client.rate_limited_for == MAX_WAIT
        with pytest.raises(RateLimitedError) as blocked:
            await client.me()
        assert blocked.value.user_message
        clock[0] += MAX_WAIT
        return await client.me()

    assert run_client(lambda request: next(answers), scenario, monotonic=lambda: clock[0]).id == "u"


# -- dates and durations -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["0001-01-01T00:00:00+01:00", "0001-01-01T00:30:00Z", "9999-12-31T23:59:59-01:00", "9999-12-31T23:00:00Z",
     "2026-01-01T10:00:00+99:99", "2026-01-01T10:00:00+24:00", "2026-01-01T10:00:00-00:60"],
)
def test_an_impossible_timestamp_is_refused(value):
    with pytest.raises(ValueError):
        parse.parse_datetime(value)
    with pytest.raises(MalformedResponseError):
        parse.time_entry({"id": "e1", "startDateUtc": value, "startTimeUtc": "10:00:00"})
    with pytest.raises(MalformedResponseError):
        parse.time_entry({"id": "e1", "startDate": value})


def test_the_widest_real_offsets_are_read():
    assert parse.parse_datetime("2026-01-01T14:00:00+14:00") == datetime(2026, 1, 1, tzinfo=UTC)
    assert parse.parse_datetime("2026-01-01T00:00:00-12:00") == datetime(2026, 1, 1, 12, tzinfo=UTC)


@pytest.mark.parametrize("duration", [1e308, float("inf"), float("nan"), 10**30, True])
def test_an_impossible_break_duration(duration):
    data = {"id": "e1", "startDate": "2026-09-28T08:00:00Z",
            "breaks": [{"startDate": "2026-09-28T09:00:00Z", "duration": duration}]}
    try:
        entry = parse.time_entry(data)
    except MalformedResponseError:
        return
    # A flag is no number of seconds: the break stays open rather than lasting one second.
    assert duration is True and entry.breaks[0].end is None


DATEISH = st.one_of(
    st.text(max_size=40),
    st.from_regex(r"\A\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?\Z"),
    st.builds(lambda d, o: d.isoformat() + o, st.datetimes(), st.sampled_from(["", "Z", "+14:00", "-12:00", "+99:99"])),
)
TIMEISH = st.one_of(st.text(max_size=20), st.from_regex(r"\A\d{1,2}:\d{2}(:\d{2}(\.\d{1,9})?)?\Z"))


@settings(max_examples=300, deadline=None)
@given(DATEISH)
@example("0001-01-01T00:00:00+14:00")
@example("9999-12-31T23:59:59.9999999-12:00")
@example("2026-01-01T10:00:00+99:99")
def test_parse_datetime_gives_a_value_or_value_error(value):
    try:
        result = parse.parse_datetime(value)
    except ValueError:
        return
    result.astimezone()  # shown in local time: must not overflow either


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.none(), DATEISH), st.one_of(st.none(), TIMEISH))
@example("0001-01-01T00:00:00+01:00", "00:00")
def test_combine_v1_gives_a_value_or_value_error(date_value, time_value):
    try:
        parse.combine_v1(date_value, time_value)
    except ValueError:
        pass


NUMBERS = st.one_of(st.integers(), st.floats(), st.booleans(), st.none(), st.text(max_size=10))


@settings(max_examples=300, deadline=None)
@example({"startDate": "2026-09-28T09:00:00Z", "duration": 1e308})
@example({"startDate": "9999-12-31T00:00:00Z", "duration": 86400 * 2})
@given(st.dictionaries(st.sampled_from(["startDate", "endDate", "duration"]),
                       st.one_of(DATEISH, NUMBERS), max_size=3))
def test_a_break_gives_a_value_or_value_error(data):
    try:
        parse._break(data)
    except ValueError:
        pass


# -- shapes --------------------------------------------------------------------------------------


@pytest.mark.parametrize("problems", [5, 1.5, True, "text", {"property": "x", "message": "y"}, [1, "x", None, []]])
def test_validation_errors_of_any_shape(problems):
    error = error_for_response(httpx.Response(400, json={"description": "Nope.", "validationErrors": problems}))
    assert isinstance(error, ValidationError)
    assert error.problems == ()
    assert error.user_message == "Nope."


def test_validation_error_fields_that_are_not_text_are_left_out():
    error = error_for_response(httpx.Response(400, json={"validationErrors": [
        {"property": {"nested": 1}, "message": "Required."}, {"property": "note", "message": ["a", "b"]}]}))
    assert [(p.property, p.message) for p in error.problems] == [("", "Required."), ("note", "")]


@pytest.mark.parametrize("value, archived", [
    (True, True), (False, False), ("true", True), ("false", False), ("True", True), ("FALSE", False),
    (1, True), (0, False), ("yes", False), ("", False), (None, False), ([], False), ({}, False), (2, False),
])
def test_is_archived_read_as_a_flag(value, archived):
    assert parse.type_of_work({"id": "w1", "name": "Design", "isArchived": value}).is_archived is archived


@pytest.mark.parametrize("value, done", [(False, True), ("false", True), (True, False), ("true", False), ("no", False)])
def test_is_open_read_as_a_flag(value, done):
    assert parse.task({"id": "t1", "name": "Sitemap", "isOpen": value}).is_done is done


@pytest.mark.parametrize("hits", [5, "abc", {"a": 1}, [1, None, {"entity": 5}]])
def test_search_hits_of_any_shape(hits):
    assert parse.search_tasks({"taskHits": {"hits": hits}}) == []


@pytest.mark.parametrize("body", [b"[" * 100_000, b'{"a":' * 100_000])
def test_deeply_nested_json_is_malformed(body):
    async def scenario(client):
        with pytest.raises(MalformedResponseError):
            await client.me()
        error = error_for_response(httpx.Response(400, content=body))
        assert isinstance(error, ValidationError)

    run_client(lambda request: httpx.Response(200, content=body), scenario)


@pytest.mark.parametrize("total", ["²", "9" * 5000, "-1", " 12"])
def test_an_unreadable_total_header_ends_paging(total):
    page = [{"id": f"w{i}", "name": f"Type {i}"} for i in range(PAGE_SIZE)]
    calls = []

    def respond(request):
        calls.append(request)
        return httpx.Response(200, json=page if len(calls) == 1 else [], headers={"aw-totalitems": total.encode("utf-8")})

    types = run_client(respond, lambda client: client.types_of_work())
    assert len(types) == PAGE_SIZE


# -- fuzz: every parser, any JSON ------------------------------------------------------------------

FIELDS = ["id", "name", "icon", "isArchived", "project", "projectId", "projectKey", "taskIdentifier", "typeOfWork",
          "typeOfWorkId", "taskStatus", "type", "isOpen", "startDateUtc", "startTimeUtc", "endDateUtc", "endTimeUtc",
          "startDate", "endDate", "breaks", "duration", "task", "taskId", "note", "timezone", "updatedOn", "userId",
          "firstName", "lastName", "workspace", "url", "taskHits", "hits", "entity", "code", "description",
          "validationErrors", "property", "message", "traceId", "details"]
STRINGS = st.sampled_from(["", "x", "true", "false", "2026-09-28T00:00:00Z", "07:09:28.3515950", "done",
                           "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-05:00", "2026-01-01T10:00:00+99:99",
                           "25:61", "\x1b]0;hi\x07"])
LEAVES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12), STRINGS)
JSONISH = st.recursive(
    LEAVES,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=4)), inner, max_size=8)),
    max_leaves=40,
)
# Objects that do carry an id, so the fuzzer gets past "no id" and into every other field.
ENTITIES = st.builds(lambda rest, id_: {**rest, "id": id_},
                     st.dictionaries(st.sampled_from(FIELDS), st.one_of(STRINGS, JSONISH), max_size=10),
                     st.one_of(st.just("e1"), LEAVES))
ANY_REPLY = st.one_of(JSONISH, ENTITIES, st.lists(ENTITIES, max_size=3),
                      st.builds(lambda hits: {"taskHits": {"hits": hits}}, st.one_of(LEAVES, st.lists(
                          st.one_of(LEAVES, st.builds(lambda e: {"entity": e}, ENTITIES)), max_size=3))))
PARSERS = {
    "time_entry": parse.time_entry,
    "task": parse.task,
    "user": parse.user,
    "type_of_work": parse.type_of_work,
    "search_tasks": parse.search_tasks,
    "listing of entries": lambda data: parse.listing(data, parse.time_entry),
    "listing of tasks": lambda data: parse.listing(data, parse.task),
}


@pytest.mark.parametrize("name", PARSERS)
@settings(max_examples=150, deadline=None)  # seven parsers: ~1000 shapes a run, varied each run
@given(data=ANY_REPLY)
def test_every_parser_takes_any_json(name, data):
    try:
        result = PARSERS[name](data)
    except MalformedResponseError:
        return
    if name == "time_entry":  # what the command line then prints must not fail either
        status_text(result, NOW)
        json.dumps(status_json(result, NOW))


@settings(max_examples=150, deadline=None)
@given(data=st.one_of(JSONISH, ENTITIES), status=st.sampled_from([300, 302, 400, 401, 403, 404, 409, 429, 500, 503]))
def test_error_bodies_of_any_shape(data, status):
    error = error_for_response(httpx.Response(status, content=json.dumps(data).encode()))
    assert isinstance(error, ApiError)
    assert isinstance(error.user_message, str)
    assert all(isinstance(p.property, str) and isinstance(p.message, str) for p in error.problems)
    assert error.trace_id is None or isinstance(error.trace_id, str)
