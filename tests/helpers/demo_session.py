"""A TrayController on the in-process demo awork, for UI tests of flows that run through the core.

The same shape as tests/ui/test_tray_controller.py's session (no background sync: the loop runs
in pieces, see `settle`), for test modules that add their own parts to the controller.
"""

from __future__ import annotations

import asyncio
from contextlib import contextmanager

from tray_app.composition import build_core
from tray_app.config import Config
from tray_app.domain.timer import TimerState
from tray_app.ui.tray import Tray
from tray_app.ui.tray_controller import TrayController


class RecordingNotifier:
    """Stands in for the desktop's notification service: keeps each message and its actions."""

    def __init__(self):
        self.messages: list[dict] = []

    def notify(self, title, text, *, warning=True, actions=(), on_action=None):
        self.messages.append({"title": title, "text": text, "warning": warning, "actions": tuple(actions),
                              "on_action": on_action})

    def clicked(self):
        return None

    async def close(self):
        return None


def settle(loop, session, first=None, timeout: float = 10.0) -> None:
    """Run the loop through `first` (a coroutine) and then until every command the session spawned
    is done (qasync's run_until_complete must never return while one is pending)."""

    async def drain():
        if first is not None:
            await first
        while session._tasks:
            await asyncio.gather(*list(session._tasks), return_exceptions=True)

    loop.run_until_complete(asyncio.wait_for(drain(), timeout))


@contextmanager
def demo_session(qtbot, loop, tmp_path, *, idle: bool = True):
    """A started TrayController with a RecordingNotifier; idle (the demo's timer stopped) by default."""
    config = Config("https://api.awork.com/api/v1", None, tmp_path, tmp_path / "cache", tmp_path / "logs")
    core = build_core(config, demo=True)
    core.sync = None
    tray = Tray()
    tray.notifier = RecordingNotifier()
    session = TrayController(core, tray, lambda: None)
    qtbot.addWidget(session.popover)
    settle(loop, session, session.start())
    if idle and core.store.state.timer is not TimerState.IDLE:
        settle(loop, session, session.commands.stop())
    try:
        yield session
    finally:
        loop.run_until_complete(session.shutdown())
        loop.run_until_complete(core.aclose())
        tray.menu.deleteLater()
