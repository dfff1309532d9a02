"""Global shortcuts: one backend per OS and session type, chosen at run time.

Windows: RegisterHotKey. macOS: Carbon RegisterEventHotKey. Linux on X11: a key grab. Linux on
Wayland: the desktop portal's GlobalShortcuts. Anything else, or a backend that fails, reports the
shortcut as unavailable, and the settings window offers `awork-tray show` to bind by hand.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Mapping

from ...i18n import translate
from .base import (
    ACTIVE,
    OFF,
    PENDING,
    UNAVAILABLE,
    Activated,
    Binding,
    HotkeyBackend,
    HotkeyStatus,
    NoHotkeys,
    StatusReport,
)

log = logging.getLogger(__name__)

__all__ = ["ACTIVE", "OFF", "PENDING", "UNAVAILABLE", "Binding", "HotkeyStatus", "create_backend"]


def create_backend(on_activated: Activated, on_status: StatusReport, *, platform: str = sys.platform,
                   environ: Mapping[str, str] | None = None) -> HotkeyBackend:
    env = os.environ if environ is None else environ
    try:
        if platform == "win32":
            from .windows import WindowsHotkeys

            return WindowsHotkeys(on_activated, on_status)
        if platform == "darwin":
            from .macos import MacHotkeys

            return MacHotkeys(on_activated, on_status)
        if env.get("WAYLAND_DISPLAY") or env.get("XDG_SESSION_TYPE") == "wayland":
            # Under Wayland an X grab would only see keys typed into XWayland windows: ask the desktop.
            from ..desktop_entry import APP_ID
            from .portal import PortalHotkeys

            return PortalHotkeys(on_activated, on_status, app_id=APP_ID)
        if env.get("DISPLAY"):
            from .x11 import X11Hotkeys

            return X11Hotkeys(on_activated, on_status, display=env["DISPLAY"])
    except Exception as exc:  # a missing library or display must never stop the tray
        log.warning("global shortcuts unavailable: %r", exc)
        return NoHotkeys(on_status, translate("Hotkeys", "Global shortcuts could not be set up here ({0}).").format(exc))
    return NoHotkeys(on_status, translate("Hotkeys", "This desktop offers no global shortcuts to apps."))
