"""The app's main coroutine finishes its shutdown even when Qt ends its own loop first (logout)."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QTimer

from tray_app.qt_loop import run_until_done


def test_a_quit_from_the_session_manager_still_runs_the_shutdown(qapp):
    quit_requested = asyncio.Event()
    qapp.aboutToQuit.connect(quit_requested.set)  # as the app does; with qasync.run this was not enough
    steps = []

    async def main():
        QTimer.singleShot(0, qapp.quit)  # what Qt does when the session manager ends the session
        await quit_requested.wait()
        for step in ("socket closed", "client closed", "icon hidden"):
            await asyncio.sleep(0)
            steps.append(step)
        return 0

    try:
        assert run_until_done(qapp, main(), on_early_stop=quit_requested.set) == 0
    finally:
        qapp.aboutToQuit.disconnect(quit_requested.set)
    assert steps == ["socket closed", "client closed", "icon hidden"]


def test_the_coroutines_own_error_is_not_swallowed(qapp):
    async def main():
        raise RuntimeError("a bug of ours")

    try:
        run_until_done(qapp, main(), on_early_stop=lambda: None)
    except RuntimeError as exc:
        assert "a bug of ours" in str(exc)
    else:
        raise AssertionError("the error was swallowed")
