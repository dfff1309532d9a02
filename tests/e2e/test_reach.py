"""One instance, the command line through the running tray, and the X11 global shortcut, for real:
the app under Xvfb with trayer, its local socket, a second `awork-tray` process, and xdotool."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import tray_state
from helpers.waiting import wait_for

pytestmark = pytest.mark.e2e

TIMEOUT = 20
POPOVER = "Quick start"


@pytest.fixture
def reach(virtual_desktop, fake_awork, tmp_path):
    """Launches trays and runs `awork-tray` commands in one user session (one runtime dir)."""
    d = virtual_desktop
    env = {
        "AWORK_API_URL": fake_awork.url,
        "AWORK_API_TOKEN": "test-token",
        "AWORK_TRAY_CONFIG_DIR": str(tmp_path),
        "TZ": "Europe/Berlin",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }

    class Reach:
        log = tmp_path / "logs" / "awork-tray.log"

        def launch(self):
            return self.launch_with()

        def launch_with(self, *args: str):
            return d.launch([sys.executable, "-m", "tray_app", *args], env=env)

        def cli(self, *args: str, timeout: float = 60, **overrides: str) -> subprocess.CompletedProcess:
            full = {**d.env, **env, **overrides}
            return subprocess.run([sys.executable, "-m", "tray_app", *args], env=full, capture_output=True,
                                  text=True, timeout=timeout, stdin=subprocess.DEVNULL)

        def through_tray(self, *args: str) -> subprocess.CompletedProcess:
            """`awork-tray ARGS` that cannot reach awork itself: it succeeds only through the tray."""
            return self.cli(*args, AWORK_API_URL=tray_state.UNREACHABLE_API_URL)

        def answers(self) -> bool:
            return tray_state.answers(tmp_path, dict(d.env, **env))

        def hotkeys(self) -> dict[str, str]:
            """The shortcuts' states, as the tray answers a ping (what Settings shows)."""
            reply = tray_state.ask(tmp_path, dict(d.env, **env))
            return (reply or {}).get("hotkeys") or {}

        def ready(self):
            d.tray_icon_geometry(timeout=TIMEOUT)
            wait_for(lambda: tray_state.lists_loaded(tmp_path), TIMEOUT, what="task lists loaded")

    return Reach()


def test_second_launch_opens_the_first_ones_popover_and_exits_0(virtual_desktop, reach):
    d = virtual_desktop
    first = reach.launch()
    reach.ready()
    assert not d.find_windows(POPOVER)
    second = reach.cli(timeout=30)
    assert second.returncode == 0, second.stderr
    d.find_window(POPOVER, timeout=TIMEOUT)  # (a second tray would not have exited)
    assert len(d.tray_icons()) == 1 and first.returncode is None


def test_two_launches_at_the_same_moment_give_one_tray_icon(virtual_desktop, reach):
    d = virtual_desktop
    apps = [reach.launch(), reach.launch()]
    d.tray_icon_geometry(timeout=TIMEOUT)
    loser = wait_for(lambda: next((a for a in apps if a.returncode is not None), None), TIMEOUT,
                     what="one of the two launches to step aside")
    assert loser.returncode == 0, loser.stderr()
    winner = next(a for a in apps if a is not loser)
    d.find_window(POPOVER, timeout=TIMEOUT)  # the loser asked the winner to show itself
    time.sleep(1.0)  # a second icon would have been embedded by now
    assert len(d.tray_icons()) == 1 and winner.returncode is None


def test_a_killed_tray_leaves_a_stale_socket_and_the_next_launch_takes_over(virtual_desktop, reach, tmp_path):
    d = virtual_desktop
    first = reach.launch()
    reach.ready()
    runtime = Path(d.env["XDG_RUNTIME_DIR"])
    sockets = list(runtime.glob("awork-tray-*.sock"))
    assert len(sockets) == 1 and oct(sockets[0].parent.stat().st_mode & 0o777) == "0o700"
    os.killpg(first.pid, signal.SIGKILL)
    first.proc.wait(10)
    wait_for(lambda: not d.tray_icons(), TIMEOUT, what="the killed icon to go")
    assert sockets[0].exists() and list(runtime.glob("awork-tray-*.lock"))  # what a crash leaves behind
    assert reach.cli("status", "--json").returncode == 0  # nobody listens: the command acts by itself
    second = reach.launch()
    d.tray_icon_geometry(timeout=TIMEOUT)
    wait_for(reach.answers, TIMEOUT, what="the new tray to answer on the socket")
    result = reach.through_tray("status", "--json")
    assert result.returncode == 0, result.stderr
    assert second.returncode is None


def test_every_command_goes_through_the_running_tray(virtual_desktop, reach, fake_awork):
    d = virtual_desktop
    reach.launch()
    reach.ready()

    def posts(action):
        return len(fake_awork.requests.of("POST", f"me/timetracking/{action}"))

    def run(*args):
        result = reach.through_tray(*args)
        assert result.returncode == 0, f"{args} did not go through the tray: {result.stderr}"
        return result

    run("show")
    wid = d.find_window(POPOVER, timeout=TIMEOUT)
    d.key("Escape")
    d.wait_window_gone(wid, timeout=TIMEOUT)

    assert "WEB-12" in run("start", "--task", "WEB-12", "--note", "Entwurf").stdout
    assert posts("start") == 1
    status = json.loads(run("status", "--json").stdout)
    assert status["state"] == "running" and status["task"]["key"] == "WEB-12" and status["note"] == "Entwurf"

    assert run("toggle").stdout.startswith("Paused") and posts("pause") == 1
    assert run("toggle").stdout.startswith("Running") and posts("resume") == 1
    assert run("pause").stdout.startswith("Paused")
    assert run("resume").stdout.startswith("Running")
    assert run("continue").stdout.startswith("Running") and posts("start") == 1  # already running: nothing new
    assert run("stop").stdout.startswith("Idle") and posts("stop") == 1

    assert run("toggle").stdout.startswith("Running")  # idle: continue the last entry
    again = fake_awork.requests.of("POST", "me/timetracking/start")[-1].body
    first = fake_awork.requests.of("POST", "me/timetracking/start")[0].body
    assert again == first  # same task, project, type of work and note
    assert json.loads(run("status", "--json").stdout)["task"]["key"] == "WEB-12"

    failed = reach.through_tray("start", "--task", "NOPE-1")
    assert failed.returncode == 4 and "NOPE-1" in failed.stderr  # errors and exit codes come back too


def test_x11_global_shortcuts(virtual_desktop, reach, fake_awork):
    d = virtual_desktop
    reach.launch()
    reach.ready()
    wait_for(lambda: reach.hotkeys() == {"quick_start": "active", "toggle": "active"}, TIMEOUT,
             what="both shortcuts grabbed")
    d.key("ctrl+alt+shift+space")
    wid = d.find_window(POPOVER, timeout=TIMEOUT)
    d.wait_focused(wid)
    d.key("ctrl+alt+shift+space")  # the same chord closes it again
    d.wait_window_gone(wid, timeout=TIMEOUT)

    assert reach.cli("start", "--type-of-work", "Design").returncode == 0
    d.key("ctrl+alt+shift+p")
    fake_awork.wait_for_request(lambda r: r.method == "POST" and r.path.endswith("timetracking/pause"), TIMEOUT)
    d.key("ctrl+alt+shift+p")
    fake_awork.wait_for_request(lambda r: r.method == "POST" and r.path.endswith("timetracking/resume"), TIMEOUT)
    # NumLock on must not matter (X matches modifiers exactly: the grab covers it).
    d.key("Num_Lock")
    d.key("ctrl+alt+shift+p")
    fake_awork.wait_for_request(lambda r: r.method == "POST" and r.path.endswith("timetracking/pause"), TIMEOUT)
    assert len(fake_awork.requests.of("POST", "me/timetracking/pause")) == 2


def test_started_at_login_it_waits_for_the_tray(fake_awork, tmp_path):
    from helpers.desktop import VirtualDesktop

    with VirtualDesktop(tray=False, artifacts_dir=Path(__file__).parent / "artifacts", artifact_prefix="autostart") as d:
        env = {"AWORK_API_URL": fake_awork.url, "AWORK_API_TOKEN": "test-token", "AWORK_TRAY_CONFIG_DIR": str(tmp_path),
               "TZ": "Europe/Berlin"}
        app = d.launch([sys.executable, "-m", "tray_app", "--autostart"], env=env)
        full = dict(d.env, **env)

        def still_starting() -> bool:  # it listens, but takes no commands before it has a tray
            reply = tray_state.ask(tmp_path, full)
            return reply is not None and reply["exit"] == 1

        wait_for(still_starting, TIMEOUT, what="the app to wait for a tray")
        time.sleep(1.5)  # the panel is late
        assert app.returncode is None and not d.find_windows(POPOVER)  # no window pops up at login
        assert still_starting()
        d.tray = True
        d._start_trayer()
        d.tray_icon_geometry(timeout=TIMEOUT)
        wait_for(lambda: tray_state.answers(tmp_path, full), TIMEOUT, what="the app to go on with the tray found")


def test_a_login_start_finds_the_running_tray_and_quietly_ends(virtual_desktop, reach):
    d = virtual_desktop
    reach.launch()
    reach.ready()
    again = reach.cli("--autostart", timeout=30)
    assert again.returncode == 0 and not again.stdout and not again.stderr
    time.sleep(0.5)
    assert not d.find_windows(POPOVER) and len(d.tray_icons()) == 1


def test_show_without_a_tray_starts_one_with_its_popover_open(virtual_desktop, reach):
    d = virtual_desktop
    app = reach.launch_with("show")
    d.tray_icon_geometry(timeout=TIMEOUT)
    d.find_window(POPOVER, timeout=TIMEOUT)
    assert app.returncode is None  # it became the tray


def test_settings_from_the_tray_menu(virtual_desktop, reach):
    d = virtual_desktop
    app = reach.launch()
    reach.ready()
    wait_for(lambda: reach.hotkeys().get("toggle") == "active", TIMEOUT, what="the shortcuts set up")
    before = set(d._search(["--onlyvisible", "--pid", str(app.pid)]))
    d.click_tray_icon(button=3)
    # The menu has no title to wait for: it is the app's window that was not there before.
    wait_for(lambda: set(d._search(["--onlyvisible", "--pid", str(app.pid)])) - before, TIMEOUT, what="the menu")
    d.key("Up", "Up", "Return")  # from the bottom: Quit, then Settings…
    wid = d.find_window("Settings", timeout=TIMEOUT)
    x, y, w, h = d.window_geometry(wid)
    d.screenshot(Path(__file__).parent / "artifacts" / "settings-window.png", crop=(x, y, w, h))
