"""The app's loop runs asyncio's timers (sleeps, timeouts, call_later) on QBasicTimer: in order,
cancellable, and without building PySide6's Qt namespace enums (~1 MiB) as QObject.killTimer does."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

from tray_app.qt_loop import run_until_done

ROOT = Path(__file__).resolve().parents[2]


def test_timers_fire_in_order_and_a_cancelled_one_never(qapp):
    fired = []

    async def main():
        loop = asyncio.get_running_loop()
        for delay, name in ((0.13, "third"), (0.01, "first"), (0.1, "second")):
            loop.call_later(delay, fired.append, name)
        loop.call_later(0.02, fired.append, "cancelled").cancel()
        try:
            await asyncio.wait_for(asyncio.sleep(1), 0.05)
        except TimeoutError:
            fired.append("timed out")
        await asyncio.sleep(0.15)
        return 0

    assert run_until_done(qapp, main(), on_early_stop=lambda: None) == 0
    assert fired == ["first", "timed out", "second", "third"]


PROBE = """
import asyncio, enum, gc, json
from PySide6.QtWidgets import QApplication
from tray_app.qt_loop import run_until_done
app = QApplication([])

async def main():
    for _ in range(3):
        await asyncio.sleep(0.01)
    await asyncio.wait_for(asyncio.sleep(0), 1)
    return 0

run_until_done(app, main(), on_early_stop=lambda: None)
built = [c.__qualname__ for c in gc.get_objects() if isinstance(c, type) and issubclass(c, enum.Enum)]
print(json.dumps(built))
"""


def test_the_loops_timers_build_no_qt_namespace_enums():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, timeout=60,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert out.returncode == 0, out.stderr[-2000:]
    built = json.loads(out.stdout.strip().splitlines()[-1])
    assert "Qt.Key" not in built and "Qt.TimerId" not in built
