"""The user's settings: one dataclass, defaults in one place, a JSON file only the user can read.

Never a secret in here: tokens live in the keychain (or in memory).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..config import private_dir

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    # Sign-in (OAuth): the client id this app registered, or one an admin created by hand.
    oauth_client_id: str | None = None
    oauth_redirect_uri: str | None = None
    # Reach: global shortcuts as Qt portable key sequences ("" = off), start on login.
    # Ctrl+Alt+Shift+letter is free on Windows, macOS (⌘⌥⇧), GNOME and KDE, but on Windows Ctrl+Alt
    # is also AltGr, and AltGr+Shift+A types "Ą" on Polish keyboards: Space collides with no layout.
    hotkey_quick_start: str = "Ctrl+Alt+Shift+Space"
    hotkey_toggle: str = "Ctrl+Alt+Shift+P"
    autostart: bool = False
    # "" follows the system language.
    language: str = ""
    # Tray icon: "auto" (macOS template image, else colour), "colour", or monochrome for a
    # "light" or a "dark" panel (ui/icons.py).
    tray_icon_style: str = "auto"

    def replace(self, **changes) -> "Settings":
        return dataclasses.replace(self, **changes)


class SettingsFile:
    def __init__(self, config_dir: Path):
        self.path = config_dir / "settings.json"

    def load(self) -> Settings:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return Settings()
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable settings %s: %s", self.path, exc)
            return Settings()
        if not isinstance(data, dict):
            return Settings()
        known = {f.name: f for f in dataclasses.fields(Settings)}
        values = {}
        defaults = Settings()
        for name, value in data.items():
            # Unknown keys (from a newer version) and values of the wrong type fall back to defaults.
            if name not in known:
                continue
            default = getattr(defaults, name)
            expected = str if default is None else type(default)
            if (value is None and default is None) or isinstance(value, expected):
                values[name] = value
        return Settings(**values)

    def save(self, settings: Settings) -> None:
        private_dir(self.path.parent)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".settings-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(dataclasses.asdict(settings), handle, indent=2, ensure_ascii=False)
            os.replace(tmp, self.path)  # atomic: never half a settings file
        except OSError:
            Path(tmp).unlink(missing_ok=True)
            raise
