"""A tray core that dies hard part-way (os._exit, as a kill or power loss would), for crash tests.

Run: python offline_child.py MODE OUTBOX URL TASK_JSON
  queue-then-die: start TASK and stop it while awork is unreachable (both queued), then die.
  die-after-apply: replay the queue, and die right after awork applied the first action,
                   before the outbox could forget it.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path


async def main(mode: str, outbox: str, url: str, task_json: str) -> None:
    from tray_app.api.parse import task as parse_task

    from helpers.fake_awork.simulated import RealClock, sim_commands

    commands = sim_commands(None, RealClock(), Path(outbox), base_url=url, token="test-token")
    if mode == "queue-then-die":
        await commands.start(task=parse_task(json.loads(task_json)), note="crash test")
        await commands.stop()
        if len(commands.outbox) == 2:
            os._exit(9)  # no cleanup at all
    elif mode == "die-after-apply":
        commands.outbox.remove = lambda *a, **kw: os._exit(9)
        await commands.refresh_timer()
    sys.exit(f"did not die as planned ({mode})")


if __name__ == "__main__":
    asyncio.run(main(*sys.argv[1:5]))
