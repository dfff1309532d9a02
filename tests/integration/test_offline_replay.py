"""The offline queue: nothing lost, nothing applied twice, at most one timer, across outages,
lost replies, changes made elsewhere, and processes killed part-way."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tray_app.api.errors import ApiError
from tray_app.api.parse import task as parse_task
from tray_app.core.outbox import Outbox
from tray_app.core.sync import SyncLoop
from tray_app.domain.timer import TimerState, timer_state

from helpers.fake_awork.simulated import FaultyTransport, RealClock, SimClock, sim_backend, sim_commands

TESTS = Path(__file__).resolve().parents[1]
CHILD = Path(__file__).with_name("offline_child.py")


# -- property: sequences of actions, outages, faults and changes elsewhere --------------------------

USER = st.tuples(st.just("act"), st.sampled_from(["start", "pause", "resume", "stop"]))
ELSEWHERE = st.tuples(st.just("elsewhere"), st.sampled_from(["start", "pause", "resume", "stop"]))
TIME = st.tuples(st.just("time"), st.sampled_from([5, 30, 90, 600]))
SYNC = st.tuples(st.just("sync"), st.none())
# A fault hits the next request, or a coming timer action (often one being replayed: `after`
# lets that many through first).
FAULT = st.tuples(st.just("net"), st.tuples(st.sampled_from(["503", "lost", "timeout", "malformed"]),
                                            st.sampled_from([None, "me/timetracking/"]), st.integers(0, 2)))


@st.composite
def outage(draw) -> list:
    """The network goes, the user (and maybe another device) acts, it comes back, with faults."""
    steps = [("net", "down"), *draw(st.lists(st.one_of(USER, USER, USER, ELSEWHERE, TIME), min_size=1, max_size=6))]
    steps.append(("net", "up"))
    for _ in range(draw(st.integers(0, 2))):
        steps += [draw(FAULT), ("sync", None)]
    return [*steps, ("sync", None)]


ONLINE = st.one_of(USER, ELSEWHERE, TIME, SYNC, FAULT).map(lambda step: [step])
STEPS = st.lists(st.one_of(ONLINE, outage()), min_size=1, max_size=8).map(lambda groups: [s for g in groups for s in g])


class World:
    def __init__(self, folder: Path):
        self.clock = SimClock()
        self.backend = sim_backend(self.clock)
        self.net = FaultyTransport(self.backend, self.clock)
        self.commands = sim_commands(self.net, self.clock, folder / "outbox.json")
        self.sync = SyncLoop(self.commands, wall=self.clock.wall, monotonic=self.clock.monotonic, jitter=lambda: 0.5)
        self.tasks = [parse_task(t) for t in self.backend.ws.tasks]
        self.notes: list[str] = []  # one per start the user made and awork did not refuse at once
        self.elsewhere = 0
        self.notices: list[str] = []  # what the user was told (errors apart)
        self.commands.store.subscribe_notices(lambda notice: notice.warning or self.notices.append(notice.text))

    def open_records(self) -> int:
        return sum(1 for r in self.backend.ws.entries if r.end is None)

    async def act(self, kind: str) -> None:
        note = f"n{len(self.notes)}"
        try:
            if kind == "start":
                # consecutive starts differ in task, as a restart of the same one is merged on purpose
                await self.commands.start(task=self.tasks[len(self.notes) % 6], note=note)
            else:
                await getattr(self.commands, kind)()
        except ApiError:
            return  # refused at once and shown to the user (429, garbled reply): not queued
        if kind == "start":
            self.notes.append(note)

    def elsewhere_change(self, action: str) -> None:
        last = self.backend.running()
        state = "idle" if last is None else "paused" if last.breaks and last.breaks[-1][1] is None else "running"
        if action == "start":
            extra = self.backend.ws.tasks[6]  # a task the user never starts here
            self.backend.start_elsewhere(extra["typeOfWorkId"], extra["id"])
        elif (action, state) in (("pause", "running"), ("resume", "paused"), ("stop", "running"), ("stop", "paused")):
            self.backend.change_elsewhere(action)
        else:
            return
        self.elsewhere += 1

    async def step(self, what: str, arg) -> None:
        if what == "act":
            await self.act(arg)
        elif what == "net":
            if isinstance(arg, tuple):
                self.net.arm("status" if arg[0] == "503" else arg[0], arg[1], arg=503, after=arg[2])
            else:
                self.net.offline = arg == "down"
        elif what == "elsewhere":
            self.elsewhere_change(arg)
        elif what == "time":
            self.clock.advance(arg)
        else:
            await self.sync.sync_once()
        self.clock.advance(1)

    async def settle(self) -> None:
        """The network is back for good: sync until the queue is empty."""
        self.net.offline, self.net.faults = False, []
        for _ in range(5):
            self.clock.advance(120)  # past any backoff or rate-limit wait
            await self.sync.sync_once()
            if not len(self.commands.outbox):
                break
        await self.sync.sync_once()


async def play(steps, folder: Path) -> World:
    world = World(folder)
    await world.sync.sync_once()
    for what, arg in steps:
        await world.step(what, arg)
        assert world.open_records() <= 1, "two timers run in awork"
    await world.settle()
    return world


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(STEPS)
def test_offline_queue_loses_nothing_and_applies_nothing_twice(steps):
    with tempfile.TemporaryDirectory() as folder:
        world = asyncio.run(play(steps, Path(folder)))
        state = world.commands.store.state
        # Everything queued reached awork (or was dropped with a notice), and the app shows awork's truth.
        assert len(world.commands.outbox) == 0 and state.pending == 0 and not state.offline
        # awork's timer where one runs (even behind a later-starting entry), else its last entry.
        last = world.backend.running() or world.backend.last()
        assert (state.entry.id if state.entry else None) == (last.id if last else None)
        assert state.timer is timer_state(world.commands.server_entry)
        assert world.open_records() <= 1
        by_note = [r.note for r in world.backend.ws.entries if r.note in world.notes]
        assert len(by_note) == len(set(by_note)), "a start was applied twice"
        missing = len(world.notes) - len(by_note)
        dropped = sum(1 for n in world.notices if "offline start" in n)
        assert missing <= dropped, "a start was lost without a word"
        pauses = sum(1 for what, arg in steps if arg == "pause")
        assert sum(len(r.breaks) for r in world.backend.ws.entries) <= pauses, "a pause was applied twice"
        if world.elsewhere == 0:
            # Nothing changed elsewhere, so no action may be dropped as "older than a change there"
            # (our own replayed or lost-reply actions must not look like one).
            assert not [n for n in world.notices if "was not sent" in n]


# -- the same over real sockets: stop while offline, and the end time that arrives ---------------


def _stop_offline(qloop, rig, server, minutes_offline: float) -> datetime:
    run = qloop.run_until_complete
    run(rig.commands.start(task=rig.task_a))
    rig.clock.advance(25 * 60)
    server.stop()
    pressed = rig.clock.now()
    run(rig.commands.stop())
    state = rig.store.state
    assert state.pending == 1 and state.offline and state.timer is TimerState.IDLE and state.entry.end == pressed
    assert Outbox(rig.commands.outbox.path).items()[0].at == pressed  # on disk at once
    run(rig.sync.sync_once())  # still offline: retried later
    rig.clock.advance(minutes_offline * 60)
    server.start()
    run(rig.sync.sync_once())
    assert rig.store.state.pending == 0 and not rig.store.state.offline
    return pressed


def test_a_stop_made_offline_arrives_corrected_to_when_it_was_pressed(qloop, rig, fake_awork):
    pressed = _stop_offline(qloop, rig, fake_awork, minutes_offline=12)
    put = fake_awork.requests.of("PUT")
    assert len(put) == 1 and put[0].path == f"timeentries/{rig.store.state.entry.id}"
    assert (put[0].body["endDateUtc"], put[0].body["endTimeUtc"]) == (
        pressed.strftime("%Y-%m-%dT00:00:00Z"), pressed.strftime("%H:%M:%S"))
    assert fake_awork.backend.last().end == pressed and rig.store.state.entry.end == pressed
    assert any(n.startswith("Corrected in awork: Sitemap entwerfen ends at") for n in rig.notices)


def test_a_stop_back_within_a_minute_needs_no_correction(qloop, rig, fake_awork):
    pressed = _stop_offline(qloop, rig, fake_awork, minutes_offline=0.5)
    assert not fake_awork.requests.of("PUT")
    assert timedelta(0) <= fake_awork.backend.last().end - pressed <= timedelta(minutes=1)


# -- killed processes ------------------------------------------------------------------------------


def _child(mode: str, outbox: Path, url: str, task: dict) -> int:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(TESTS.parent), str(TESTS)]))
    done = subprocess.run([sys.executable, str(CHILD), mode, str(outbox), url, json.dumps(task)],
                          env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 9, done.stderr
    return done.returncode


def _fresh_core(qloop, outbox: Path, url: str):
    """A new process's core, on real time (two processes share no simulated clock)."""
    return sim_commands(None, RealClock(), outbox, base_url=url, token="test-token")


def test_queue_survives_a_kill_and_a_new_process_replays_it(qloop, fake_awork, tmp_path):
    outbox = tmp_path / "outbox.json"
    task = fake_awork.backend.ws.tasks[0]
    fake_awork.stop()
    _child("queue-then-die", outbox, fake_awork.url, task)
    assert [i.action.value for i in Outbox(outbox).items()] == ["start", "stop"]
    fake_awork.start()
    commands = _fresh_core(qloop, outbox, fake_awork.url)
    assert commands.store.state.pending == 2
    try:
        qloop.run_until_complete(commands.refresh_timer())
    finally:
        qloop.run_until_complete(commands.client.aclose())
    mine = [r for r in fake_awork.backend.ws.entries if r.note == "crash test"]
    assert len(mine) == 1 and mine[0].end is not None and mine[0].task_id == task["id"]
    assert len(Outbox(outbox)) == 0 and commands.store.state.pending == 0


def test_replay_killed_after_awork_applied_an_action_does_not_apply_it_twice(qloop, fake_awork, tmp_path):
    run = qloop.run_until_complete
    outbox = tmp_path / "outbox.json"
    task = parse_task(fake_awork.backend.ws.tasks[0])
    fake_awork.stop()
    commands = _fresh_core(qloop, outbox, fake_awork.url)
    run(commands.start(task=task, note="twice?"))
    run(commands.pause())
    run(commands.stop())
    run(commands.client.aclose())
    assert len(Outbox(outbox)) == 3
    fake_awork.start()
    _child("die-after-apply", outbox, fake_awork.url, {})
    assert len(fake_awork.requests.of("POST", "me/timetracking/start")) == 1
    assert Outbox(outbox).sending is not None  # the mark of an action that may have arrived
    commands = _fresh_core(qloop, outbox, fake_awork.url)
    notices = []
    commands.store.subscribe_notices(lambda notice: notices.append(notice.text))
    try:
        run(commands.refresh_timer())
    finally:
        run(commands.client.aclose())
    mine = [r for r in fake_awork.backend.ws.entries if r.note == "twice?"]
    assert len(mine) == 1, "the start was applied twice"
    assert len(fake_awork.requests.of("POST", "me/timetracking/start")) == 1
    # ... and what was queued behind it is not lost either.
    assert mine[0].end is not None and len(mine[0].breaks) == 1
    assert len(Outbox(outbox)) == 0 and not [n for n in notices if "was not sent" in n]
