"""Inside Flatpak: the Background portal's RequestBackground with autostart, instead of a file.

A sandboxed app cannot write the host's autostart folder; the portal writes the entry for it (and
may ask the user first). The portal cannot be asked for the current state, so the answer it gave
last time is remembered in a small file next to the settings.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from ...i18n import translate
from ..desktop_entry import launch_command
from .base import AutostartStatus

log = logging.getLogger(__name__)

BACKGROUND = "org.freedesktop.portal.Background"


class FlatpakAutostart:
    name = "flatpak"

    def __init__(self, config_dir: Path, *, request=None, command: list[str] | None = None):
        self.state_path = config_dir / "autostart-portal.json"
        self.command = command or [*launch_command(), "--autostart"]
        self._request = request or _request_background

    def status(self) -> AutostartStatus:
        try:
            data = json.loads(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        return AutostartStatus(bool(data.get("autostart")), "the desktop's background apps (Background portal)",
                               data.get("problem", ""))

    def _ask(self, enable: bool) -> AutostartStatus:
        try:
            granted = self._request(enable, self.command)
            problem = "" if granted == enable else translate("Autostart", "Your desktop did not allow awork tray to start on login.")
        except Exception as exc:  # no portal, no bus: say so instead of pretending
            log.warning("background portal: %s", exc)
            granted, problem = False, translate("Autostart", "The desktop's Background portal is not available ({0}).").format(exc)
        self.state_path.parent.mkdir(parents=True, exist_ok=True)
        self.state_path.write_text(json.dumps({"autostart": granted, "problem": problem}), encoding="utf-8")
        return self.status()

    def enable(self) -> AutostartStatus:
        return self._ask(True)

    def disable(self) -> AutostartStatus:
        return self._ask(False)


def _request_background(enable: bool, command: list[str], timeout: float = 120.0) -> bool:
    """RequestBackground over a blocking D-Bus connection; returns whether autostart is now on."""
    from jeepney import DBusAddress, MatchRule, message_bus, new_method_call
    from jeepney.io.blocking import Proxy, open_dbus_connection
    from jeepney.wrappers import unwrap_msg

    from ..portal_bus import PORTAL_NAME, PORTAL_PATH, REQUEST_INTERFACE

    with open_dbus_connection("SESSION") as conn:
        token = "awork_tray_background"
        sender = conn.unique_name.lstrip(":").replace(".", "_")
        rule = MatchRule(type="signal", interface=REQUEST_INTERFACE, member="Response",
                         path=f"{PORTAL_PATH}/request/{sender}/{token}")
        Proxy(message_bus, conn).AddMatch(rule)
        with conn.filter(rule) as responses:
            options = {"handle_token": ("s", token), "reason": ("s", translate("Autostart", "Start awork tray when you log in")),
                       "autostart": ("b", enable), "commandline": ("as", command), "dbus-activatable": ("b", False)}
            msg = new_method_call(DBusAddress(PORTAL_PATH, bus_name=PORTAL_NAME, interface=BACKGROUND),
                                  "RequestBackground", "sa{sv}", ("", options))
            unwrap_msg(conn.send_and_get_reply(msg, timeout=30))
            response, results = conn.recv_until_filtered(responses, timeout=timeout).body
    if response != 0:
        return False
    return bool(results.get("autostart", ("b", False))[1])
