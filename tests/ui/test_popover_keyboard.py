"""Driving the popover from the search field: arrows, Enter, typing, Esc, remote results."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from tray_app.domain.entities import Project, Task
from tray_app.ui.popover import REMOTE_SEARCH_DELAY_MS

from helpers.factories import signed_in, task_named, type_named, type_of
from helpers.list_reading import current_name, section, task_names


def start_args(qtbot, popover, key=Qt.Key.Key_Return, widget=None):
    with qtbot.waitSignal(popover.start_requested, timeout=1000) as blocker:
        qtbot.keyClick(widget or popover.search, key)
    return blocker.args


def test_open_focuses_the_search_and_selects_the_first_task(popover, workload):
    assert popover.search.hasFocus()
    assert current_name(popover.list) == workload.recent_tasks[0].name
    assert popover.type_box.currentData() == workload.recent_tasks[0].type_of_work_id


def test_down_and_up_skip_section_headers(qtbot, popover, workload):
    recent = [t.name for t in workload.recent_tasks]
    types = [t.name for t in workload.types_of_work]
    for expected in recent[1:]:
        qtbot.keyClick(popover.search, Qt.Key.Key_Down)
        assert current_name(popover.list) == expected
    qtbot.keyClick(popover.search, Qt.Key.Key_Down)  # over the "TYPES OF WORK" header
    assert current_name(popover.list) == types[0]
    qtbot.keyClick(popover.search, Qt.Key.Key_Up)  # and back over it
    assert current_name(popover.list) == recent[-1]
    for _ in range(len(recent) + 3):
        qtbot.keyClick(popover.search, Qt.Key.Key_Up)
    assert current_name(popover.list) == recent[0]  # stops at the top, never on the header
    for _ in range(len(recent) + len(types) + 3):
        qtbot.keyClick(popover.search, Qt.Key.Key_Down)
    assert current_name(popover.list) == types[-1]
    assert popover.search.hasFocus()  # the arrows never took the focus away from typing


def test_page_down_moves_five(qtbot, popover, workload):
    qtbot.keyClick(popover.search, Qt.Key.Key_PageDown)
    assert current_name(popover.list) == workload.types_of_work[0].name  # 5 recent tasks, then types


def test_enter_starts_the_selected_task_with_its_type(qtbot, popover, workload):
    qtbot.keyClick(popover.search, Qt.Key.Key_Down)
    task = workload.recent_tasks[1]
    assert start_args(qtbot, popover) == [task, task.type_of_work_id, ""]


def test_keypad_enter_works_too(qtbot, popover, workload):
    task = workload.recent_tasks[0]
    assert start_args(qtbot, popover, Qt.Key.Key_Enter) == [task, task.type_of_work_id, ""]


def test_typing_filters_the_tasks(qtbot, popover, workload):
    qtbot.keyClicks(popover.search, "sitemap")
    assert task_names(popover.list) == ["Sitemap entwerfen"]
    assert section(popover.list, "TYPES OF WORK") == []
    assert current_name(popover.list) == "Sitemap entwerfen"
    sitemap = task_named(workload, "Sitemap entwerfen")
    assert start_args(qtbot, popover) == [sitemap, sitemap.type_of_work_id, ""]


def test_search_finds_known_tasks_beyond_the_recent_ones(qtbot, popover, workload):
    assert "Messestand planen" not in task_names(popover.list)
    qtbot.keyClicks(popover.search, "MESSE")
    assert task_names(popover.list) == ["Messestand planen"]


def test_search_is_case_and_accent_insensitive(qtbot, popover):
    qtbot.keyClicks(popover.search, "kontaktformular")
    assert task_names(popover.list) == ["Kontaktformular testen"]
    popover.search.clear()
    qtbot.keyClicks(popover.search, "klaren")
    assert task_names(popover.list) == ["Bildrechte klären"]
    popover.search.clear()
    qtbot.keyClicks(popover.search, "KLÄREN")
    assert task_names(popover.list) == ["Bildrechte klären"]


def test_search_by_key_and_by_project(qtbot, popover):
    qtbot.keyClicks(popover.search, "web-12")
    assert task_names(popover.list) == ["Sitemap entwerfen"]
    popover.search.clear()
    qtbot.keyClicks(popover.search, "mobile")
    assert set(task_names(popover.list)) == {
        "Onboarding screens", "Push notifications", "Offline-Modus umsetzen", "App Store Texte", "Crash reports triage",
    }


def test_nothing_found(qtbot, popover):
    qtbot.keyClicks(popover.search, "zzzz")
    assert popover.list.count() == 0 and popover.list.placeholder().startswith("No matches.")
    assert popover.list.current_choice() is None
    with qtbot.assertNotEmitted(popover.start_requested):
        qtbot.keyClick(popover.search, Qt.Key.Key_Return)  # (it searches all of awork instead)


def test_clearing_the_search_brings_back_the_recent_tasks(qtbot, popover, workload):
    qtbot.keyClicks(popover.search, "sitemap")
    popover.search.clear()
    assert section(popover.list, "RECENT TASKS") == [t.name for t in workload.recent_tasks]


def test_type_of_work_row_starts_without_a_task(qtbot, popover, workload):
    qtbot.keyClicks(popover.search, "meeting")
    assert current_name(popover.list) == "Meeting"
    assert not popover.type_box.isEnabled()  # the row itself is the type
    qtbot.keyClicks(popover.note, "Weekly")
    args = start_args(qtbot, popover, widget=popover.note)
    assert args == [None, type_named(workload, "Meeting").id, "Weekly"]


def test_changing_the_type_overrides_the_tasks_type(qtbot, popover, workload):
    qtbot.keyClicks(popover.search, "sitemap")
    sitemap = task_named(workload, "Sitemap entwerfen")
    assert popover.type_box.currentData() == type_of(workload, sitemap).id
    meeting = type_named(workload, "Meeting")
    popover.type_box.setCurrentIndex(popover.type_box.findData(meeting.id))
    assert start_args(qtbot, popover) == [sitemap, meeting.id, ""]


def test_first_type_row_means_the_tasks_own_type(qtbot, popover, workload):
    popover.type_box.setCurrentIndex(0)
    task = workload.recent_tasks[0]
    assert start_args(qtbot, popover) == [task, None, ""]


def test_the_note_is_passed(qtbot, popover, workload):
    qtbot.keyClicks(popover.note, "Kundenfeedback einarbeiten")
    task = workload.recent_tasks[0]
    assert start_args(qtbot, popover) == [task, task.type_of_work_id, "Kundenfeedback einarbeiten"]


def test_enter_does_nothing_while_busy(qtbot, popover, workload):
    popover.render(signed_in(workload, busy="start"))
    with qtbot.assertNotEmitted(popover.start_requested):
        qtbot.keyClick(popover.search, Qt.Key.Key_Return)


def test_double_click_on_a_row_starts_it(qtbot, popover, workload):
    item = popover.list.item(1)  # the second task
    with qtbot.waitSignal(popover.start_requested) as blocker:
        popover.list.itemActivated.emit(item)
    assert blocker.args[0] == workload.recent_tasks[1]


def test_escape_hides_the_popover(qtbot, popover):
    assert popover.isVisible()
    qtbot.keyClick(popover.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not popover.isVisible(), timeout=1000)


def test_remote_search_is_asked_after_the_debounce(qtbot, popover):
    with qtbot.assertNotEmitted(popover.remote_search_requested, wait=0):
        qtbot.keyClicks(popover.search, "sitem")
    with qtbot.waitSignal(popover.remote_search_requested, timeout=REMOTE_SEARCH_DELAY_MS + 1000) as blocker:
        pass
    assert blocker.args == ["sitem"]


def test_remote_search_waits_for_typing_to_pause(qtbot, popover):
    emitted = []
    popover.remote_search_requested.connect(emitted.append)
    for ch in "sitemap":
        qtbot.keyClick(popover.search, ch)
    qtbot.waitUntil(lambda: bool(emitted), timeout=REMOTE_SEARCH_DELAY_MS + 1000)
    assert emitted == ["sitemap"]  # one request for the whole word, not one per key


def test_a_single_letter_is_not_searched_remotely(qtbot, popover):
    qtbot.keyClick(popover.search, "s")
    with qtbot.assertNotEmitted(popover.remote_search_requested, wait=REMOTE_SEARCH_DELAY_MS + 150):
        pass


def test_remote_results_render_in_their_own_section_without_duplicates(qtbot, popover, workload):
    with qtbot.waitSignal(popover.remote_search_requested, timeout=REMOTE_SEARCH_DELAY_MS + 1000):
        qtbot.keyClicks(popover.search, "sitemap")
    sitemap = task_named(workload, "Sitemap entwerfen")
    far_away = Task("remote-1", "Sitemap Onlineshop", key="SHOP-3", project=Project("p9", "Shop"))
    hit_without_type = replace(sitemap, type_of_work_id=None)  # search hits carry no type id
    popover.render(signed_in(workload, remote_query="sitemap", remote_results=(hit_without_type, far_away)))
    assert section(popover.list, "TASKS") == ["Sitemap entwerfen"]
    assert section(popover.list, "MORE FROM AWORK") == ["Sitemap Onlineshop"]
    assert task_names(popover.list).count("Sitemap entwerfen") == 1
    assert current_name(popover.list) == "Sitemap entwerfen"

    qtbot.keyClick(popover.search, Qt.Key.Key_Down)
    assert current_name(popover.list) == "Sitemap Onlineshop"
    assert popover.type_box.currentData() is None  # unknown here: the core asks awork for the task's type
    assert start_args(qtbot, popover) == [far_away, None, ""]


def test_remote_results_for_another_query_are_not_shown(qtbot, popover, workload):
    far_away = Task("remote-1", "Website Styleguide", key="DES-3")
    qtbot.keyClicks(popover.search, "site")
    popover.render(signed_in(workload, remote_query="sit", remote_results=(far_away,)))
    assert section(popover.list, "MORE FROM AWORK") == []


def test_remote_results_go_when_the_query_changes(qtbot, popover, workload):
    far_away = Task("remote-1", "Website Styleguide", key="DES-3")
    qtbot.keyClicks(popover.search, "site")
    state = signed_in(workload, remote_query="site", remote_results=(far_away,))
    popover.render(state)
    assert section(popover.list, "MORE FROM AWORK") == ["Website Styleguide"]
    qtbot.keyClicks(popover.search, "mapx")  # "sitemapx": the old hits do not match it
    assert section(popover.list, "MORE FROM AWORK") == []
    popover.render(state)  # any re-render of the same (stale) state keeps them out too
    assert section(popover.list, "MORE FROM AWORK") == []


def test_remote_results_arriving_keep_the_selection_and_chosen_type(qtbot, popover, workload):
    """Results land ~0.5 s after typing: they must not move the row the user is about to start."""
    qtbot.keyClicks(popover.search, "web")
    qtbot.keyClick(popover.search, Qt.Key.Key_Down)
    qtbot.keyClick(popover.search, Qt.Key.Key_Down)
    chosen = popover.list.current_choice().task
    meeting = type_named(workload, "Meeting")
    popover.type_box.setCurrentIndex(popover.type_box.findData(meeting.id))
    popover.render(signed_in(workload, remote_query="web", remote_results=(Task("r1", "Webinar vorbereiten"),)))
    assert popover.list.current_choice().task == chosen
    assert start_args(qtbot, popover) == [chosen, meeting.id, ""]


def test_after_a_start_the_form_is_cleared_and_offers_the_tasks_own_type(qtbot, popover, workload):
    meeting = type_named(workload, "Meeting")
    popover.type_box.setCurrentIndex(popover.type_box.findData(meeting.id))
    qtbot.keyClicks(popover.note, "x")
    popover.started()
    assert not popover.isVisible()
    assert popover.search.text() == "" and popover.note.text() == ""
    first = workload.recent_tasks[0]
    assert current_name(popover.list) == first.name
    assert popover.type_box.currentData() == first.type_of_work_id


def test_enter_on_the_focused_list_starts_too(qtbot, popover, workload):
    popover.list.setFocus()
    qtbot.keyClick(popover.list, Qt.Key.Key_Down)  # the list's own arrow handling
    task = workload.recent_tasks[1]
    assert current_name(popover.list) == task.name
    assert start_args(qtbot, popover, widget=popover.list) == [task, task.type_of_work_id, ""]


def test_enter_on_the_list_starts_once(qtbot, popover):
    emitted = []
    popover.start_requested.connect(lambda *args: emitted.append(args))
    popover.list.setFocus()
    qtbot.keyClick(popover.list, Qt.Key.Key_Return)
    assert len(emitted) == 1
