"""401 is not always "signed out": awork says 401 `unauthorized` when the user lacks a permission
(awork-docs/error-handling.mdx). Through the real client and Commands, against the fake awork over
its socket: a refusal is shown where the user acted, the user stays signed in, and a queued action
awork refuses is dropped with a notice instead of being retried for ever."""

from __future__ import annotations

import pytest

from tray_app.api.errors import AuthError, PermissionDeniedError
from tray_app.core.state import Auth
from tray_app.core.sync import IDLE_INTERVAL

from helpers.fake_awork.faults import PERMISSION_401

START = "me/timetracking/start"
DENIED = PERMISSION_401["description"]
HINT = PERMISSION_401["details"][0]


def test_a_start_refused_for_a_permission_says_so_and_keeps_the_user_signed_in(qloop, rig, fake_awork):
    run = qloop.run_until_complete
    fake_awork.fail_next(401, body=PERMISSION_401, path=START)
    with pytest.raises(PermissionDeniedError):
        run(rig.commands.start(task=rig.task_a))
    state = rig.store.state
    assert state.auth is Auth.SIGNED_IN
    assert state.error.splitlines() == [f"You cannot book time on this task: {DENIED}", HINT]
    assert state.busy is None and not state.offline and state.pending == 0
    sent = rig.sent()
    assert run(rig.sync.sync_once()) > 0 and rig.sent() > sent  # still syncing: not signed out


def test_a_queued_start_awork_refuses_for_a_permission_is_dropped_with_a_notice(qloop, rig, fake_awork):
    run = qloop.run_until_complete
    fake_awork.stop()
    run(rig.commands.start(task=rig.task_a))  # offline: queued
    assert rig.store.state.pending == 1
    fake_awork.start()
    fake_awork.fail_next(401, body=PERMISSION_401, path=START)
    run(rig.sync.sync_once())
    state = rig.store.state
    assert state.pending == 0 and state.auth is Auth.SIGNED_IN
    assert len(rig.notices) == 1
    assert rig.notices[0].startswith("awork did not accept your offline start at ")
    assert f"You cannot book time on this task: {DENIED}" in rig.notices[0]
    starts = len(fake_awork.requests.of("POST", START))
    run(rig.sync.sync_once())
    assert len(fake_awork.requests.of("POST", START)) == starts == 1  # not tried again


def test_a_401_naming_no_cause_is_a_permission_when_me_still_works(qloop, rig, fake_awork):
    run = qloop.run_until_complete
    fake_awork.fail_next(401, body="", path="search")  # no body at all: which 401 is it?
    with pytest.raises(PermissionDeniedError):
        run(rig.commands.search_remote("Sitemap"))
    assert [r.path for r in fake_awork.requests][-2:] == ["search", "me"]
    assert rig.store.state.auth is Auth.SIGNED_IN
    assert rig.store.state.error.startswith("You cannot search these tasks: ")


def test_a_401_that_me_gets_too_signs_out(qloop, rig, fake_awork):
    run = qloop.run_until_complete
    fake_awork.fail_next(401, body="", times=2)  # the request, and GET /me asked after it
    with pytest.raises(AuthError):
        run(rig.commands.refresh_timer())
    assert [r.path for r in fake_awork.requests][-2:] == ["me/timeentries/last", "me"]
    assert rig.store.state.auth is Auth.SIGNED_OUT
    assert run(rig.sync.sync_once()) == IDLE_INTERVAL


def test_a_queued_action_waits_for_the_next_sign_in_when_the_sign_in_is_refused(qloop, rig, fake_awork):
    run = qloop.run_until_complete
    fake_awork.stop()
    run(rig.commands.stop())
    fake_awork.start()
    fake_awork.fail_next(401, path="me/timeentries/last")  # awork's code for a bad token
    run(rig.sync.sync_once())
    assert rig.store.state.auth is Auth.SIGNED_OUT and rig.store.state.pending == 1


def test_a_timer_action_while_the_sign_in_cannot_be_renewed_is_queued(qloop, rig, monkeypatch):
    from tray_app.api.auth.oauth import RefreshUnavailable

    async def blocked():
        raise RefreshUnavailable("awork's sign-in service cannot renew the sign-in right now (403)", status=403)

    monkeypatch.setattr(rig.commands.client._tokens, "token", blocked)
    qloop.run_until_complete(rig.commands.stop())
    assert rig.store.state.pending == 1 and rig.store.state.auth is Auth.SIGNED_IN


def test_the_command_line_says_what_it_could_not_do_and_stays_signed_in(qloop, rig, fake_awork):
    from types import SimpleNamespace

    from tray_app.cli_commands import run_intent
    from tray_app.exit_codes import EXIT_REJECTED

    core = SimpleNamespace(commands=rig.commands, store=rig.store, tokens=rig.commands.tokens, client=rig.commands.client)
    fake_awork.fail_next(401, body=PERMISSION_401, path=START)
    outcome = qloop.run_until_complete(run_intent(core, "start", {"task": "WEB-12"}))
    assert outcome.exit == EXIT_REJECTED
    assert outcome.stderr.splitlines() == [f"awork-tray: You cannot book time on this task: {DENIED}", HINT]
    assert rig.store.state.auth is Auth.SIGNED_IN
