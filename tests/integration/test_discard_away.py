"""Discarding time away through the core, against the fake awork: the entry ends where the away
time began (on awork's clock), "and continue" starts the same again now, offline it queues and the
replay moves the end the same way, and a refusal is told while the stop stands."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from tray_app.api.errors import PermissionDeniedError
from tray_app.domain.timer import TimerState

from helpers.fake_awork.simulated import SimWorld

AHEAD = timedelta(hours=2, minutes=7)  # awork's clock ahead of the computer's


def run(coro):
    return asyncio.run(coro)


@pytest.mark.parametrize("skew", [timedelta(0), AHEAD], ids=["clocks-agree", "awork-ahead"])
def test_discard_ends_the_entry_at_the_away_start(tmp_path, skew):
    world = SimWorld(tmp_path, skew=skew)

    async def go():
        entry = await world.commands.start(task=world.task("WEB-12"), note="Sitemap")
        away_start = world.later(10)  # awork's time when the user left
        world.later(38)
        await world.commands.discard_away(entry.id, away_start)
        return entry, away_start

    entry, away_start = run(go())
    record = world.record(entry.id)
    assert record.end == away_start
    assert world.store.state.timer is TimerState.IDLE and world.store.state.entry.end == away_start
    assert world.open_records() == 0


def test_discard_and_continue_starts_the_same_again_now(tmp_path):
    world = SimWorld(tmp_path)

    async def go():
        entry = await world.commands.start(task=world.task("WEB-12"), note="Sitemap", is_billable=False)
        away_start = world.later(10)
        back = world.later(38)
        await world.commands.discard_away(entry.id, away_start, and_continue=True)
        return entry, away_start, back

    entry, away_start, back = run(go())
    assert world.record(entry.id).end == away_start
    new = world.store.state.entry
    assert new.id != entry.id and world.store.state.timer is TimerState.RUNNING
    record = world.record(new.id)
    assert record.start == back and record.task_id == entry.task.id and record.note == "Sitemap"
    assert record.type_of_work_id == entry.type_of_work_id and record.is_billable is False
    assert world.open_records() == 1


def test_offline_the_discard_queues_and_the_replay_moves_the_end(tmp_path):
    world = SimWorld(tmp_path)

    async def go():
        entry = await world.commands.start(task=world.task("WEB-12"))
        away_start = world.later(10)
        world.later(38)
        world.net.offline = True
        await world.commands.discard_away(entry.id, away_start, and_continue=True)
        assert world.store.state.pending == 2  # the stop at the away start, and the new start
        assert world.record(entry.id).end is None  # awork has not heard yet
        world.later(5)
        world.net.offline = False
        await world.commands.refresh_timer()
        return entry, away_start

    entry, away_start = run(go())
    assert world.record(entry.id).end == away_start
    assert world.open_records() == 1 and world.store.state.pending == 0


def test_the_stop_stands_when_awork_refuses_the_earlier_end(tmp_path):
    world = SimWorld(tmp_path)
    warnings = []
    world.store.subscribe_notices(lambda notice: notice.warning and warnings.append(notice.text))

    async def go():
        entry = await world.commands.start(task=world.task("WEB-12"))
        away_start = world.later(10)
        world.later(38)

        async def refused(*_a, **_kw):
            raise PermissionDeniedError("You may not change time entries.")

        world.commands.client.update_entry = refused
        await world.commands.discard_away(entry.id, away_start)
        return entry

    entry = run(go())
    assert world.record(entry.id).end is not None and world.store.state.timer is TimerState.IDLE
    assert any("did not take the earlier end" in w for w in warnings)


def test_nothing_changes_when_the_timer_changed_meanwhile(tmp_path):
    world = SimWorld(tmp_path)

    async def go():
        entry = await world.commands.start(task=world.task("WEB-12"))
        away_start = world.later(10)
        await world.commands.pause()
        with pytest.raises(LookupError):
            await world.commands.discard_away(entry.id, away_start)
        return entry

    entry = run(go())
    assert world.record(entry.id).end is None
