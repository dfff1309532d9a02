"""A fake org.kde.StatusNotifierWatcher (what KDE's panel or GNOME's AppIndicator extension provide).

Run as a process: `python -m fake_portal.sni_watcher [--no-host]`; it prints "ready" once it owns
the name. `--no-host` answers IsStatusNotifierHostRegistered with false (a watcher without a panel).
"""

from __future__ import annotations

import sys

from jeepney import HeaderFields, MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

WATCHER = "org.kde.StatusNotifierWatcher"


def main(flags: list[str]) -> None:
    conn = open_dbus_connection("SESSION")
    conn.send_and_get_reply(message_bus.RequestName(WATCHER, 4))
    print("ready", flush=True)
    while True:
        msg = conn.receive()
        if msg.header.message_type != MessageType.method_call:
            continue
        f = msg.header.fields
        iface, member = f.get(HeaderFields.interface), f.get(HeaderFields.member)
        if iface == "org.freedesktop.DBus.Properties" and member == "Get" and msg.body == (WATCHER, "IsStatusNotifierHostRegistered"):
            conn.send(new_method_return(msg, "v", (("b", "--no-host" not in flags),)))
        elif iface == "org.freedesktop.DBus.Introspectable":
            xml = (f'<node><interface name="{WATCHER}"><property name="IsStatusNotifierHostRegistered" type="b" '
                   'access="read"/><method name="RegisterStatusNotifierItem"><arg type="s" direction="in"/></method>'
                   '</interface></node>')
            conn.send(new_method_return(msg, "s", (xml,)))
        elif member in ("RegisterStatusNotifierItem", "RegisterStatusNotifierHost"):
            conn.send(new_method_return(msg))
        else:
            conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod", "s", (f"{iface}.{member}",)))


if __name__ == "__main__":
    main(sys.argv[1:])
