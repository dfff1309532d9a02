"""Edits and discards in the offline queue on disk: kept whole across a restart, and a file an
earlier version wrote (starts, pauses, stops only) reads as before."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from tray_app.core.outbox import Outbox, Pending
from tray_app.domain.actions import EntryChange, QueuedEdit, TimerAction
from tray_app.domain.entities import Project, Task, TypeOfWork

AT = datetime(2024, 5, 6, 9, 0, tzinfo=timezone.utc)


def test_edits_and_discards_survive_a_restart(tmp_path):
    path = tmp_path / "outbox.json"
    change = EntryChange(note="", type_of_work=TypeOfWork("w2", "Code"),
                         task=Task("t2", "Login", key="APP-2", project=Project("p2", "App"), type_of_work_id="w2"),
                         is_billable=False, start=datetime(2024, 5, 6, 8, 47, tzinfo=timezone.utc))
    box = Outbox(path)
    box.append(Pending(TimerAction.EDIT, AT, edit=QueuedEdit("e1", change)), None)
    box.append(Pending(TimerAction.DISCARD, AT, edit=QueuedEdit("pending")), None)
    again = Outbox(path).items()
    assert [i.action for i in again] == [TimerAction.EDIT, TimerAction.DISCARD]
    assert again[0].edit == QueuedEdit("e1", change) and again[1].edit == QueuedEdit("pending")
    assert Outbox(path).damaged is None


def test_an_edit_without_its_entry_is_kept_aside_and_costs_nothing_else(tmp_path):
    path = tmp_path / "outbox.json"
    path.write_text(json.dumps({"items": [
        {"kind": "edit", "at": AT.isoformat(), "form": None, "label": "", "id": "a"},
        {"kind": "edit", "at": AT.isoformat(), "form": None, "label": "", "id": "b",
         "edit": {"entry_id": "e1", "change": {"is_billable": "yes"}}},
        {"kind": "stop", "at": AT.isoformat(), "form": None, "label": "", "id": "c"},
    ]}))
    box = Outbox(path)
    assert [i.id for i in box.items()] == ["c"] and box.damaged is not None


def test_a_queue_an_earlier_version_wrote_reads_as_before(tmp_path):
    path = tmp_path / "outbox.json"
    path.write_text(json.dumps({"items": [
        {"kind": "pause", "at": AT.isoformat(), "form": None, "label": "", "id": "p", "local_time": False},
    ], "baseline": None, "sending": None}))
    (item,) = Outbox(path).items()
    assert item.action is TimerAction.PAUSE and item.edit is None
