"""Fixing the running entry through the core, against the fake awork on simulated clocks: edit its
note, type, task, billable and start; discard it with an undo; "I forgot to start"; and the same
offline, queued and replayed onto the entry they were made for."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from tray_app.api.errors import ApiError, NotFoundError, PermissionDeniedError, ValidationError
from tray_app.core.outbox import Outbox
from tray_app.domain.actions import EntryChange, TimerAction
from tray_app.domain.entities import TypeOfWork
from tray_app.domain.timer import TimerState

from helpers.fake_awork.simulated import SimWorld

DENIED = (401, {}, {"code": "unauthorized", "description": "You lack the permission."})


def run(coro):
    return asyncio.run(coro)


@pytest.fixture
def world(tmp_path):
    return SimWorld(tmp_path)


def other_type(world: SimWorld, than: str) -> TypeOfWork:
    raw = next(t for t in world.backend.ws.types_of_work if t["id"] != than and not t["isArchived"])
    return TypeOfWork(raw["id"], raw["name"])


def test_an_edit_changes_what_it_names_and_sends_the_rest_back_unchanged(world):
    task = world.task("WEB-12")

    async def go():
        entry = await world.commands.start(task=task, note="Entwurf", is_billable=True)
        world.later(20)
        # The web app changed the note a minute ago: the edit of the type must not undo that.
        world.backend.edit_elsewhere(world.record(entry.id), note="aus dem Web")
        design = other_type(world, entry.type_of_work_id)
        edited = await world.commands.edit(EntryChange(type_of_work=design))
        return entry, design, edited

    entry, design, edited = run(go())
    record = world.record(entry.id)
    assert record.type_of_work_id == design.id and record.note == "aus dem Web"
    assert record.task_id == task.id and record.is_billable is True and record.end is None
    assert record.start == entry.start and record.running
    assert world.store.state.entry.type_of_work_id == design.id and world.store.state.busy is None
    assert edited.id == entry.id


def test_the_start_moves_back_and_the_timer_keeps_running(world):
    async def go():
        entry = await world.commands.start(task=world.task("WEB-12"))
        world.later(5)
        started = world.commands.parse_start("-30m")
        await world.commands.edit(EntryChange(start=started, note="", is_billable=False))
        return entry, started

    entry, started = run(go())
    record = world.record(entry.id)
    assert record.start == started and record.running and record.is_billable is False and record.note is None
    assert world.store.state.timer is TimerState.RUNNING
    assert world.store.state.entry.start == started


def test_a_new_task_brings_its_project_and_its_own_type(world):
    other = world.task("APP-10")

    async def go():
        entry = await world.commands.start(task=world.task("WEB-12"))
        await world.commands.edit(EntryChange(task=other))
        return entry

    entry = run(go())
    record = world.record(entry.id)
    assert (record.task_id, record.project_id, record.type_of_work_id) == (
        other.id, other.project_id, other.type_of_work_id)


def test_start_times_that_cannot_be_are_refused_before_anything_is_sent(world):
    async def go():
        await world.commands.start(task=world.task("WEB-12"))
        await world.commands.pause()
        world.later(5)
        sent = len(world.net.requests("PUT"))
        for text in ("soon", "-25h"):
            with pytest.raises(ValidationError):
                world.commands.parse_start(text)
        with pytest.raises(ValidationError):  # after the break began
            await world.commands.edit(EntryChange(start=world.awork_now() - timedelta(minutes=1)))
        return sent

    sent = run(go())
    assert len(world.net.requests("PUT")) == sent == 0
    assert world.store.state.error and world.store.state.timer is TimerState.PAUSED


def test_nothing_to_edit_when_idle(world):
    with pytest.raises(NotFoundError):
        run(world.commands.edit(EntryChange(note="x")))
    assert world.store.state.error


def test_a_missing_permission_is_shown_not_hidden(world):
    async def go():
        entry = await world.commands.start(task=world.task("WEB-12"), note="alt")
        world.net.arm("status", "timeentries/", times=2, arg=DENIED, after=1)  # the GET passes, the PUT is refused
        with pytest.raises(PermissionDeniedError):
            await world.commands.edit(EntryChange(note="neu"))
        return entry

    entry = run(go())
    assert world.record(entry.id).note == "alt"
    assert "cannot change this time entry" in world.store.state.error
    assert world.store.state.entry.note == "alt"


def test_discard_waits_out_the_undo_window_and_undo_sends_nothing(world):
    async def go():
        window = asyncio.Event()

        async def sleep(seconds):
            await window.wait()

        world.commands.edits._sleep = sleep
        entry = await world.commands.start(task=world.task("WEB-12"))
        world.commands.discard_soon()
        hidden = world.store.state
        await world.commands.refresh_timer()  # a sync in the window: the timer stays gone on screen
        hidden_after_read = world.store.state.entry
        assert world.commands.undo_discard()
        back = world.store.state
        world.commands.discard_soon()
        window.set()
        for _ in range(20):
            await asyncio.sleep(0)
        return entry, hidden, hidden_after_read, back

    entry, hidden, hidden_after_read, back = run(go())
    assert hidden.entry is None and hidden.discarding.id == entry.id and hidden_after_read is None
    assert back.entry.id == entry.id and back.discarding is None
    assert len(world.net.requests("DELETE")) == 1  # only the second discard, once its window passed
    assert all(r.id != entry.id for r in world.backend.ws.entries)
    assert world.store.state.entry is None and world.store.state.discarding is None


def test_another_action_sends_a_waiting_discard_first(world):
    async def go():
        async def never(seconds):
            await asyncio.Event().wait()

        world.commands.edits._sleep = never
        first = await world.commands.start(task=world.task("WEB-12"))
        world.commands.discard_soon()
        second = await world.commands.start(task=world.task("APP-10"))
        await world.commands.aclose()
        return first, second

    first, second = run(go())
    methods = [(s.method, s.path.split("/")[0]) for s in world.net.sent if s.method != "GET"]
    assert methods[-2:] == [("DELETE", "timeentries"), ("POST", "me")]
    assert all(r.id != first.id for r in world.backend.ws.entries)
    assert world.record(second.id).running


def test_a_refused_discard_brings_the_timer_back_with_the_reason(world):
    async def go():
        entry = await world.commands.start(task=world.task("WEB-12"))
        world.net.arm("status", "timeentries/", arg=DENIED)
        with pytest.raises(PermissionDeniedError):
            await world.commands.discard()
        return entry

    entry = run(go())
    assert world.record(entry.id).running
    assert world.store.state.entry.id == entry.id and "cannot delete" in world.store.state.error


def test_i_forgot_to_start_moves_the_start_back_and_ends_the_previous_timer_then(world):
    async def go():
        before = await world.commands.start(task=world.task("WEB-12"))
        world.later(60)
        started = world.commands.parse_start("-15m")
        entry = await world.commands.start(task=world.task("APP-10"), started=started)
        return before, entry, started

    before, entry, started = run(go())
    assert world.record(entry.id).start == started and world.record(entry.id).running
    assert world.record(before.id).end == started  # the user switched then, not now
    assert world.store.state.entry.start == started


# -- offline --------------------------------------------------------------------------------------------


def test_offline_edits_and_discards_queue_and_replay_onto_their_entry(world, tmp_path):
    async def go():
        entry = await world.commands.start(task=world.task("WEB-12"), note="alt")
        world.net.offline = True
        world.later(2)
        await world.commands.edit(EntryChange(note="offline geändert", start=entry.start - timedelta(minutes=10)))
        shown = world.store.state.entry
        queued = [i.action for i in Outbox(tmp_path / "outbox.json").items()]
        world.net.offline = False
        await world.commands.replay()
        return entry, shown, queued

    entry, shown, queued = run(go())
    assert queued == [TimerAction.EDIT]
    assert shown.note == "offline geändert"  # shown as intended while queued
    record = world.record(entry.id)
    assert record.note == "offline geändert" and record.start == entry.start - timedelta(minutes=10)
    assert world.store.state.pending == 0


def test_an_offline_start_edited_and_discarded_offline_leaves_nothing(world):
    async def go():
        world.net.offline = True
        await world.commands.start(task=world.task("WEB-12"))
        await world.commands.edit(EntryChange(note="vergessen"))
        shown = world.store.state.entry
        await world.commands.discard()
        world.net.offline = False
        await world.commands.replay()
        return shown

    shown = run(go())
    assert shown.note == "vergessen"
    assert world.open_records() == 0 and len(world.net.requests("DELETE")) == 1
    assert world.store.state.entry is None or world.store.state.timer is TimerState.IDLE


def test_an_offline_start_edited_offline_gets_the_edit_even_after_a_cut_replay(world):
    async def go():
        world.net.offline = True
        await world.commands.start(task=world.task("WEB-12"))
        await world.commands.edit(EntryChange(note="später"))
        world.net.offline = False
        world.net.arm("refuse", "timeentries/")  # the start goes through, the edit's read does not
        with pytest.raises(ApiError):
            await world.commands.replay()
        await world.commands.replay()

    run(go())
    running = next(r for r in world.backend.ws.entries if r.running)
    assert running.note == "später"


def test_an_edit_queued_for_a_timer_stopped_elsewhere_is_dropped_with_a_notice(world):
    async def go():
        await world.commands.start(task=world.task("WEB-12"), note="alt")
        world.net.offline = True
        world.later(1)
        await world.commands.edit(EntryChange(note="neu"))
        world.later(1)
        world.backend.change_elsewhere("stop")
        world.net.offline = False
        await world.commands.replay()

    run(go())
    assert not world.net.requests("PUT")
    assert any("not sent" in n for n in world.notices)
