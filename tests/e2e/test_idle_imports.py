"""What the idle tray holds: the real app under Xvfb + trayer with a timer running, its task lists
loaded and the popover never opened, has not imported what only a window, a sign-in, a command or
the keychain needs (each of them costs memory for the life of the process).

Python itself reports every import (PYTHONPROFILEIMPORTTIME), so the app needs no hook for this."""

from __future__ import annotations

import re
import sys

import pytest

from tray_app.demo.workspace import demo_workspace

from helpers import tray_state
from helpers.fake_awork import FakeAworkServer
from helpers.waiting import wait_for

pytestmark = pytest.mark.e2e

# Loaded when first used: the windows (settings, sign-in, the away question, the popover), the
# command line's code (a command from another process), the browser sign-in, the keychain (this
# tray has its token from the environment), and standard modules nothing at idle needs.
NOT_AT_IDLE = (
    "tray_app.ui.settings_window", "tray_app.ui.sign_in.dialog", "tray_app.ui.sign_in.flow",
    "tray_app.ui.away_prompt", "tray_app.ui.popover", "tray_app.cli_commands", "tray_app.cli_output",
    "tray_app.api.auth.sign_in_pages", "tray_app.platform.browser", "webbrowser", "html.entities",
    "keyring", "secretstorage", "logging.handlers", "pickle", "statistics", "decimal", "uuid", "configparser",
    "ctypes.util",
)
IMPORTED = re.compile(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)\s*$")


def test_the_idle_tray_has_not_imported_what_it_does_not_use(virtual_desktop, tmp_path):
    env = {"AWORK_API_TOKEN": "test-token", "AWORK_TRAY_CONFIG_DIR": str(tmp_path), "TZ": "Europe/Berlin",
           "PYTHONPROFILEIMPORTTIME": "1"}
    with FakeAworkServer(demo_workspace(running=True), token="test-token") as server:
        app = virtual_desktop.launch([sys.executable, "-m", "tray_app"], env=dict(env, AWORK_API_URL=server.url))
        wait_for(lambda: tray_state.lists_loaded(tmp_path), 30, what="task lists loaded")
        imported = {m.group(1) for line in app.stderr().splitlines() if (m := IMPORTED.match(line))}
    assert "tray_app.ui.tray_controller" in imported  # the report is there (and the tray got that far)
    held = sorted(name for name in imported if any(name == n or name.startswith(n + ".") for n in NOT_AT_IDLE))
    assert held == []
