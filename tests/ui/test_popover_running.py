"""Quick start never cuts the running timer: the running task is shown as running, never pre-selected,
Enter on it starts nothing; every open is fresh; "No matches" says what Enter does, and does it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from .grabs import grab
from .languages import language_de
from helpers.factories import entry_for, signed_in, task_named
from helpers.list_reading import current_name


def running(workload, name: str = "Sitemap entwerfen", **kw):
    """The state with `name` running, first among the recent tasks (as awork's history puts it)."""
    task = task_named(workload, name)
    recent = (task, *tuple(t for t in workload.recent_tasks if t.id != task.id))
    workload = workload.__class__(types_of_work=workload.types_of_work, recent_tasks=recent,
                                  known_tasks=workload.known_tasks)
    return signed_in(workload, entry=entry_for(workload, name, **kw))


def row_text(quick_list, name: str) -> str:
    for i in range(quick_list.count()):
        choice = quick_list.item(i).data(Qt.ItemDataRole.UserRole)
        if choice is not None and choice.task is not None and choice.task.name == name:
            return quick_list.item(i).text()
    raise AssertionError(f"no row for {name}")


def reopen(popover):
    popover.dismiss()
    popover.open_at(None)


def test_opening_never_selects_the_running_task(popover, workload):
    state = running(workload)
    popover.render(state)
    reopen(popover)
    assert current_name(popover.list) == state.workload.recent_tasks[1].name
    assert current_name(popover.list) != "Sitemap entwerfen"


def test_the_running_row_says_so(popover, workload):
    popover.render(running(workload))
    assert "● running" in row_text(popover.list, "Sitemap entwerfen")
    reopen(popover)
    grab(popover, "popover-running-row-en")
    assert "running" not in row_text(popover.list, "Startseite gestalten")


def test_enter_on_the_running_row_starts_nothing(qtbot, popover, workload):
    popover.render(running(workload))
    reopen(popover)
    qtbot.keyClick(popover.search, Qt.Key.Key_Up)  # the user goes up to the running row on purpose
    assert current_name(popover.list) == "Sitemap entwerfen"
    with qtbot.assertNotEmitted(popover.start_requested, wait=50):
        qtbot.keyClick(popover.search, Qt.Key.Key_Return)
    popover.list.chosen.emit(popover.list.current_choice())  # a double click on it
    assert popover.isVisible()


def test_a_change_made_elsewhere_moves_nothing_the_user_starts_by_mistake(qtbot, popover, workload):
    # The popover was last used on "Startseite gestalten"; then the CLI started it.
    qtbot.keyClick(popover.search, Qt.Key.Key_Down)
    assert current_name(popover.list) == "Startseite gestalten"
    popover.dismiss()
    popover.render(running(workload, "Startseite gestalten"))
    popover.open_at(None)
    assert current_name(popover.list) == "Sitemap entwerfen"
    assert "● running" in row_text(popover.list, "Startseite gestalten")


def test_every_open_is_fresh(qtbot, popover, workload):
    qtbot.keyClicks(popover.search, "messe")
    qtbot.keyClicks(popover.note, "from last time")
    popover.type_box.setCurrentIndex(popover.type_box.count() - 1)
    reopen(popover)
    assert popover.search.text() == "" and popover.note.text() == ""
    assert current_name(popover.list) == workload.recent_tasks[0].name
    task = workload.recent_tasks[0]
    with qtbot.waitSignal(popover.start_requested, timeout=1000) as blocker:
        qtbot.keyClick(popover.search, Qt.Key.Key_Return)
    assert blocker.args == [task, task.type_of_work_id, ""]  # nothing of the last visit, nor of the running note


def test_a_start_keeps_nothing_of_the_running_entry(qtbot, popover, workload):
    popover.render(running(workload, note="Header und Footer"))
    reopen(popover)
    with qtbot.waitSignal(popover.start_requested, timeout=1000) as blocker:
        qtbot.keyClick(popover.search, Qt.Key.Key_Return)
    task, type_id, note = blocker.args
    assert task.name == "Startseite gestalten" and type_id == task.type_of_work_id and note == ""


def test_no_matches_says_what_enter_does_and_enter_does_it(qtbot, popover, workload):
    qtbot.keyClicks(popover.search, "zzzz")
    assert popover.list.placeholder() == "No matches. Press Enter to search all of awork."
    assert popover.list.current_choice() is None
    with qtbot.waitSignal(popover.remote_search_requested, timeout=100) as blocker:  # at once, not after the delay
        qtbot.keyClick(popover.search, Qt.Key.Key_Return)
    assert blocker.args == ["zzzz"]
    grab(popover, "popover-no-matches-en")
    popover.render(signed_in(workload, remote_query="zzzz", remote_results=()))
    assert popover.list.placeholder() == "No matches in all of awork either."


@pytest.mark.usefixtures("language_de")
def test_no_matches_in_german(qtbot, popover):
    qtbot.keyClicks(popover.search, "zzzz")
    assert popover.list.placeholder() == "Keine Treffer. Drücke Enter, um in ganz awork zu suchen."
    grab(popover, "popover-no-matches-de")
