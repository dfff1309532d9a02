"""Closing the core ends what it started: at quit nothing of it is left pending on the loop (a read
left behind was destroyed with the loop: "Task was destroyed but it is pending!")."""

from __future__ import annotations

import asyncio

import httpx

from tray_app.composition import build_core
from tray_app.config import Config

from helpers.loop_leftovers import describe, end_leftovers, pending_tasks


def test_closing_the_core_ends_a_project_s_types_read_still_in_flight(qloop, tmp_path):
    asked = asyncio.Event()

    async def never_answers(request: httpx.Request) -> httpx.Response:
        asked.set()
        await asyncio.Event().wait()  # awork is slow: the read is in flight at quit
        raise AssertionError("not reached")

    config = Config("https://api.awork.com/api/v1", "test-token", tmp_path, tmp_path / "cache", tmp_path / "logs")
    core = build_core(config, transport=httpx.MockTransport(never_answers), use_cache=False)
    before = set(pending_tasks(qloop))
    # The popover asks which types of work a project allows; at quit the tray's controller
    # cancels its own task first (TrayController.shutdown), then closes the core.
    wanted = qloop.create_task(core.commands.project_types_wanted("p1"))
    qloop.run_until_complete(asyncio.wait_for(asked.wait(), 5))
    wanted.cancel()
    qloop.run_until_complete(asyncio.gather(wanted, return_exceptions=True))
    qloop.run_until_complete(core.aclose())
    left = [describe(task) for task in pending_tasks(qloop) if task not in before]
    end_leftovers(qloop)  # (the shared loop goes on to the next test clean)
    assert left == [], "the core's close left these running"
