"""The popover offers what the workspace allows: a project's types of work, never an archived one,
"Choose a type of work…" when the task's own type may not be booked, and finished tasks marked."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from tray_app.domain.entities import ProjectTypes

from helpers.factories import signed_in, task_named, type_named
from helpers.list_reading import current_name


def choices(popover) -> list[str]:
    return [popover.type_box.itemText(i) for i in range(popover.type_box.count())]


def select(qtbot, popover, text: str) -> None:
    popover.search.clear()
    qtbot.keyClicks(popover.search, text)


def restricted(workload):
    """The demo's lists, once awork said which types "Wartungsvertrag 2024" allows."""
    upkeep = task_named(workload, "Sicherheitsupdates einspielen").project_id
    allowed = (type_named(workload, "Support").id, type_named(workload, "Entwicklung").id)
    return replace(workload, project_types=(ProjectTypes(upkeep, allowed),))


def test_selecting_a_task_asks_which_types_its_project_allows(qtbot, popover, workload):
    task = task_named(workload, "Sicherheitsupdates einspielen")
    with qtbot.waitSignal(popover.project_types_wanted, timeout=1000) as wanted:
        select(qtbot, popover, "Sicherheitsupdates")
    assert wanted.args == [task.project_id]


def test_a_restricted_project_offers_only_its_types(qtbot, popover, workload):
    popover.render(signed_in(restricted(workload)))
    select(qtbot, popover, "Sicherheitsupdates")
    assert choices(popover) == ["the task's type of work", "Entwicklung", "Support"]
    assert popover.type_box.currentText() == "Support"  # the task's own type, allowed
    select(qtbot, popover, "Sitemap")  # a project without a restriction: every active type again
    assert "Design" in choices(popover) and "Reisezeit (alt)" not in choices(popover)


def test_a_task_whose_type_is_not_allowed_gets_the_type_chooser(qtbot, popover, workload):
    popover.render(signed_in(restricted(workload)))
    select(qtbot, popover, "Serverumzug")
    assert current_name(popover.list) == "Serverumzug planen"
    assert choices(popover) == ["Choose a type of work…", "Entwicklung", "Support"]  # no Design
    assert popover.type_box.currentData() is None


def test_a_task_whose_type_is_archived_gets_the_type_chooser(qtbot, popover, workload):
    select(qtbot, popover, "Fahrt zum Kunden")
    assert popover.type_box.currentText() == "Choose a type of work…"
    assert popover.type_box.currentData() is None
    assert "Reisezeit (alt)" not in choices(popover)
    select(qtbot, popover, "Sitemap")
    assert popover.type_box.itemText(0) == "the task's type of work"


def test_ask_for_type_opens_the_chooser(qtbot, popover, workload):
    select(qtbot, popover, "Fahrt zum Kunden")
    popover.ask_for_type()
    qtbot.waitUntil(lambda: popover.type_box.view().isVisible(), timeout=2000)
    assert popover.isVisible()  # the chooser's list is part of the popover: it stays open
    popover.type_box.hidePopup()


def test_done_tasks_and_tasks_of_done_projects_are_marked_in_their_row(qtbot, popover, workload):
    done = task_named(workload, "Kick-off Protokoll")
    closed = task_named(workload, "Catering abrechnen")
    popover.render(signed_in(workload, remote_query="ab", remote_results=(done, closed)))
    select(qtbot, popover, "ab")
    rows = {popover.list.item(i).text().split("\n")[0]: popover.list.item(i) for i in range(popover.list.count())}
    assert rows["Kick-off Protokoll"].text().endswith("· ✓ done")
    assert rows["Catering abrechnen"].text().endswith("· ✓ project done")
    spoken = rows["Kick-off Protokoll"].data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken.endswith(", done")
    marked = [name for name, item in rows.items() if "✓" in item.text()]
    assert sorted(marked) == ["Catering abrechnen", "Kick-off Protokoll"]


def test_typing_asks_only_for_the_project_of_the_row_the_selection_rests_on(qtbot, popover, workload):
    """Each letter may select a row of another project; awork is asked once, for the last one."""
    asked = []
    popover.project_types_wanted.connect(asked.append)
    qtbot.keyClicks(popover.search, "Onboarding")  # a row of another project selected on the way
    select(qtbot, popover, "Sicherheitsupdates")
    task = task_named(workload, "Sicherheitsupdates einspielen")
    qtbot.waitUntil(lambda: asked == [task.project_id], timeout=2000)
    assert asked == [task.project_id], asked
