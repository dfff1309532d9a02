"""Signed out, or offline before any list arrived: the popover says what is going on, once, and
offers the one next step; never "Loading…" forever. The retry it counts down to is the sync loop's."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel

from tray_app.core.state import AppState, Auth
from tray_app.domain.entities import Workload

from .grabs import grab
from .languages import language_de
from helpers.factories import signed_in


class Monotonic:
    def __init__(self):
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value


@pytest.fixture
def clock():
    return Monotonic()


@pytest.fixture
def fresh(qtbot, clock):
    """A popover that never had lists, open."""
    from tray_app.ui.popover import Popover

    widget = Popover(monotonic=clock)
    qtbot.addWidget(widget)
    widget.open_at(None)
    qtbot.waitExposed(widget)
    yield widget
    widget.hide()


def seen_texts(popover) -> list[str]:
    """Every text the user sees: labels, buttons, and what the list says instead of rows."""
    widgets = popover.findChildren(QLabel) + popover.findChildren(QAbstractButton)
    texts = [w.text() for w in widgets if w.isVisible() and w.text()]
    if popover.list.isVisible():
        texts += [popover.list.placeholder()]
        texts += [popover.list.item(i).text() for i in range(popover.list.count())]
    return [t for t in texts if t]


def sentences(texts: list[str]) -> list[str]:
    found = []
    for text in texts:
        found += [s.strip().rstrip(".…").casefold() for s in re.split(r"[.\n]\s", text.replace("&", "")) if s.strip()]
    return found


def assert_said_once(popover) -> None:
    texts = seen_texts(popover)
    assert not any("loading" in t.casefold() for t in texts), texts
    said = sentences(texts)
    assert len(said) == len(set(said)), f"said twice: {texts}"


def test_signed_out_says_so_once_and_offers_to_sign_in(fresh):
    fresh.render(AppState(auth=Auth.SIGNED_OUT))
    assert fresh.status.isVisible() and fresh.status.text() == "Not signed in to awork."
    assert fresh.sign_in_button.isVisible() and fresh.sign_in_button.text() == "Sign in with awork…"
    assert not fresh.search.isVisible() and not fresh.list.isVisible()  # nothing to search yet
    assert_said_once(fresh)
    grab(fresh, "popover-signed-out-en")


def test_signed_out_by_awork_says_why_once(fresh):
    fresh.render(AppState(auth=Auth.SIGNED_OUT, error="The token is invalid or expired."))
    assert fresh.status.text() == "The token is invalid or expired."
    assert fresh.sign_in_button.isVisible()
    assert_said_once(fresh)


def test_offline_on_first_launch_counts_down_to_the_sync_loops_next_try(qtbot, fresh, clock):
    fresh.render(signed_in(Workload(), offline=True, next_try=clock.value + 20))
    assert fresh.status.text() == "Can't reach awork — retrying in 20 s."
    assert fresh.list.placeholder() == "Your tasks appear here once awork answers."  # not "Loading…"
    assert_said_once(fresh)
    grab(fresh, "popover-offline-first-launch-en")
    clock.value += 5
    qtbot.waitUntil(lambda: fresh.status.text() == "Can't reach awork — retrying in 15 s.", timeout=3000)
    clock.value += 30  # the try is due (and under way)
    qtbot.waitUntil(lambda: fresh.status.text() == "Can't reach awork — retrying now…", timeout=3000)


def test_offline_with_actions_waiting_says_both(fresh, clock):
    fresh.render(signed_in(Workload(), offline=True, pending=2, next_try=clock.value + 8))
    assert fresh.status.text() == "Can't reach awork — retrying in 8 s. 2 actions waiting to be sent to awork."


def test_once_the_lists_arrive_loading_and_offline_are_gone(fresh, workload):
    fresh.render(signed_in(Workload()))
    assert fresh.list.placeholder() == "Loading…"
    fresh.render(signed_in(workload))
    assert fresh.list.placeholder() == "" and fresh.list.count() > 0 and not fresh.status.isVisible()


@pytest.mark.usefixtures("language_de")
def test_in_german(fresh, clock):
    fresh.render(signed_in(Workload(), offline=True, next_try=clock.value + 20))
    assert fresh.status.text() == "awork nicht erreichbar — neuer Versuch in 20 s."
    grab(fresh, "popover-offline-first-launch-de")
    fresh.render(AppState(auth=Auth.SIGNED_OUT))
    assert fresh.status.text() == "Nicht bei awork angemeldet."
    assert_said_once(fresh)
    grab(fresh, "popover-signed-out-de")


def test_the_window_title_does_not_repeat_the_app_name(fresh):
    assert fresh.windowTitle() == "Quick start"
