"""Qt for the UI tier: offscreen, set before anything imports Qt."""

from __future__ import annotations

import asyncio
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
import qasync

from helpers.factories import demo_workload, signed_in
from helpers.loop_leftovers import end_leftovers


@pytest.fixture
def workload():
    return demo_workload()


@pytest.fixture
def popover(qtbot, workload):
    """A signed-in popover showing the demo workspace's lists, open and focused on the search."""
    from tray_app.ui.popover import Popover

    widget = Popover()
    qtbot.addWidget(widget)
    widget.render(signed_in(workload))
    widget.open_at(None)
    qtbot.waitExposed(widget)
    yield widget
    widget.hide()


@pytest.fixture
def qloop(qapp):
    """An asyncio loop on Qt's (qasync), for tests that run the core's coroutines in pieces. A task
    the test leaves pending fails it (closing the loop would destroy it, with a warning at the end
    of the run, far from here)."""
    loop = qasync.QEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    left = end_leftovers(loop)
    loop.close()
    asyncio.set_event_loop(None)
    if left:
        pytest.fail(f"tasks left pending on the loop: {left}")
