"""The fake awork's OAuth endpoints are strict where awork is: they must fail a sloppy client."""

from __future__ import annotations

import base64
import hashlib
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

REDIRECT = "http://127.0.0.1:48613/callback"
VERIFIER = "v" * 64
CHALLENGE = base64.urlsafe_b64encode(hashlib.sha256(VERIFIER.encode()).digest()).rstrip(b"=").decode()


def register(fake, **changes) -> httpx.Response:
    body = {"redirect_uris": [REDIRECT], "client_name": "t", "token_endpoint_auth_method": "none",
            "grant_types": ["authorization_code", "refresh_token"], "response_types": ["code"],
            "scope": "full_access offline_access", "application_type": "native", **changes}
    return httpx.post(f"{fake.url}/clientapplications/register", json=body)


def authorize(fake, client_id, **changes) -> httpx.Response:
    query = {"client_id": client_id, "response_type": "code", "redirect_uri": REDIRECT, "state": "s1",
             "scope": "full_access offline_access", "code_challenge": CHALLENGE, "code_challenge_method": "S256",
             **changes}
    return httpx.get(f"{fake.url}/accounts/authorize?{urlencode(query)}")


def code_for(fake) -> tuple[str, str]:
    client_id = register(fake).json()["client_id"]
    location = authorize(fake, client_id).headers["location"]
    assert location.startswith(REDIRECT + "?")
    answer = {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}
    assert answer["state"] == "s1"
    return client_id, answer["code"]


def token(fake, **form) -> httpx.Response:
    return httpx.post(f"{fake.url}/accounts/token", data=form)


@pytest.mark.parametrize("changes", [{"token_endpoint_auth_method": "client_secret_basic"},
                                     {"application_type": "web"}, {"grant_types": ["implicit"]},
                                     {"redirect_uris": []}, {"unexpected": 1}])
def test_registration_checks_the_metadata(fake_awork, changes):
    reply = register(fake_awork, **changes)
    assert reply.status_code == 400 and reply.json()["code"] in ("invalid_client_metadata", "invalid_redirect_uri")


@pytest.mark.parametrize("changes", [{"redirect_uri": "http://127.0.0.1:48613/callback/"},
                                     {"redirect_uri": "http%3A%2F%2F127.0.0.1%3A48613%2Fcallback"},
                                     {"code_challenge_method": "plain"}, {"response_type": "token"},
                                     {"state": ""}, {"client_id": "nobody"}])
def test_authorize_refuses_what_awork_refuses(fake_awork, changes):
    client_id = register(fake_awork).json()["client_id"]
    reply = authorize(fake_awork, changes.pop("client_id", client_id), **changes)
    assert reply.status_code == 400


def test_code_exchange_checks_pkce_redirect_uri_form_and_single_use(fake_awork):
    client_id, code = code_for(fake_awork)
    good = {"grant_type": "authorization_code", "client_id": client_id, "code": code, "redirect_uri": REDIRECT,
            "code_verifier": VERIFIER}
    as_json = httpx.post(f"{fake_awork.url}/accounts/token", json=good)
    assert as_json.status_code == 400 and "Content-Type" in as_json.json()["description"]
    in_query = httpx.post(f"{fake_awork.url}/accounts/token?{urlencode(good)}",
                          headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert in_query.status_code == 400
    assert token(fake_awork, **good).status_code == 200
    assert token(fake_awork, **good).json()["code"] == "invalid_grant"  # used

    for wrong in ({"code_verifier": "w" * 64}, {"redirect_uri": "http://127.0.0.1:48614/callback"}):
        client_id, code = code_for(fake_awork)
        reply = token(fake_awork, **{**good, "client_id": client_id, "code": code, **wrong})
        assert reply.status_code == 400 and reply.json()["code"] == "invalid_grant"


def test_refresh_rotates_and_rejects_reuse_and_issued_tokens_work(fake_awork):
    client_id, code = code_for(fake_awork)
    first = token(fake_awork, grant_type="authorization_code", client_id=client_id, code=code,
                  redirect_uri=REDIRECT, code_verifier=VERIFIER).json()
    me = httpx.get(f"{fake_awork.url}/me", headers={"Authorization": f"Bearer {first['access_token']}"})
    assert me.status_code == 200 and fake_awork.requests[-1].auth_valid
    second = token(fake_awork, grant_type="refresh_token", client_id=client_id, refresh_token=first["refresh_token"])
    assert second.status_code == 200 and second.json()["refresh_token"] != first["refresh_token"]
    again = token(fake_awork, grant_type="refresh_token", client_id=client_id, refresh_token=first["refresh_token"])
    assert again.status_code == 400 and again.json()["code"] == "invalid_grant"


def test_expired_access_tokens_get_401(fake_awork):
    fake_awork.oauth.access_lifetime = -1
    client_id, code = code_for(fake_awork)
    issued = token(fake_awork, grant_type="authorization_code", client_id=client_id, code=code,
                   redirect_uri=REDIRECT, code_verifier=VERIFIER).json()
    reply = httpx.get(f"{fake_awork.url}/me", headers={"Authorization": f"Bearer {issued['access_token']}"})
    assert reply.status_code == 401
