"""Start on login: the generated entries are valid, and on/off/status round trips in a temporary home."""

from __future__ import annotations

import os
import plistlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tray_app.platform.autostart import create_autostart
from tray_app.platform.autostart.flatpak import FlatpakAutostart
from tray_app.platform.autostart.macos import LaunchAgentAutostart
from tray_app.platform.autostart.windows import APPROVED_KEY, RUN_KEY, WindowsAutostart
from tray_app.platform.autostart.xdg import XdgAutostart
from tray_app.platform.desktop_entry import exec_value, launch_command


def validate(path: Path) -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.fail("desktop-file-validate missing (apt: desktop-file-utils; scripts/test.sh installs it)")
    result = subprocess.run([tool, str(path)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def test_xdg_round_trip_and_valid_entry(tmp_path):
    backend = XdgAutostart(environ={"XDG_CONFIG_HOME": str(tmp_path / "cfg")}, command=["/opt/awork tray/bin/awork-tray", "--autostart"])
    assert not backend.status().enabled
    status = backend.enable()
    assert status.enabled and not status.problem
    assert backend.path == tmp_path / "cfg" / "autostart" / "com.awork.tray.desktop"
    validate(backend.path)
    text = backend.path.read_text()
    assert 'Exec="/opt/awork tray/bin/awork-tray" --autostart' in text
    assert backend.enable().enabled  # again: still one valid file
    assert not backend.disable().enabled and not backend.path.exists()
    assert not backend.disable().enabled  # off twice is fine


def test_xdg_default_command_runs_this_installation(tmp_path):
    backend = XdgAutostart(environ={"HOME": str(tmp_path)})
    backend.enable()
    validate(backend.path)
    assert backend.path.parent == tmp_path / ".config" / "autostart"
    expected = [*launch_command(), "--autostart"]
    assert f"Exec={exec_value(expected)}" in backend.path.read_text()
    assert Path(expected[0]).exists()


@pytest.mark.parametrize("line", ["Hidden=true", "X-GNOME-Autostart-enabled=false"])
def test_xdg_reports_an_entry_the_desktop_turned_off(tmp_path, line):
    backend = XdgAutostart(environ={"XDG_CONFIG_HOME": str(tmp_path)})
    backend.enable()
    backend.path.write_text(backend.path.read_text() + line + "\n")
    status = backend.status()
    assert not status.enabled and "startup settings" in status.problem
    assert backend.enable().enabled  # turning it on here repairs it


def test_xdg_reports_another_installation(tmp_path):
    backend = XdgAutostart(environ={"XDG_CONFIG_HOME": str(tmp_path)}, command=["/usr/bin/awork-tray", "--autostart"])
    XdgAutostart(environ={"XDG_CONFIG_HOME": str(tmp_path)}, command=["/old/awork-tray", "--autostart"]).enable()
    status = backend.status()
    assert status.enabled and "another installation" in status.problem


@pytest.mark.parametrize("argv, value", [
    (["/usr/bin/awork-tray", "--autostart"], "/usr/bin/awork-tray --autostart"),
    (["/home/a b/x", "50%"], '"/home/a b/x" 50%%'),
    (["/p/$HOME", 'say "hi"'], '"/p/\\\\$HOME" "say \\\\"hi\\\\""'),
])
def test_exec_quoting(argv, value):
    assert exec_value(argv) == value


def test_launch_command_choices(tmp_path):
    (tmp_path / "awork-tray").touch()
    python = str(tmp_path / "python3")
    assert launch_command(environ={}, executable=python, frozen=False, platform="linux") == [str(tmp_path / "awork-tray")]
    assert launch_command(environ={}, executable="/usr/bin/python3", frozen=False, platform="linux") == ["/usr/bin/python3", "-m", "tray_app"]
    assert launch_command(environ={"APPIMAGE": "/home/u/awork.AppImage"}, executable=python, platform="linux") == ["/home/u/awork.AppImage"]
    assert launch_command(environ={}, executable="/app/awork-tray", frozen=True, platform="linux") == ["/app/awork-tray"]
    (tmp_path / "pythonw.exe").touch()
    assert launch_command(environ={}, executable=str(tmp_path / "python.exe"), frozen=False, platform="win32")[1:] == ["-m", "tray_app"]
    assert launch_command(environ={}, executable=str(tmp_path / "python.exe"), frozen=False, platform="win32")[0].endswith("pythonw.exe")


def test_launch_agent_round_trip(tmp_path):
    backend = LaunchAgentAutostart(home=tmp_path, command=["/Applications/awork tray.app/Contents/MacOS/awork-tray", "--autostart"])
    assert not backend.status().enabled
    assert backend.enable().enabled
    data = plistlib.loads(backend.path.read_bytes())
    assert backend.path == tmp_path / "Library" / "LaunchAgents" / "com.awork.tray.plist"
    assert data == {"Label": "com.awork.tray", "ProgramArguments": backend.command, "RunAtLoad": True,
                    "KeepAlive": False, "ProcessType": "Interactive", "LimitLoadToSessionType": "Aqua"}
    backend.path.write_bytes(plistlib.dumps(dict(data, Disabled=True)))
    assert not backend.status().enabled
    assert not backend.disable().enabled and not backend.path.exists()


class FakeWinreg:
    HKEY_CURRENT_USER, KEY_READ, KEY_SET_VALUE, REG_SZ, REG_BINARY = "HKCU", 1, 2, 1, 3

    def __init__(self):
        self.keys: dict[str, dict[str, tuple]] = {}

    class _Key:
        def __init__(self, store, path):
            self.store, self.path = store, path

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

    def OpenKey(self, root, path, reserved, access):
        if path not in self.keys:
            raise FileNotFoundError(path)
        return self._Key(self, path)

    def CreateKeyEx(self, root, path, reserved, access):
        self.keys.setdefault(path, {})
        return self._Key(self, path)

    def QueryValueEx(self, key, name):
        if name not in self.keys[key.path]:
            raise FileNotFoundError(name)
        return self.keys[key.path][name]

    def SetValueEx(self, key, name, reserved, kind, value):
        self.keys[key.path][name] = (value, kind)

    def DeleteValue(self, key, name):
        if name not in self.keys[key.path]:
            raise FileNotFoundError(name)
        del self.keys[key.path][name]


def test_windows_run_key_and_startup_approved():
    reg = FakeWinreg()
    backend = WindowsAutostart(winreg=reg, command=[r"C:\Program Files\awork tray\awork-tray.exe", "--autostart"])
    assert not backend.status().enabled
    assert backend.enable().enabled
    assert reg.keys[RUN_KEY]["awork tray"] == ('"C:\\Program Files\\awork tray\\awork-tray.exe" --autostart', reg.REG_SZ)
    # The user turns it off in Task Manager: the Run value stays, StartupApproved says disabled.
    reg.keys.setdefault(APPROVED_KEY, {})["awork tray"] = (b"\x03" + b"\x00" * 3 + b"\x12" * 8, reg.REG_BINARY)
    status = backend.status()
    assert not status.enabled and "Task Manager" in status.problem
    assert backend.enable().enabled  # asked for again here: the mark is cleared
    assert reg.keys[APPROVED_KEY]["awork tray"][0][0] & 1 == 0
    assert not backend.disable().enabled
    assert "awork tray" not in reg.keys[RUN_KEY] and "awork tray" not in reg.keys[APPROVED_KEY]


def test_flatpak_asks_the_background_portal(tmp_path):
    asked = []

    def request(enable, command):
        asked.append((enable, command))
        return enable and len(asked) < 3

    backend = FlatpakAutostart(tmp_path, request=request, command=["awork-tray", "--autostart"])
    assert not backend.status().enabled
    assert backend.enable().enabled and asked[-1] == (True, ["awork-tray", "--autostart"])
    assert not backend.disable().enabled
    refused = backend.enable()
    assert not refused.enabled and "did not allow" in refused.problem


def test_backend_choice(tmp_path):
    assert create_autostart(tmp_path, platform="linux", environ={"HOME": str(tmp_path)}).name == "xdg"
    assert create_autostart(tmp_path, platform="linux", environ={"FLATPAK_ID": "com.awork.tray"}).name == "flatpak"
    assert create_autostart(tmp_path, platform="darwin").name == "launchagent"


def test_cli_on_status_off(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWORK_", "XDG_CONFIG_HOME"))}
    env.update(XDG_CONFIG_HOME=str(tmp_path / "cfg"), AWORK_TRAY_CONFIG_DIR=str(tmp_path / "app"))

    def run(*args):
        return subprocess.run([sys.executable, "-m", "tray_app", "autostart", *args], env=env, capture_output=True,
                              text=True, timeout=60)

    assert run("status").stdout.startswith("Start on login: off")
    on = run("on")
    assert on.returncode == 0 and on.stdout.startswith("Start on login: on") and "com.awork.tray.desktop" in on.stdout
    validate(tmp_path / "cfg" / "autostart" / "com.awork.tray.desktop")
    assert '"autostart": true' in (tmp_path / "app" / "settings.json").read_text()
    assert run("status").stdout.startswith("Start on login: on")
    assert run("off").returncode == 0
    assert run("status").stdout.startswith("Start on login: off")
    assert '"autostart": false' in (tmp_path / "app" / "settings.json").read_text()
    assert run("maybe").returncode == 2
