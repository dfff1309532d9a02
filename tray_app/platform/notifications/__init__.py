"""Desktop notifications: one backend per OS, chosen at run time.

Linux and the BSDs: the desktop's notification service, org.freedesktop.Notifications over D-Bus
(freedesktop.py). Never QSystemTrayIcon.showMessage there: under StatusNotifierItem Qt also marks
the item NeedsAttention and swaps our state icon for an attention icon (a light bulb on Xfce)
for as long as the message shows, right when a pause or resume should show the new state.
Windows and macOS: the platform's own, which Qt's showMessage is (a toast, the Notification Center).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from .base import Balloon, Notifier

__all__ = ["Balloon", "Notifier", "create_notifier"]


def create_notifier(balloon: Balloon, *, platform: str = sys.platform,
                    environ: Mapping[str, str] | None = None) -> Notifier:
    """`balloon(title, text, warning)` shows Qt's own message by the icon: the platform's
    notification on Windows and macOS, and on Linux the fallback when no service is on the bus."""
    env = os.environ if environ is None else environ
    if platform in ("win32", "darwin"):
        from .base import BalloonNotifier

        return BalloonNotifier(balloon)
    if not _has_session_bus(env):
        # No bus: Qt cannot have put the icon on StatusNotifierItem either, so its balloon is safe.
        from .base import BalloonNotifier

        return BalloonNotifier(balloon)
    from .freedesktop import DesktopNotifier

    return DesktopNotifier(balloon)


def _has_session_bus(env: Mapping[str, str]) -> bool:
    if env.get("DBUS_SESSION_BUS_ADDRESS"):
        return True
    runtime = env.get("XDG_RUNTIME_DIR")  # where jeepney (and libdbus) look without the variable
    return bool(runtime) and os.path.exists(os.path.join(runtime, "bus"))
