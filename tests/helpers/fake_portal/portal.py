"""A fake org.freedesktop.portal.Desktop (GlobalShortcuts v1, Background), for a private session bus.

Run as a process: `python -m fake_portal.portal LOGFILE [--refuse] [--no-shortcuts] [--deny-background]`. It follows
the portal's documented protocol: method calls return a Request object path built from the
caller's unique name and handle_token, and the answer follows as that Request's Response
signal; sessions live at /org/freedesktop/portal/desktop/session/SENDER/TOKEN; Activated and
Deactivated are emitted for the session. The test drives it through an extra interface,
org.example.FakePortal (Activate(s) and Quit()), and reads what it was asked from LOGFILE (JSON lines).
"""

from __future__ import annotations

import json
import sys
import time

from jeepney import DBusAddress, HeaderFields, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

PATH = "/org/freedesktop/portal/desktop"
GS = "org.freedesktop.portal.GlobalShortcuts"


def main(argv: list[str]) -> None:
    log_path, flags = argv[0], set(argv[1:])
    conn = open_dbus_connection("SESSION")
    conn.send_and_get_reply(message_bus.RequestName("org.freedesktop.portal.Desktop", 4))
    sessions: dict[str, str] = {}  # session path -> owner
    bound: dict[str, list] = {}

    def log(**entry):
        with open(log_path, "a", encoding="utf-8") as f:
            f.write(json.dumps(entry) + "\n")

    def respond(request_path: str, code: int, results: dict):
        conn.send(new_signal(DBusAddress(request_path, interface="org.freedesktop.portal.Request"),
                             "Response", "ua{sv}", (code, results)))

    print("ready", flush=True)
    while True:
        msg = conn.receive()
        if msg.header.message_type != MessageType.method_call:
            continue
        f = msg.header.fields
        iface, member, sender = f.get(HeaderFields.interface), f.get(HeaderFields.member), f.get(HeaderFields.sender)
        path = f.get(HeaderFields.path)
        who = sender.lstrip(":").replace(".", "_")
        if iface == "org.example.FakePortal":
            if member == "Quit":
                conn.send(new_method_return(msg))
                return
            (shortcut_id,) = msg.body
            for session in sessions:
                if any(s[0] == shortcut_id for s in bound.get(session, [])):
                    t = int(time.time() * 1000)
                    conn.send(new_signal(DBusAddress(PATH, interface=GS), "Activated", "osta{sv}", (session, shortcut_id, t, {})))
                    conn.send(new_signal(DBusAddress(PATH, interface=GS), "Deactivated", "osta{sv}", (session, shortcut_id, t, {})))
            conn.send(new_method_return(msg))
            continue
        if iface == "org.freedesktop.host.portal.Registry" and member == "Register":
            log(call="Register", app_id=msg.body[0])
            conn.send(new_method_return(msg))
        elif iface == "org.freedesktop.DBus.Properties" and member == "Get":
            if msg.body[0] == GS and "--no-shortcuts" not in flags:
                conn.send(new_method_return(msg, "v", (("u", 1),)))
            else:
                conn.send(new_error(msg, "org.freedesktop.DBus.Error.InvalidArgs", "s", ("No such interface",)))
        elif iface == GS and "--no-shortcuts" in flags:
            conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod", "s", ("No such interface",)))
        elif iface == GS and member == "CreateSession":
            options = msg.body[0]
            token = options["handle_token"][1]
            session = f"{PATH}/session/{who}/{options['session_handle_token'][1]}"
            sessions[session] = sender
            request = f"{PATH}/request/{who}/{token}"
            log(call="CreateSession", session=session)
            conn.send(new_method_return(msg, "o", (request,)))
            respond(request, 0, {"session_handle": ("s", session)})
        elif iface == GS and member == "BindShortcuts":
            session, shortcuts, _parent, options = msg.body
            request = f"{PATH}/request/{who}/{options['handle_token'][1]}"
            conn.send(new_method_return(msg, "o", (request,)))
            log(call="BindShortcuts", session=session,
                shortcuts={sid: {k: v[1] for k, v in props.items()} for sid, props in shortcuts})
            if session not in sessions:
                respond(request, 2, {})
            elif "--refuse" in flags:
                respond(request, 1, {})
            else:
                bound[session] = shortcuts
                answer = [(sid, {"description": props["description"],
                                 "trigger_description": ("s", "Press " + props["preferred_trigger"][1])})
                          for sid, props in shortcuts]
                respond(request, 0, {"shortcuts": ("a(sa{sv})", answer)})
        elif iface == "org.freedesktop.portal.Background" and member == "RequestBackground":
            _parent, options = msg.body
            request = f"{PATH}/request/{who}/{options['handle_token'][1]}"
            conn.send(new_method_return(msg, "o", (request,)))
            log(call="RequestBackground", options={k: v[1] for k, v in options.items()})
            if "--deny-background" in flags:
                respond(request, 1, {})
            else:
                respond(request, 0, {"background": ("b", True), "autostart": options["autostart"]})
        elif iface == "org.freedesktop.portal.Session" and member == "Close":
            log(call="Close", session=path)
            sessions.pop(path, None)
            bound.pop(path, None)
            conn.send(new_method_return(msg))
        else:
            conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod", "s", (f"{iface}.{member}",)))


if __name__ == "__main__":
    main(sys.argv[1:])
