"""What awork sends is data: the command line prints no escape sequence, no echoed token and no
megabytes of it (issue 11, "Text from the server is data")."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from .cli_process import run_cli

TOKEN = "test-token"
EVIL_NAME = "Sitemap \x1b]0;pwned\x07\x1b[2J\x1b]8;;https://evil.example\x1b\\entwerfen\x1b]8;;\x1b\\ \x9b31m\u202eflipped"
HUGE_NOTE = "Entwurf " + "x" * 200_000 + " \x1b[31mred"


def entry_json() -> bytes:
    start = datetime.now(UTC) - timedelta(minutes=5)
    return json.dumps({
        "id": "e1", "startDateUtc": start.strftime("%Y-%m-%dT00:00:00Z"), "startTimeUtc": start.strftime("%H:%M:%S"),
        "typeOfWork": {"id": "w1", "name": "Design\x1b[5m"}, "note": HUGE_NOTE,
        "task": {"id": "t1", "name": EVIL_NAME, "taskIdentifier": "WEB-1",
                 "project": {"id": "p1", "name": "Website \x07Relaunch"}},
    }).encode()


def no_controls(text: str) -> bool:
    return not any((ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F or c == "\u202e" for c in text)


@pytest.fixture
def cli(fake_awork, tmp_path):
    def run(*args: str):
        result = run_cli(fake_awork.url, tmp_path, *args, token=TOKEN)
        assert TOKEN not in result.stdout + result.stderr
        return result

    return run


def test_status_prints_server_text_without_escapes_and_shortened(cli, fake_awork):
    fake_awork.malformed_next("me/timeentries/last", body=entry_json())
    result = cli("status")
    assert result.returncode == 0, result.stderr
    assert no_controls(result.stdout), repr(result.stdout[:300])
    assert "WEB-1 Sitemap entwerfen flipped · Website Relaunch · Design" in result.stdout
    assert len(result.stdout) < 2000  # not the 200 000-character note
    assert "Entwurf xxx" in result.stdout


def test_status_json_keeps_the_data_whole_but_escaped(cli, fake_awork):
    fake_awork.malformed_next("me/timeentries/last", body=entry_json())
    result = cli("status", "--json")
    assert result.returncode == 0, result.stderr
    assert no_controls(result.stdout), repr(result.stdout[:300])
    data = json.loads(result.stdout)
    assert data["task"]["name"] == EVIL_NAME and data["note"] == HUGE_NOTE


def test_an_error_that_echoes_the_token_prints_neither_token_nor_escapes(cli, fake_awork):
    fake_awork.fail_next(400, body={"description": f"Bearer {TOKEN} is not allowed\x1b[2J here; token={TOKEN}"},
                         path="me/timeentries/last")
    result = cli("status")
    assert result.returncode != 0
    assert "is not allowed here" in result.stderr
    assert no_controls(result.stderr), repr(result.stderr)
