"""The user's settings: one dataclass, defaults in one place, a JSON file only the user can read.

Never a secret in here: tokens live in the keychain (or in memory). A settings file that cannot be
read is kept aside as settings.damaged-<time>.json (never overwritten by a later save) and the app
starts with the defaults; `problem` says so, for the one front end that found it to tell the user.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from ..domain import pins as pin_file
from ..domain.pins import Pin
from ..i18n import translate
from ..storage import keep_aside, write_json

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
    # Reminders (core/reminders.py): during working hours when nothing is tracked for
    # reminder_minutes, and at the working day's end while a timer runs. Working days are ISO
    # weekday digits (1 = Monday), the times "HH:MM" in the user's own zone; an end at or before
    # the start ends the next day.
    reminders: bool = True
    reminder_minutes: int = 15
    working_days: str = "12345"
    working_start: str = "09:00"
    working_end: str = "18:00"
    # Kept at the top of the quick-start list, in the user's order (domain/pins.py).
    pinned: tuple[Pin, ...] = ()
    # Away from the computer while a timer runs (idle, screen locked, asleep) for this many
    # minutes: on return, ask whether to keep that time (core/away_watch.py).
    idle_detection: bool = True
    idle_minutes: int = 10

    def replace(self, **changes) -> Settings:
        return dataclasses.replace(self, **changes)


class SettingsFile:
    def __init__(self, config_dir: Path):
        self.path = config_dir / "settings.json"
        self.damaged: Path | None = None  # where this object kept a damaged file aside
        self.problem: str | None = None  # what to tell the user about it, once

    def load(self) -> Settings:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return Settings()
        except PermissionError as exc:  # not damaged: we may not read it (and must not move it)
            log.warning("cannot read the settings %s: %s", self.path, exc)
            return Settings()
        except (OSError, ValueError) as exc:
            return self._damaged(exc)
        if not isinstance(data, dict):
            return self._damaged(ValueError(f"not an object but {type(data).__name__}"))
        known = {f.name: f for f in dataclasses.fields(Settings)}
        values = {}
        defaults = Settings()
        for name, value in data.items():
            # Unknown keys (from a newer version) and values of the wrong type fall back to defaults.
            if name not in known:
                continue
            if name == "pinned":  # a list of objects: each checked on its own (a damaged one is skipped)
                values[name], skipped = pin_file.from_json(value)
                if skipped:
                    log.warning("%d pinned item(s) in the settings could not be read and were left out", skipped)
                continue
            default = getattr(defaults, name)
            expected = str if default is None else type(default)
            if (value is None and default is None) or isinstance(value, expected):
                values[name] = value
        return Settings(**values)

    def _damaged(self, exc: Exception) -> Settings:
        try:
            self.damaged = keep_aside(self.path)
        except OSError as err:  # e.g. a read-only folder: then nothing can overwrite it either
            log.warning("unreadable settings %s (%s) could not be kept aside: %s", self.path, exc, err)
            self.problem = translate("Settings", "Your settings file {0} could not be read; awork tray starts with "
                                                 "its default settings.").format(self.path)
            return Settings()
        log.warning("unreadable settings %s (%s); kept as %s", self.path, exc, self.damaged)
        self.problem = translate("Settings", "Your settings file could not be read; awork tray starts with its "
                                             "default settings. The damaged file is kept as {0}.").format(self.damaged)
        return Settings()

    def save(self, settings: Settings) -> None:
        """Raises OSError (and changes nothing) when the file cannot be written."""
        data = dataclasses.asdict(settings)
        data["pinned"] = pin_file.to_json(settings.pinned)
        write_json(self.path, data, indent=2)
