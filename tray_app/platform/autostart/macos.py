"""macOS: a per-user LaunchAgent, ~/Library/LaunchAgents/<app id>.plist, run at login.

A LaunchAgent works for any build (signed or not, bundle or pip install); SMAppService would need
a signed app bundle. Turning it off removes the file but does not `launchctl bootout` the job:
that would end the running tray.
"""

from __future__ import annotations

import os
import plistlib
from pathlib import Path

from ...i18n import translate
from ..desktop_entry import APP_ID, launch_command
from .base import AutostartStatus


class LaunchAgentAutostart:
    name = "launchagent"

    def __init__(self, *, home: Path | None = None, command: list[str] | None = None):
        self.path = (home or Path.home()) / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
        self.command = command or [*launch_command(platform="darwin"), "--autostart"]

    def plist(self) -> dict:
        return {
            "Label": APP_ID,
            "ProgramArguments": self.command,
            "RunAtLoad": True,
            "KeepAlive": False,  # Quit means quit: launchd must not restart it
            "ProcessType": "Interactive",
            "LimitLoadToSessionType": "Aqua",  # the graphical login, not ssh sessions
        }

    def status(self) -> AutostartStatus:
        if not self.path.exists():
            return AutostartStatus(False, str(self.path))
        try:
            data = plistlib.loads(self.path.read_bytes())
        except (OSError, plistlib.InvalidFileException, ValueError):
            return AutostartStatus(False, str(self.path), translate("Autostart", "The LaunchAgent is unreadable; turn it on again to repair it."))
        if data.get("Disabled") is True:
            return AutostartStatus(False, str(self.path), translate("Autostart", "The LaunchAgent is disabled."))
        if data.get("ProgramArguments") != self.command:
            return AutostartStatus(True, str(self.path), translate("Autostart", "It starts another installation; turn it off and on to start this one."))
        return AutostartStatus(True, str(self.path))

    def enable(self) -> AutostartStatus:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_bytes(plistlib.dumps(self.plist()))
        os.replace(tmp, self.path)
        return self.status()

    def disable(self) -> AutostartStatus:
        self.path.unlink(missing_ok=True)
        return self.status()
