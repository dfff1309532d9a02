"""Who this app is to the desktop (its app id) and the command that runs this very installation.

Autostart entries, the portal's app registration and the settings window's "bind this command"
hint all need the same answers, so they come from here.
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path
from typing import Mapping

from .. import APP_ID  # noqa: F401  (here too: where the desktop's other answers are)
from ..resource_files import resource_file

APP_NAME = "awork tray"
COMMENT = "Start, pause and stop awork time tracking from the system tray"


def launch_command(*, environ: Mapping[str, str] | None = None, executable: str | None = None,
                   frozen: bool | None = None, platform: str = sys.platform) -> list[str]:
    """The argv that starts this installation: an AppImage, a frozen bundle, the venv's script…"""
    env = os.environ if environ is None else environ
    executable = executable or sys.executable
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    if env.get("APPIMAGE"):
        return [env["APPIMAGE"]]  # the mounted path changes every run; the AppImage file does not
    if frozen:
        if platform == "win32" and Path(executable).name.lower() == "awork-tray-cli.exe":
            # The Windows bundle's console twin: what starts at login is the windowed one beside it.
            return [str(Path(executable).with_name("awork-tray.exe"))]
        return [executable]
    folder = Path(executable).parent
    if platform == "win32":
        # The console script would open a console window at every login: pythonw has none.
        pythonw = folder / "pythonw.exe"
        return [str(pythonw if pythonw.exists() else executable), "-m", "tray_app"]
    script = folder / "awork-tray"
    if script.exists():
        return [str(script)]
    return [executable, "-m", "tray_app"]


def shell_command(*args: str, **kw) -> str:
    """The command line a person can paste into a terminal or a shortcut setting."""
    argv = launch_command(**kw) + list(args)
    if kw.get("platform", sys.platform) == "win32":
        import subprocess

        return subprocess.list2cmdline(argv)
    return shlex.join(argv)


_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def exec_value(argv: list[str]) -> str:
    """argv as a desktop entry's Exec= value (quoting, then the string escapes, then %%)."""
    parts = []
    for arg in argv:
        if arg and not (_RESERVED & set(arg)):
            parts.append(arg)
        else:
            inner = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
            parts.append(f'"{inner}"')
    value = " ".join(parts).replace("%", "%%")
    return value.replace("\\", "\\\\")  # the general string escape applies on top of the Exec quoting


def icon_file() -> str:
    return str(resource_file("icons", "awork-tray.svg"))
