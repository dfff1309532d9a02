"""The pieces of the browser sign-in that need no server: PKCE, the authorize URL, the pages,
the redirect URI check, and the token endpoint's replies (through httpx.MockTransport)."""

from __future__ import annotations

import asyncio
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from tray_app.api.auth.loopback import check_loopback_uri
from tray_app.api.auth.oauth import (
    OAuth,
    Pkce,
    RefreshUnavailable,
    SignInRejected,
    default_redirect_uris,
    s256,
)
from tray_app.api.auth.sign_in_pages import page
from tray_app.api.errors import AuthError, NetworkError, RateLimitedError, ServerError
from tray_app.i18n import pick_language


def test_s256_matches_rfc_7636_appendix_b():
    assert s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"


def test_pkce_verifier_is_long_random_and_hidden_from_repr():
    a, b = Pkce.new(), Pkce.new()
    assert a.verifier != b.verifier and 43 <= len(a.verifier) <= 128
    assert a.challenge == s256(a.verifier) and "=" not in a.challenge
    assert a.verifier not in repr(a)


def test_authorize_url_encodes_the_redirect_uri_exactly_once():
    oauth = OAuth("https://api.awork.com/api/v1/")
    url = oauth.authorize_url("client-1", "http://127.0.0.1:48613/callback", "st ate", "challenge")
    assert url.startswith("https://api.awork.com/api/v1/accounts/authorize?")
    assert "redirect_uri=http%3A%2F%2F127.0.0.1%3A48613%2Fcallback&" in url
    assert "scope=full_access%20offline_access" in url
    query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    assert query == {"client_id": "client-1", "response_type": "code", "redirect_uri": "http://127.0.0.1:48613/callback",
                     "scope": "full_access offline_access", "state": "st ate", "code_challenge": "challenge",
                     "code_challenge_method": "S256"}
    asyncio.run(oauth.aclose())


def test_default_redirect_uris_are_one_fixed_port_and_two_fallbacks():
    uris = default_redirect_uris()
    assert uris == ["http://127.0.0.1:48613/callback", "http://127.0.0.1:48614/callback", "http://127.0.0.1:48615/callback"]
    assert all(check_loopback_uri(u)[0] == "127.0.0.1" for u in uris)


@pytest.mark.parametrize("uri", ["https://127.0.0.1:1/cb", "http://example.com:80/cb", "http://127.0.0.1/cb",
                                 "http://127.0.0.1:99999/cb", "http://localhost:5/cb?x=1", "127.0.0.1:5"])
def test_redirect_uris_we_cannot_listen_on_are_refused(uri):
    with pytest.raises(ValueError):
        check_loopback_uri(uri)


def test_localhost_redirect_uri_is_accepted():
    assert check_loopback_uri("http://localhost:52305/callback") == ("localhost", 52305, "/callback")


@pytest.mark.parametrize(("preferred", "env", "expected"), [
    ("de_DE", {}, "de"), ("de", {}, "de"), ("en_GB", {"LANG": "de_DE.UTF-8"}, "en"),
    ("", {"LANG": "de_AT.UTF-8"}, "de"), (None, {"LC_ALL": "C", "LANG": "fr_FR"}, "en"), (None, {}, "en"),
])
def test_page_language(monkeypatch, preferred, env, expected):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr("locale.getlocale", lambda: (None, None))
    assert pick_language(preferred) == expected


def test_pages_are_styled_html_in_both_languages_and_escape_what_awork_sent():
    ok_en, ok_de = page("ok", "en").decode(), page("ok", "de").decode()
    assert "Signed in — you can close this tab" in ok_en and "<style>" in ok_en and 'lang="en"' in ok_en
    assert "Angemeldet — du kannst diesen Tab schließen" in ok_de and 'lang="de"' in ok_de
    evil = page("error", "en", "<script>alert(1)</script>").decode()
    assert "<script>" not in evil and "&lt;script&gt;" in evil


def _oauth_answering(status: int, body: dict, seen: list) -> OAuth:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(status, json=body)

    return OAuth("https://awork.test/api/v1", transport=httpx.MockTransport(handler), clock=lambda: 1000.0)


def test_refresh_is_form_encoded_and_reads_the_rotated_token():
    seen: list[httpx.Request] = []
    oauth = _oauth_answering(200, {"access_token": "a2", "refresh_token": "r2", "expires_in": 86400}, seen)
    tokens = asyncio.run(oauth.refresh("client-1", "r1"))
    assert (tokens.access_token, tokens.refresh_token, tokens.expires_at) == ("a2", "r2", 87400.0)
    request = seen[0]
    assert request.url == "https://awork.test/api/v1/accounts/token"
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert parse_qs(request.content.decode()) == {"grant_type": ["refresh_token"], "client_id": ["client-1"],
                                                  "refresh_token": ["r1"]}
    assert "a2" not in repr(tokens) and "r2" not in repr(tokens)


@pytest.mark.parametrize("body", [{"code": "invalid_grant", "description": "The token was redeemed."},
                                  {"error": "invalid_grant", "error_description": "The token was redeemed."}])
def test_a_refused_refresh_says_sign_in_again(body):
    oauth = _oauth_answering(400, body, [])
    with pytest.raises(SignInRejected) as caught:
        asyncio.run(oauth.refresh("client-1", "r1"))
    assert "Sign in again" in caught.value.user_message and "The token was redeemed." in caught.value.user_message
    assert caught.value.code == "invalid_grant"


@pytest.mark.parametrize("status", [400, 401])
def test_a_refresh_for_a_client_awork_no_longer_knows_signs_out(status):
    with pytest.raises(SignInRejected):
        asyncio.run(_oauth_answering(status, {"code": "invalid_client", "description": "Unknown client."}, []).refresh(
            "client-1", "r1"))


@pytest.mark.parametrize(
    "status, body",
    [
        (403, {"code": "forbidden", "description": "The request was blocked."}),  # awork's edge, for a while
        (403, {}),
        (500, {"code": "server-error", "description": "Boom."}),
        (502, {}),
        (503, {"code": "server-error"}),
        (400, {"code": "invalid_request", "description": "Something else."}),  # names no refused token
        (401, {}),
    ],
)
def test_a_refresh_that_fails_for_another_reason_is_try_later(status, body):
    with pytest.raises(RefreshUnavailable) as caught:
        asyncio.run(_oauth_answering(status, body, []).refresh("client-1", "r1"))
    error = caught.value
    assert isinstance(error, ServerError) and not isinstance(error, AuthError)  # queued and retried, not signed out
    assert error.status == status and "signed in" in error.user_message


def test_a_rate_limited_refresh_is_try_later():
    with pytest.raises(RateLimitedError):
        asyncio.run(_oauth_answering(429, {"code": "too-many-requests"}, []).refresh("client-1", "r1"))


def test_a_token_endpoint_that_never_finishes_ends_at_the_deadline():
    async def never(request):
        await asyncio.sleep(3600)

    async def main():
        oauth = OAuth("https://awork.test/api/v1", transport=httpx.MockTransport(never), deadline=0.2)
        try:
            with pytest.raises(NetworkError) as caught:
                await oauth.refresh("client-1", "r1")
        finally:
            await oauth.aclose()
        return caught.value

    assert "did not answer in time" in asyncio.run(asyncio.wait_for(main(), 10)).user_message
