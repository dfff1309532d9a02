"""Steps the offline scenarios on a simulated awork (helpers/fake_awork/simulated.py) share: a
stop made while the network is gone, and the network coming back."""

from __future__ import annotations

from datetime import datetime

from tray_app.domain.entities import Task, TimeEntry

from helpers.fake_awork.simulated import SimWorld


async def stop_offline(world: SimWorld, task: Task, minutes: float) -> tuple[TimeEntry, datetime]:
    """Start on `task` while awork answers, lose the network, stop `minutes` later (the stop waits
    in the queue). Returns the entry and awork's time when Stop was pressed."""
    entry = await world.commands.start(task=task)
    world.net.offline = True
    pressed = world.later(minutes)
    await world.commands.stop()
    return entry, pressed


async def back_online(world: SimWorld, minutes: float) -> None:
    """`minutes` later the network is back; the next look at the timer sends what waited."""
    world.later(minutes)
    world.net.offline = False
    await world.commands.refresh_timer()
