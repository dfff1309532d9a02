"""Xfce's panel 4.18 as a real StatusNotifierItem host on the e2e desktop, and D-Bus reads of our item.

The panel's systray plugin is the org.kde.StatusNotifierWatcher and the host. xfconfd holds the
panel's configuration (one panel at the top: a separator that expands, then the systray), written
into a private XDG_CONFIG_HOME so that the panel's first-start dialog never shows. xfwm4 runs too:
it turns the panel's strut into _NET_WORKAREA, which Qt reads as the screen's available area.
Debian packages: xfce4-panel, xfconf, xfwm4 (scripts/test.sh installs them).
"""

from __future__ import annotations

import glob
import subprocess
import threading

from jeepney import DBusAddress, MatchRule, Properties, message_bus, new_method_call
from jeepney.io.blocking import open_dbus_connection

from helpers.desktop import VirtualDesktop
from helpers.waiting import wait_for

XFCONFD = next(iter(sorted(glob.glob("/usr/lib/*/xfce4/xfconf/xfconfd"))), "xfconfd")  # Debian: per architecture
PANEL_HEIGHT = 28
WATCHER = DBusAddress("/StatusNotifierWatcher", bus_name="org.kde.StatusNotifierWatcher",
                      interface="org.kde.StatusNotifierWatcher")
ITEM_INTERFACE = "org.kde.StatusNotifierItem"

PANEL_XML = f"""<?xml version="1.0" encoding="UTF-8"?>
<channel name="xfce4-panel" version="1.0">
  <property name="configver" type="int" value="2"/>
  <property name="panels" type="array">
    <value type="int" value="1"/>
    <property name="panel-1" type="empty">
      <property name="position" type="string" value="p=6;x=0;y=0"/>
      <property name="length" type="uint" value="100"/>
      <property name="position-locked" type="bool" value="true"/>
      <property name="size" type="uint" value="{PANEL_HEIGHT}"/>
      <property name="plugin-ids" type="array">
        <value type="int" value="1"/>
        <value type="int" value="2"/>
      </property>
    </property>
  </property>
  <property name="plugins" type="empty">
    <property name="plugin-1" type="string" value="separator">
      <property name="expand" type="bool" value="true"/>
      <property name="style" type="uint" value="0"/>
    </property>
    <property name="plugin-2" type="string" value="systray"/>
  </property>
</channel>
"""


class XfceSession:
    """xfconfd, xfwm4 and xfce4-panel on a started VirtualDesktop(tray=False, dbus="private")."""

    def __init__(self, desktop: VirtualDesktop):
        self.d = desktop
        config = desktop.tmpdir / "xdg-config"
        channel = config / "xfce4" / "xfconf" / "xfce-perchannel-xml"
        channel.mkdir(parents=True)
        (channel / "xfce4-panel.xml").write_text(PANEL_XML)
        desktop.env["XDG_CONFIG_HOME"] = str(config)
        desktop.env["NO_AT_BRIDGE"] = "1"  # GTK would start an accessibility bus for nothing
        self.bus = open_dbus_connection(desktop.env["DBUS_SESSION_BUS_ADDRESS"])
        self._procs: dict[str, subprocess.Popen] = {}

    def _spawn(self, name: str, argv: list[str]) -> None:
        # The child keeps its own copy of the file descriptor: ours is closed at once.
        with open(self.d.tmpdir / f"{name}.log", "ab") as log:
            self._procs[name] = subprocess.Popen(argv, env=self.d.env, stdin=subprocess.DEVNULL, stdout=log,
                                                 stderr=subprocess.STDOUT)

    def start(self, timeout: float = 20) -> None:
        self._spawn("xfconfd", [XFCONFD])
        self._spawn("xfwm4", ["xfwm4", "--compositor=off"])
        self.start_panel(timeout)
        # The window manager has read the panel's strut: Qt's available area excludes the panel.
        wait_for(lambda: self.workarea()[1] >= PANEL_HEIGHT, timeout, what="_NET_WORKAREA below the panel")

    def start_panel(self, timeout: float = 20) -> None:
        self._spawn("panel", ["xfce4-panel", "--disable-wm-check"])
        wait_for(self.host_registered, timeout, what="Xfce's systray to register as the SNI host",
                 ignore=(Exception,))

    def stop_panel(self) -> None:
        proc = self._procs.pop("panel")
        proc.terminate()
        proc.wait(10)
        wait_for(lambda: not self.name_has_owner(WATCHER.bus_name), 10, what="the watcher to leave the bus")

    def stop(self) -> None:
        for proc in reversed(list(self._procs.values())):
            proc.terminate()
        for proc in self._procs.values():
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)
        self._procs.clear()
        self.bus.close()

    def logs(self) -> str:
        return "\n".join(f"--- {name} ---\n{(self.d.tmpdir / f'{name}.log').read_text(errors='replace')}"
                         for name in ("xfconfd", "xfwm4", "panel") if (self.d.tmpdir / f"{name}.log").exists())

    # ------------------------------------------------------------------ reading the bus

    def workarea(self) -> tuple[int, int, int, int]:
        out = self.d.run(["xprop", "-root", "_NET_WORKAREA"], check=False)
        numbers = [int(n) for n in out.split("=", 1)[-1].replace(",", " ").split() if n.isdigit()]
        return tuple(numbers[:4]) if len(numbers) >= 4 else (0, 0, 0, 0)

    def name_has_owner(self, name: str) -> bool:
        return bool(self.bus.send_and_get_reply(message_bus.NameHasOwner(name)).body[0])

    def host_registered(self) -> bool:
        reply = self.bus.send_and_get_reply(Properties(WATCHER).get("IsStatusNotifierHostRegistered"))
        return bool(reply.body[0][1])

    def registered_items(self) -> list[str]:
        reply = self.bus.send_and_get_reply(Properties(WATCHER).get("RegisteredStatusNotifierItems"))
        return list(reply.body[0][1])

    def item_of(self, pid: int) -> DBusAddress | None:
        """Our item, as the watcher lists it ("service/path" or a bus name with Qt's default path)."""
        for entry in self.registered_items():
            service, _, path = entry.partition("/")
            if f"-{pid}-" in service or self._pid_of(service) == pid:
                return DBusAddress("/" + path if path else "/StatusNotifierItem", bus_name=service,
                                   interface=ITEM_INTERFACE)
        return None

    def _pid_of(self, name: str) -> int | None:
        try:
            return int(self.bus.send_and_get_reply(message_bus.GetConnectionUnixProcessID(name)).body[0])
        except Exception:
            return None

    def item_property(self, item: DBusAddress, name: str):
        return self.bus.send_and_get_reply(Properties(item).get(name)).body[0][1]

    def activate(self, item: DBusAddress, x: int, y: int) -> None:
        """What the panel sends on a left click on the item."""
        self.bus.send_and_get_reply(new_method_call(item, "Activate", "ii", (x, y)))

    def menu_labels(self, item: DBusAddress) -> list[str]:
        menu = DBusAddress(self.item_property(item, "Menu"), bus_name=item.bus_name, interface="com.canonical.dbusmenu")
        reply = self.bus.send_and_get_reply(new_method_call(menu, "GetLayout", "iias", (0, -1, [])))
        _revision, (_id, _props, children) = reply.body
        labels = []
        for _sig, (_child_id, props, _grandchildren) in children:
            visible = props.get("visible", ("b", True))[1]  # hidden items stay in the layout: the panel skips them
            if "label" in props and visible:
                labels.append(props["label"][1].replace("&", ""))
        return labels


class StatusWatch:
    """Every NewStatus signal from any StatusNotifierItem, collected on a thread of its own."""

    def __init__(self, address: str):
        self.statuses: list[str] = []
        self._conn = open_dbus_connection(address)
        rule = MatchRule(type="signal", interface=ITEM_INTERFACE, member="NewStatus")
        self._conn.send_and_get_reply(message_bus.AddMatch(rule))
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                msg = self._conn.receive(timeout=0.2)
            except TimeoutError:
                continue
            except OSError:
                return
            if msg.header.fields.get(4) == "NewStatus":  # 4: the member header field
                self.statuses.append(msg.body[0])

    def close(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self._conn.close()


def read_pixmap(value) -> bytes:
    """The largest IconPixmap image's bytes (an icon state's fingerprint)."""
    return max(value, key=lambda image: image[0] * image[1])[2] if value else b""


def missing_xfce() -> list[str]:
    import shutil

    tools = {"xfce4-panel": "xfce4-panel", "xfwm4": "xfwm4", XFCONFD: "xfconf", "xprop": "x11-utils"}
    return [f"{tool} ({package})" for tool, package in tools.items() if shutil.which(tool) is None]


__all__ = ["PANEL_HEIGHT", "StatusWatch", "XfceSession", "missing_xfce", "read_pixmap"]
