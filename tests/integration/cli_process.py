"""The real `awork-tray` command line as a subprocess against a fake awork, with a private config."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_cli(server_url: str, config_dir: Path, *args: str, token: str | None = "test-token",
            tz: str = "Europe/Berlin", timeout: float = 60) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWORK_")}
    env.update(AWORK_API_URL=server_url, AWORK_TRAY_CONFIG_DIR=str(config_dir), TZ=tz,
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")  # never the real keychain
    if token is not None:
        env["AWORK_API_TOKEN"] = token
    return subprocess.run([sys.executable, "-m", "tray_app", *args], env=env, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL, check=False)
