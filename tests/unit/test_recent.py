"""Recent tasks: distinct, newest first, limited, topped up with assigned open tasks."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from tray_app.domain.entities import Project, Task, TimeEntry, TypeOfWork
from tray_app.domain.recent import recent_tasks

T0 = datetime(2024, 5, 6, 9, 0, tzinfo=timezone.utc)
DESIGN = TypeOfWork("tow-design", "Design")
DEV = TypeOfWork("tow-dev", "Development")
WEB = Project("p-web", "Website")


def worked(task: Task | None, hours_ago: float, tow: TypeOfWork | None = DESIGN, project=None) -> TimeEntry:
    start = T0 - timedelta(hours=hours_ago)
    return TimeEntry(id=f"e{hours_ago}", start=start, end=start + timedelta(minutes=30),
                     task=task, type_of_work=tow, project=project)


def ids(tasks) -> list[str]:
    return [t.id for t in tasks]


def test_distinct_newest_first_regardless_of_input_order():
    a, b, c = Task("a", "A"), Task("b", "B"), Task("c", "C")
    entries = [worked(a, 5), worked(b, 1), worked(a, 0.5), worked(None, 0.1), worked(c, 3), worked(b, 9)]
    assert ids(recent_tasks(entries)) == ["a", "b", "c"]


def test_limit():
    entries = [worked(Task(str(n), str(n)), n) for n in range(20)]
    assert ids(recent_tasks(entries, limit=3)) == ["0", "1", "2"]
    assert recent_tasks(entries, limit=0) == []
    assert len(recent_tasks(entries)) == 10


def test_topped_up_with_assigned_open_tasks_not_already_listed():
    a, b = Task("a", "A"), Task("b", "B")
    assigned = [Task("a", "A again"), Task("done", "Done", is_done=True), Task("x", "X"), Task("x", "X dup"),
                Task("y", "Y"), Task("z", "Z")]
    result = recent_tasks([worked(a, 2), worked(b, 1)], assigned, limit=4)
    assert ids(result) == ["b", "a", "x", "y"]
    assert result[1].name == "A"  # the entry's version wins
    assert ids(recent_tasks([], assigned)) == ["a", "x", "y", "z"]


def test_type_of_work_and_project_filled_from_the_most_recent_entry():
    bare = Task("a", "A")
    result = recent_tasks([worked(bare, 5, DEV), worked(bare, 1, DESIGN, project=WEB)])
    assert result[0].type_of_work_id == DESIGN.id
    assert result[0].project == WEB


def test_tasks_own_type_of_work_and_project_are_kept():
    own = Task("a", "A", project=Project("p-own", "Own"), type_of_work_id=DEV.id)
    result = recent_tasks([worked(own, 1, DESIGN, project=WEB)])
    assert result[0].type_of_work_id == DEV.id
    assert result[0].project.id == "p-own"


def test_entry_without_type_of_work_leaves_it_unset():
    assert recent_tasks([worked(Task("a", "A"), 1, tow=None)])[0].type_of_work_id is None


task_ids = st.sampled_from("abcdefgh")


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(st.one_of(st.none(), task_ids), st.integers(0, 1000)), max_size=25),
    st.lists(st.tuples(task_ids, st.booleans()), max_size=10),
    st.integers(0, 12),
)
def test_properties(worked_on, assigned, limit):
    entries = [worked(Task(t, t) if t else None, h) for t, h in worked_on]
    result = recent_tasks(entries, [Task(t, t, is_done=d) for t, d in assigned], limit=limit)
    assert len(result) <= limit
    assert len(set(ids(result))) == len(result)
    from_entries = {t for t, _ in worked_on if t}
    for task in result:
        assert task.id in from_entries or any(t == task.id and not d for t, d in assigned)
    # Entries' tasks come first, in order of their latest start.
    latest = {}
    for t, h in worked_on:
        if t:
            latest[t] = min(latest.get(t, h), h)
    head = [t.id for t in result if t.id in from_entries]
    assert head == ids(result)[: len(head)]
    assert [latest[t] for t in head] == sorted(latest[t] for t in head)


CLOSED = Project("p-old", "Old fair", is_closed=True)


def test_done_tasks_and_tasks_of_closed_projects_leave_recent():
    done = Task("done", "Done", is_done=True)
    in_closed = Task("closed", "In a closed project", project=CLOSED)
    closed_by_entry = Task("closed-2", "Project only on the entry")
    open_ = Task("open", "Open", project=WEB)
    entries = [worked(done, 1), worked(in_closed, 2), worked(closed_by_entry, 3, project=CLOSED), worked(open_, 4)]
    assigned = [Task("done-2", "Done too", is_done=True), Task("closed-3", "Closed too", project=CLOSED),
                Task("x", "X")]
    assert ids(recent_tasks(entries, assigned)) == ["open", "x"]


@given(st.lists(st.tuples(st.booleans(), st.booleans(), st.floats(0, 100)), max_size=30))
@settings(max_examples=100, deadline=None)
def test_no_finished_task_is_ever_recent(specs):
    entries = [worked(Task(f"t{n}", "T", project=CLOSED if closed else WEB, is_done=done), hours)
               for n, (done, closed, hours) in enumerate(specs)]
    result = recent_tasks(entries, [e.task for e in entries])
    assert not any(t.is_finished for t in result)
    assert len(result) == min(10, sum(1 for done, closed, _ in specs if not done and not closed))
