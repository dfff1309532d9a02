"""An entry's `updatedOn` and `resourceVersion` move when, and only when, that entry changes.

The document: resourceVersion is "the version of the entity, updated on every modification, to
the ticks in UTC"; updatedOn "the date this time tracking was last modified". The offline replay
decides "changed elsewhere" from them, so a fake that moved them on a read (or left them alone
on an edit) would test the wrong thing.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from tray_app.demo.backend import FakeAwork
from tray_app.demo.workspace import demo_workspace

from helpers.fake_awork.simulated import TOKEN, SimClock

AUTH = {"authorization": f"Bearer {TOKEN}"}
JSON = {**AUTH, "content-type": "application/json"}
TICKS_AT_UNIX_EPOCH = 621_355_968_000_000_000  # .NET ticks (100 ns since 0001-01-01) at 1970-01-01


def _fake(clock: SimClock, *, running: bool = True) -> FakeAwork:
    return FakeAwork(demo_workspace(now=clock.now() - timedelta(hours=1), running=running), token=TOKEN,
                     clock=clock.now)


def _call(fake: FakeAwork, method: str, path: str, body: dict | None = None, **query):
    reply = fake.handle(method, path, {k: str(v) for k, v in query.items()}, JSON if body is not None else AUTH,
                        json.dumps(body).encode() if body is not None else b"")
    assert reply.status < 400, reply.body
    return reply.body


def _versions(fake: FakeAwork) -> dict[str, tuple[str, int]]:
    entries = _call(fake, "GET", "timeentries", page=1, pageSize=1000)
    return {e["id"]: (e["updatedOn"], e["resourceVersion"]) for e in entries}


def _changed(before: dict, after: dict) -> set[str]:
    return {i for i in after if i not in before or before[i] != after[i]}


def _moved_forward(before: dict, after: dict, entry_id: str) -> bool:
    (old_on, old_version), (new_on, new_version) = before[entry_id], after[entry_id]
    return new_on > old_on and new_version > old_version


def test_reads_change_no_entry():
    clock = SimClock()
    fake = _fake(clock)
    before = _versions(fake)
    task = fake.ws.tasks[0]
    for method, path, query in [
        ("GET", "me", {}), ("GET", "me/timeentries/last", {}), ("GET", "typeofwork", {"pageSize": 100}),
        ("GET", "me/assignedtasks", {"pageSize": 100}), ("GET", "search", {"searchTerm": "Sitemap"}),
        ("GET", f"tasks/{task['id']}", {}), ("GET", f"tasks/key/{task['taskIdentifier']}", {}),
        ("GET", "timeentries", {"filterby": f"userId eq guid'{fake.ws.user['id']}'"}),
    ]:
        clock.advance(30)
        _call(fake, method, path, **query)
    assert _versions(fake) == before


def test_pausing_resuming_and_stopping_change_only_the_timer_s_entry_and_move_both_forward():
    clock = SimClock()
    fake = _fake(clock)
    running = _call(fake, "GET", "me/timeentries/last")["id"]
    for action in ("pause", "resume", "stop"):
        before = _versions(fake)
        clock.advance(60)
        _call(fake, "POST", f"me/timetracking/{action}")
        after = _versions(fake)
        assert _changed(before, after) == {running}, action
        assert _moved_forward(before, after, running), action


def test_what_changes_nothing_moves_nothing():
    clock = SimClock()
    fake = _fake(clock)
    _call(fake, "POST", "me/timetracking/pause")
    before = _versions(fake)
    clock.advance(60)
    _call(fake, "POST", "me/timetracking/pause")  # paused already: "nothing happens"
    assert _versions(fake) == before
    _call(fake, "POST", "me/timetracking/stop")
    before = _versions(fake)
    clock.advance(60)
    _call(fake, "POST", "me/timetracking/stop")  # nothing runs: 204
    _call(fake, "POST", "me/timetracking/resume")
    assert _versions(fake) == before


def test_a_start_changes_the_entry_it_stops_and_adds_one():
    clock = SimClock()
    fake = _fake(clock)
    running = _call(fake, "GET", "me/timeentries/last")["id"]
    before = _versions(fake)
    clock.advance(60)
    task = fake.ws.tasks[3]
    started = _call(fake, "POST", "me/timetracking/start",
                    {"typeOfWorkId": task["typeOfWorkId"], "timezone": "Europe/Berlin", "taskId": task["id"]})
    after = _versions(fake)
    assert _changed(before, after) == {running, started["id"]}
    assert _moved_forward(before, after, running)


def test_an_edit_moves_the_version_even_within_the_same_tick():
    clock = SimClock()
    fake = _fake(clock)
    entry = _call(fake, "GET", "me/timeentries/last")
    form = {"typeOfWorkId": entry["typeOfWorkId"], "timezone": entry["timezone"], "taskId": entry["taskId"],
            "projectId": entry["projectId"], "startDateUtc": entry["startDateUtc"], "startTimeUtc": "06:00:00"}
    first = _call(fake, "PUT", f"timeentries/{entry['id']}", form)
    second = _call(fake, "PUT", f"timeentries/{entry['id']}", {**form, "startTimeUtc": "06:01:00"})  # no time passed
    assert first["resourceVersion"] > entry["resourceVersion"]
    assert second["resourceVersion"] > first["resourceVersion"]
    assert first["updatedOn"] > entry["updatedOn"]


def test_changes_elsewhere_move_the_version_and_the_version_is_in_ticks():
    clock = SimClock()
    fake = _fake(clock)
    entry_id = _call(fake, "GET", "me/timeentries/last")["id"]
    before = _versions(fake)
    clock.advance(60)
    fake.change_elsewhere("pause")
    after = _versions(fake)
    assert _changed(before, after) == {entry_id} and _moved_forward(before, after, entry_id)
    updated_on, version = after[entry_id]
    moment = datetime.fromisoformat(updated_on)
    ticks = TICKS_AT_UNIX_EPOCH + round((moment - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds() * 10**7)
    assert abs(version - ticks) < 10**7  # within a second of the change, in .NET ticks
