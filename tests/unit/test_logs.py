"""Secrets never reach the log: bearer tokens, JWTs, token fields, registered secrets, tracebacks."""

from __future__ import annotations

import io
import logging

import pytest

from tray_app.logs import RedactSecrets

JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlX2hlcmU"


@pytest.fixture
def logged():
    """A logger whose handler has a fresh RedactSecrets; returns (logger, redactor, read())."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    redactor = RedactSecrets()
    handler.addFilter(redactor)
    logger = logging.getLogger("test.redaction")
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    yield logger, redactor, stream.getvalue
    logger.removeHandler(handler)


@pytest.mark.parametrize(
    "text, secret",
    [
        ("Authorization: Bearer abc.DEF-123_x~+/=", "abc.DEF-123_x~+/="),
        ("headers={'authorization': 'bearer 9f8e7d6c5b4a'}", "9f8e7d6c5b4a"),
        (f"id token {JWT} received", JWT),
        ('{"access_token": "at-secret-value", "expires_in": 3600}', "at-secret-value"),
        ("refresh_token=rt-secret-value&grant_type=refresh_token", "rt-secret-value"),
        ("api_token: apitok-777", "apitok-777"),
        ("API-TOKEN='apitok-888'", "apitok-888"),
        ("code_verifier=cv-0123456789", "cv-0123456789"),
        ("client_secret=shh-999", "shh-999"),
    ],
)
def test_patterns_are_masked(logged, text, secret):
    logger, _, read = logged
    logger.info(text)
    out = read()
    assert secret not in out
    assert "«redacted»" in out


def test_arguments_are_masked_and_the_rest_kept(logged):
    logger, _, read = logged
    logger.warning("GET %s -> %s (trace id %s) auth=%s", "/me", 401, "tr-1", "Bearer tok-in-args-123")
    out = read()
    assert "tok-in-args-123" not in out
    assert "GET /me -> 401 (trace id tr-1)" in out


def test_registered_secret_is_masked_anywhere(logged):
    logger, redactor, read = logged
    redactor.add_secret("plain-api-key-4242")
    redactor.add_secret("short")  # too short to register: would mask ordinary words
    redactor.add_secret(None)
    logger.info("keychain returned %r for the user", "plain-api-key-4242")
    logger.info("a short word")
    out = read()
    assert "plain-api-key-4242" not in out
    assert "a short word" in out


def test_exception_text_is_masked(logged):
    logger, redactor, read = logged
    redactor.add_secret("registered-secret-xyz")
    try:
        raise RuntimeError(f"request failed with Bearer tok-in-exc-555 and {JWT} and registered-secret-xyz")
    except RuntimeError:
        logger.exception("sync failed")
    out = read()
    assert "sync failed" in out and "RuntimeError" in out and "Traceback" in out
    for secret in ("tok-in-exc-555", JWT, "registered-secret-xyz"):
        assert secret not in out


def test_clean_messages_untouched(logged):
    logger, _, read = logged
    logger.info("timer started for %s at %s", "WEB-12", "09:21")
    assert read() == "INFO timer started for WEB-12 at 09:21\n"
