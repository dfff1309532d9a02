"""Memory growth over many timer ticks and sync cycles, with the app's real core and widgets.

Ticking for real would take hours (10,000 ticks are 10,000 seconds), so this drives the same
code paths as fast as they go, in a separate offscreen process: the popover's clock refresh
(the per-second tick), the tray's tooltip refresh, and SyncLoop.sync_once against the in-process
fake awork (a real HTTP client, parser and store update on each cycle).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def memory_growth(ticks: int, syncs: int) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("AWORK_TRAY_TRACE", None)
    out = subprocess.run([sys.executable, str(Path(__file__)), str(ticks), str(syncs)], env=env,
                         capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        raise RuntimeError(f"the growth run failed ({out.returncode}):\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _child(ticks: int, syncs: int) -> None:
    import asyncio
    import gc
    import tempfile

    import qasync
    from PySide6.QtWidgets import QApplication

    sys.path.insert(0, str(HERE))
    from probes import rss_mib

    from tray_app.composition import build_core
    from tray_app.config import Config
    from tray_app.demo.backend import FakeAwork
    from tray_app.demo.transport import DemoTransport
    from tray_app.demo.workspace import large_workspace
    from tray_app.ui.tray import Tray
    from tray_app.ui.tray_controller import TrayController

    app = QApplication([])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    backend = FakeAwork(large_workspace(), token="t")
    tmp = Path(tempfile.mkdtemp())
    config = Config("http://fake/api/v1", "t", tmp, tmp / "cache", tmp / "logs")
    core = build_core(config, transport=DemoTransport(backend, latency=0), offline_queue=True)
    session = TrayController(core, Tray(), lambda: None)

    async def prepare():
        await core.commands.refresh_lists()
        tow = core.store.state.workload.types_of_work[0]
        await core.commands.start(type_of_work_id=tow.id)
        session.popover.open_at(None)

    loop.run_until_complete(prepare())
    pid = os.getpid()

    def cycle(n_ticks: int, n_syncs: int):
        for _ in range(n_ticks):
            session.popover.card._refresh_clock()
            session.tray._update_tooltip()
        for _ in range(n_syncs):
            loop.run_until_complete(core.sync.sync_once())
        app.processEvents()
        gc.collect()

    cycle(max(ticks // 10, 1), max(syncs // 10, 1))  # warm-up: caches and pools fill once
    before = rss_mib(pid)
    cycle(ticks, syncs)
    after = rss_mib(pid)
    print(json.dumps({"ticks": ticks, "syncs": syncs, "rss_before_mib": before, "rss_after_mib": after,
                      "growth_mib": after - before}))
    loop.run_until_complete(session.shutdown())
    loop.run_until_complete(core.aclose())
    loop.run_until_complete(loop.shutdown_default_executor())
    sys.stdout.flush()
    # The result is out; skip interpreter teardown, where Qt and the executor's threads race.
    os._exit(0)


if __name__ == "__main__":
    _child(int(sys.argv[1]), int(sys.argv[2]))
