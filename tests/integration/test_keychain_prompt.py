"""The tray never waits on the keychain's password prompt: the real tray process (offscreen Qt)
restores a stored sign-in from a keychain that shows a prompt and answers only once the user
unlocked it. Meanwhile `awork-tray status` answers at once, saying what the tray waits for, and
SIGTERM ends the tray; once unlocked, the tray goes on signed in."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tray_app.api.auth.keychain import REFRESH_ACCOUNT, SERVICE
from tray_app.core.settings import Settings, SettingsFile
from tray_app.exit_codes import EXIT_NOT_SIGNED_IN

from helpers.fake_awork.asking_keyrings import lock, prompting, unlock

TESTS = Path(__file__).resolve().parents[1]
PROMPT_ANSWER = 10.0  # a command to a tray whose keychain asks: answered in this time (was 90 s)


def wait_until(condition, what: str, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while not (result := condition()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)
    return result


@pytest.fixture
def stored_sign_in(fake_awork, tmp_path):
    """A sign-in as an earlier run left it: the client id in the settings, a refresh token awork
    accepts in the (file-backed) keychain, which is locked now."""
    fake_awork.oauth.add_client("test-client", ["http://127.0.0.1/callback"])
    grant = fake_awork.oauth._issue("test-client", "full_access offline_access")  # as the token endpoint would
    config_dir = tmp_path / "config"
    SettingsFile(config_dir).save(Settings().replace(oauth_client_id="test-client"))
    keyring_file = tmp_path / "keyring.json"
    keyring_file.write_text(json.dumps({f"{SERVICE}/{REFRESH_ACCOUNT}": grant["refresh_token"]}))
    lock(keyring_file)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWORK_", "PYTHON_KEYRING", "XDG_RUNTIME"))}
    env.update(AWORK_API_URL=fake_awork.url, AWORK_TRAY_CONFIG_DIR=str(config_dir), TZ="Europe/Berlin",
               QT_QPA_PLATFORM="offscreen", AWORK_TEST_KEYRING=str(keyring_file),
               PYTHONPATH=os.pathsep.join(filter(None, [str(TESTS), env.get("PYTHONPATH")])),
               PYTHON_KEYRING_BACKEND="helpers.fake_awork.asking_keyrings.PromptKeyring")
    return env, keyring_file


def cli(env: dict, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tray_app", *args], env=env, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL, check=False)


@pytest.fixture
def tray(stored_sign_in):
    env, _ = stored_sign_in
    process = subprocess.Popen([sys.executable, "-m", "tray_app", "-v"], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    yield process
    if process.poll() is None:
        process.kill()
    process.communicate()


def test_status_answers_while_the_keychain_prompt_is_up_and_the_tray_goes_on_once_unlocked(tray, stored_sign_in):
    env, keyring_file = stored_sign_in
    wait_until(lambda: prompting(keyring_file), "the tray to ask the keychain")
    asked = time.monotonic()
    try:
        result = cli(env, "status", timeout=PROMPT_ANSWER)
    except subprocess.TimeoutExpired:
        pytest.fail(f"`status` got no answer within {PROMPT_ANSWER} s while the keychain's prompt was up")
    assert time.monotonic() - asked < PROMPT_ANSWER
    assert result.returncode == EXIT_NOT_SIGNED_IN
    assert "Waiting for the keychain to be unlocked" in result.stderr
    assert tray.poll() is None

    unlock(keyring_file)  # the user typed the keychain's password
    done = wait_until(lambda: (r := cli(env, "status")).returncode == 0 and r, "the tray to go on signed in")
    assert "Idle" in done.stdout or "Running" in done.stdout


def test_sigterm_ends_the_tray_while_the_keychain_prompt_is_up(tray, stored_sign_in):
    _, keyring_file = stored_sign_in
    wait_until(lambda: prompting(keyring_file), "the tray to ask the keychain")
    tray.send_signal(signal.SIGTERM)
    try:
        tray.wait(timeout=PROMPT_ANSWER)
    except subprocess.TimeoutExpired:
        pytest.fail(f"SIGTERM did not end the tray within {PROMPT_ANSWER} s while the keychain's prompt was up")
    assert tray.returncode == 0
    assert keyring_file.with_name(keyring_file.name + ".locked").exists()  # it never got its answer
