"""Qt for the integration tier: offscreen, and an asyncio loop run by Qt (qasync), as in the app."""

from __future__ import annotations

import asyncio
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt application exists

import pytest
import qasync

from helpers.instance_address import address  # a fixture
from helpers.loop_leftovers import end_leftovers
from helpers.sync_rig import rig, rig_factory


@pytest.fixture(scope="session")
def _session_qloop(qapp):
    loop = qasync.QEventLoop(qapp)
    yield loop
    loop.close()


@pytest.fixture
def qloop(_session_qloop):
    """qasync's QEventLoop on pytest-qt's application; run coroutines with run_until_complete.

    One loop for the whole session, as the app has one for its whole life. (A new loop per test
    segfaults under PySide6-Essentials 6.12.0: a Qt timer fires on a destroyed QObject, in
    QCoreApplication::notifyInternal2 from QTimerInfoList::activateTimers; 6.11.2 does not.)"""
    asyncio.set_event_loop(_session_qloop)
    yield _session_qloop
    left = end_leftovers(_session_qloop)  # the next test starts clean either way
    asyncio.set_event_loop(None)
    if left:
        pytest.fail(f"tasks left pending on the loop: {left}")
