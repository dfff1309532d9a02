"""`awork-tray edit`, `discard` and `start --started` as a real process against the fake awork
server: what is sent, what is printed, and the exit codes."""

from __future__ import annotations

import json
import zoneinfo
from datetime import datetime, timedelta, timezone

import pytest

from .cli_process import run_cli


@pytest.fixture
def cli(fake_awork, tmp_path):
    def run(*args: str):
        return run_cli(fake_awork.url, tmp_path, *args)

    return run


def running_record(fake_awork):
    return fake_awork.backend.running()


def test_edit_changes_the_running_entry_and_keeps_the_rest(cli, fake_awork):
    assert cli("start", "--task", "WEB-12", "--note", "Entwurf").returncode == 0
    before = running_record(fake_awork)
    result = cli("edit", "--note", "Review", "--not-billable", "--started", "-20m")
    assert result.returncode == 0, result.stderr
    sent = fake_awork.requests.of("PUT", f"timeentries/{before.id}")[-1].body
    assert sent["note"] == "Review" and sent["isBillable"] is False
    assert sent["taskId"] == before.task_id and sent["typeOfWorkId"] == before.type_of_work_id
    assert "endDateUtc" not in sent  # a running entry: only its start moves
    record = running_record(fake_awork)
    assert record.id == before.id and record.note == "Review" and record.end is None
    assert timedelta(minutes=19) < datetime.now(timezone.utc) - record.start < timedelta(minutes=21)
    assert "Running" in result.stdout and "Review" in result.stdout
    status = json.loads(cli("status", "--json").stdout)
    assert status["note"] == "Review" and status["elapsed_seconds"] >= 19 * 60


def test_edit_takes_a_time_of_day_in_the_users_zone_and_another_task(cli, fake_awork):
    assert cli("start", "--type-of-work", "design").returncode == 0
    berlin = datetime.now(zoneinfo.ZoneInfo("Europe/Berlin")) - timedelta(minutes=30)
    result = cli("edit", "--started", berlin.strftime("%H:%M"), "--task", "APP-10")
    assert result.returncode == 0, result.stderr
    record = running_record(fake_awork)
    task = next(t for t in fake_awork.backend.ws.tasks if t["taskIdentifier"] == "APP-10")
    assert record.task_id == task["id"] and record.type_of_work_id == task["typeOfWorkId"]
    assert record.start.astimezone(zoneinfo.ZoneInfo("Europe/Berlin")).strftime("%H:%M") == berlin.strftime("%H:%M")


@pytest.mark.parametrize("args, code", [
    (("edit",), 2),  # nothing to change
    (("edit", "--started", "soon"), 2),
    (("edit", "--billable", "--not-billable"), 2),
    (("edit", "--note", "x"), 4),  # no timer runs
    (("discard",), 4),
    (("start", "--task", "WEB-12", "--started", "-30h"), 2),
])
def test_bad_input_and_nothing_running_are_told_with_their_exit_codes(cli, fake_awork, args, code):
    result = cli(*args)
    assert result.returncode == code, result.stderr
    assert result.stderr.startswith(("awork-tray: ", "usage:")) and "Traceback" not in result.stderr
    assert not fake_awork.requests.of("PUT") and not fake_awork.requests.of("POST", "me/timetracking/start")


def test_discard_deletes_the_running_entry(cli, fake_awork):
    assert cli("start", "--task", "WEB-12").returncode == 0
    record = running_record(fake_awork)
    result = cli("discard")
    assert result.returncode == 0, result.stderr
    assert "Discarded" in result.stdout and "Sitemap entwerfen" in result.stdout
    assert all(r.id != record.id for r in fake_awork.backend.ws.entries)
    assert json.loads(cli("status", "--json").stdout)["state"] == "idle"


def test_i_forgot_to_start(cli, fake_awork):
    result = cli("start", "--task", "WEB-12", "--started", "-15m")
    assert result.returncode == 0, result.stderr
    record = running_record(fake_awork)
    assert timedelta(minutes=14) < datetime.now(timezone.utc) - record.start < timedelta(minutes=16)
    assert "0:15:" in result.stdout
