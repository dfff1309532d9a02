"""Linux and BSD desktops: an XDG autostart entry in $XDG_CONFIG_HOME/autostart/.

Turning it off deletes our file: `Hidden=` and `X-GNOME-Autostart-enabled=` are what desktops write
when the user turns an entry off in their own settings, and we report those, but they mean
different things to different desktops, so we never write them ourselves.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Mapping

from ...i18n import translate
from ..desktop_entry import APP_ID, APP_NAME, COMMENT, exec_value, icon_file, launch_command
from .base import AutostartStatus


class XdgAutostart:
    name = "xdg"

    def __init__(self, *, environ: Mapping[str, str] | None = None, command: list[str] | None = None):
        env = os.environ if environ is None else environ
        config_home = Path(env.get("XDG_CONFIG_HOME") or Path(env.get("HOME") or Path.home()) / ".config")
        self.path = config_home / "autostart" / f"{APP_ID}.desktop"
        self.command = command or [*launch_command(environ=env), "--autostart"]

    def content(self) -> str:
        return "\n".join([
            "[Desktop Entry]",
            "Type=Application",
            f"Name={APP_NAME}",
            f"Comment={COMMENT}",
            f"Exec={exec_value(self.command)}",
            f"Icon={icon_file()}",
            "Terminal=false",
            "NoDisplay=true",  # an autostart entry, not something to list among the applications
            "X-GNOME-Autostart-Delay=2",  # let the panel (and its tray) come up first
            "",
        ])

    def status(self) -> AutostartStatus:
        if not self.path.exists():
            return AutostartStatus(False, str(self.path))
        import configparser  # read only when the settings window asks: not kept by every tray

        entry = configparser.ConfigParser(interpolation=None, strict=False)
        entry.optionxform = str  # keys are case-sensitive
        try:
            entry.read(self.path, encoding="utf-8")
            values = entry["Desktop Entry"]
        except (configparser.Error, KeyError, OSError, UnicodeDecodeError):
            return AutostartStatus(False, str(self.path), translate("Autostart", "The autostart entry is unreadable; turn it on again to repair it."))
        if values.get("Hidden", "").strip().lower() == "true":
            return AutostartStatus(False, str(self.path), translate("Autostart", "Turned off in your desktop's startup settings."))
        if values.get("X-GNOME-Autostart-enabled", "").strip().lower() == "false":
            return AutostartStatus(False, str(self.path), translate("Autostart", "Turned off in your desktop's startup settings."))
        if values.get("Exec", "") != exec_value(self.command):  # both as written in the file
            return AutostartStatus(True, str(self.path), translate(
                "Autostart", "It starts another installation ({0}); turn it off and on to start this one.").format(
                values.get("Exec", "")))
        return AutostartStatus(True, str(self.path))

    def enable(self) -> AutostartStatus:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".awork-tray-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(self.content())
            os.chmod(tmp, 0o644)
            os.replace(tmp, self.path)  # a session starting right now never reads half a file
        except OSError:
            Path(tmp).unlink(missing_ok=True)
            raise
        return self.status()

    def disable(self) -> AutostartStatus:
        self.path.unlink(missing_ok=True)
        return self.status()
