"""TrayController with the real core on the in-process demo awork, driven through the widgets."""

from __future__ import annotations

import asyncio
import re

import httpx
import pytest
import qasync
from PySide6.QtCore import Qt

from tray_app.composition import build_core
from tray_app.config import Config
from tray_app.core.day import todays_entries
from tray_app.core.state import Auth
from tray_app.demo.transport import DemoTransport
from tray_app.domain.timer import TimerState
from tray_app.ui.tray import Tray
from tray_app.ui.tray_controller import TrayController

from helpers.demo_session import settle
from helpers.list_reading import task_names
from helpers.waiting import until


@pytest.fixture
def start_requests(monkeypatch):
    """Every start the demo awork receives (counted at the transport, below the client)."""
    seen: list[str] = []
    original = DemoTransport.handle_async_request

    async def counting(self, request):
        if request.method == "POST" and request.url.path.endswith("/me/timetracking/start"):
            seen.append(request.content.decode())
        return await original(self, request)

    monkeypatch.setattr(DemoTransport, "handle_async_request", counting)
    return seen


@pytest.fixture
def session(qtbot, qloop, tmp_path, start_requests):
    config = Config("https://api.awork.com/api/v1", None, tmp_path, tmp_path / "cache", tmp_path / "logs")
    core = build_core(config, demo=True)
    core.sync = None  # see no_background_sync
    tray = Tray()
    quits: list[bool] = []
    session = TrayController(core, tray, lambda: quits.append(True))
    session.quits = quits
    qtbot.addWidget(session.popover)
    settle(qloop, session, session.start())
    assert session.core.store.state.workload.recent_tasks, "the demo lists did not load"
    if session.core.store.state.timer is not TimerState.IDLE:
        settle(qloop, session, session.commands.stop())  # the demo may open with a live timer
    assert session.core.store.state.timer is TimerState.IDLE
    yield session
    qloop.run_until_complete(session.shutdown())
    qloop.run_until_complete(core.aclose())
    tray.menu.deleteLater()


# no_background_sync: these tests run the loop in pieces (settle), and Qt runs whatever asyncio
# step is due whenever it processes events, also between the pieces, outside the loop, where the
# step fails. A background poll could never be settled, so it is not started here: everything
# these tests see they bring about themselves. The sync loop is tested in tests/integration
# (test_sync_faults.py) and runs in the real app in tests/e2e.


def open_popover(qtbot, loop, session):
    session.popover.open_at(None)
    settle(loop, session)  # the refresh the opening asks for, before Qt runs anything else
    qtbot.waitExposed(session.popover)


def state(session):
    return session.core.store.state


def test_demo_session_is_signed_in_and_idle_after_a_stop(session):
    s = state(session)
    assert s.demo and s.timer is TimerState.IDLE and s.busy is None and s.error is None
    assert not session.popover.card.isVisibleTo(session.popover)
    assert session.tray.icon.toolTip() == "DEMO · awork tray: no timer running"
    assert session.popover.demo_badge.isVisibleTo(session.popover)


def test_enter_in_the_popover_starts_the_task_and_hides_it(qtbot, qloop, session, start_requests):
    open_popover(qtbot, qloop, session)
    popover = session.popover
    qtbot.keyClicks(popover.search, "sitemap")
    qtbot.keyClicks(popover.note, "Erste Skizze")
    qtbot.keyClick(popover.search, Qt.Key.Key_Return)

    async def while_starting():
        await until(lambda: state(session).busy == "start")
        assert popover.status.text() == "Starting…" and popover.isVisible()

    settle(qloop, session, while_starting())

    s = state(session)
    assert s.timer is TimerState.RUNNING and s.busy is None and s.error is None
    assert s.entry.task.name == "Sitemap entwerfen"
    assert s.entry.type_of_work.name == "Design"
    assert s.entry.note == "Erste Skizze"
    assert len(start_requests) == 1
    assert not popover.isVisible()
    assert popover.search.text() == "" and popover.note.text() == ""  # ready for next time
    # The demo says so, first; the time in words.
    assert re.fullmatch(r"DEMO · Sitemap entwerfen · Website Relaunch · < 1 min", session.tray.icon.toolTip())
    assert session.tray.pause_action.isEnabled()
    assert s.workload.recent_tasks[0].name == "Sitemap entwerfen"


def test_a_type_of_work_starts_without_a_task(qtbot, qloop, session):
    open_popover(qtbot, qloop, session)
    qtbot.keyClicks(session.popover.search, "support")
    qtbot.keyClick(session.popover.search, Qt.Key.Key_Return)
    settle(qloop, session)
    s = state(session)
    assert s.timer is TimerState.RUNNING
    assert s.entry.task is None and s.entry.type_of_work.name == "Support"
    assert session.popover.card.title.text() == "Support"


def test_pause_resume_and_stop_from_the_card(qtbot, qloop, session):
    open_popover(qtbot, qloop, session)
    popover, card = session.popover, session.popover.card
    qtbot.keyClick(popover.search, Qt.Key.Key_Return)
    settle(qloop, session)
    assert state(session).timer is TimerState.RUNNING

    open_popover(qtbot, qloop, session)
    assert card.isVisible() and card.pause_button.text().replace("&", "") == "Pause"
    qtbot.mouseClick(card.pause_button, Qt.MouseButton.LeftButton)

    async def while_pausing():
        await until(lambda: state(session).busy == "pause")
        assert card.pause_button.isEnabled()  # a disabled button would drop the focus
        assert popover.status.text() == "Pausing…"

    settle(qloop, session, while_pausing())
    assert state(session).timer is TimerState.PAUSED
    assert card.badge.isVisible() and card.pause_button.text().replace("&", "") == "Resume"
    assert session.tray.pause_action.text() == "Resume"
    assert session.tray.icon.toolTip().endswith("(paused)")

    qtbot.mouseClick(card.pause_button, Qt.MouseButton.LeftButton)
    settle(qloop, session)
    assert state(session).timer is TimerState.RUNNING
    assert not card.badge.isVisible()

    qtbot.mouseClick(card.stop_button, Qt.MouseButton.LeftButton)
    settle(qloop, session)
    assert state(session).timer is TimerState.IDLE
    assert not card.isVisible()
    assert not session.tray.stop_action.isEnabled()
    assert popover.isVisible()  # stopping keeps the popover open for the next start


def test_tray_menu_pauses_and_stops(qloop, session):
    session.popover.start_requested.emit(state(session).workload.recent_tasks[0], None, "")
    settle(qloop, session)
    session.tray.pause_action.trigger()
    settle(qloop, session)
    assert state(session).timer is TimerState.PAUSED
    session.tray.stop_action.trigger()
    settle(qloop, session)
    assert state(session).timer is TimerState.IDLE


def test_double_enter_sends_one_start(qtbot, qloop, session, start_requests):
    open_popover(qtbot, qloop, session)
    popover = session.popover
    qtbot.keyClick(popover.search, Qt.Key.Key_Return)
    qtbot.keyClick(popover.search, Qt.Key.Key_Return)
    settle(qloop, session)
    assert len(start_requests) == 1
    assert state(session).timer is TimerState.RUNNING and state(session).error is None


def test_enter_again_while_the_start_is_on_the_wire_sends_one_start(qtbot, qloop, session, start_requests):
    open_popover(qtbot, qloop, session)
    popover = session.popover
    busy_seen = []

    async def press_again_while_in_flight():
        await until(lambda: len(start_requests) == 1)  # the request is on the wire (demo latency)
        busy_seen.append(state(session).busy)
        qtbot.keyClick(popover.search, Qt.Key.Key_Return)
        qtbot.keyClick(popover.search, Qt.Key.Key_Enter)

    qtbot.keyClick(popover.search, Qt.Key.Key_Return)
    settle(qloop, session, press_again_while_in_flight())
    assert busy_seen == ["start"]
    assert len(start_requests) == 1
    assert state(session).timer is TimerState.RUNNING


def test_awork_validation_errors_show_in_the_popover(qtbot, qloop, session, start_requests):
    open_popover(qtbot, qloop, session)
    popover = session.popover
    popover.start_requested.emit(None, "not-a-guid", "")
    settle(qloop, session)
    s = state(session)
    assert s.timer is TimerState.IDLE and s.busy is None
    assert len(start_requests) == 1
    assert popover.isVisible()  # nothing started: the popover stays for another try
    assert popover.status.isVisible() and popover.status.property("kind") == "error"
    assert "validation" in popover.status.text()
    assert "TypeOfWorkId: 'Type Of Work Id' is not a valid GUID." in popover.status.text().splitlines()

    qtbot.keyClick(popover.search, Qt.Key.Key_Return)  # a good start clears the error
    settle(qloop, session)
    assert state(session).error is None and not popover.status.isVisible()


def test_remote_search_reaches_the_demo_awork_and_renders(qtbot, qloop, session):
    open_popover(qtbot, qloop, session)
    popover = session.popover
    qtbot.keyClicks(popover.search, "crash")
    # the debounce timer fires inside the running loop, which then runs the search
    settle(qloop, session, until(lambda: state(session).remote_query == "crash"))
    assert task_names(popover.list).count("Crash reports triage") == 1


def test_quit_from_the_tray_menu(session):
    quit_action = next(a for a in session.tray.menu.actions() if a.text() == "Quit")
    quit_action.trigger()
    assert session.quits == [True]


def test_tray_click_toggles_the_popover(qtbot, qloop, session):
    session.tray.quick_start_requested.emit()
    settle(qloop, session)
    assert session.popover.isVisible()
    session.tray.quick_start_requested.emit()
    assert not session.popover.isVisible()


# -- a 401 for a missing permission, in a real (not demo) session ----------------------------------


@pytest.fixture
def signed_in_session(qtbot, qloop, tmp_path):
    """A session signed in with a token (not the demo, which never offers a sign-in), on the
    in-process fake awork; `session.answer_start` decides the reply to a start."""
    from tray_app.demo.backend import FakeAwork
    from tray_app.demo.workspace import demo_workspace

    from helpers.fake_awork.faults import error_body

    class Transport(DemoTransport):
        answer_start: tuple[int, dict] | None = None

        async def handle_async_request(self, request):
            if request.url.path.endswith("/me/timetracking/start") and self.answer_start:
                status, fields = self.answer_start
                return httpx.Response(status, json=error_body(status, "ui-trace", **fields))
            return await super().handle_async_request(request)

    transport = Transport(FakeAwork(demo_workspace(running=False), token="ui-token"), latency=0)
    config = Config("https://awork.invalid/api/v1", "ui-token", tmp_path, tmp_path / "cache", tmp_path / "logs")
    core = build_core(config, transport=transport, use_cache=False)
    core.sync = None  # see no_background_sync
    tray = Tray()
    session = TrayController(core, tray, lambda: None)
    session.transport = transport
    session.sign_in_shown = []
    session.show_sign_in = lambda message=None: session.sign_in_shown.append(message)
    qtbot.addWidget(session.popover)
    settle(qloop, session, session.start())
    assert state(session).auth is Auth.SIGNED_IN and state(session).workload.recent_tasks
    yield session
    qloop.run_until_complete(session.shutdown())
    qloop.run_until_complete(core.aclose())
    tray.menu.deleteLater()


def test_a_start_awork_refuses_for_a_permission_shows_in_the_popover_without_a_sign_in(
        qtbot, qloop, signed_in_session):
    from helpers.fake_awork.faults import PERMISSION_401

    session = signed_in_session
    session.transport.answer_start = (401, PERMISSION_401)
    open_popover(qtbot, qloop, session)
    popover = session.popover
    qtbot.keyClicks(popover.search, "sitemap")
    qtbot.keyClick(popover.search, Qt.Key.Key_Return)
    settle(qloop, session)
    s = state(session)
    assert s.auth is Auth.SIGNED_IN and s.timer is TimerState.IDLE and s.busy is None
    assert session.sign_in_shown == []
    assert popover.isVisible() and popover.status.property("kind") == "error"
    assert popover.status.text().splitlines() == [
        f"You cannot book time on this task: {PERMISSION_401['description']}", *PERMISSION_401["details"]]
    assert not popover.sign_in_button.isVisibleTo(popover)


def test_a_start_with_a_token_awork_no_longer_takes_asks_to_sign_in(qtbot, qloop, signed_in_session):
    session = signed_in_session
    session.transport.answer_start = (401, {})  # awork's code for a bad token
    session.core.tokens.set("revoked-token", "AWORK_API_TOKEN")  # /me refuses it too
    open_popover(qtbot, qloop, session)
    qtbot.keyClicks(session.popover.search, "sitemap")
    qtbot.keyClick(session.popover.search, Qt.Key.Key_Return)
    settle(qloop, session)
    assert state(session).auth is Auth.SIGNED_OUT and len(session.sign_in_shown) == 1
def test_a_task_whose_type_is_archived_opens_the_type_chooser_and_starts_with_the_one_chosen(qtbot, qloop, session,
                                                                                            start_requests):
    open_popover(qtbot, qloop, session)
    popover = session.popover
    qtbot.keyClicks(popover.search, "Fahrt zum Kunden")
    qtbot.keyClick(popover.search, Qt.Key.Key_Return)
    settle(qloop, session)
    assert start_requests == []  # nothing sent: awork would refuse the archived type
    assert popover.isVisible() and popover.status.property("kind") == "error"
    assert "archived" in popover.status.text()
    assert popover.type_box.view().isVisible()  # the chooser is open for another type
    popover.type_box.setCurrentIndex(popover.type_box.findText("Support"))
    popover.type_box.hidePopup()
    qtbot.keyClick(popover.search, Qt.Key.Key_Return)
    settle(qloop, session)
    assert state(session).timer is TimerState.RUNNING and state(session).error is None
    support = next(t.id for t in state(session).workload.types_of_work if t.name == "Support")
    assert len(start_requests) == 1 and support in start_requests[0]


def test_notices_and_new_errors_are_notified_once(session, qloop, monkeypatch):
    told: list[tuple[str, bool]] = []
    monkeypatch.setattr(session.tray, "notify", lambda title, text, warning=True: told.append((text, warning)))
    store = session.core.store
    store.notify("Timer started in awork: Sitemap")
    store.update(remote_query="x")  # any later change: nothing new to tell
    assert told == [("Timer started in awork: Sitemap", False)]
    store.update(error="awork said no")
    store.update(remote_query="y")
    store.update(busy=None, error="awork said no")
    assert told[1:] == [("awork said no", True)]
    session.popover.open_at(None)
    store.update(error="shown in the popover")  # the open popover says it: no notification on top
    assert len(told) == 2
    session.popover.hide()


def test_the_day_through_the_real_core_continue_from_today_s_list_and_the_menu(qtbot, qloop, session,
                                                                                 start_requests):
    open_popover(qtbot, qloop, session)  # the opening reads the week: the demo worked earlier today
    day = session.popover.day
    assert state(session).day is not None and day.today_button.isVisible()
    assert day.last.isVisible()  # idle: the demo's timer was stopped
    qtbot.keyClick(day.today_button, Qt.Key.Key_Space)
    rows = todays_entries(state(session), session.commands.clock.now())  # the list's rows, oldest first
    first = rows[0][0]  # (at any hour: the demo's stopped timer ran until now)
    button = day.entries.findChildren(type(day.continue_button))[0]
    assert session.popover.focusWidget() is button
    qtbot.keyClick(button, Qt.Key.Key_Space)
    settle(qloop, session)
    s = state(session)
    assert s.timer is TimerState.RUNNING and s.entry.task.id == first.task.id and s.entry.note == first.note
    assert s.entry.is_billable == first.is_billable and not session.popover.isVisible()

    other = next(a for a in session.tray.recent_actions if "Startseite" not in a.text())
    label = other.text()
    other.trigger()
    settle(qloop, session)  # (the menu's recent tasks are made anew: the started one moved up)
    assert state(session).entry.task.name in label and len(start_requests) == 2
    settle(qloop, session, session.commands.stop())
    session.tray.continue_action.trigger()
    settle(qloop, session)
    assert state(session).timer is TimerState.RUNNING and len(start_requests) == 3


def test_the_popover_is_built_on_first_use_showing_the_state_of_then(qtbot, qloop, tmp_path):
    """A tray nobody opens keeps no popover; one built later shows the state and the wiring as if
    it had been there from the start."""
    config = Config("https://api.awork.com/api/v1", None, tmp_path, tmp_path / "cache", tmp_path / "logs")
    core = build_core(config, demo=True)
    core.sync = None  # see no_background_sync
    tray = Tray()
    quits: list[bool] = []
    controller = TrayController(core, tray, lambda: quits.append(True))
    wired: list[object] = []
    controller.when_popover_built(wired.append)
    settle(qloop, controller, controller.start())
    core.store.notify("Timer started in awork: Sitemap")
    core.store.update(error="awork said no")
    assert controller._popover is None and not controller.popover_visible and wired == []
    popover = controller.popover
    qtbot.addWidget(popover)
    assert wired == [popover] and controller.popover is popover
    assert popover.status.text() == "awork said no"  # the state it was built in
    assert task_names(popover.list)  # the lists loaded before it existed
    late: list[object] = []
    controller.when_popover_built(late.append)
    assert late == [popover]
    popover.quit_requested.emit()  # wired like the tray menu
    assert quits == [True]
    qloop.run_until_complete(controller.shutdown())
    qloop.run_until_complete(core.aclose())
    tray.menu.deleteLater()


def test_the_network_is_watched_only_once_awork_cannot_be_reached(qtbot, qloop, tmp_path, monkeypatch):
    from tray_app.ui import tray_controller

    watched: list[object] = []
    monkeypatch.setattr(tray_controller, "watch_network", lambda poke: watched.append(poke) or object())

    class IdleSync:
        def poke(self) -> None:
            pass

        async def run(self) -> None:
            await asyncio.Event().wait()  # cancelled at shutdown

    config = Config("https://api.awork.com/api/v1", None, tmp_path, tmp_path / "cache", tmp_path / "logs")
    core = build_core(config, demo=True)
    core.sync = IdleSync()
    tray = Tray()
    controller = TrayController(core, tray, lambda: None)
    core.store.update(offline=True)  # before the sync loop runs: nothing to poke yet
    core.store.update(offline=False)
    settle(qloop, controller, controller.start())
    assert watched == []  # online: no network backend loaded
    core.store.update(offline=True)
    core.store.update(offline=False)
    core.store.update(offline=True)
    assert watched == [core.sync.poke]  # once, when awork was first out of reach
    qloop.run_until_complete(controller.shutdown())
    qloop.run_until_complete(core.aclose())
    tray.menu.deleteLater()
