"""The tray icon: tooltip, icon per timer state, menu texts and activation."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from tray_app.core.state import AppState, Auth
from tray_app.domain.timer import TimerState
from tray_app.ui.icons import state_icon
from tray_app.ui.tray import Tray

from helpers.factories import entry_for, signed_in


@pytest.fixture
def tray(qtbot):
    tray = Tray()
    yield tray
    tray.menu.deleteLater()


@pytest.fixture
def icon_calls(tray, monkeypatch):
    calls = []
    original = tray.icon.setIcon

    def spy(icon):
        calls.append(icon.cacheKey())
        original(icon)

    monkeypatch.setattr(tray.icon, "setIcon", spy)
    return calls


def running(workload, **kw):
    return signed_in(workload, entry=entry_for(workload, started=timedelta(minutes=13, seconds=20), **kw))


def paused(workload):
    return signed_in(
        workload, entry=entry_for(workload, started=timedelta(minutes=13, seconds=20), paused_for=timedelta(minutes=4))
    )


def test_idle_tooltip(tray, workload):
    tray.render(signed_in(workload))
    assert tray.icon.toolTip() == "awork tray: no timer running"


def test_running_tooltip_names_task_project_and_time(tray, workload):
    tray.render(running(workload))
    assert tray.icon.toolTip() == "Sitemap entwerfen · Website Relaunch · 13 min"


def test_paused_tooltip(tray, workload):
    tray.render(paused(workload))
    assert tray.icon.toolTip() == "Sitemap entwerfen · Website Relaunch · 13 min (paused)"


@pytest.mark.parametrize("spent, said", [
    (timedelta(seconds=45), "< 1 min"),
    (timedelta(minutes=1), "1 min"),
    (timedelta(hours=1, minutes=13, seconds=59), "1 h 13 min"),
    (timedelta(hours=3), "3 h"),
    (timedelta(hours=26, minutes=5), "26 h 5 min"),
])
def test_the_tooltip_says_units(qtbot, workload, spent, said):
    moment = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    tray = Tray(now=lambda: moment)
    try:
        tray.render(signed_in(workload, entry=entry_for(workload, started=spent, now=moment)))
        assert tray.icon.toolTip() == f"Sitemap entwerfen · Website Relaunch · {said}"
    finally:
        tray.menu.deleteLater()


def test_the_tooltip_wakes_once_a_minute_from_the_start_on(qtbot, workload):
    # A tooltip is read, not watched: no second-by-second count after a start (sixty wake-ups),
    # one wake-up when its text changes, at the next whole minute of the timer.
    moment = [datetime(2026, 3, 2, 9, 0, tzinfo=UTC)]
    tray = Tray(now=lambda: moment[0])
    try:
        tray.render(signed_in(workload, entry=entry_for(workload, started=timedelta(seconds=45), now=moment[0])))
        assert tray.icon.toolTip().endswith(" · < 1 min")
        assert tray._minute.isActive() and tray._minute.interval() == 15_050  # at 1:00, not in a second
        moment[0] += timedelta(seconds=15)
        tray._minute.timeout.emit()  # (what the timer does at 1:00)
        assert tray.icon.toolTip().endswith(" · 1 min")
        assert tray._minute.interval() == 60_050
    finally:
        tray.menu.deleteLater()


def test_the_tooltip_counts_on_the_injected_clock_corrected_to_awork(qtbot, workload):
    # The clock is passed in, as everywhere else: the tooltip follows it, plus awork's offset.
    moment = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
    tray = Tray(now=lambda: moment)
    try:
        entry = entry_for(workload, started=timedelta(minutes=13, seconds=20), now=moment)
        tray.render(signed_in(workload, entry=entry))
        assert tray.icon.toolTip() == "Sitemap entwerfen · Website Relaunch · 13 min"
        moment += timedelta(hours=1)  # the minute timer's next look at the clock
        tray.render(signed_in(workload, entry=entry, clock_offset=-600))  # awork is 10 minutes behind this computer
        assert tray.icon.toolTip() == "Sitemap entwerfen · Website Relaunch · 1 h 3 min"
    finally:
        tray.menu.deleteLater()


def test_tooltip_signed_out_demo_and_error(tray, workload):
    tray.render(AppState(auth=Auth.SIGNED_OUT))
    assert tray.icon.toolTip() == "awork tray: not signed in"
    tray.render(signed_in(workload, demo=True))
    assert tray.icon.toolTip() == "DEMO · awork tray: no timer running"
    tray.render(signed_in(workload, error="awork could not be reached.\nDetails here"))
    assert tray.icon.toolTip() == "awork tray: no timer running\n⚠ awork could not be reached."


def test_icon_changes_only_with_the_timer_state(tray, icon_calls, workload):
    tray.render(signed_in(workload))
    tray.render(signed_in(workload, busy="start"))
    idle_calls = len(icon_calls)
    assert idle_calls <= 1  # the constructor already shows idle
    state = running(workload)
    tray.render(state)
    tray.render(replace(state, busy="pause"))
    tray.render(replace(state, entry=replace(state.entry, note="changed")))
    assert icon_calls[idle_calls:] == [state_icon(TimerState.RUNNING).cacheKey()]
    tray.render(paused(workload))
    tray.render(paused(workload))
    tray.render(signed_in(workload))
    assert icon_calls[idle_calls + 1:] == [
        state_icon(TimerState.PAUSED).cacheKey(),
        state_icon(TimerState.IDLE).cacheKey(),
    ]
    assert tray.icon.icon().cacheKey() == state_icon(TimerState.IDLE).cacheKey()


def test_state_icons_differ(qapp):
    keys = {state_icon(s).cacheKey() for s in TimerState}
    assert len(keys) == 3


def test_menu_starts_with_the_timer_then_quick_start(tray):
    actions = [a for a in tray.menu.actions() if not a.isSeparator() and a.isVisible()]  # (the totals: once known)
    assert actions[0] is tray.timer_line and not actions[0].isEnabled()  # a line to read, not to click
    assert actions[1].text() == "Quick start…" and actions[1] is tray.quick_action
    assert tray.icon.contextMenu() is tray.menu


def test_menu_pause_resume_text_and_enabled(tray, workload):
    tray.render(signed_in(workload))
    assert tray.pause_action.text() == "Pause"
    assert not tray.pause_action.isEnabled() and not tray.stop_action.isEnabled()
    tray.render(running(workload))
    assert tray.pause_action.text() == "Pause"
    assert tray.pause_action.isEnabled() and tray.stop_action.isEnabled()
    tray.render(paused(workload))
    assert tray.pause_action.text() == "Resume"
    assert tray.pause_action.isEnabled() and tray.stop_action.isEnabled()
    tray.render(replace(paused(workload), busy="resume"))
    assert not tray.pause_action.isEnabled() and not tray.stop_action.isEnabled()


def test_menu_actions_emit_intents(qtbot, tray, workload):
    tray.render(running(workload))
    with qtbot.waitSignal(tray.pause_requested):
        tray.pause_action.trigger()
    tray.render(paused(workload))
    with qtbot.waitSignal(tray.resume_requested), qtbot.assertNotEmitted(tray.pause_requested):
        tray.pause_action.trigger()
    with qtbot.waitSignal(tray.stop_requested):
        tray.stop_action.trigger()
    with qtbot.waitSignal(tray.quick_start_requested):
        tray.quick_action.trigger()
    quit_action = next(a for a in tray.menu.actions() if a.text() == "Quit")
    with qtbot.waitSignal(tray.quit_requested):
        quit_action.trigger()


def test_sign_action_follows_auth_and_hides_in_demo(qtbot, tray, workload):
    tray.render(signed_in(workload))
    assert tray.sign_action.text() == "Sign out" and tray.sign_action.isVisible()
    with qtbot.waitSignal(tray.sign_out_requested):
        tray.sign_action.trigger()
    tray.render(AppState(auth=Auth.SIGNED_OUT))
    assert tray.sign_action.text() == "Sign in with awork…"
    with qtbot.waitSignal(tray.sign_in_requested):
        tray.sign_action.trigger()
    tray.render(signed_in(workload, demo=True))
    assert not tray.sign_action.isVisible()


@pytest.mark.parametrize(
    "reason", [QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick]
)
def test_click_opens_quick_start(qtbot, tray, reason):
    with qtbot.waitSignal(tray.quick_start_requested):
        tray.icon.activated.emit(reason)


def test_context_click_does_not_open_quick_start(qtbot, tray):
    with qtbot.assertNotEmitted(tray.quick_start_requested):
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Context)


def test_middle_click_pauses_or_resumes(qtbot, tray, workload):
    tray.render(running(workload))
    with qtbot.waitSignal(tray.pause_requested):
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.MiddleClick)
    tray.render(paused(workload))
    with qtbot.waitSignal(tray.resume_requested):
        tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.MiddleClick)


def test_tooltip_refreshes_once_a_minute_only_while_running(tray, workload):
    tray.render(running(workload))
    assert tray._minute.isActive() and tray._minute.interval() <= 60_000
    tray.render(paused(workload))
    assert not tray._minute.isActive()
    tray.render(signed_in(workload))
    assert not tray._minute.isActive()


@pytest.mark.parametrize("state", ["idle", "running", "paused"])
def test_the_demo_says_demo_in_every_state(tray, workload, state):
    base = {"idle": signed_in(workload), "running": running(workload), "paused": paused(workload)}[state]
    tray.render(replace(base, demo=True))
    assert tray.icon.toolTip().startswith("DEMO · "), tray.icon.toolTip()
