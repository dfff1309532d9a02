"""The popover renders an AppState: idle, running, paused, busy, errors, signed out, demo."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

from tray_app.core.state import AppState, Auth

from helpers.factories import entry_for, signed_in
from helpers.list_reading import headers, section


def test_idle_shows_no_timer_card_and_the_recent_tasks(popover, workload):
    assert not popover.card.isVisible()
    assert headers(popover.list) == ["RECENT TASKS", "TYPES OF WORK"]
    assert section(popover.list, "RECENT TASKS") == [t.name for t in workload.recent_tasks]
    assert section(popover.list, "TYPES OF WORK") == [t.name for t in workload.types_of_work]
    assert not popover.status.isVisible()
    assert popover.who.text() == "Carla Creative · Demo Agentur"
    assert not popover.demo_badge.isVisible()
    assert popover.sign_action.text() == "Sign out"


def test_running_shows_task_project_type_note_and_clock(popover, workload):
    popover.render(signed_in(workload, entry=entry_for(workload, started=timedelta(minutes=13, seconds=7))))
    card = popover.card
    assert card.isVisible()
    assert card.title.text() == "WEB-12 · Sitemap entwerfen"
    assert card.subtitle.text() == "Website Relaunch · Design"
    assert card.note.isVisible() and "Header und Footer" in card.note.text()
    # derived from the entry's start and the wall clock: 13:07 now, 13:08 if a second ticked over
    assert card.clock.text() in {"0:13:07", "0:13:08"}
    assert re.fullmatch(r"\d+:\d\d:\d\d", card.clock.text())
    assert card.pause_button.text().replace("&", "") == "Pause"
    assert card.pause_button.isEnabled() and card.stop_button.isEnabled()
    assert not card.badge.isVisible()


def test_running_over_hours_shows_unbounded_hours(popover, workload):
    popover.render(signed_in(workload, entry=entry_for(workload, started=timedelta(hours=25, minutes=2))))
    assert popover.card.clock.text() in {"25:02:00", "25:02:01"}


def test_running_without_task_titles_the_type_of_work(popover, workload):
    entry = replace(entry_for(workload, note=None), task=None, project=None)
    popover.render(signed_in(workload, entry=entry))
    assert popover.card.title.text() == "Design"
    assert not popover.card.subtitle.isVisible()
    assert not popover.card.note.isVisible()


def test_paused_shows_badge_and_resume(popover, workload):
    entry = entry_for(workload, started=timedelta(minutes=20), paused_for=timedelta(minutes=5))
    popover.render(signed_in(workload, entry=entry))
    card = popover.card
    assert card.isVisible()
    assert card.badge.isVisible() and card.badge.text() == "Paused"
    assert card.pause_button.text().replace("&", "") == "Resume"
    assert card.pause_button.accessibleName() == "Resume timer"
    assert card.clock.text() == "0:20:00"  # time stood still when the break began


def test_stopped_entry_hides_the_card_again(popover, workload):
    running = entry_for(workload)
    popover.render(signed_in(workload, entry=running))
    assert popover.card.isVisible()
    popover.render(signed_in(workload, entry=replace(running, end=running.start + timedelta(minutes=5))))
    assert not popover.card.isVisible()


def test_busy_ignores_the_buttons_and_says_what_it_does(popover, workload, qtbot):
    running = signed_in(workload, entry=entry_for(workload))
    popover.render(replace(running, busy="pause"))
    # Enabled (a disabled button would lose the keyboard focus), but a second click sends nothing.
    with qtbot.assertNotEmitted(popover.pause_requested), qtbot.assertNotEmitted(popover.stop_requested):
        popover.card.pause_button.click()
        popover.card.stop_button.click()
    assert popover.status.isVisible() and popover.status.text() == "Pausing…"
    assert popover.status.property("kind") == "busy"

    popover.render(signed_in(workload, busy="start"))
    assert popover.status.text() == "Starting…"

    popover.render(running)
    assert popover.card.pause_button.isEnabled() and popover.card.stop_button.isEnabled()
    assert not popover.status.isVisible()


def test_a_rate_limited_action_counts_down_and_a_held_one_says_it_is_queued(popover, workload):
    running = signed_in(workload, entry=entry_for(workload))
    popover.render(replace(running, busy="stop", waiting=("stop", 3)))
    assert popover.status.text() == "awork is busy — stopping in 3 s" and popover.status.property("kind") == "busy"
    popover.render(replace(running, waiting=("", 2)))  # the read that decides a toggle
    assert popover.status.text() == "awork is busy — asking again in 2 s"
    held = "awork is busy (too many requests) for 60 s. Your stop is queued and sent to awork after that."
    popover.render(replace(running, pending=1, held=held))
    assert popover.status.text() == held and popover.status.property("kind") == "busy"


def test_error_is_shown_with_awork_validation_lines(popover, workload):
    message = "The request is invalid.\ntypeOfWorkId: The type of work is archived.\nnote: Too long."
    popover.render(signed_in(workload, error=message))
    assert popover.status.isVisible()
    assert popover.status.text() == message
    assert popover.status.property("kind") == "error"
    assert popover.list.isEnabled()

    popover.render(signed_in(workload))
    assert not popover.status.isVisible()


def test_busy_wins_over_an_old_error(popover, workload):
    popover.render(signed_in(workload, error="Network down", busy="stop"))
    assert popover.status.text() == "Stopping…"


def test_signed_out_hides_the_list_and_offers_to_sign_in(popover, workload):
    popover.render(AppState(workload=workload, auth=Auth.SIGNED_OUT))
    assert not popover.list.isEnabled() and not popover.list.isVisible()
    assert not popover.search.isEnabled() and not popover.search.isVisible()
    assert popover.status.isVisible() and popover.status.text() == "Not signed in to awork."
    assert popover.sign_in_button.isVisible()
    assert popover.who.text() == ""  # the status says it once
    assert popover.sign_action.text() == "Sign in with awork…" and popover.sign_action.isEnabled()


def test_signed_out_by_awork_shows_the_reason_and_the_sign_in_button(popover, workload):
    popover.render(AppState(workload=workload, auth=Auth.SIGNED_OUT, error="The token is invalid or expired."))
    assert popover.status.text() == "The token is invalid or expired."
    assert popover.sign_in_button.isVisible()


def test_demo_shows_the_badge_and_no_sign_in(popover, workload):
    popover.render(signed_in(workload, demo=True))
    assert popover.demo_badge.isVisible()
    assert popover.demo_badge.text() == "DEMO"
    assert not popover.sign_action.isEnabled()


def test_menu_signs_in_or_out_and_quits(popover, workload, qtbot):
    with qtbot.waitSignal(popover.sign_out_requested):
        popover.sign_action.trigger()
    popover.render(AppState(workload=workload, auth=Auth.SIGNED_OUT))
    with qtbot.waitSignal(popover.sign_in_requested):
        popover.sign_action.trigger()
    quit_action = next(a for a in popover._menu.actions() if a.text() == "Quit awork tray")
    with qtbot.waitSignal(popover.quit_requested):
        quit_action.trigger()


def test_empty_lists_say_loading(qtbot):
    from tray_app.ui.popover import Popover

    widget = Popover()
    qtbot.addWidget(widget)
    widget.render(signed_in())
    assert widget.list.count() == 0 and widget.list.placeholder() == "Loading…"
    assert widget.list.current_choice() is None


def test_signed_out_offers_a_sign_in_button(popover, qtbot):
    from tray_app.core.state import AppState, Auth

    popover.render(AppState(auth=Auth.SIGNED_OUT))
    assert popover.sign_in_button.isVisible()
    with qtbot.waitSignal(popover.sign_in_requested, timeout=1000):
        popover.sign_in_button.click()
    popover.render(AppState(auth=Auth.SIGNED_IN))
    assert not popover.sign_in_button.isVisible()
