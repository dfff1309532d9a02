"""The offline queue on disk, and the Replayer's edge cases against the in-process fake awork."""

from __future__ import annotations

import asyncio
import json
import os
import stat
from datetime import datetime, timedelta, timezone

import pytest

from tray_app.api.errors import ApiError
from tray_app.api.parse import task as parse_task
from tray_app.core.outbox import NotQueued, Outbox, Pending
from tray_app.domain.actions import QueuedStart, TimerAction
from tray_app.domain.changes import Fingerprint
from tray_app.domain.entities import Project, StartRequest, Task, TypeOfWork
from tray_app.domain.timer import TimerState
from tray_app.storage import damaged_copies

from helpers.fake_awork.simulated import FaultyTransport, SimClock, sim_backend, sim_commands
from helpers.unwritable import full_folder

T0 = datetime(2024, 5, 6, 7, 0, tzinfo=timezone.utc)
BASE = Fingerprint("e1", "2024-05-06T07:00:00+00:00", "running", 0)
START, PAUSE, RESUME, STOP = TimerAction.START, TimerAction.PAUSE, TimerAction.RESUME, TimerAction.STOP


def a_start(name: str = "Sitemap entwerfen", **request) -> QueuedStart:
    project = Project("p1", "Website Relaunch", "WEB")
    return QueuedStart(StartRequest("w", "Europe/Berlin", task_id="t1", project_id="p1", **request),
                       Task("t1", name, "WEB-1", project, "w"), TypeOfWork("w", "Design"), project)


# -- persistence -------------------------------------------------------------------------------


def test_queue_survives_a_reload_in_order_with_its_baseline(tmp_path):
    path = tmp_path / "cfg" / "outbox.json"
    box = Outbox(path)
    start = Pending(START, T0, a_start())
    box.append(start, BASE)
    box.append(Pending(STOP, T0 + timedelta(minutes=5)), ("ignored",))  # the first action's baseline counts
    again = Outbox(path)
    assert again.items() == box.items() and [i.action for i in again.items()] == [START, STOP]
    assert again.baseline == BASE and again.items()[0].at == T0 and again.items()[0].label == "Sitemap entwerfen"


def test_file_is_private_and_written_atomically(tmp_path):
    path = tmp_path / "cfg" / "outbox.json"
    Outbox(path).append(Pending(STOP, T0), BASE)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["outbox.json"]  # no temporary file left


def test_a_failed_write_keeps_the_previous_file(tmp_path, monkeypatch):
    path = tmp_path / "outbox.json"
    box = Outbox(path)
    box.append(Pending(PAUSE, T0), BASE)
    before = path.read_bytes()

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(NotQueued):
        box.append(Pending(RESUME, T0), BASE)
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["outbox.json"]
    assert [i.action for i in box.items()] == [PAUSE]  # refused: never sent later either


def test_on_a_really_full_disk_an_action_is_refused_never_sent_later(tmp_path, monkeypatch):
    folder = tmp_path / "cfg"
    first = Pending(PAUSE, T0)
    with full_folder(folder, monkeypatch, prepare=lambda p: Outbox(p / "outbox.json").append(first, BASE)) as place:
        box = Outbox(place.path / "outbox.json")
        with pytest.raises(NotQueued) as refused:
            box.append(Pending(START, T0, a_start("x" * 200_000)), BASE)
        assert "not done" in refused.value.user_message
        assert box.items() == [first] and Outbox(box.path).items() == [first]


def test_removing_rebases_and_the_last_removal_clears(tmp_path):
    box = Outbox(tmp_path / "outbox.json")
    a, b = Pending(PAUSE, T0), Pending(RESUME, T0 + timedelta(seconds=1))
    box.append(a, BASE)
    box.append(b, BASE)
    box.mark_sending(a.id)
    box.remove(a.id, baseline=("e1", "later", "paused", 1))
    assert box.baseline == ("e1", "later", "paused", 1) and box.sending is None
    box.mark_sending(b.id)
    assert Outbox(box.path).sending == b.id  # a crash now leaves the mark on disk
    box.remove(b.id, baseline=("x",))
    assert len(box) == 0 and box.baseline is None
    assert json.loads(box.path.read_text()) == {"items": [], "baseline": None, "sending": None}


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"[1, 2]", b"null", b'{"items": {"kind": "stop"}}', b"\xff\xfe", b'{"items": [{"kind": "st'],
    ids=["garbage", "a-list", "null", "items-not-a-list", "not-utf8", "truncated"],
)
def test_an_unreadable_file_is_kept_aside_and_the_queue_starts_empty(tmp_path, content):
    path = tmp_path / "outbox.json"
    path.write_bytes(content)
    box = Outbox(path)
    assert len(box) == 0 and box.baseline is None
    assert box.damaged is not None and box.damaged.read_bytes() == content
    assert damaged_copies(path) == [box.damaged]
    box.append(Pending(STOP, T0), BASE)
    assert len(Outbox(path)) == 1


GOOD = {"kind": "pause", "at": "2024-05-06T07:00:00+00:00", "id": "good-1"}
LATER = {"kind": "stop", "at": "2024-05-06T07:05:00+00:00", "id": "good-2"}


@pytest.mark.parametrize(
    "bad",
    [{"kind": "explode", "at": "2024-05-06T07:00:00Z", "id": "x"}, {"kind": "stop", "at": "yesterday", "id": "x"},
     {"kind": "stop"}, None, "stop", [1], {"kind": "start", "at": "2024-05-06T07:00:00Z", "id": 5},
     {"kind": "start", "at": "2024-05-06T07:00:00Z", "id": "x", "form": "typeOfWorkId"},
     {"kind": "stop", "at": "2024-05-06T07:00:00Z", "id": "x", "label": 7},
     {"kind": "start", "at": "2024-05-06T07:00:00Z", "id": "x", "form": {"typeOfWorkId": "w"}},
     {"kind": "start", "at": "2024-05-06T07:00:00Z", "id": "x"},
     {"kind": "start", "at": "2024-05-06T07:00:00Z", "id": "x",
      "form": {"typeOfWorkId": "w", "timezone": "Europe/Berlin", "taskId": 5}}],
    ids=["unknown-kind", "bad-time", "no-time", "null", "text", "list", "id-not-text", "form-not-object", "label-not-text",
         "start-without-zone", "start-without-form", "task-id-not-text"],
)
def test_one_bad_action_keeps_every_readable_one(tmp_path, bad):
    path = tmp_path / "outbox.json"
    content = json.dumps({"items": [GOOD, bad, LATER], "baseline": list(BASE), "sending": None}).encode()
    path.write_bytes(content)
    box = Outbox(path)
    assert [i.id for i in box.items()] == ["good-1", "good-2"] and box.baseline == BASE
    assert box.damaged.read_bytes() == content  # the unreadable action stays readable for a person
    assert [i.id for i in Outbox(path).items()] == ["good-1", "good-2"]  # the repaired queue is on disk
    assert Outbox(path).damaged is None


def test_every_damaged_copy_is_kept(tmp_path):
    path = tmp_path / "outbox.json"
    kept = []
    for content in (b"{first", b"{second"):
        path.write_bytes(content)
        kept.append(Outbox(path).damaged)
    assert [p.read_bytes() for p in kept] == [b"{first", b"{second"] and damaged_copies(path) == kept


@pytest.mark.parametrize("baseline", [["e1", None, "flying", 0], ["e1", None, "running", "2"]], ids=["state", "breaks"])
def test_a_mistyped_baseline_is_damage_not_a_crash_later(tmp_path, baseline):
    path = tmp_path / "outbox.json"
    path.write_text(json.dumps({"items": [GOOD], "baseline": baseline, "sending": None}))
    box = Outbox(path)
    assert [i.id for i in box.items()] == ["good-1"] and box.baseline is None and box.damaged is not None


def test_a_damaged_baseline_or_mark_keeps_the_actions(tmp_path):
    path = tmp_path / "outbox.json"
    path.write_text(json.dumps({"items": [GOOD], "baseline": "e1", "sending": 5}))
    box = Outbox(path)
    assert [i.id for i in box.items()] == ["good-1"] and box.baseline is None and box.sending is None
    assert box.damaged is not None


def test_memory_only_queue_writes_nothing(tmp_path):
    box = Outbox(None)
    box.append(Pending(STOP, T0), BASE)
    box.clear()
    assert len(box) == 0 and list(tmp_path.iterdir()) == []


def test_pending_keeps_the_moment_through_json():
    later = datetime(2024, 5, 6, 9, 30, 15, 123456, tzinfo=timezone(timedelta(hours=2)))
    item = Pending(START, later, a_start())
    assert Pending.from_json(json.loads(json.dumps(item.to_json()))) == item


def test_a_queued_start_keeps_its_request_and_what_it_is_about(tmp_path):
    path = tmp_path / "outbox.json"
    start = a_start(note="Skizze", is_billable=False)
    Outbox(path).append(Pending(START, T0, start), BASE)
    again = Outbox(path).items()[0]
    assert again.start == start and again.start.task.project.name == "Website Relaunch" and again.label == start.task.name
    # awork's form is on disk as awork takes it: the format earlier versions read
    raw = json.loads(path.read_text())["items"][0]
    assert raw["kind"] == "start" and raw["label"] == "Sitemap entwerfen"
    assert raw["form"] == {"typeOfWorkId": "w", "timezone": "Europe/Berlin", "taskId": "t1", "projectId": "p1",
                           "note": "Skizze", "isBillable": False}


# What the version before typed actions wrote (kind, form, label; no "about"): it must still load.
EARLIER = {
    "items": [
        {"kind": "start", "at": "2024-05-06T07:00:00+00:00", "form": {
            "typeOfWorkId": "w1", "timezone": "Europe/Berlin", "taskId": "t1", "projectId": "p1", "note": "Skizze",
            "isBillable": True}, "label": "Sitemap entwerfen", "id": "a1", "local_time": False},
        {"kind": "start", "at": "2024-05-06T07:10:00+00:00", "form": {"typeOfWorkId": "w2", "timezone": "UTC"},
         "label": "Meeting", "id": "a2", "local_time": True},
        {"kind": "pause", "at": "2024-05-06T07:20:00+00:00", "form": None, "label": "", "id": "a3", "local_time": False},
    ],
    "baseline": ["e1", "2024-05-06T06:00:00+00:00", "idle", 0],
    "sending": "a1",
}


def test_an_outbox_written_by_the_earlier_version_still_loads(tmp_path):
    path = tmp_path / "outbox.json"
    path.write_text(json.dumps(EARLIER))
    box = Outbox(path)
    assert box.damaged is None and box.sending == "a1"
    assert box.baseline == Fingerprint("e1", "2024-05-06T06:00:00+00:00", "idle", 0)
    first, second, third = box.items()
    assert [i.action for i in box.items()] == [START, START, PAUSE] and second.local_time
    assert first.start.request == StartRequest("w1", "Europe/Berlin", task_id="t1", project_id="p1", note="Skizze",
                                               is_billable=True)
    assert first.start.task.id == "t1" and first.start.task.name == "Sitemap entwerfen" == first.label
    assert second.start.task is None and second.start.type_of_work == TypeOfWork("w2", "Meeting")
    assert third.start is None and third.at == datetime(2024, 5, 6, 7, 20, tzinfo=timezone.utc)


def test_an_unreadable_description_of_a_start_keeps_the_start(tmp_path):
    path = tmp_path / "outbox.json"
    item = {**EARLIER["items"][0], "about": {"task": {"id": 5}}}
    path.write_text(json.dumps({"items": [item], "baseline": None, "sending": None}))
    box = Outbox(path)
    assert box.damaged is None and box.items()[0].start.task.name == "Sitemap entwerfen"


# -- the Replayer's edge cases -------------------------------------------------------------------


class Sim:
    def __init__(self, tmp_path):
        self.clock = SimClock()
        self.backend = sim_backend(self.clock)
        self.net = FaultyTransport(self.backend, self.clock)
        self.commands = sim_commands(self.net, self.clock, tmp_path / "outbox.json")
        self.store = self.commands.store
        self.notices: list[str] = []
        self.store.subscribe_notices(lambda notice: notice.warning or self.notices.append(notice.text))
        tasks = self.backend.ws.tasks
        self.task_a, self.task_b = parse_task(tasks[0]), parse_task(tasks[3])

    def record(self, task):
        return next(r for r in reversed(self.backend.ws.entries) if r.task_id == task.id)

    def later(self, minutes: float) -> datetime:
        self.clock.advance(minutes * 60)
        return self.clock.now()


def run(coro):
    return asyncio.run(coro)


@pytest.fixture
def sim(tmp_path):
    return Sim(tmp_path)


def test_start_while_another_timer_runs_offline_corrects_both_entries(sim):
    async def go():
        await sim.commands.start(task=sim.task_a)
        switched = sim.later(10)
        sim.net.offline = True
        await sim.commands.start(task=sim.task_b)
        assert sim.store.state.pending == 1 and sim.store.state.offline
        assert sim.store.state.entry.task == sim.task_b  # the intent is shown at once
        sim.later(30)
        sim.net.offline = False
        await sim.commands.refresh_timer()
        return switched

    switched = run(go())
    a, b = sim.record(sim.task_a), sim.record(sim.task_b)
    assert a.end == switched and b.start == switched and b.end is None
    assert len(sim.net.requests("PUT", "timeentries/")) == 2
    assert sum("Corrected in awork" in n for n in sim.notices) == 2
    state = sim.store.state
    assert state.pending == 0 and not state.offline and state.entry.id == b.id and state.entry.start == switched


def test_refused_correction_is_told_and_the_replay_goes_on(sim):
    async def go():
        await sim.commands.start(task=sim.task_a)
        sim.net.offline = True
        await sim.commands.stop()
        await sim.commands.start(task=sim.task_b)
        sim.later(20)
        sim.net.offline = False
        sim.net.arm("status", "timeentries/", times=3, arg=403)
        await sim.commands.refresh_timer()

    run(go())
    assert sim.record(sim.task_a).end == sim.clock.now()  # uncorrected, as awork recorded it
    assert sim.record(sim.task_b).end is None
    refused = [n for n in sim.notices if "correcting the" in n and "failed" in n]
    assert (len(refused) == 2 and "(403 Forbidden)" in refused[0]) or "blocked" in refused[0]
    assert sim.store.state.pending == 0 and sim.store.state.timer is TimerState.RUNNING


def test_a_400_on_a_replayed_action_drops_it_with_a_notice(sim):
    async def go():
        await sim.commands.start(task=sim.task_a)
        sim.net.offline = True
        await sim.commands.start(task=sim.task_b)
        await sim.commands.pause()
        sim.later(2)
        sim.net.offline = False
        sim.net.arm("status", "me/timetracking/start", arg=400)
        await sim.commands.refresh_timer()

    run(go())
    assert [n for n in sim.notices if n.startswith("awork did not accept your offline start")]
    assert len(sim.net.requests("POST", "timetracking/start")) == 1  # A online; B refused by a fault
    assert sim.backend.last().task_id == sim.task_a.id
    # The pause behind it still reaches awork: it pauses what runs there.
    assert sim.store.state.timer is TimerState.PAUSED and sim.store.state.pending == 0


def test_a_lost_reply_during_replay_neither_repeats_nor_drops(sim):
    async def go():
        await sim.commands.start(task=sim.task_a)
        sim.net.offline = True
        stopped = sim.later(5)
        await sim.commands.stop()
        sim.later(1)
        await sim.commands.start(task=sim.task_b)
        sim.later(30)
        sim.net.offline = False
        sim.net.arm("lost", "me/timetracking/stop")  # awork stops it, the reply never comes
        with pytest.raises(ApiError):  # awork still out of reach: the queue stays
            await sim.commands.refresh_timer()
        assert sim.store.state.pending == 2
        await sim.commands.refresh_timer()
        return stopped

    stopped = run(go())
    assert len(sim.net.requests("POST", "timetracking/stop")) == 1
    assert len(sim.net.requests("POST", "timetracking/start")) == 2
    assert sim.record(sim.task_a).end == stopped  # the missed correction is made after all
    assert sim.record(sim.task_b).end is None and sim.store.state.pending == 0
    assert not [n for n in sim.notices if "was not sent" in n]


def test_a_503_halfway_keeps_the_rest_for_later(sim):
    async def go():
        await sim.commands.start(task=sim.task_a)
        sim.net.offline = True
        await sim.commands.pause()
        sim.later(1)
        await sim.commands.resume()
        sim.later(1)
        await sim.commands.stop()
        sim.net.offline = False
        sim.net.arm("status", "me/timetracking/resume", arg=503)
        with pytest.raises(ApiError):  # awork still out of reach: the queue stays
            await sim.commands.refresh_timer()
        assert sim.store.state.pending == 2 and sim.store.state.offline
        sim.later(1)
        await sim.commands.refresh_timer()

    run(go())
    a = sim.record(sim.task_a)
    assert a.end is not None and len(a.breaks) == 1 and a.breaks[0][1] is not None
    assert not [n for n in sim.notices if "was not sent" in n]


def test_newer_change_elsewhere_wins_over_older_offline_actions(sim):
    async def go():
        await sim.commands.start(task=sim.task_a)
        sim.net.offline = True
        sim.later(1)
        await sim.commands.pause()  # older than the stop elsewhere: dropped
        sim.later(1)
        sim.backend.change_elsewhere("stop")
        sim.later(1)
        await sim.commands.start(task=sim.task_b)  # newer: applied
        sim.net.offline = False
        await sim.commands.refresh_timer()

    run(go())
    assert [n for n in sim.notices if n.startswith("Your offline pause") and "newer change wins" in n]
    assert not sim.net.requests("POST", "timetracking/pause")
    assert sim.record(sim.task_b).end is None and sim.store.state.entry.task.id == sim.task_b.id


def test_a_late_pause_says_awork_keeps_its_break_time(sim):
    async def go():
        await sim.commands.start(task=sim.task_a)
        sim.net.offline = True
        await sim.commands.pause()
        sim.later(15)
        sim.net.offline = False
        await sim.commands.refresh_timer()

    run(go())
    assert [n for n in sim.notices if "breaks cannot be changed" in n]
    assert sim.store.state.timer is TimerState.PAUSED


def test_a_pause_that_cannot_be_queued_is_refused_and_never_sent(sim, monkeypatch):
    async def go():
        await sim.commands.start(task=sim.task_a)
        sim.net.offline = True

        def full_disk(fd):
            raise OSError(28, "No space left on device")

        with monkeypatch.context() as m:
            m.setattr(os, "fsync", full_disk)
            with pytest.raises(NotQueued):
                await sim.commands.pause()
        assert sim.store.state.pending == 0 and "not done" in sim.store.state.error
        assert sim.store.state.timer is TimerState.RUNNING  # not shown as paused
        sim.later(5)
        sim.net.offline = False
        await sim.commands.refresh_timer()

    run(go())
    assert not sim.net.requests("POST", "timetracking/pause")
    assert sim.store.state.timer is TimerState.RUNNING and len(sim.commands.outbox) == 0


def test_after_a_restart_offline_the_queued_start_shows_with_its_task(tmp_path):
    sim = Sim(tmp_path)

    async def before_the_restart():
        await sim.commands.refresh_timer()
        sim.net.offline = True
        await sim.commands.start(task=sim.task_b, note="offline")
        await sim.commands.client.aclose()

    run(before_the_restart())
    assert sim.store.state.entry.task == sim.task_b and sim.store.state.pending == 1
    # The tray quits and starts again, still offline: a new core on the same outbox.
    again = sim_commands(sim.net, sim.clock, tmp_path / "outbox.json")
    state = again.store.state
    assert state.pending == 1 and state.timer is TimerState.RUNNING
    assert state.entry.task.id == sim.task_b.id and state.entry.task.name == sim.task_b.name
    assert state.entry.task.project.name == sim.task_b.project.name and state.entry.note == "offline"

    async def online_again():
        with pytest.raises(ApiError):  # awork still out of reach: the queue stays
            await again.refresh_timer()  # still offline: the intended timer stays
        assert again.store.state.entry.task.id == sim.task_b.id
        sim.net.offline = False
        await again.refresh_timer()
        await again.client.aclose()

    run(online_again())
    assert sim.record(sim.task_b).end is None and again.store.state.pending == 0
    assert again.store.state.entry.task.id == sim.task_b.id and again.store.state.entry.id != "pending"
