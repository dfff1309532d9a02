"""AworkClient against a hostile awork on a real 127.0.0.1 socket, run on qasync as in the tray:
replies that trickle, replies too big to read, redirects and certificates nobody trusts."""

from __future__ import annotations

import time

import httpx
import pytest

from tray_app.api.auth.tokens import TokenHolder
from tray_app.api.client import AworkClient
from tray_app.api.errors import MalformedResponseError, NetworkError

from helpers.fake_awork import FakeAworkServer
from helpers.fake_awork.certificates import self_signed_context

DEADLINE = 1.0


@pytest.fixture
def make_client(qloop):
    made: list[AworkClient] = []

    def make(url: str, **kw) -> AworkClient:
        # httpx's own timeouts are longer than the trickle's pace: only the overall deadline can end it.
        client = AworkClient(url, TokenHolder("test-token", "test"), timeout=httpx.Timeout(5.0), **kw)
        made.append(client)
        return client

    yield make
    for client in made:
        qloop.run_until_complete(client.aclose())


@pytest.mark.timeout(30)
@pytest.mark.parametrize("part", ["headers", "body"])
def test_a_trickled_reply_ends_at_the_deadline(qloop, fake_awork, make_client, part):
    fault = fake_awork.trickle_next("me/timeentries/last", part=part, interval=0.1)
    client = make_client(fake_awork.url, deadline=DEADLINE)
    began = time.monotonic()
    with pytest.raises(NetworkError) as info:
        qloop.run_until_complete(client.last_time_entry())
    took = time.monotonic() - began
    assert "did not answer in time" in info.value.user_message
    assert DEADLINE * 0.9 <= took < DEADLINE + 2.0
    assert fault.sent >= 3  # it really was trickling, not silent
    # The connection was dropped, and the client still works for the next request.
    assert qloop.run_until_complete(client.me()).id


@pytest.mark.timeout(60)
@pytest.mark.parametrize("declare_length", [True, False])
def test_a_huge_reply_is_not_read(qloop, fake_awork, make_client, declare_length):
    cap = 2**20
    fault = fake_awork.huge_next("typeofwork", size=50 * 2**20, declare_length=declare_length)
    client = make_client(fake_awork.url, max_reply_bytes=cap)
    with pytest.raises(MalformedResponseError) as info:
        qloop.run_until_complete(client.types_of_work())
    assert "larger than 1 MB" in info.value.user_message and "not read" in info.value.user_message
    fake_awork.stop()  # the server's writer ends once its peer is gone or it is offline
    assert fault.sent < 20 * 2**20  # what the socket buffers took, not the 50 MB


def test_a_reply_just_under_the_cap_is_read(qloop, fake_awork, make_client):
    fake_awork.huge_next("typeofwork", size=2**20 - 10)
    client = make_client(fake_awork.url, max_reply_bytes=2**20)
    assert qloop.run_until_complete(client.types_of_work()) == []


def test_a_redirect_names_where_it_points(qloop, fake_awork, make_client):
    portal = "https://login.hotel-wifi.example/portal?from=awork"
    fake_awork.fail_next(302, body=b"", headers={"Location": portal})
    client = make_client(fake_awork.url)
    with pytest.raises(NetworkError) as info:
        qloop.run_until_complete(client.me())
    message = info.value.user_message
    assert f"awork's address answered with a redirect to {portal}" in message
    assert "internet connection" not in message
    assert len(fake_awork.requests.of("GET", "me")) == 1  # not followed


def test_a_relative_redirect_is_shown_in_full(qloop, fake_awork, make_client):
    fake_awork.fail_next(301, body=b"", headers={"Location": "/api/v2/me"})
    client = make_client(fake_awork.url)
    with pytest.raises(NetworkError) as info:
        qloop.run_until_complete(client.me())
    assert f"redirect to http://127.0.0.1:{fake_awork.port}/api/v2/me" in info.value.user_message


@pytest.mark.timeout(30)
def test_an_untrusted_certificate_is_named(qloop, make_client, tmp_path):
    with FakeAworkServer(tls=self_signed_context(tmp_path)) as server:
        assert server.url.startswith("https://127.0.0.1:")
        client = make_client(server.url)
        with pytest.raises(NetworkError) as info:
            qloop.run_until_complete(client.me())
    message = info.value.user_message
    assert "The certificate of 127.0.0.1 could not be verified (" in message, message
    assert "self-signed" in message or "self signed" in message, message
    assert "internet connection" not in message
