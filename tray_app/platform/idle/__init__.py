"""How long since the last keyboard or mouse input: one backend per OS and desktop, chosen at run time.

Windows: GetLastInputInfo. macOS: CoreGraphics. Linux on X11: the MIT-SCREEN-SAVER extension.
Linux on Wayland: GNOME's Mutter IdleMonitor, else KDE's org.freedesktop.ScreenSaver (the first
that answers is kept). On Linux the screen lock comes from the desktop's screen saver on D-Bus.
Anything else tells no idle time: the core then notices sleep only, and the settings say so.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping

from ...i18n import translate
from .base import FirstWorking, IdleBackend, IdleUnavailable, NoIdle

log = logging.getLogger(__name__)

__all__ = ["IdleBackend", "IdleUnavailable", "NoIdle", "create_idle_backend"]


def create_idle_backend(*, platform: str = sys.platform, environ: Mapping[str, str] | None = None) -> IdleBackend:
    env = os.environ if environ is None else environ
    try:
        if platform == "win32":
            from .windows import WindowsIdle

            return WindowsIdle()
        if platform == "darwin":
            from .macos import MacIdle

            return MacIdle()
        from ..notifications import _has_session_bus
        from .dbus import MutterIdle, ScreenLock, ScreenSaverIdle

        lock = ScreenLock() if _has_session_bus(env) else None
        if env.get("WAYLAND_DISPLAY") or env.get("XDG_SESSION_TYPE") == "wayland":
            # Wayland lets no app see other apps' input: only the compositor can tell.
            if lock is None:
                return NoIdle(translate("Idle", "there is no D-Bus session bus to ask the desktop"))
            return FirstWorking([MutterIdle(), ScreenSaverIdle()], lock)
        if env.get("DISPLAY"):
            from .x11 import X11Idle

            return FirstWorking([X11Idle(env["DISPLAY"])], lock)
    except (OSError, IdleUnavailable) as exc:  # a missing library must never stop the tray
        log.warning("idle time unavailable: %r", exc)
        return NoIdle(str(exc))
    return NoIdle(translate("Idle", "this desktop tells apps no idle time"))
