"""Refresh that never logs you out: one refresh for many callers, the rotated token stored before
use, a refused refresh signs out without a request storm, sign-out revokes. Against the strict
fake awork (short token lifetimes, refresh-token rotation with reuse rejected)."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from tray_app.api.auth.keychain import ACCOUNT, REFRESH_ACCOUNT, SERVICE
from tray_app.api.auth.oauth_tokens import MARGIN
from tray_app.api.errors import NetworkError, NotSignedInError, PermissionDeniedError, ServerError
from tray_app.composition import build_core
from tray_app.config import Config
from tray_app.core.state import Auth

from helpers.fake_awork.browser import InProcessBrowser
from helpers.fake_awork.faults import PERMISSION_401


@pytest.fixture
def make_core(qloop, fake_awork, tmp_path):
    cores = []

    def make():
        config = Config(fake_awork.url, None, tmp_path, tmp_path / "cache", tmp_path / "logs")
        core = build_core(config, use_cache=False)
        core.account.browser.open_browser = InProcessBrowser()
        cores.append(core)
        return core

    yield make
    for core in cores:
        qloop.run_until_complete(core.aclose())


@pytest.fixture
def signed_in(qloop, make_core, fake_awork, memory_keyring):
    core = make_core()
    qloop.run_until_complete(core.sign_in())
    return core


def stored(keyring) -> str | None:
    return keyring.items.get((SERVICE, REFRESH_ACCOUNT))


def newest_refresh_token(fake_awork) -> str:
    """The refresh token awork issued last (earlier sign-ins in a test leave theirs alive)."""
    return list(fake_awork.oauth.refresh)[-1]


def token_requests(fake_awork, grant_type="refresh_token"):
    return [f for f in fake_awork.oauth.token_requests if f["grant_type"] == grant_type]


def expire_soon(qloop, fake_awork, core, seconds: int = 1) -> None:
    """Sign in anew with a short-lived access token (2 x `seconds`), then wait until the app
    considers it due for refresh — half its life, as it is shorter than the margin — while awork
    still accepts it."""
    assert 2 * seconds < MARGIN
    fake_awork.oauth.access_lifetime = 2 * seconds
    qloop.run_until_complete(core.sign_in())
    time.sleep(seconds + 0.1)


def test_restore_refreshes_once_and_stores_the_rotated_token(qloop, signed_in, make_core, fake_awork, memory_keyring):
    first = stored(memory_keyring)
    later = make_core()  # the next start of the app
    qloop.run_until_complete(later.restore_sign_in())
    assert later.store.state.auth is Auth.SIGNED_IN and later.store.state.auth_source == "keychain"
    assert fake_awork.oauth.refresh_count == 1
    assert stored(memory_keyring) != first and fake_awork.oauth.live_refresh_tokens() == [stored(memory_keyring)]
    assert qloop.run_until_complete(later.client.me()).display_name == "Carla Creative"


def test_the_fake_rejects_a_reused_refresh_token(qloop, signed_in, make_core, fake_awork, memory_keyring):
    used = stored(memory_keyring)
    qloop.run_until_complete(make_core().restore_sign_in())  # spends it
    reply = httpx.post(f"{fake_awork.url}/accounts/token", data={
        "grant_type": "refresh_token", "client_id": signed_in.tokens.client_id, "refresh_token": used})
    assert reply.status_code == 400 and reply.json()["code"] == "invalid_grant"


def test_many_calls_at_expiry_cause_exactly_one_refresh_stored_before_use(
        qloop, signed_in, fake_awork, memory_keyring, monkeypatch):
    expire_soon(qloop, fake_awork, signed_in)
    before = fake_awork.oauth.refresh_count
    seen_at_write = []
    original = memory_keyring.set_password

    def recording(service, account, value):
        # How many API calls had already used a token issued after this write? Must be none.
        seen_at_write.append(len(fake_awork.requests.of("GET", "me")))
        original(service, account, value)

    monkeypatch.setattr(memory_keyring, "set_password", recording)
    me_before = len(fake_awork.requests.of("GET", "me"))

    async def many():
        return await asyncio.gather(*(signed_in.client.me() for _ in range(20)))

    users = qloop.run_until_complete(many())
    assert {u.display_name for u in users} == {"Carla Creative"}
    assert fake_awork.oauth.refresh_count == before + 1
    assert seen_at_write == [me_before]  # stored first, then used
    assert stored(memory_keyring) == newest_refresh_token(fake_awork) in fake_awork.oauth.live_refresh_tokens()
    assert all(r.auth_valid for r in fake_awork.requests.of("GET", "me")[me_before:])


def test_a_401_refreshes_once_and_retries(qloop, signed_in, fake_awork, memory_keyring):
    for grant in fake_awork.oauth.access.values():
        grant.expires_at = 0  # awork ended it early; the app still thinks it is good
    before = fake_awork.oauth.refresh_count

    async def many():
        return await asyncio.gather(*(signed_in.client.me() for _ in range(10)))

    assert len(qloop.run_until_complete(many())) == 10
    assert fake_awork.oauth.refresh_count == before + 1
    assert stored(memory_keyring) == newest_refresh_token(fake_awork) in fake_awork.oauth.live_refresh_tokens()


def test_a_refused_refresh_signs_out_once_and_sends_nothing_more(qloop, signed_in, fake_awork, memory_keyring):
    expire_soon(qloop, fake_awork, signed_in)
    for grant in fake_awork.oauth.refresh.values():
        grant.revoked = True  # e.g. revoked in awork, or unused for 30 days
    core = signed_in

    async def many():
        return await asyncio.gather(*(core.commands.refresh_timer() for _ in range(10)), return_exceptions=True)

    results = qloop.run_until_complete(many())
    assert all(isinstance(r, Exception) for r in results)
    state = core.store.state
    assert state.auth is Auth.SIGNED_OUT and "Sign in again" in state.error and state.user is None
    assert len(token_requests(fake_awork)) == 1  # one refused refresh; no newer token in the keychain to try
    assert stored(memory_keyring) is None and not core.tokens.present

    sent = len(fake_awork.requests)
    for _ in range(3):
        with pytest.raises(NotSignedInError):
            qloop.run_until_complete(core.client.me())
    assert len(fake_awork.requests) == sent


def test_a_refresh_cancelled_half_way_still_stores_the_rotated_token(qloop, signed_in, fake_awork, memory_keyring):
    expire_soon(qloop, fake_awork, signed_in)
    fake_awork.delay_next(0.5, path="accounts/token")

    before = len(token_requests(fake_awork))

    async def cancel_while_refreshing():
        request = asyncio.ensure_future(signed_in.client.me())
        for _ in range(300):  # until awork has the refresh request (and holds its reply)
            if len(token_requests(fake_awork)) > before:
                break
            await asyncio.sleep(0.01)
        request.cancel()
        await asyncio.sleep(1.0)  # the shielded refresh finishes on its own

    qloop.run_until_complete(asyncio.wait_for(cancel_while_refreshing(), 10))
    assert len(token_requests(fake_awork)) == before + 1
    assert stored(memory_keyring) == newest_refresh_token(fake_awork) in fake_awork.oauth.live_refresh_tokens()
    assert qloop.run_until_complete(signed_in.client.me()).display_name == "Carla Creative"


def test_another_process_rotating_the_token_does_not_sign_this_one_out(
        qloop, make_core, fake_awork, memory_keyring):
    fake_awork.oauth.access_lifetime = 2  # due for refresh after 1 s
    tray = make_core()
    qloop.run_until_complete(tray.sign_in())
    cli = make_core()  # e.g. `awork-tray status` while the tray runs: it refreshes at start
    qloop.run_until_complete(cli.restore_sign_in())  # the tray's refresh token is spent now
    time.sleep(1.1)
    assert qloop.run_until_complete(tray.client.me()).display_name == "Carla Creative"
    assert tray.store.state.auth is Auth.SIGNED_IN
    assert len(token_requests(fake_awork)) == 2  # the CLI's and the tray's, no refused one
    assert stored(memory_keyring) == newest_refresh_token(fake_awork) in fake_awork.oauth.live_refresh_tokens()


def test_awork_unreachable_during_refresh_keeps_the_sign_in(qloop, signed_in, fake_awork, memory_keyring):
    expire_soon(qloop, fake_awork, signed_in)
    fake_awork.stop()
    with pytest.raises(NetworkError):
        qloop.run_until_complete(signed_in.commands.refresh_timer())
    assert signed_in.store.state.auth is Auth.SIGNED_IN and stored(memory_keyring)
    fake_awork.start()
    qloop.run_until_complete(signed_in.commands.refresh_timer())
    assert signed_in.store.state.error is None


def test_a_permission_401_spends_no_refresh_and_keeps_the_sign_in(qloop, signed_in, fake_awork, memory_keyring):
    kept, before = stored(memory_keyring), fake_awork.oauth.refresh_count
    fake_awork.fail_next(401, body=PERMISSION_401, path="me/timetracking/start")
    task = qloop.run_until_complete(signed_in.commands.resolve_task("WEB-12"))
    with pytest.raises(PermissionDeniedError):
        qloop.run_until_complete(signed_in.commands.start(task=task))
    state = signed_in.store.state
    assert state.auth is Auth.SIGNED_IN and state.error.startswith("You cannot book time on this task: ")
    assert fake_awork.oauth.refresh_count == before and stored(memory_keyring) == kept


def test_a_bad_token_whose_refresh_then_shows_a_permission_stays_signed_in(qloop, signed_in, fake_awork, memory_keyring):
    for grant in fake_awork.oauth.access.values():
        grant.expires_at = 0  # awork ended the access token early
    before = fake_awork.oauth.refresh_count
    fake_awork.fail_next(401, body="", path="search", times=2)  # no code, before and after the refresh
    with pytest.raises(PermissionDeniedError):
        qloop.run_until_complete(signed_in.commands.search_remote("Sitemap"))
    assert fake_awork.oauth.refresh_count == before + 1  # one refresh; GET /me with the new token works
    assert [r.path for r in fake_awork.requests][-4:] == ["search", "accounts/token", "search", "me"]
    assert signed_in.store.state.auth is Auth.SIGNED_IN and stored(memory_keyring) == newest_refresh_token(fake_awork)


@pytest.mark.parametrize("status", [403, 500, 503])
def test_a_token_endpoint_that_fails_is_try_later_and_keeps_the_refresh_token(
        qloop, signed_in, fake_awork, memory_keyring, status):
    for grant in fake_awork.oauth.access.values():
        grant.expires_at = 0  # a 401 follows, and a refresh
    kept = stored(memory_keyring)
    fake_awork.fail_next(status, path="accounts/token")  # e.g. awork's edge blocking for a while
    with pytest.raises(ServerError):
        qloop.run_until_complete(signed_in.commands.refresh_timer())
    state = signed_in.store.state
    assert state.auth is Auth.SIGNED_IN and signed_in.tokens.present
    assert stored(memory_keyring) == kept in fake_awork.oauth.live_refresh_tokens()
    qloop.run_until_complete(signed_in.commands.refresh_timer())  # the block lifted: the same token refreshes
    assert signed_in.store.state.error is None and stored(memory_keyring) != kept


def test_sign_out_revokes_at_awork_and_removes_every_secret(qloop, signed_in, fake_awork, memory_keyring):
    memory_keyring.set_password(SERVICE, ACCOUNT, "old-api-key")
    access = [t for t, g in fake_awork.oauth.access.items() if not g.revoked]
    assert qloop.run_until_complete(signed_in.sign_out()) is None
    assert fake_awork.oauth.revocations == [signed_in.tokens.client_id]
    assert memory_keyring.items == {}
    assert signed_in.store.state.auth is Auth.SIGNED_OUT and signed_in.store.state.user is None
    assert fake_awork.oauth.live_refresh_tokens() == []
    assert httpx.get(f"{fake_awork.url}/me", headers={"Authorization": f"Bearer {access[-1]}"}).status_code == 401
    with pytest.raises(NotSignedInError):
        qloop.run_until_complete(signed_in.client.me())
