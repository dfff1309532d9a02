"""The sign-in window driving the real core on qasync's loop: a click signs in through the fake
awork and a stand-in browser; Cancel, a time-out and a missing keychain are shown in the window."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import Qt

from tray_app.composition import build_core
from tray_app.config import Config
from tray_app.core.state import Auth
from tray_app.ui.sign_in.flow import SignInFlow

from helpers.fake_awork.browser import InProcessBrowser


@pytest.fixture
def flow(qtbot, qapp, qloop, fake_awork, tmp_path):
    # As in the app: the sign-in window closing must not end Qt's loop (and qasync's with it).
    qapp.setQuitOnLastWindowClosed(False)
    config = Config(fake_awork.url, None, tmp_path, tmp_path / "cache", tmp_path / "logs")
    core = build_core(config, use_cache=False)
    core.account.browser.open_browser = InProcessBrowser()
    tasks: list[asyncio.Task] = []
    after: list[bool] = []

    async def signed_in():
        after.append(True)

    def spawn(coro):
        task = asyncio.ensure_future(coro)
        tasks.append(task)
        return task

    flow = SignInFlow(core, spawn, after=signed_in)
    flow.tasks, flow.after = tasks, after
    qtbot.addWidget(flow.dialog)
    yield flow
    flow.close()
    qloop.run_until_complete(core.aclose())


def finish(qloop, flow, timeout: float = 10.0) -> None:
    async def drain():
        await asyncio.gather(*flow.tasks, return_exceptions=True)

    qloop.run_until_complete(asyncio.wait_for(drain(), timeout))


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_button_signs_in_and_closes_the_window(qtbot, qloop, flow, memory_keyring):
    flow.show("Not signed in.")
    qtbot.waitExposed(flow.dialog)
    click(qtbot, flow.dialog.sign_in_button)
    assert flow.dialog.waiting_panel.isVisible()
    finish(qloop, flow)
    state = flow.core.store.state
    assert state.auth is Auth.SIGNED_IN and state.user.display_name == "Carla Creative"
    assert not flow.dialog.isVisible() and flow.after == [True]
    assert flow.dialog.url.text() == ""  # cleared for next time


def test_cancel_while_waiting(qtbot, qloop, flow, memory_keyring):
    flow.core.account.browser.open_browser = InProcessBrowser(follow=False)
    flow.show()
    click(qtbot, flow.dialog.sign_in_button)

    async def cancel_when_waiting():
        while not flow.dialog.url.text():
            await asyncio.sleep(0.01)
        click(qtbot, flow.dialog.cancel_button)

    qloop.run_until_complete(asyncio.wait_for(cancel_when_waiting(), 10))
    finish(qloop, flow)
    assert flow.dialog.message.text() == "Sign-in cancelled."
    assert not flow.dialog.waiting_panel.isVisible() and flow.dialog.sign_in_button.isEnabled()
    assert flow.core.store.state.auth is not Auth.SIGNED_IN


def test_a_forgotten_sign_in_times_out_with_a_message(qtbot, qloop, flow, memory_keyring):
    flow.core.account.browser.open_browser = InProcessBrowser(follow=False)
    flow.core.account.browser.timeout = 0.3
    flow.show()
    click(qtbot, flow.dialog.sign_in_button)
    finish(qloop, flow)
    assert "No answer from the browser" in flow.dialog.message.text()
    assert flow.dialog.sign_in_button.isEnabled()


def test_no_keychain_offers_this_session_only(qtbot, qloop, flow, fake_awork):
    flow.show()
    click(qtbot, flow.dialog.sign_in_button)
    finish(qloop, flow)
    dialog = flow.dialog
    assert dialog.keychain_panel.isVisible() and "gnome-keyring" in dialog.keychain_text.text()
    assert not dialog.sign_in_button.isEnabled()
    assert len(fake_awork.requests) == 0
    dialog.session_only.setChecked(True)
    click(qtbot, dialog.sign_in_button)
    finish(qloop, flow)
    assert flow.core.store.state.auth_source == "session" and not dialog.isVisible()


def test_a_bad_redirect_uri_is_explained_without_a_request(qtbot, qloop, flow, fake_awork, memory_keyring):
    flow.show()
    flow.dialog.advanced_toggle.setChecked(True)
    flow.dialog.redirect_uri.setText("https://example.com/callback")
    click(qtbot, flow.dialog.sign_in_button)
    assert "must start with http://127.0.0.1" in flow.dialog.message.text()
    assert not flow.running and len(fake_awork.requests) == 0


def test_opening_the_window_rechecks_the_keychain(qtbot, qloop, flow, fake_awork, memory_keyring):
    flow.core.store.update(keychain_problem="No system keychain found (at start).")
    flow.show()
    assert flow.dialog.keychain_panel.isVisible()
    finish(qloop, flow)  # the keychain is there now (unlocked meanwhile)
    assert not flow.dialog.keychain_panel.isVisible() and flow.dialog.sign_in_button.isEnabled()
    assert flow.core.store.state.keychain_problem is None
