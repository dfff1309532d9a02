"""The app's real keychain code against gnome-keyring as a real Secret Service (see secret_service.py).

- unlocked: `awork-tray login` (the real OAuth sign-in against the fake awork) stores the refresh
  token; a fresh process reads it back.
- locked, no display to prompt on: a clear message within seconds, not a hang.
- locked, with a display: gnome-keyring's own prompt opens; meanwhile the tray answers `status`
  and SIGTERM at once, and once the password is typed into the prompt it goes on signed in.
- none on the bus: the command line says so, and points to the tray's session-only sign-in.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tray_app.exit_codes import EXIT_FAILED, EXIT_NOT_SIGNED_IN, EXIT_OK

from e2e.secret_service import PASSWORD, GnomeKeyring, SessionBus, missing
from helpers.waiting import wait_for

pytestmark = pytest.mark.e2e

TESTS = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(__file__).parent / "artifacts"
PROMPT_ANSWER = 10.0  # seconds within which the app answers while the keychain asks (was 90)


@pytest.fixture
def keyring_env(tmp_path):
    """Builds the environment of an app process on `bus` (real keyring code, Secret Service backend)."""
    if missing():
        pytest.fail("Secret Service test tools missing: " + ", ".join(missing()))  # scripts/test.sh installs them
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{TESTS / "helpers" / "fake_awork" / "browser_script.py"}" "$@"\n')
    browser.chmod(0o755)

    def make(fake_awork, bus: SessionBus, base: dict[str, str] | None = None) -> dict[str, str]:
        env = {k: v for k, v in (base or os.environ).items()
               if not k.startswith(("AWORK_", "PYTHON_KEYRING", "GNOME_KEYRING"))}
        env.update(AWORK_API_URL=fake_awork.url, AWORK_TRAY_CONFIG_DIR=str(tmp_path / "config"), TZ="Europe/Berlin",
                   DBUS_SESSION_BUS_ADDRESS=bus.address, BROWSER=str(browser),
                   AWORK_TEST_BROWSER_LOG=str(tmp_path / "browser.jsonl"),
                   PYTHON_KEYRING_BACKEND="keyring.backends.SecretService.Keyring")
        if base is None:
            env.pop("DISPLAY", None)
            env["QT_QPA_PLATFORM"] = "offscreen"
        return env

    return make


@pytest.fixture
def services(tmp_path):
    started: list = []

    def start(env: dict[str, str], *, keyring: bool = True, prompter: bool = True):
        bus = SessionBus(tmp_path / f"bus{len(started)}", env, prompter=prompter)
        started.append(bus)
        if not keyring:
            return bus, None
        gnome_keyring = GnomeKeyring(bus, tmp_path / "home")
        started.append(gnome_keyring)
        return bus, gnome_keyring

    yield start
    for service in reversed(started):
        service.stop()


def cli(env: dict[str, str], *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tray_app", *args], env=env, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL, check=False)


def timed_cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    try:
        return cli(env, *args, timeout=PROMPT_ANSWER)
    except subprocess.TimeoutExpired:
        pytest.fail(f"`awork-tray {' '.join(args)}` got no answer within {PROMPT_ANSWER} s")


def no_display_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}


def test_sign_in_is_stored_in_gnome_keyring_and_read_back_by_a_fresh_process(fake_awork, keyring_env, services):
    bus, gnome_keyring = services(no_display_env())
    env = keyring_env(fake_awork, bus)
    login = cli(env, "login")
    assert login.returncode == EXIT_OK, login.stderr
    assert "kept in the system keychain" in login.stdout
    whoami = cli(env, "whoami")  # a new process: the sign-in can only come from gnome-keyring
    assert whoami.returncode == EXIT_OK, whoami.stderr
    assert "system keychain" in whoami.stdout
    assert len(fake_awork.oauth.live_refresh_tokens()) == 1  # the one whoami rotated and stored again

    gnome_keyring.lock()  # no display: gnome-keyring cannot ask for the password
    started = time.monotonic()
    locked = timed_cli(env, "whoami")
    assert time.monotonic() - started < PROMPT_ANSWER
    assert locked.returncode == EXIT_NOT_SIGNED_IN
    assert "locked" in locked.stderr
    relogin = timed_cli(env, "login")  # check() no longer calls a locked keychain fine
    assert relogin.returncode == EXIT_FAILED and "locked" in relogin.stderr
    assert "Traceback" not in locked.stderr + relogin.stderr


def test_with_no_secret_service_the_sign_in_offers_a_session_only_one(fake_awork, keyring_env, services):
    bus, _ = services(no_display_env(), keyring=False, prompter=False)
    env = keyring_env(fake_awork, bus)
    login = timed_cli(env, "login")
    assert login.returncode == EXIT_FAILED
    assert "No system keychain found" in login.stderr and "session only" in login.stderr
    assert "Traceback" not in login.stderr


def test_the_tray_answers_while_gnome_keyring_asks_for_its_password(fake_awork, keyring_env, services,
                                                                    virtual_desktop):
    d = virtual_desktop
    bus, gnome_keyring = services(d.env)  # gcr-prompter asks on the virtual desktop
    env = keyring_env(fake_awork, bus, base=d.env)
    assert cli(env, "login").returncode == EXIT_OK
    gnome_keyring.lock()

    tray = d.launch([sys.executable, "-m", "tray_app", "-v"], env=env)
    prompt = d.find_window("^Unlock Login Keyring$", timeout=20)
    started = time.monotonic()
    status = timed_cli(env, "status")
    answered_in = time.monotonic() - started
    assert status.returncode == EXIT_NOT_SIGNED_IN, status.stderr
    assert "Waiting for the keychain to be unlocked" in status.stderr
    assert answered_in < PROMPT_ANSWER
    d.screenshot(ARTIFACTS / "keyring-01-prompt-while-tray-waits.png")

    d.focus_window(prompt)
    d.type_text(PASSWORD)
    d.key("Return")
    d.wait_window_gone(prompt, timeout=20)
    wait_for(lambda: cli(env, "status").returncode == EXIT_OK, 30, what="the tray to go on signed in")
    tray.terminate()

    # Quitting while the prompt is up: the tray ends at once, the prompt is left to the keyring.
    gnome_keyring.lock()
    tray = d.launch([sys.executable, "-m", "tray_app"], env=env)
    prompt = d.find_window("^Unlock Login Keyring$", timeout=20)
    tray.proc.send_signal(signal.SIGTERM)
    try:
        tray.proc.wait(timeout=PROMPT_ANSWER)
    except subprocess.TimeoutExpired:
        pytest.fail(f"SIGTERM did not end the tray within {PROMPT_ANSWER} s while gnome-keyring's prompt was up")
    assert tray.returncode == 0, tray.stderr()
    d.focus_window(prompt)
    d.key("Escape")  # dismiss it: nothing is waiting for it any more
