"""Rendering and filtering stay quick with a big workspace (5,000 known tasks).

Timings are printed (run with -s to see them) and only checked against a generous bound, so
a slow CI machine cannot make this flaky; the number to watch is in the output.
"""

from __future__ import annotations

import time
from dataclasses import replace

from tray_app.demo.workspace import large_workspace
from tray_app.domain import search
from tray_app.domain.entities import ProjectTypes
from tray_app.ui.popover import Popover
from tray_app.ui.quick_list import ROLE

from helpers.factories import signed_in, workload_from

BOUND_S = 0.25


def test_render_and_one_keystroke_with_5000_tasks(qtbot, capsys):
    workload = workload_from(large_workspace(tasks=5000))
    assert len(workload.known_tasks) == 5000
    popover = Popover()
    qtbot.addWidget(popover)
    popover.render(signed_in())  # a first, empty render: widgets built, styles applied
    popover.open_at(None)
    qtbot.waitExposed(popover)

    t0 = time.perf_counter()
    popover.render(signed_in(workload))
    t1 = time.perf_counter()
    qtbot.keyClick(popover.search, "7")
    t2 = time.perf_counter()
    qtbot.keyClick(popover.search, "7")
    t3 = time.perf_counter()

    render_ms, first_key_ms, second_key_ms = (t1 - t0) * 1000, (t2 - t1) * 1000, (t3 - t2) * 1000
    with capsys.disabled():
        print(
            f"\n[perf] 5,000 tasks: render {render_ms:.1f} ms, keystroke '7' {first_key_ms:.1f} ms, "
            f"keystroke '77' {second_key_ms:.1f} ms, render + first keystroke {render_ms + first_key_ms:.1f} ms"
        )
    shown = _shown_tasks(popover)
    assert shown and all("77" in f"{t.name} {t.key} {t.project.name}" for t in shown)
    assert popover.list.count() <= 30 + 20 + 4  # capped: tasks, types, headers
    assert t2 - t0 < BOUND_S, f"render + one keystroke took {(t2 - t0) * 1000:.0f} ms"
    assert t3 - t2 < BOUND_S
    popover.hide()


def _shown_tasks(popover):
    items = (popover.list.item(i).data(ROLE) for i in range(popover.list.count()))
    return [c.task for c in items if c is not None and c.task is not None]


def test_a_projects_allowed_types_arriving_do_not_index_the_tasks_again(qtbot, monkeypatch):
    """Each row the typing selects asks for its project's allowed types (project_types_wanted), and
    the answer changes the Workload. Re-normalising 5,000 tasks for it cost ~30 ms, landing
    between keystrokes: only a change of the lists themselves may rebuild the search index."""
    workload = workload_from(large_workspace(tasks=5000))
    popover = Popover()
    qtbot.addWidget(popover)
    popover.render(signed_in(workload))
    qtbot.keyClick(popover.search, "7")
    calls = _count_normalise(monkeypatch)

    project = next(t.project_id for t in workload.known_tasks if t.project_id)
    allowed = replace(workload, project_types=(ProjectTypes(project, (workload.types_of_work[0].id,)),))
    popover.render(signed_in(allowed))

    assert calls["n"] < 10, f"{calls['n']} texts normalised again for a project's allowed types"
    assert _shown_tasks(popover)  # still searched: the same hits for "7"
    renamed = replace(workload.known_tasks[0], name="Ganz neu benannt")
    popover.render(signed_in(replace(allowed, known_tasks=(renamed, *workload.known_tasks[1:]))))
    assert calls["n"] >= 5000  # a change of the tasks themselves is indexed again


def _count_normalise(monkeypatch) -> dict[str, int]:
    calls = {"n": 0}
    real = search.normalise

    def counting(text: str) -> str:
        calls["n"] += 1
        return real(text)

    monkeypatch.setattr(search, "normalise", counting)
    return calls
