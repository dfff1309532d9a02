"""`awork-tray autostart on|off|status`: the same backend and settings the settings window uses."""

from __future__ import annotations

import sys

from .core.settings import SettingsFile
from .i18n import translate
from .platform.autostart import AutostartStatus, create_autostart


def describe(status: AutostartStatus) -> str:
    if status.enabled:
        text = translate("Cli", "Start on login: on")
    else:
        text = translate("Cli", "Start on login: off")
    if status.where:
        text += f" ({status.where})"
    return text


def autostart_command(action: str, config) -> int:
    backend = create_autostart(config.config_dir)
    try:
        if action == "on":
            status = backend.enable()
        elif action == "off":
            status = backend.disable()
        else:
            status = backend.status()
    except OSError as exc:
        print("awork-tray: " + translate("Cli", "could not change start on login: {0}").format(exc), file=sys.stderr)
        return 1
    if action != "status":
        settings_file = SettingsFile(config.config_dir)
        settings_file.save(settings_file.load().replace(autostart=status.enabled))
    print(describe(status))
    if status.problem:
        print(f"awork-tray: {status.problem}", file=sys.stderr)
    wanted = {"on": True, "off": False}.get(action)
    return 1 if wanted is not None and status.enabled != wanted else 0
