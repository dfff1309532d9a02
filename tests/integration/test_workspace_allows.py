"""What the workspace allows, through the core's commands against the fake awork over a socket:
archived types, a project's types of work, done tasks and closed projects, awork's settings."""

from __future__ import annotations

import pytest

from tray_app.core.allowance import StartRefused, TypeOfWorkNeeded
from tray_app.domain.timer import TimerState

from helpers.socket_core import core


@pytest.fixture
def run(qloop):
    return qloop.run_until_complete


def type_id(fake_awork, name: str) -> str:
    return next(t["id"] for t in fake_awork.backend.ws.types_of_work if t["name"] == name)


def starts(fake_awork) -> int:
    return len(fake_awork.requests.of("POST", "me/timetracking/start"))


def test_lists_bring_the_settings_and_recent_has_no_finished_task(run, core, fake_awork):
    workload = run(core.commands.refresh_lists())
    assert workload.rules.prevent_on_done_projects
    assert not any(t.is_finished for t in workload.recent_tasks)
    assert not {t.key for t in workload.recent_tasks} & {"WART-2024-1", "FEST_23-7"}  # worked on, now finished
    assert not any(t.is_archived for t in workload.types_of_work)


def test_a_projects_types_are_read_once_when_wanted_and_then_offered(run, core, fake_awork):
    run(core.commands.refresh_lists())
    task = run(core.commands.resolve_task("WART-2024-3"))
    run(core.commands.project_types_wanted(task.project_id))
    run(core.commands.project_types_wanted(task.project_id))  # the popover looks again: kept
    path = f"projects/{task.project_id}/typeofwork"
    assert len(fake_awork.requests.of("GET", path)) == 1
    allowed = core.store.state.workload.allowed_type_ids(task.project_id)
    assert set(allowed) == {type_id(fake_awork, "Support"), type_id(fake_awork, "Entwicklung")}
    run(core.commands.start(task=task))
    assert core.store.state.timer is TimerState.RUNNING
    assert len(fake_awork.requests.of("GET", path)) == 1  # the start used what was known
    assert fake_awork.requests.of("POST", "me/timetracking/start")[-1].body["typeOfWorkId"] == type_id(fake_awork, "Support")


def test_a_task_whose_own_type_is_not_allowed_in_its_project_asks_for_another(run, core, fake_awork):
    run(core.commands.refresh_lists())
    task = run(core.commands.resolve_task("WART-2024-4"))  # Design, in a project allowing Support, Entwicklung
    with pytest.raises(TypeOfWorkNeeded) as needed:
        run(core.commands.start(task=task))
    assert [t.name for t in needed.value.offered] == ["Entwicklung", "Support"]
    assert needed.value.task == task
    assert "Design" in core.store.state.error and core.store.state.busy is None
    assert starts(fake_awork) == 0
    run(core.commands.start(task=task, type_of_work_id=type_id(fake_awork, "Entwicklung")))
    assert core.store.state.timer is TimerState.RUNNING and core.store.state.error is None


def test_a_task_whose_own_type_is_archived_asks_for_another(run, core, fake_awork):
    run(core.commands.refresh_lists())
    task = run(core.commands.resolve_task("WART-2024-5"))
    with pytest.raises(TypeOfWorkNeeded) as needed:
        run(core.commands.start(task=task))
    assert "archived" in needed.value.user_message
    assert "Reisezeit (alt)" not in [t.name for t in needed.value.offered]
    assert starts(fake_awork) == 0


def test_a_search_hit_whose_type_is_archived_asks_too(run, core, fake_awork):
    """Search hits carry no type id: the task is read, and its archived type is not used."""
    (hit,) = run(core.commands.search_remote("Fahrt zum Kunden"))
    assert hit.type_of_work_id is None
    with pytest.raises(TypeOfWorkNeeded):
        run(core.commands.start(task=hit))
    assert starts(fake_awork) == 0


def test_continuing_an_entry_whose_type_was_archived_since_asks_for_another(run, core, fake_awork):
    run(core.commands.refresh_lists())
    task = run(core.commands.resolve_task("WEB-12"))
    run(core.commands.start(task=task))
    run(core.commands.stop())
    archived = next(t for t in fake_awork.backend.ws.types_of_work if t["id"] == task.type_of_work_id)
    archived["isArchived"] = True  # archived in the web app meanwhile
    run(core.commands.refresh_lists())
    with pytest.raises(TypeOfWorkNeeded):
        run(core.commands.continue_last())
    assert starts(fake_awork) == 1
    assert core.store.state.timer is TimerState.IDLE


def test_an_archived_type_is_refused_even_with_stale_lists(run, core, fake_awork):
    run(core.commands.refresh_lists())
    design = type_id(fake_awork, "Design")
    next(t for t in fake_awork.backend.ws.types_of_work if t["id"] == design)["isArchived"] = True
    # The lists still offer it (read a minute ago): awork refuses, and the start asks for another.
    with pytest.raises(TypeOfWorkNeeded) as needed:
        run(core.commands.start(type_of_work_id=design))
    assert needed.value.__cause__.code == "entity-archived"
    assert starts(fake_awork) == 1
    assert design not in {t.id for t in core.store.state.workload.types_of_work}
    assert "archived" in core.store.state.error


def test_done_projects_are_refused_locally_while_the_workspace_prevents_it(run, core, fake_awork):
    run(core.commands.refresh_lists())
    task = run(core.commands.resolve_task("FEST_23-7"))
    with pytest.raises(StartRefused):
        run(core.commands.start(task=task))
    assert "Sommerfest 2023" in core.store.state.error
    assert starts(fake_awork) == 0
    fake_awork.backend.ws.settings[0]["enabled"] = False
    run(core.commands.refresh_lists())
    run(core.commands.start(task=task))
    assert core.store.state.timer is TimerState.RUNNING


def test_unknown_settings_and_a_settings_failure_do_not_block_starting(run, core, fake_awork):
    fake_awork.backend.ws.settings.append({"type": "something-new", "enabled": True, "dayCount": 3})
    fake_awork.fail_next(500, path="timetracking/settings")
    workload = run(core.commands.refresh_lists())  # the lists still load
    assert workload.types_of_work and not workload.rules.settings
    run(core.commands.start(type_of_work_id=type_id(fake_awork, "Design")))
    assert core.store.state.timer is TimerState.RUNNING


def test_search_keeps_done_tasks(run, core):
    found = run(core.commands.search_remote("Kick-off"))
    assert [(t.key, t.is_done) for t in found] == [("WART-2024-1", True)]
    found = run(core.commands.search_remote("FEST_23-7"))
    assert found[0].key == "FEST_23-7" and found[0].is_finished


def test_a_project_answering_an_empty_list_restricts_nothing(run, core, fake_awork):
    run(core.commands.refresh_lists())
    task = run(core.commands.resolve_task("WART-2024-4"))  # Design
    fake_awork.backend.ws.project_types[task.project_id] = []
    run(core.commands.project_types_wanted(task.project_id))
    assert core.store.state.workload.allowed_type_ids(task.project_id) == ()
    run(core.commands.start(task=task))
    assert core.store.state.timer is TimerState.RUNNING
