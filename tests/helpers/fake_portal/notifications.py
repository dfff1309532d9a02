"""A fake org.freedesktop.Notifications (what a desktop's notification daemon provides).

Run as a process: `python -m helpers.fake_portal.notifications LOG [--markup]`; it prints "ready" once it
owns the name and appends each Notify call to LOG as a JSON line. `--markup` announces the
body-markup capability.
"""

from __future__ import annotations

import json
import sys

from jeepney import HeaderFields, MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

NAME = "org.freedesktop.Notifications"


def main(log: str, flags: list[str]) -> None:
    conn = open_dbus_connection("SESSION")
    conn.send_and_get_reply(message_bus.RequestName(NAME, 4))
    print("ready", flush=True)
    next_id = 0
    while True:
        msg = conn.receive()
        if msg.header.message_type != MessageType.method_call:
            continue
        member = msg.header.fields.get(HeaderFields.member)
        if member == "GetCapabilities":
            caps = ["body", "body-markup"] if "--markup" in flags else ["body"]
            conn.send(new_method_return(msg, "as", (caps,)))
        elif member == "GetServerInformation":
            conn.send(new_method_return(msg, "ssss", ("fake", "tests", "1", "1.2")))
        elif member == "Notify":
            app, replaces, icon, summary, body, _actions, hints, timeout = msg.body
            next_id += 1
            with open(log, "a", encoding="utf-8") as out:
                out.write(json.dumps({"app": app, "replaces": replaces, "icon": icon, "summary": summary,
                                      "body": body, "hints": {k: v[1] for k, v in hints.items()},
                                      "timeout": timeout, "id": next_id}) + "\n")
            conn.send(new_method_return(msg, "u", (replaces or next_id,)))
        else:
            conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod", "s", (str(member),)))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
