"""The browser sign-in end to end in this process: the core as built by build_core, the loopback
listener on qasync's loop, the strict fake awork (registration, authorize, token), a stand-in
browser, and an in-memory keychain."""

from __future__ import annotations

import asyncio
import json
import socket
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from tray_app.api.auth.keychain import ACCOUNT, REFRESH_ACCOUNT, SERVICE, KeychainUnavailable
from tray_app.api.auth.oauth import RegistrationRefused, SignInError, default_redirect_uris
from tray_app.composition import build_core
from tray_app.config import Config
from tray_app.core.sign_in.browser import SignInTimedOut
from tray_app.core.state import Auth

from helpers.fake_awork.browser import InProcessBrowser


@pytest.fixture
def make_core(qloop, fake_awork, tmp_path):
    cores = []

    def make(browser: InProcessBrowser | None = None, timeout: float | None = None):
        config = Config(fake_awork.url, None, tmp_path, tmp_path / "cache", tmp_path / "logs")
        core = build_core(config, use_cache=False)
        core.account.browser.open_browser = browser if browser is not None else InProcessBrowser()
        if timeout is not None:
            core.account.browser.timeout = timeout
        cores.append(core)
        return core

    yield make
    for core in cores:
        qloop.run_until_complete(core.aclose())


def settings(tmp_path) -> dict:
    return json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def test_first_sign_in_registers_opens_the_browser_and_stores_the_refresh_token(
        qloop, make_core, fake_awork, memory_keyring, tmp_path):
    browser = InProcessBrowser()
    core = make_core(browser)
    qloop.run_until_complete(core.restore_sign_in())
    assert core.store.state.auth is Auth.SIGNED_OUT
    urls = []

    user = qloop.run_until_complete(core.sign_in(on_url=urls.append))

    # Registered once, as a native public client, with every redirect URI it may use.
    oauth = fake_awork.oauth
    [registration] = oauth.registrations
    assert registration["redirect_uris"] == default_redirect_uris()
    assert registration["token_endpoint_auth_method"] == "none" and registration["application_type"] == "native"
    assert sorted(registration["grant_types"]) == ["authorization_code", "refresh_token"]
    assert registration["scope"] == "full_access offline_access"
    client_id = settings(tmp_path)["oauth_client_id"]
    assert client_id in oauth.clients

    # The browser went to /accounts/authorize and came back to the loopback listener.
    [visit] = browser.visits
    assert urls == [visit.authorize_url]
    assert visit.authorize_url.startswith(fake_awork.url + "/accounts/authorize?")
    assert visit.authorize_status == 302 and visit.page_status == 200
    assert "Signed in — you can close this tab" in visit.page
    [authorize] = oauth.authorize_requests
    [exchange] = oauth.token_requests
    assert exchange["grant_type"] == "authorization_code"
    assert exchange["redirect_uri"] == authorize["redirect_uri"] in default_redirect_uris()
    assert exchange["client_id"] == authorize["client_id"] == client_id
    assert exchange["code_verifier"] not in visit.authorize_url  # only its hash travels via the browser

    # Signed in as the person, refresh token in the keychain, access token in memory only.
    assert user.display_name == "Carla Creative" and user.workspace.name == "Demo Agentur"
    assert core.store.state.auth is Auth.SIGNED_IN and core.store.state.auth_source == "keychain"
    assert core.store.state.user == user
    assert memory_keyring.items == {(SERVICE, REFRESH_ACCOUNT): oauth.live_refresh_tokens()[0]}
    assert fake_awork.requests.of("GET", "me")[-1].auth_valid

    # The listener took one answer and closed.
    assert port_is_free(int(urlsplit(authorize["redirect_uri"]).port))


def test_sign_in_again_reuses_the_registration(qloop, make_core, fake_awork, memory_keyring):
    core = make_core()
    qloop.run_until_complete(core.sign_in())
    qloop.run_until_complete(core.sign_in())
    assert len(fake_awork.oauth.registrations) == 1
    assert len(fake_awork.oauth.authorize_requests) == 2


def test_a_pasted_api_token_from_before_is_removed_after_signing_in(qloop, make_core, memory_keyring):
    memory_keyring.set_password(SERVICE, ACCOUNT, "old-api-key")
    core = make_core()
    qloop.run_until_complete(core.sign_in())
    assert (SERVICE, ACCOUNT) not in memory_keyring.items


def test_access_denied_in_the_browser_is_a_clear_message(qloop, make_core, fake_awork, memory_keyring):
    fake_awork.oauth.authorize_error = "access_denied"
    browser = InProcessBrowser()
    core = make_core(browser)
    with pytest.raises(SignInError, match="cancelled in the browser"):
        qloop.run_until_complete(core.sign_in())
    assert "Sign-in cancelled" in browser.visits[0].page
    assert fake_awork.oauth.token_requests == [] and memory_keyring.items == {}
    assert not core.tokens.present


def test_other_errors_show_what_awork_said(qloop, make_core, fake_awork, memory_keyring):
    fake_awork.oauth.authorize_error = "server_error"
    browser = InProcessBrowser()
    with pytest.raises(SignInError, match="awork reported a problem"):
        qloop.run_until_complete(make_core(browser).sign_in())
    assert browser.visits[0].page_status == 400 and "Sign-in failed" in browser.visits[0].page


def test_a_wrong_state_is_refused_and_no_code_is_exchanged(qloop, make_core, fake_awork, memory_keyring):
    fake_awork.oauth.state_override = "forged-state"
    browser = InProcessBrowser()
    # Refused, and the listener keeps waiting for this sign-in's own answer (none comes here).
    with pytest.raises(SignInTimedOut):
        qloop.run_until_complete(make_core(browser, timeout=1.0).sign_in())
    assert browser.visits[0].page_status == 400 and "Sign-in not accepted" in browser.visits[0].page
    assert fake_awork.oauth.token_requests == []


def test_a_request_to_another_path_gets_a_page_and_the_sign_in_goes_on(qloop, make_core, fake_awork, memory_keyring):
    stray = []

    class StrayBrowser(InProcessBrowser):
        async def _browse(self, visit):
            async with httpx.AsyncClient(follow_redirects=False) as http:
                location = (await http.get(visit.authorize_url)).headers["location"]
                listener = urlsplit(location).netloc
                stray.append(await http.get(f"http://{listener}/favicon.ico"))
                stray.append(await http.post(location))
                page = await http.get(location)
            visit.page_status, visit.page = page.status_code, page.text
            return True

    browser = StrayBrowser()
    user = qloop.run_until_complete(make_core(browser).sign_in())
    assert user.display_name == "Carla Creative"
    assert [r.status_code for r in stray] == [404, 404]
    assert "Nothing here" in stray[0].text and "<style>" in stray[0].text
    assert browser.visits[0].page_status == 200 and "Signed in" in browser.visits[0].page


def test_a_forgotten_sign_in_times_out_and_frees_the_port(qloop, make_core, fake_awork, memory_keyring):
    core = make_core(InProcessBrowser(follow=False), timeout=0.3)
    with pytest.raises(SignInTimedOut, match="No answer from the browser"):
        qloop.run_until_complete(core.sign_in())
    redirect = parse_qs(urlsplit(core.account.browser.open_browser.visits[0].authorize_url).query)["redirect_uri"][0]
    assert port_is_free(urlsplit(redirect).port)
    assert not core.tokens.present and core.store.state.auth is not Auth.SIGNED_IN


def test_cancel_stops_waiting_and_closes_the_listener(qloop, make_core, memory_keyring):
    core = make_core(InProcessBrowser(follow=False))
    urls = []

    async def cancel_soon():
        task = asyncio.ensure_future(core.sign_in(on_url=urls.append))
        while not urls:
            await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    qloop.run_until_complete(cancel_soon())
    port = urlsplit(parse_qs(urlsplit(urls[0]).query)["redirect_uri"][0]).port
    assert port_is_free(port)


def test_a_busy_port_falls_back_to_the_next_registered_one(qloop, make_core, fake_awork, memory_keyring):
    blocker = socket.socket()
    blocker.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # past earlier tests' TIME_WAIT
    try:
        blocker.bind(("127.0.0.1", 48613))
        blocker.listen()
        qloop.run_until_complete(make_core().sign_in())
    finally:
        blocker.close()
    used = fake_awork.oauth.authorize_requests[0]["redirect_uri"]
    assert used in default_redirect_uris()[1:]
    assert fake_awork.oauth.token_requests[0]["redirect_uri"] == used


def test_registration_refused_explains_what_to_do(qloop, make_core, fake_awork, memory_keyring):
    fake_awork.oauth.registration_enabled = False
    with pytest.raises(RegistrationRefused, match="Ask a workspace admin"):
        qloop.run_until_complete(make_core().sign_in())


def test_an_admin_made_client_id_and_redirect_uri_are_used_as_given(qloop, make_core, fake_awork, memory_keyring, tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    redirect = f"http://localhost:{port}/awork/done"
    fake_awork.oauth.registration_enabled = False
    fake_awork.oauth.add_client("admin-made-client", [redirect])
    core = make_core()
    core.account.browser.save_client_settings(" admin-made-client ", redirect)
    assert settings(tmp_path)["oauth_client_id"] == "admin-made-client"

    qloop.run_until_complete(core.sign_in())
    assert fake_awork.oauth.authorize_requests[0]["redirect_uri"] == redirect
    assert fake_awork.oauth.token_requests[0]["client_id"] == "admin-made-client"
    assert core.store.state.auth is Auth.SIGNED_IN


def test_an_unregistered_redirect_uri_is_awork_s_error_page(qloop, make_core, fake_awork, memory_keyring):
    fake_awork.oauth.add_client("admin-made-client", ["http://127.0.0.1:1/elsewhere"])
    browser = InProcessBrowser()
    core = make_core(browser, timeout=0.5)
    core.account.browser.save_client_settings("admin-made-client", None)
    with pytest.raises(SignInTimedOut):
        qloop.run_until_complete(core.sign_in())
    assert browser.visits[0].authorize_status == 400
    assert "'redirect_uri' parameter is not valid" in browser.visits[0].page


def test_a_redirect_uri_that_cannot_work_is_refused_before_anything_is_sent(make_core, fake_awork):
    with pytest.raises(ValueError, match=r"must start with http://127\.0\.0\.1"):
        make_core().account.browser.save_client_settings("x", "https://example.com/callback")
    assert len(fake_awork.requests) == 0


def test_no_keychain_says_so_before_opening_the_browser(qloop, make_core, fake_awork):
    browser = InProcessBrowser()
    core = make_core(browser)
    qloop.run_until_complete(core.restore_sign_in())
    with pytest.raises(KeychainUnavailable, match="No system keychain found"):
        qloop.run_until_complete(core.sign_in())
    assert browser.visits == [] and len(fake_awork.requests) == 0
    assert "gnome-keyring" in core.store.state.keychain_problem


def test_no_keychain_session_only_sign_in_lives_in_memory(qloop, make_core, fake_awork, tmp_path):
    core = make_core()
    qloop.run_until_complete(core.sign_in(session_only=True))
    assert core.store.state.auth is Auth.SIGNED_IN and core.store.state.auth_source == "session"
    assert qloop.run_until_complete(core.client.me()).display_name == "Carla Creative"
    # A new process (a new core) knows nothing of it.
    again = make_core()
    qloop.run_until_complete(again.restore_sign_in())
    assert again.store.state.auth is Auth.SIGNED_OUT
    # Signing out still revokes it at awork, and does not complain about the missing keychain.
    assert qloop.run_until_complete(core.sign_out()) is None
    assert fake_awork.oauth.revocations == [settings(tmp_path)["oauth_client_id"]]
