"""At login the app may start before the panel: wait (bounded) until a system tray exists.

Qt decides once per process whether to use the D-Bus StatusNotifierItem tray and caches the
answer, so asking Qt too early would lose the icon for the whole session. We ask the bus (and the
X server, for XEmbed trays) ourselves, and create the tray icon only once one of them is there.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import time
from typing import Callable, Mapping

log = logging.getLogger(__name__)

WATCHER = "org.kde.StatusNotifierWatcher"
AUTOSTART_WAIT = 60.0


def sni_host_ready() -> bool:
    """What Qt checks, without Qt's cache: a watcher on the session bus that has a host."""
    from PySide6.QtDBus import QDBusConnection, QDBusInterface

    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    if not bus.interface().isServiceRegistered(WATCHER).value():
        return False
    watcher = QDBusInterface(WATCHER, "/StatusNotifierWatcher", WATCHER, bus)
    return bool(watcher.property("IsStatusNotifierHostRegistered"))


def xembed_tray_ready(display: str) -> bool:
    from .xcb import XcbConnection

    conn = XcbConnection(display)
    try:
        return conn.selection_owner(f"_NET_SYSTEM_TRAY_S{conn.screen_number}") != 0
    finally:
        conn.close()


def tray_checks(platform: str = sys.platform, environ: Mapping[str, str] | None = None) -> list[Callable[[], bool]]:
    env = os.environ if environ is None else environ
    if platform.startswith("linux") or "bsd" in platform:
        checks: list[Callable[[], bool]] = [sni_host_ready]
        if env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
            checks.append(lambda: xembed_tray_ready(env["DISPLAY"]))
        return checks
    from PySide6.QtWidgets import QSystemTrayIcon  # Windows and macOS: Qt's answer is live

    return [QSystemTrayIcon.isSystemTrayAvailable]


async def wait_for_tray(checks: list[Callable[[], bool]], timeout: float = AUTOSTART_WAIT, interval: float = 0.5) -> bool:
    """True as soon as one check passes; False after `timeout` (the app then goes on regardless)."""
    started = time.monotonic()
    deadline = started + timeout
    log.info("waiting up to %.0f s for a system tray", timeout)
    while True:
        for check in checks:
            try:
                if check():
                    log.info("system tray found after %.1f s", time.monotonic() - started)
                    return True
            except Exception as exc:  # no bus or display yet is exactly what we wait out
                log.debug("tray check %s: %r", getattr(check, "__name__", check), exc)
        if time.monotonic() >= deadline:
            return False
        await asyncio.sleep(interval)
