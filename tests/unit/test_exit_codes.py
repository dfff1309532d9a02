"""One mapping from what a command ended with to its exit code and its sentence, for the one-shot
command line and for the running tray answering another `awork-tray` alike."""

from __future__ import annotations

import pytest

from tray_app.api.errors import (
    ApiError,
    AuthError,
    MalformedResponseError,
    NetworkError,
    NotFoundError,
    NotSignedInError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
    ValidationError,
)
from tray_app.cli_output import error_text
from tray_app.core.allowance import TypeOfWorkNeeded
from tray_app.core.commands import Busy
from tray_app.domain.entities import Task, TypeOfWork
from tray_app.exit_codes import (
    EXIT_FAILED,
    EXIT_NOT_SIGNED_IN,
    EXIT_REJECTED,
    EXIT_UNREACHABLE,
    EXIT_USAGE,
    exit_code_for,
)

NEEDED = TypeOfWorkNeeded("Design is not allowed in this project.", task=Task(id="t1", name="Sitemap", key="WEB-12"),
                          offered=(TypeOfWork(id="w1", name="Development"),))


@pytest.mark.parametrize(("error", "code"), [
    (NotSignedInError("no token"), EXIT_NOT_SIGNED_IN),
    (AuthError("expired", status=401), EXIT_NOT_SIGNED_IN),
    (NetworkError("offline"), EXIT_UNREACHABLE),
    (ServerError("down", status=503), EXIT_UNREACHABLE),
    (RateLimitedError("busy", status=429, retry_after=3.0), EXIT_UNREACHABLE),
    (MalformedResponseError("garbled"), EXIT_UNREACHABLE),
    (NEEDED, EXIT_USAGE),
    (ValidationError("bad", status=400), EXIT_REJECTED),
    (NotFoundError("gone", status=404), EXIT_REJECTED),
    (PermissionDeniedError("no", status=401), EXIT_REJECTED),
    (ApiError("refused, not sent"), EXIT_REJECTED),
    (LookupError("No task WEB-99."), EXIT_REJECTED),
    (Busy("Another action is still running."), EXIT_FAILED),
    (RuntimeError("a bug"), EXIT_FAILED),
], ids=lambda v: type(v).__name__ if isinstance(v, BaseException) else str(v))
def test_each_error_has_its_exit_code(error, code):
    assert exit_code_for(error) == code


def test_each_error_says_what_the_command_line_prints():
    assert error_text(AuthError("Token expired.", status=401), "status").startswith("Not signed in: ")
    assert "awork-tray login" in error_text(NotSignedInError("no token"), "pause")
    assert error_text(LookupError("No task WEB-99."), "start") == "No task WEB-99."
    assert error_text(Busy("Another action is still running."), "stop") == "Another action is still running."
    # A type of work that cannot be booked names the option that books another, per command.
    assert error_text(NEEDED, "start").endswith("--type-of-work NAME: Development")
    assert "'awork-tray start --task WEB-12 --type-of-work NAME'" in error_text(NEEDED, "continue")
    # Refused before sending (no status): awork was never asked, so not "awork rejected".
    assert not error_text(ApiError("No usable time zone."), "start").startswith("awork rejected")
    assert error_text(ValidationError("Bad note.", status=400), "start").startswith("awork rejected the request: ")
