"""The store: state to render, and notices told once; who is signed in, written by one owner."""

from __future__ import annotations

from types import SimpleNamespace

from tray_app.core.auth_state import AuthState
from tray_app.core.state import AppState, Auth, Notice, Store


def listening(store: Store) -> tuple[list, list]:
    states, notices = [], []
    store.subscribe(states.append)
    store.subscribe_notices(notices.append)
    return states, notices


def test_a_notice_is_delivered_once_and_is_no_state():
    store = Store()
    states, notices = listening(store)
    store.notify("Timer started in awork: Sitemap")
    store.update(pending=1)
    store.update(pending=2)
    assert notices == [Notice("Timer started in awork: Sitemap")] and len(states) == 2
    assert not hasattr(store.state, "notice")


def test_every_notice_is_delivered_even_the_same_text_twice():
    store = Store()
    _, notices = listening(store)
    store.notify("Corrected in awork")
    store.notify("Corrected in awork")
    assert [n.text for n in notices] == ["Corrected in awork", "Corrected in awork"]


def test_a_new_error_is_a_warning_notice_once_while_it_stays():
    store = Store()
    states, notices = listening(store)
    store.update(error="awork said no")
    store.update(busy=None, pending=3)  # the error is still there: nothing new to tell
    store.update(error="awork said no")
    assert notices == [Notice("awork said no", warning=True)]
    store.update(error="something else")
    store.update(error=None)
    store.update(error="awork said no")  # back after it was gone: told again
    assert [n.text for n in notices] == ["awork said no", "something else", "awork said no"]
    assert states[-1].error == "awork said no"


def test_notice_listeners_hear_after_the_state_it_came_with():
    store = Store()
    order = []
    store.subscribe(lambda state: order.append(("state", state.error)))
    store.subscribe_notices(lambda notice: order.append(("notice", notice.text)))
    store.update(error="E")
    assert order == [("state", "E"), ("notice", "E")]


def test_unsubscribing_ends_the_notices():
    store = Store()
    notices = []
    stop = store.subscribe_notices(notices.append)
    store.notify("one")
    stop()
    store.notify("two")
    assert [n.text for n in notices] == ["one"]


def test_auth_state_is_the_one_writer_of_who_is_signed_in():
    store = Store(AppState(auth=Auth.UNKNOWN))
    tokens = SimpleNamespace(present=False, source="")
    auth = AuthState(store, tokens)
    auth.signed_in("keychain")
    assert (store.state.auth, store.state.auth_source, store.state.error) == (Auth.SIGNED_IN, "keychain", None)
    auth.signed_out("The sign-in expired.")
    assert (store.state.auth, store.state.auth_source, store.state.error) == (
        Auth.SIGNED_OUT, "", "The sign-in expired.")
    auth.answered()  # no token held: awork's answer signs nobody in
    assert store.state.auth is Auth.SIGNED_OUT
    tokens.present, tokens.source = True, "AWORK_API_TOKEN"
    auth.answered()
    assert (store.state.auth, store.state.auth_source) == (Auth.SIGNED_IN, "AWORK_API_TOKEN")
