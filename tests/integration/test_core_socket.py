"""The app core as composed by build_core, over real sockets and qasync, against the fake awork."""

from __future__ import annotations

import asyncio

import pytest

from tray_app.api.errors import NetworkError
from tray_app.core.commands import Busy
from tray_app.domain.timer import TimerState

from helpers.socket_core import core


def test_lists_timer_and_cache(qloop, core, fake_awork, tmp_path):
    run = qloop.run_until_complete
    workload = run(core.commands.refresh_lists())
    assert [t.name for t in workload.types_of_work][:2] == ["Copywriting", "Design"]
    assert 0 < len(workload.recent_tasks) <= 10
    assert {t.key for t in workload.known_tasks} >= {"WEB-12", "WEB-14"}
    assert core.store.state.user.display_name == "Carla Creative"
    assert list((tmp_path / "cache").glob("workload-*.json"))

    task = run(core.commands.resolve_task("web-12"))
    run(core.commands.start(task=task, note="  Skizze  "))
    assert core.store.state.timer is TimerState.RUNNING
    body = fake_awork.requests.of("POST", "me/timetracking/start")[-1].body
    assert body == {"typeOfWorkId": task.type_of_work_id, "timezone": "Europe/Berlin", "taskId": task.id,
                    "projectId": task.project_id, "note": "Skizze", "isBillable": task.project.is_billable_by_default}
    run(core.commands.pause())
    assert core.store.state.timer is TimerState.PAUSED
    run(core.commands.resume())
    assert core.store.state.timer is TimerState.RUNNING
    run(core.commands.stop())
    assert core.store.state.timer is TimerState.IDLE
    run(core.commands.stop())  # 204, then the last entry is read
    assert core.store.state.timer is TimerState.IDLE and core.store.state.error is None
    assert fake_awork.requests[-1].path == "me/timeentries/last"


def test_search_remote_puts_exact_key_first(qloop, core):
    found = qloop.run_until_complete(core.commands.search_remote("WEB-13"))
    assert found[0].key == "WEB-13"
    assert len({t.id for t in found}) == len(found)


def test_offline_popover_records_error_and_start_raises(qloop, core, fake_awork):
    run = qloop.run_until_complete
    fake_awork.stop()
    run(core.commands.popover_opened())  # must not raise: the popover shows the error instead
    assert core.store.state.error
    with pytest.raises(NetworkError):
        run(core.commands.start(type_of_work_id=fake_awork.backend.ws.types_of_work[0]["id"]))
    assert core.store.state.busy is None
    fake_awork.start()
    assert run(core.commands.refresh_timer()) is not None
    assert core.store.state.error is None


def test_second_command_while_one_is_in_flight_is_busy(qloop, core, fake_awork):
    fake_awork.delay_next(0.5, path="me/timetracking/start")
    type_id = fake_awork.backend.ws.types_of_work[0]["id"]

    async def both():
        first = asyncio.ensure_future(core.commands.start(type_of_work_id=type_id))
        await asyncio.sleep(0.05)
        with pytest.raises(Busy):
            await core.commands.pause()
        return await first

    assert qloop.run_until_complete(both()) is not None
    assert len(fake_awork.requests.of("POST")) == 1
