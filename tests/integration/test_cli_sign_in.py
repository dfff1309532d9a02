"""`awork-tray login | whoami | logout` as real processes: the browser sign-in driven by a $BROWSER
script, a file-backed test keychain shared by the commands, the strict fake awork — and afterwards
no token, code or verifier in the log, the settings, stdout/stderr or any process's argv."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
BROWSER_SCRIPT = TESTS / "helpers" / "fake_awork" / "browser_script.py"


@pytest.fixture
def cli(fake_awork, tmp_path):
    keyring_file = tmp_path / "keyring.json"
    # webbrowser runs $BROWSER as one executable (no arguments): a wrapper runs the script.
    browser_command = tmp_path / "browser.sh"
    browser_command.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{BROWSER_SCRIPT}" "$@"\n')
    browser_command.chmod(0o755)
    browser_log = tmp_path / "browser.jsonl"
    outputs: list[str] = []

    def run(*args: str, keychain: bool = True, browser: bool = True, env_token: str | None = None,
            timeout: float = 60) -> subprocess.CompletedProcess:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AWORK_", "PYTHON_KEYRING"))}
        env.update(AWORK_API_URL=fake_awork.url, AWORK_TRAY_CONFIG_DIR=str(tmp_path / "config"), TZ="Europe/Berlin",
                   PYTHONPATH=os.pathsep.join(filter(None, [str(TESTS), env.get("PYTHONPATH")])),
                   AWORK_TEST_KEYRING=str(keyring_file), AWORK_TEST_BROWSER_LOG=str(browser_log),
                   PYTHON_KEYRING_BACKEND="helpers.fake_awork.keyrings.FileKeyring" if keychain else "keyring.backends.fail.Keyring")
        env["BROWSER"] = str(browser_command) if browser else "false"
        if env_token:
            env["AWORK_API_TOKEN"] = env_token
        result = subprocess.run([sys.executable, "-m", "tray_app", *args], env=env, capture_output=True, text=True,
                                timeout=timeout, stdin=subprocess.DEVNULL)
        outputs.append(result.stdout + result.stderr)
        return result

    run.keyring = lambda: json.loads(keyring_file.read_text()) if keyring_file.exists() else {}
    run.browser_visits = lambda: [json.loads(line) for line in browser_log.read_text().splitlines()] if browser_log.exists() else []
    run.outputs = outputs
    run.config_dir = tmp_path / "config"
    return run


def assert_no_secret_anywhere(cli, fake_awork) -> None:
    """After a full run: nothing awork issued (codes, access and refresh tokens) and no PKCE
    verifier may be in the log files, the settings, what was printed, or any argv we saw."""
    secrets = fake_awork.oauth.issued_secrets()
    secrets |= {f["code_verifier"] for f in fake_awork.oauth.token_requests if "code_verifier" in f}
    assert secrets
    places = {str(p): p.read_text(encoding="utf-8", errors="replace")
              for p in cli.config_dir.rglob("*") if p.is_file()}
    assert any(name.endswith(".log") for name in places), "no log file was written"
    assert any(name.endswith("settings.json") for name in places)
    places["printed"] = "\n".join(cli.outputs)
    for visit in cli.browser_visits():
        places["browser argv"] = " ".join(visit["argv"])
        places["app argv"] = " ".join(visit["parent_argv"])
    for secret in secrets:
        for name, text in places.items():
            assert secret not in text, f"a secret leaked into {name}"


def test_login_whoami_logout_with_the_browser(cli, fake_awork):
    result = cli("-v", "login")
    assert result.returncode == 0, result.stderr
    [visit] = cli.browser_visits()
    authorize_url = visit["argv"][-1]
    assert authorize_url.startswith(fake_awork.url + "/accounts/authorize?")
    assert authorize_url in result.stdout  # printed too, for a shell without a browser
    assert visit["authorize_status"] == 302 and visit["page_status"] == 200
    assert "Signed in — you can close this tab" in visit["page"]
    assert visit["parent_argv"][-3:] == ["tray_app", "-v", "login"]  # the app itself opened the browser
    assert "Signed in as Carla Creative · Demo Agentur" in result.stdout
    settings = json.loads((cli.config_dir / "settings.json").read_text())
    assert settings["oauth_client_id"] in fake_awork.oauth.clients
    assert cli.keyring() == {"awork-tray/oauth-refresh-token": list(fake_awork.oauth.refresh)[-1]}

    result = cli("whoami")
    assert result.returncode == 0, result.stderr
    assert "Carla Creative · Demo Agentur" in result.stdout and "browser" in result.stdout
    assert "system keychain" in result.stdout
    # Each command started with a refresh; the rotated token is what the keychain holds now.
    assert fake_awork.oauth.refresh_count == 1
    assert cli.keyring()["awork-tray/oauth-refresh-token"] == fake_awork.oauth.live_refresh_tokens()[-1]

    result = cli("status", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["state"] == "idle"

    result = cli("logout")
    assert result.returncode == 0, result.stderr
    assert "revoked" in result.stdout
    assert fake_awork.oauth.revocations == [settings["oauth_client_id"]]
    assert cli.keyring() == {}
    assert fake_awork.oauth.live_refresh_tokens() == []

    result = cli("status")
    assert result.returncode == 3 and "Not signed in" in result.stderr
    assert_no_secret_anywhere(cli, fake_awork)


def test_login_refused_in_the_browser(cli, fake_awork):
    fake_awork.oauth.authorize_error = "access_denied"
    result = cli("login")
    assert result.returncode == 3
    assert "cancelled in the browser" in result.stderr
    assert cli.keyring() == {}


def test_login_without_a_keychain_explains_and_opens_no_browser(cli, fake_awork):
    result = cli("login", keychain=False)
    assert result.returncode == 1
    assert "No system keychain found" in result.stderr and "gnome-keyring" in result.stderr
    assert "session only" in result.stderr and "AWORK_API_TOKEN" in result.stderr
    assert cli.browser_visits() == [] and len(fake_awork.requests) == 0


def test_a_revoked_sign_in_asks_to_sign_in_again_without_retrying(cli, fake_awork):
    assert cli("login").returncode == 0
    for grant in fake_awork.oauth.refresh.values():
        grant.revoked = True
    sent = len(fake_awork.requests)
    result = cli("status")
    assert result.returncode == 3
    assert "Sign in again" in result.stderr
    assert [r.path for r in fake_awork.requests.snapshot()[sent:]] == ["accounts/token"]  # one try, then nothing
    assert cli.keyring() == {}


def test_environment_token_overrides_and_login_says_so(cli, fake_awork):
    result = cli("login", env_token="test-token")
    assert result.returncode == 2 and "AWORK_API_TOKEN is set" in result.stderr
    result = cli("whoami", env_token="test-token")
    assert result.returncode == 0 and "AWORK_API_TOKEN" in result.stdout
    assert cli.browser_visits() == []
