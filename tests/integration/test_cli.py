"""The real `awork-tray` command line, as a subprocess, against the fake awork server."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

TOKEN = "test-token"
STATUS_KEYS = {"state", "elapsed_seconds", "started_at", "started_at_local", "type_of_work", "task", "project", "note",
               "billable", "age_seconds", "today_seconds", "week_seconds"}
COMMANDS = ("run", "status", "start", "pause", "resume", "stop", "login", "logout", "whoami")


def assert_secret_not_logged(config_dir: Path, secret: str) -> None:
    for path in (config_dir / "logs").glob("*"):
        assert secret not in path.read_text(encoding="utf-8", errors="replace"), f"token found in {path}"


@pytest.fixture
def cli(fake_awork, tmp_path):
    def run(*args: str, token: str | None = TOKEN, stdin: str | None = None, tz: str = "Europe/Berlin",
            timeout: float = 60) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWORK_")}
        env.update(
            AWORK_API_URL=fake_awork.url,
            AWORK_TRAY_CONFIG_DIR=str(tmp_path),
            TZ=tz,
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",  # never the real keychain
        )
        if token is not None:
            env["AWORK_API_TOKEN"] = token
        result = subprocess.run(
            [sys.executable, "-m", "tray_app", *args],
            env=env, capture_output=True, text=True, timeout=timeout,
            **({"input": stdin} if stdin is not None else {"stdin": subprocess.DEVNULL}),
        )
        for secret in {TOKEN, token, (stdin or "").strip()} - {None, ""}:
            assert_secret_not_logged(tmp_path, secret)
            assert secret not in result.stdout + result.stderr
        return result

    return run


def status(cli) -> dict:
    result = cli("status", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data.keys() == STATUS_KEYS
    assert isinstance(data["elapsed_seconds"], int)
    return data


def test_status_idle_running_paused_idle(cli, fake_awork):
    idle = status(cli)
    assert idle.pop("week_seconds") >= 0  # the demo's history may reach into this week
    assert idle == {"state": "idle", "elapsed_seconds": 0, "started_at": None, "started_at_local": None,
                    "type_of_work": None, "task": None, "project": None, "note": None, "billable": None,
                    "age_seconds": 0, "today_seconds": 0}

    result = cli("start", "--task", "WEB-12", "--note", "Entwurf")
    assert result.returncode == 0, result.stderr
    task = next(t for t in fake_awork.backend.ws.tasks if t["taskIdentifier"] == "WEB-12")
    sent = fake_awork.requests.of("POST", "me/timetracking/start")[-1].body
    assert sent == {"typeOfWorkId": task["typeOfWorkId"], "timezone": "Europe/Berlin", "taskId": task["id"],
                    "projectId": task["projectId"], "note": "Entwurf", "isBillable": True}  # WEB bills by default

    running = status(cli)
    type_name = next(t["name"] for t in fake_awork.backend.ws.types_of_work if t["id"] == task["typeOfWorkId"])
    assert running["state"] == "running" and 0 <= running["elapsed_seconds"] < 60
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", running["started_at"])
    assert running["task"] == {"id": task["id"], "name": "Sitemap entwerfen", "key": "WEB-12"}
    assert running["project"] == {"id": task["projectId"], "name": "Website Relaunch"}
    assert running["type_of_work"] == {"id": task["typeOfWorkId"], "name": type_name}
    assert running["note"] == "Entwurf"
    assert running["billable"] is True
    local = datetime.fromisoformat(running["started_at_local"])  # in the user's zone, with its offset
    assert local.utcoffset() == local.astimezone(ZoneInfo("Europe/Berlin")).utcoffset()
    assert local == datetime.fromisoformat(running["started_at"].replace("Z", "+00:00"))
    assert running["today_seconds"] >= running["elapsed_seconds"] and running["week_seconds"] >= running["today_seconds"]

    assert cli("pause").returncode == 0
    record = fake_awork.backend.last()
    now = datetime.now(timezone.utc)
    record.start, record.breaks[-1][0] = now - timedelta(hours=1), now - timedelta(minutes=10)
    paused = status(cli)
    assert paused["state"] == "paused" and paused["elapsed_seconds"] == 3000  # frozen at the break
    assert paused["task"]["key"] == "WEB-12"

    assert cli("resume").returncode == 0
    assert status(cli)["state"] == "running"
    assert cli("stop").returncode == 0
    assert status(cli)["state"] == "idle"


def test_start_with_type_of_work_only(cli, fake_awork):
    result = cli("start", "--type-of-work", "design")
    assert result.returncode == 0, result.stderr
    assert fake_awork.requests.of("POST", "me/timetracking/start")[-1].body.keys() == {"typeOfWorkId", "timezone"}
    data = status(cli)
    assert data["state"] == "running" and data["type_of_work"]["name"] == "Design"
    assert data["task"] is None and data["project"] is None


def test_start_by_ids(cli, fake_awork):
    task = fake_awork.backend.ws.tasks[3]
    other_type = next(t for t in fake_awork.backend.ws.types_of_work if t["id"] != task["typeOfWorkId"])
    result = cli("start", "--task", task["id"], "--type-of-work", other_type["id"])
    assert result.returncode == 0, result.stderr
    sent = fake_awork.requests.of("POST", "me/timetracking/start")[-1].body
    assert (sent["taskId"], sent["typeOfWorkId"]) == (task["id"], other_type["id"])
    assert task["taskIdentifier"] in result.stdout


def test_abbreviated_time_zone_is_refused_before_asking_awork(cli, fake_awork):
    result = cli("start", "--type-of-work", "Design", tz="CET")
    assert result.returncode == 4
    assert "CET" in result.stderr and "IANA" in result.stderr
    assert not fake_awork.requests.of("POST")


def test_start_without_arguments_is_usage_error(cli, fake_awork):
    result = cli("start")
    assert result.returncode == 2
    assert "--type-of-work" in result.stderr
    assert len(fake_awork.requests) == 0


@pytest.mark.parametrize("args", [("--type-of-work", "Astrologie"), ("--task", "NOPE-1")])
def test_unknown_type_or_task_is_rejected(cli, fake_awork, args):
    result = cli("start", *args)
    assert result.returncode == 4, result.stderr
    assert args[1] in result.stderr
    assert not fake_awork.requests.of("POST", "me/timetracking/start")


def test_awork_400_shows_its_description(cli, fake_awork):
    fake_awork.fail_next(400, path="me/timetracking/start", body={
        "description": "Time tracking is not allowed on closed projects.",
        "validationErrors": [{"property": "ProjectId", "message": "The project is closed."}]})
    result = cli("start", "--type-of-work", "Design")
    assert result.returncode == 4
    assert "Time tracking is not allowed on closed projects." in result.stderr
    assert "The project is closed." in result.stderr


def test_wrong_token_is_not_signed_in(cli, fake_awork):
    result = cli("-v", "status", "--json", token="wrong-token-4711")
    assert result.returncode == 3
    assert "Not signed in" in result.stderr
    assert fake_awork.requests[-1].auth_present and not fake_awork.requests[-1].auth_valid


def test_no_token_at_all_is_not_signed_in(cli, fake_awork):
    result = cli("status", "--json", token=None)
    assert result.returncode == 3
    assert "Not signed in" in result.stderr
    assert len(fake_awork.requests) == 0


def test_server_offline_is_unreachable(cli, fake_awork):
    fake_awork.stop()
    result = cli("status", "--json")
    assert result.returncode == 5
    assert result.stderr.strip()


def test_503_is_unreachable_and_logged_with_trace_id(cli, fake_awork, tmp_path):
    fake_awork.fail_next(503, times=5)
    result = cli("pause")
    assert result.returncode == 5
    assert "temporarily unavailable" in result.stderr
    trace_id = fake_awork.requests[-1].trace_id
    log = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "logs").glob("*"))
    assert trace_id and trace_id in log


@pytest.mark.parametrize("fault", ["429", "malformed"])
def test_rate_limit_and_garbage_are_unreachable(cli, fake_awork, fault):
    if fault == "429":
        fake_awork.fail_next(429, headers={"ratelimit-reset": "20"})
    else:
        fake_awork.malformed_next()
    assert cli("status", "--json").returncode == 5


def test_logout_does_not_claim_to_remove_an_environment_token(cli):
    result = cli("logout")
    assert result.returncode == 0
    # AWORK_API_TOKEN stays in effect: saying "the stored token was removed" would be false.
    assert "AWORK_API_TOKEN" in result.stdout + result.stderr, result.stdout


def test_whoami(cli):
    result = cli("whoami")
    assert result.returncode == 0, result.stderr
    assert "Carla Creative" in result.stdout and "Demo Agentur" in result.stdout


def test_help_mentions_every_command(cli):
    result = cli("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert re.search(rf"\b{command}\b", result.stdout), command


def test_a_task_whose_type_is_archived_asks_for_the_option_naming_the_allowed_types(cli, fake_awork):
    result = cli("start", "--task", "wart-2024-5")
    assert result.returncode == 2, result.stderr
    assert "archived" in result.stderr and "--type-of-work" in result.stderr
    assert "Entwicklung, Support" in result.stderr  # what the task's project allows, nothing archived
    assert "Reisezeit" not in result.stderr
    assert not fake_awork.requests.of("POST", "me/timetracking/start")
    result = cli("start", "--task", "WART-2024-5", "--type-of-work", "support")
    assert result.returncode == 0, result.stderr


def test_a_type_the_project_does_not_allow_is_not_sent(cli, fake_awork):
    result = cli("start", "--task", "WART-2024-3", "--type-of-work", "Design")
    assert result.returncode == 2, result.stderr
    assert "“Wartungsvertrag 2024” does not allow the type of work “Design”" in result.stderr
    assert not fake_awork.requests.of("POST", "me/timetracking/start")


def test_a_done_project_is_refused_locally_when_the_workspace_prevents_it(cli, fake_awork):
    result = cli("start", "--task", "FEST_23-7")
    assert result.returncode == 4, result.stderr
    assert "done projects" in result.stderr and "Sommerfest 2023" in result.stderr
    assert not fake_awork.requests.of("POST", "me/timetracking/start")
    assert fake_awork.requests.of("GET", "timetracking/settings")


def test_an_archived_type_is_not_offered_by_name(cli, fake_awork):
    result = cli("start", "--type-of-work", "Reisezeit (alt)")
    assert result.returncode == 4
    assert "Reisezeit (alt)" not in result.stderr.partition("Known:")[2]
    assert not fake_awork.requests.of("POST", "me/timetracking/start")


def test_continue_of_an_entry_whose_type_was_archived_says_how_to_start_with_another(cli, fake_awork):
    assert cli("start", "--task", "WEB-12").returncode == 0
    assert cli("stop").returncode == 0
    task = next(t for t in fake_awork.backend.ws.tasks if t["taskIdentifier"] == "WEB-12")
    next(t for t in fake_awork.backend.ws.types_of_work if t["id"] == task["typeOfWorkId"])["isArchived"] = True
    result = cli("continue")
    assert result.returncode == 2, result.stderr
    assert "archived" in result.stderr and "awork-tray start --task WEB-12 --type-of-work NAME" in result.stderr
    assert len(fake_awork.requests.of("POST", "me/timetracking/start")) == 1


def test_today_lists_today_s_entries_and_the_total(cli, fake_awork):
    berlin = ZoneInfo("Europe/Berlin")
    now = datetime.now(timezone.utc)
    midnight = datetime.combine(now.astimezone(berlin).date(), datetime.min.time(), berlin).astimezone(timezone.utc)
    start = max(now - timedelta(minutes=5), midnight)
    seconds = int((now - start).total_seconds()) // 2
    fake_awork.backend.add_manual_elsewhere(start, seconds=seconds, with_end=True,
                                            task_id=next(t["id"] for t in fake_awork.backend.ws.tasks
                                                         if t["taskIdentifier"] == "APP-10"))
    assert cli("start", "--task", "WEB-12", "--note", "Entwurf").returncode == 0

    result = cli("today", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["date"] == datetime.now(berlin).date().isoformat()
    assert [(e["task"]["key"], e["state"]) for e in data["entries"]] == [("APP-10", "idle"), ("WEB-12", "running")]
    assert data["entries"][0]["seconds"] == seconds and data["entries"][1]["note"] == "Entwurf"
    assert data["total_seconds"] == sum(e["seconds"] for e in data["entries"])
    sent = [r for r in fake_awork.requests.of("GET", "timeentries") if "startDateUtc" in r.query.get("filterby", "")]
    assert len(sent) == 1  # one request for the week

    text = cli("today")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert "APP-10" in lines[0] and "WEB-12" in lines[1] and "Entwurf" not in text.stdout
    assert lines[-1].startswith("Today: ")

