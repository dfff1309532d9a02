"""Editing an entry changes only what we mean to change: PUT replaces the entry, so a time
correction sends back everything else of it; a start says whether its time is billable."""

from __future__ import annotations

import asyncio
import json

import pytest

from helpers.fake_awork.simulated import SimWorld


def run(coro):
    return asyncio.run(coro)


@pytest.fixture
def world(tmp_path):
    return SimWorld(tmp_path)


def test_a_start_books_billable_as_its_project_says(world):
    billable, internal = world.task("WEB-12"), world.task("MKT-10")

    async def go():
        first = await world.commands.start(task=billable)
        second = await world.commands.start(task=internal)
        return first, second

    first, second = run(go())
    assert world.record(first.id).is_billable is True and first.is_billable is True
    assert world.record(second.id).is_billable is False


def test_correcting_a_start_keeps_the_entry_billable_billed_and_its_note(world):
    task = world.task("WEB-12")

    async def go():
        await world.commands.refresh_timer()
        world.net.offline = True
        pressed = world.later(0)
        await world.commands.start(task=task, note="Header und Footer")
        world.later(20)
        world.net.offline = False
        await world.commands.refresh_timer()
        return pressed

    pressed = run(go())
    record = world.backend.running()
    assert record.start == pressed  # corrected: awork got the start 20 minutes late
    puts = world.net.requests("PUT", "timeentries/")
    assert len(puts) == 1
    assert record.is_billable is True and record.note == "Header und Footer" and record.task_id == task.id


def test_a_correction_sends_back_what_was_billed(world):
    """An entry billed in the meantime stays billed: the PUT carries isBilled as awork had it."""
    task = world.task("APP-10")

    async def go():
        entry = await world.commands.start(task=task)
        world.net.offline = True
        world.later(5)
        await world.commands.stop()
        world.backend.edit_elsewhere(world.record(entry.id), is_billed=True)
        world.later(30)
        world.net.offline = False
        await world.commands.refresh_timer()
        return entry

    entry = run(go())
    record = world.record(entry.id)
    assert len(world.net.requests("PUT", "timeentries/")) == 1  # the stop came 30 min late: corrected
    assert record.is_billed is True and record.is_billable is True


@pytest.mark.parametrize("key, billable", [("WEB-13", False), ("MKT-12", True)])
def test_continue_repeats_the_last_entry_s_billable(world, key, billable):
    """Not the project's default: what the user made of the last entry."""
    task = world.task(key)

    async def go():
        entry = await world.commands.start(task=task)
        world.later(10)
        await world.commands.stop()
        world.backend.edit_elsewhere(world.record(entry.id), is_billable=billable)  # in the web app
        world.later(1)
        return await world.commands.continue_last()

    again = run(go())
    assert again.task.id == task.id and world.record(again.id).is_billable is billable


def test_an_offline_start_keeps_its_billable_in_the_queue(world, tmp_path):
    task = world.task("MKT-11")

    async def go():
        await world.commands.refresh_timer()
        world.net.offline = True
        await world.commands.start(task=task)
        saved = json.loads((tmp_path / "outbox.json").read_text(encoding="utf-8"))
        world.later(1)
        world.net.offline = False
        await world.commands.refresh_timer()
        return saved

    saved = run(go())
    assert saved["items"][0]["form"]["isBillable"] is False
    assert world.backend.running().is_billable is False
    assert [r for r in world.net.requests("POST", "timetracking/start")]
