"""awork JSON -> domain objects: lenient about extras and nulls, loud about a missing id or start."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tray_app.api import parse
from tray_app.api.errors import MalformedResponseError
from tray_app.api.v1_time import parse_datetime
from tray_app.domain.entities import Break, Project, Task, TypeOfWork

UTC = timezone.utc


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


FULL_V1 = {
    "timezone": "Europe/Berlin",
    "typeOfWorkId": "tow-1",
    "isBillable": True,
    "taskId": "task-1",
    "projectId": "proj-1",
    "note": "I created a first draft for the new sitemap",
    "startDateUtc": "2022-03-01T00:00:00Z",
    "startTimeUtc": "09:21:00",
    "endDateUtc": None,
    "endTimeUtc": None,
    "startDateLocal": "2022-03-01T00:00:00",
    "startTimeLocal": "10:21:00",
    "duration": 0,
    "breakDuration": None,
    "id": "entry-1",
    "resourceVersion": 637825154598057900,
    "typeOfWork": {"id": "tow-1", "name": "Design", "icon": "thumb_up", "isArchived": False},
    "task": {
        "id": "task-1",
        "name": "Sitemap",
        "taskIdentifier": "WEB-12",
        "typeOfWorkId": "tow-1",
        "project": {"id": "proj-1", "name": "Website", "projectKey": "WEB"},
        "taskStatus": {"type": "progress"},
    },
    "project": {"id": "proj-1", "name": "Website", "projectKey": "WEB", "company": {"name": "ACME"}},
    "breaks": [],
    "somethingNew": {"nested": [1, 2, 3]},
}


def test_full_v1_entry():
    e = parse.time_entry(FULL_V1)
    assert e.id == "entry-1"
    assert e.start == utc(2022, 3, 1, 9, 21)
    assert e.end is None
    assert e.breaks == ()
    assert e.type_of_work == TypeOfWork("tow-1", "Design", "thumb_up", False)
    assert e.task == Task("task-1", "Sitemap", "WEB-12", Project("proj-1", "Website", "WEB"), "tow-1", False)
    assert e.project == Project("proj-1", "Website", "WEB")
    assert e.note.startswith("I created")
    assert e.timezone == "Europe/Berlin"


def test_minimal_entry_with_nulls_and_missing_objects():
    e = parse.time_entry(
        {"id": "e", "startDateUtc": "2022-03-01T00:00:00Z", "startTimeUtc": "09:21:00",
         "task": None, "project": None, "typeOfWork": None, "breaks": None, "note": None, "timezone": None}
    )
    assert (e.task, e.project, e.type_of_work, e.note, e.timezone, e.breaks) == (None, None, None, None, None, ())


def test_ids_without_embedded_objects_become_stubs():
    e = parse.time_entry({"id": "e", "startDate": "2024-01-01T08:00:00Z", "taskId": "t", "projectId": "p",
                          "typeOfWorkId": "w", "task": {}, "project": {"name": "no id"}})
    assert e.task == Task("t", "")
    assert e.project == Project("p", "")
    assert e.type_of_work == TypeOfWork("w", "")


@pytest.mark.parametrize(
    "data",
    [
        {"startDateUtc": "2022-03-01T00:00:00Z", "startTimeUtc": "09:21:00"},
        {"id": None, "startDate": "2022-03-01T09:21:00Z"},
        {"id": "", "startDate": "2022-03-01T09:21:00Z"},
        {"id": 42, "startDate": "2022-03-01T09:21:00Z"},
        {"id": "e"},
        {"id": "e", "startDateUtc": None, "startTimeUtc": "09:21:00"},
        {"id": "e", "startDate": None},
        {"id": "e", "startDateUtc": "yesterday", "startTimeUtc": "09:21:00"},
        {"id": "e", "startDateUtc": "2022-03-01T00:00:00Z", "startTimeUtc": "quarter past nine"},
        {"id": "e", "startDate": "2022-03-01T09:21:00Z", "breaks": [{"startDate": "soon"}]},
        None,
        [],
        "entry",
    ],
)
def test_entry_without_id_or_readable_start_is_loud(data):
    with pytest.raises(MalformedResponseError):
        parse.time_entry(data)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2026-09-28T07:09:28.3515950Z", utc(2026, 9, 28, 7, 9, 28, 351595)),
        ("2026-09-28T07:09:28.9999999Z", utc(2026, 9, 28, 7, 9, 28, 999999)),  # truncated, not rounded
        ("2026-09-28T07:09:28.1Z", utc(2026, 9, 28, 7, 9, 28, 100000)),
        ("2026-09-28T07:09:28Z", utc(2026, 9, 28, 7, 9, 28)),
        ("2026-09-28t07:09:28z", utc(2026, 9, 28, 7, 9, 28)),
        ("2026-09-28T07:09:28", utc(2026, 9, 28, 7, 9, 28)),  # naive -> UTC
        ("2026-09-28 07:09", utc(2026, 9, 28, 7, 9)),
        ("2026-09-28", utc(2026, 9, 28)),
        ("2026-09-28T09:09:28+02:00", utc(2026, 9, 28, 7, 9, 28)),
        ("2026-09-28T09:09:28.5+0200", utc(2026, 9, 28, 7, 9, 28, 500000)),
        ("2026-09-28T01:39:28-05:30", utc(2026, 9, 28, 7, 9, 28)),
        ("2026-09-28T00:30:00+01:00", utc(2026, 9, 27, 23, 30)),  # offset moves the day back
        ("  2026-09-28T07:09:28Z  ", utc(2026, 9, 28, 7, 9, 28)),
    ],
)
def test_parse_datetime(text, expected):
    result = parse_datetime(text)
    assert result == expected
    assert result.utcoffset().total_seconds() == 0


@pytest.mark.parametrize("bad", [None, 0, "", "09:21", "2026-13", "28.09.2026", "2026-09-28T07:09:28 CET"])
def test_parse_datetime_rejects(bad):
    with pytest.raises(ValueError):
        parse_datetime(bad)


def test_v2_shape():
    e = parse.time_entry({"id": "e", "startDate": "2024-03-31T00:30:00.1234567Z", "endDate": "2024-03-31T02:00:00Z",
                          "isDateOnly": False, "duration": 5399})
    assert e.start == utc(2024, 3, 31, 0, 30, 0, 123456)
    assert e.end == utc(2024, 3, 31, 2)


def test_v1_end_split_and_v2_running_has_no_end():
    stopped = parse.time_entry({"id": "e", "startDateUtc": "2024-05-06T00:00:00Z", "startTimeUtc": "23:00:00",
                                "endDateUtc": "2024-05-07T00:00:00Z", "endTimeUtc": "01:15:30.5000000"})
    assert stopped.end == utc(2024, 5, 7, 1, 15, 30, 500000)
    running = parse.time_entry({"id": "e", "startDate": "2024-05-06T23:00:00Z", "endDate": None})
    assert running.end is None


def test_breaks_open_closed_and_duration_only():
    e = parse.time_entry(
        {"id": "e", "startDate": "2024-01-01T08:00:00Z",
         "breaks": [
             {"startDate": "2024-01-01T11:00:00Z"},  # open, listed first: sorted by start
             {"startDate": "2024-01-01T09:00:00Z", "duration": 600},  # closed, only a duration
             {"startDate": "2024-01-01T10:00:00Z", "endDate": "2024-01-01T10:05:00Z", "duration": 300},
             {"duration": 60},  # no start: ignored
             None,
             "garbage",
         ]}
    )
    assert e.breaks == (
        Break(utc(2024, 1, 1, 9), utc(2024, 1, 1, 9, 10)),
        Break(utc(2024, 1, 1, 10), utc(2024, 1, 1, 10, 5)),
        Break(utc(2024, 1, 1, 11), None),
    )
    assert e.breaks[-1].is_open


def test_task_done_and_type_of_work_fallbacks():
    assert parse.task({"id": "t", "taskStatus": {"type": "done"}}).is_done
    assert parse.task({"id": "t", "isOpen": False}).is_done
    assert not parse.task({"id": "t", "isOpen": True, "taskStatus": None}).is_done
    assert parse.task({"id": "t", "typeOfWork": {"id": "w", "name": "Dev"}}).type_of_work_id == "w"
    assert parse.task({"id": "t", "projectId": "p"}).project == Project("p", "")
    with pytest.raises(MalformedResponseError):
        parse.task({"name": "no id"})


def test_user_with_and_without_workspace():
    u = parse.user({"id": "u", "firstName": "Carla", "lastName": "Creative",
                    "workspace": {"id": "ws", "name": "ACME", "url": "acme"}})
    assert u.display_name == "Carla Creative"
    assert u.workspace.name == "ACME"
    assert parse.user({"id": "u", "firstName": None, "workspace": None}).workspace is None
    with pytest.raises(MalformedResponseError):
        parse.user({"firstName": "Nobody"})


def test_listing_skips_broken_items():
    items = parse.listing(
        [{"id": "a", "name": "Design"}, {"name": "no id"}, None, 7, {"id": "b", "name": "Dev"}],
        parse.type_of_work,
    )
    assert [t.id for t in items] == ["a", "b"]
    entries = parse.listing(
        [{"id": "e1", "startDate": "2024-01-01T08:00:00Z"}, {"id": "e2"},
         {"id": "e3", "startDate": "not a date"}, {"id": "e4", "startDateUtc": "2024-01-01", "startTimeUtc": "08:00"}],
        parse.time_entry,
    )
    assert [e.id for e in entries] == ["e1", "e4"]


@pytest.mark.parametrize("data", [None, {}, {"items": []}, "[]"])
def test_listing_of_a_non_list_is_loud(data):
    with pytest.raises(MalformedResponseError):
        parse.listing(data, parse.task)


def test_search_hits():
    data = {
        "totalCount": 3,
        "taskHits": {
            "totalCount": 3,
            "hasHits": True,
            "hits": [
                {"type": "task", "score": 3.2, "entity": {
                    "id": "t1", "name": "Übersicht", "taskIdentifier": "WEB-1", "projectId": "p1",
                    "project": {"id": "p1", "name": "Website"}, "taskStatus": {"type": "todo"},
                    "typeOfWork": {"name": "Design"}, "isOpen": True}},
                {"type": "task", "entity": {"name": "no id"}},
                {"type": "task", "entity": {"id": "t2", "name": "Closed", "isOpen": False}},
                "junk",
            ],
        },
        "projectHits": {"hits": [{"entity": {"id": "p1"}}]},
    }
    hits = parse.search_tasks(data)
    assert [t.id for t in hits] == ["t1", "t2"]
    assert hits[0].key == "WEB-1" and hits[0].project.name == "Website"
    assert hits[0].type_of_work_id is None  # search hits carry the name only
    assert hits[1].is_done


@pytest.mark.parametrize("data", [{}, None, {"taskHits": None}, {"taskHits": {"hasHits": False}}])
def test_search_without_hits(data):
    assert parse.search_tasks(data) == []


@pytest.mark.parametrize("breaks", [5, True, "open", {"startDate": "2024-01-01T09:00:00Z"}])
def test_breaks_of_the_wrong_type_are_tolerated(breaks):
    e = parse.time_entry({"id": "e", "startDate": "2024-01-01T08:00:00Z", "breaks": breaks})
    assert e.breaks == ()
    assert [x.id for x in parse.listing([{"id": "e", "startDate": "2024-01-01T08:00:00Z", "breaks": breaks}],
                                        parse.time_entry)] == ["e"]


def test_project_status_closed_marks_the_project_and_finishes_its_tasks():
    # awork's project status types: progress, not-started, closed, stuck.
    closed = {"id": "p", "name": "Fair 2023", "projectKey": "FAIR", "projectStatus": {"type": "closed", "name": "Done"}}
    assert parse.project(closed).is_closed
    for kind in ("progress", "not-started", "stuck", None):
        assert not parse.project({"id": "p", "name": "X", "projectStatus": {"type": kind}}).is_closed
    task = parse.task({"id": "t", "name": "Stand", "project": closed, "taskStatus": {"type": "progress"}})
    assert task.is_finished and not task.is_done
    hit = parse.search_tasks({"taskHits": {"hits": [{"entity": {
        "id": "t", "name": "Stand", "isOpen": True, "project": {"id": "p", "name": "Fair", "projectStatus": {
            "id": "s", "name": "Done", "type": "closed"}}}}]}})
    assert hit[0].is_finished


def test_tracking_rules_keep_unknown_types_and_tolerate_junk():
    rules = parse.tracking_rules([
        {"type": "prevent-on-done-projects", "enabled": True, "dayCount": None},
        {"type": "allow-on-past-days", "enabled": True, "dayCount": 7},
        {"type": "something-new", "enabled": True, "extra": 1},
        {"enabled": True},  # no type: skipped
        None,
        {"type": "weird", "enabled": "yes", "dayCount": "7"},
    ])
    assert rules.prevent_on_done_projects
    assert rules.enabled("allow-on-past-days") and rules.settings[1].day_count == 7
    assert rules.enabled("something-new")
    assert not rules.enabled("weird") and rules.settings[-1].day_count is None
    assert not parse.tracking_rules([{"type": "prevent-on-done-projects", "enabled": False}]).prevent_on_done_projects
    assert not parse.tracking_rules([]).prevent_on_done_projects
    with pytest.raises(MalformedResponseError):
        parse.tracking_rules({"type": "prevent-on-done-projects"})
