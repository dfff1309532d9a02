"""Start on login: one backend per OS, chosen at run time.

Linux/BSD: an XDG autostart entry (inside Flatpak: the Background portal). macOS: a LaunchAgent.
Windows: the per-user Run key, honouring Task Manager's StartupApproved flag.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Mapping

from .base import AutostartBackend, AutostartStatus

__all__ = ["AutostartBackend", "AutostartStatus", "create_autostart"]


def create_autostart(config_dir: Path, *, platform: str = sys.platform,
                     environ: Mapping[str, str] | None = None) -> AutostartBackend:
    env = os.environ if environ is None else environ
    if platform == "win32":
        from .windows import WindowsAutostart

        return WindowsAutostart()
    if platform == "darwin":
        from .macos import LaunchAgentAutostart

        return LaunchAgentAutostart()
    if env.get("FLATPAK_ID") or os.path.exists("/.flatpak-info"):
        from .flatpak import FlatpakAutostart

        return FlatpakAutostart(config_dir)
    from .xdg import XdgAutostart

    return XdgAutostart(environ=env)
