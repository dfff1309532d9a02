"""HTTP status -> one error family, mapped in one place, with awork's own words for the user."""

from __future__ import annotations

import json

import httpx
import pytest

from tray_app.api.errors import (
    ApiError,
    AuthError,
    FieldProblem,
    ForbiddenError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
    ValidationError,
    error_for_response,
)


def response(status: int, body=None, headers=None, raw: bytes | None = None) -> httpx.Response:
    content = raw if raw is not None else (b"" if body is None else json.dumps(body).encode())
    return httpx.Response(status, content=content, headers=headers or {})


@pytest.mark.parametrize(
    "status, cls",
    [
        (400, ValidationError),
        (401, AuthError),
        (403, ForbiddenError),
        (404, NotFoundError),
        (429, RateLimitedError),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
        (409, ApiError),
        (418, ApiError),
    ],
)
@pytest.mark.parametrize("body", [None, {"code": "x", "description": "awork says no", "link": "l"}, "garbage"])
def test_status_maps_to_class(status, cls, body):
    raw = b"<html>{not json" if body == "garbage" else None
    error = error_for_response(response(status, body if raw is None else None, raw=raw))
    assert type(error) is cls
    assert isinstance(error, ApiError)
    assert error.status == status
    assert error.user_message  # always something to show
    if isinstance(body, dict):
        assert error.description == "awork says no" and error.code == "x"
        assert error.user_message.startswith("awork says no")


def test_validation_errors_become_problems_in_the_user_message():
    error = error_for_response(response(400, {
        "code": "validation-failed", "description": "The model is invalid.", "link": "https://developers.awork.com",
        "traceId": "t-1", "details": ["…"],
        "validationErrors": [
            {"property": "TypeOfWorkId", "message": "'Type Of Work Id' must not be empty."},
            {"property": None, "message": "The project is closed."},
            "junk",
        ],
    }))
    assert isinstance(error, ValidationError)
    assert error.problems == (
        FieldProblem("TypeOfWorkId", "'Type Of Work Id' must not be empty."),
        FieldProblem("", "The project is closed."),
    )
    assert error.user_message.splitlines() == [
        "The model is invalid.",
        "…",  # awork's details
        "TypeOfWorkId: 'Type Of Work Id' must not be empty.",
        "The project is closed.",
    ]
    assert error.trace_id == "t-1"


def test_forbidden_carries_trace_id_and_edge_ref_for_support():
    error = error_for_response(response(403, raw=b"<html>Forbidden</html>",
                                        headers={"Trace-Id": "abc123", "X-Edge-Ref": "edge-9"}))
    assert isinstance(error, ForbiddenError)
    assert (error.trace_id, error.edge_ref) == ("abc123", "edge-9")
    assert "abc123" in error.user_message and "edge-9" in error.user_message
    body_trace = error_for_response(response(403, {"code": "c", "description": "No.", "traceId": "from-body"}))
    assert "from-body" in body_trace.user_message


def test_trace_id_not_shown_for_a_plain_validation_error():
    error = error_for_response(response(400, {"description": "Bad."}, headers={"trace-id": "abc"}))
    assert error.trace_id == "abc"
    assert error.user_message == "Bad."


@pytest.mark.parametrize(
    "headers, wait",
    [
        ({"ratelimit-reset": "17"}, 17.0),
        ({"RateLimit-Reset": "2.5", "Retry-After": "99"}, 2.5),  # awork's documented header wins
        ({"Retry-After": "12"}, 12.0),  # fallback
        ({"ratelimit-reset": "soon", "Retry-After": "8"}, 8.0),
        ({"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}, 0.0),  # a date: that moment has passed
        ({"ratelimit-reset": "-3"}, 60.0),  # impossible: as if awork had said nothing
        ({}, 60.0),
    ],
)
def test_rate_limited_wait(headers, wait):
    error = error_for_response(response(429, headers=headers))
    assert isinstance(error, RateLimitedError)
    assert error.retry_after == wait


def test_401_unauthorized_is_a_permission_not_a_sign_in_problem():
    error = error_for_response(response(401, {"code": "unauthorized", "description": "No permission.", "link": "l"}))
    assert type(error) is PermissionDeniedError and not isinstance(error, AuthError)
    assert error.user_message == "No permission."
    error.action = "start_task"
    assert error.user_message == "You cannot book time on this task: No permission."
    bad_token = error_for_response(response(401, {"code": "workspaceid-missing", "description": "Bad token."}))
    assert type(bad_token) is AuthError


@pytest.mark.parametrize("action", ["start", "start_task", "pause", "resume", "stop", "search", "correct", None])
def test_a_permission_refusal_says_what_could_not_be_done(action):
    error = error_for_response(response(401, {"code": "unauthorized"}))  # no description: ours
    error.action = action
    assert error.user_message and error.description in error.user_message


@pytest.mark.parametrize(
    "details, shown",
    [
        (["No project with the id '123' exists.", "Or here."], ["No project with the id '123' exists.", "Or here."]),
        (None, []),
        ("a string, not a list", []),
        ({"hint": "an object"}, []),
        ([1, None, "", "  ", {"x": 1}, ["nested"], "Kept."], ["Kept."]),
        (["The project is closed."], []),  # repeats the description: shown once
    ],
)
def test_details_are_shown_with_the_description_whatever_their_shape(details, shown):
    error = error_for_response(response(400, {"code": "invalid-operation", "description": "The project is closed.",
                                              "link": "l", "details": details}))
    assert error.user_message.splitlines() == ["The project is closed.", *shown]


def test_details_come_before_validation_problems():
    error = error_for_response(response(400, {"description": "Invalid.", "details": ["Hint."],
                                              "validationErrors": [{"property": "Note", "message": "Too long."}]}))
    assert error.user_message.splitlines() == ["Invalid.", "Hint.", "Note: Too long."]


def test_a_429_promises_no_retry():
    # Whether a request is tried again is the caller's business; the error does not claim it.
    error = error_for_response(response(429, headers={"ratelimit-reset": "7"}))
    assert "7 s" in error.user_message and "retry" not in error.user_message.lower()
