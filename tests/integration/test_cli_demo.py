"""`awork-tray` next to a running demo tray: which tray a command reaches, and that the demo says so.

The rule: a command without --demo goes to the real tray; when no real tray runs but the demo tray
does, it goes to the demo tray, whose answers say "(demo)". With AWORK_API_TOKEN set a command is
meant for awork and never goes to the demo. `awork-tray --demo …` only ever talks to the demo.
The trays here are the real socket servers with a stand-in handler; the command line is a process.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys

import pytest

from tray_app.cli_commands import run_intent
from tray_app.composition import build_core
from tray_app.config import Config
from tray_app.platform.instance import InstanceServer
from tray_app.platform.instance_client import InstanceAddress


@pytest.fixture
def places(tmp_path):
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    return runtime, tmp_path / "config"


@pytest.fixture
def trays(places, monkeypatch):
    """start(demo=…) listens where that tray would; returns the commands it is asked."""
    runtime, config = places
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    servers = []

    def start(*, demo: bool) -> list:
        server = InstanceServer(InstanceAddress.for_config(config, demo=demo))
        assert server.listen()
        asked = []

        async def handler(request):
            asked.append(request["cmd"])
            return {"exit": 0, "stdout": "the demo tray" if demo else "the real tray", "stderr": "", "status": None}

        server.handler = handler
        servers.append(server)
        return asked

    yield start
    for server in servers:
        server.close()


@pytest.fixture
def cli(qloop, places):
    runtime, config = places

    def run(*args: str, timeout: float = 30, **extra_env: str) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWORK_")}
        env.update(XDG_RUNTIME_DIR=str(runtime), AWORK_TRAY_CONFIG_DIR=str(config), QT_QPA_PLATFORM="offscreen",
                   PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", **extra_env)
        # In a thread: the trays answer on this loop meanwhile.
        return qloop.run_until_complete(asyncio.to_thread(
            subprocess.run, [sys.executable, "-m", "tray_app", *args], env=env, capture_output=True, text=True,
            timeout=timeout, stdin=subprocess.DEVNULL, check=False))

    return run


def test_a_plain_command_reaches_the_demo_tray_when_it_is_the_only_one(trays, cli):
    demo = trays(demo=True)
    status = cli("status")
    assert (status.returncode, status.stdout.strip()) == (0, "the demo tray"), status.stderr
    show = cli("show", timeout=20)  # not a second, real tray with a sign-in window: that would not end
    assert show.returncode == 0, show.stderr
    assert demo == ["status", "show"]


def test_the_real_tray_wins_and_demo_reaches_only_the_demo(trays, cli):
    demo, real = trays(demo=True), trays(demo=False)
    assert cli("status").stdout.strip() == "the real tray"
    assert cli("--demo", "status").stdout.strip() == "the demo tray"
    assert (demo, real) == (["status"], ["status"])


def test_with_an_api_token_a_plain_command_is_meant_for_awork(trays, cli, fake_awork):
    demo = trays(demo=True)
    status = cli("status", "--json", AWORK_API_TOKEN="test-token", AWORK_API_URL=fake_awork.url)
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["state"] == "idle" and demo == []  # awork's timer, not the demo's


def test_what_the_demo_answers_says_demo(qloop, tmp_path):
    config = Config.from_environment({"AWORK_TRAY_CONFIG_DIR": str(tmp_path)})

    async def ask():
        core = build_core(config, demo=True, use_cache=False)
        try:
            await core.restore_sign_in()
            return (await run_intent(core, "status"), await run_intent(core, "status", {"json": True}),
                    await run_intent(core, "start", {"task": "NOPE-404"}))
        finally:
            await core.aclose()

    text, as_json, failed = qloop.run_until_complete(ask())
    first = text.stdout.splitlines()[0]
    assert first.startswith("Running") and first.endswith(" (demo)"), text.stdout
    assert json.loads(as_json.stdout)["demo"] is True and as_json.status["demo"] is True
    assert failed.exit != 0 and failed.stderr.startswith("awork-tray (demo): "), failed.stderr
