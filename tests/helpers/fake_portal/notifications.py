"""A fake org.freedesktop.Notifications (what a desktop's notification daemon provides).

Run as a process: `python -m helpers.fake_portal.notifications LOG [--markup] [--no-actions]`; it
prints "ready" once it owns the name and appends each Notify call (with its actions) to LOG as a JSON
line. `--markup` announces the body-markup capability, `--no-actions` hides the actions one.

A test plays the user with two methods a real service does not have: InvokeAction(id, key) emits
ActionInvoked as a click on a button would, Dismiss(id) emits NotificationClosed (reason 2, dismissed
by the user). `invoke` and `dismiss` below call them.
"""

from __future__ import annotations

import json
import sys

from jeepney import (
    DBusAddress,
    HeaderFields,
    MessageType,
    new_error,
    new_method_call,
    new_method_return,
    new_signal,
)
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
DISMISSED = 2  # NotificationClosed's reason: the user closed it


def _emit(conn, member: str, signature: str, body: tuple) -> None:
    conn.send(new_signal(DBusAddress(PATH, interface=NAME), member, signature, body))


def _call(address: str, method: str, signature: str, body: tuple) -> None:
    """From a test: one blocking call to the fake on the bus at `address`."""
    with open_dbus_connection(address) as conn:
        conn.send_and_get_reply(new_method_call(DBusAddress(PATH, bus_name=NAME, interface=NAME), method,
                                                signature, body), timeout=10)


def invoke(address: str, message_id: int, key: str) -> None:
    """The user picks the action `key` of message `message_id` ("default": a click on the message)."""
    _call(address, "InvokeAction", "us", (message_id, key))


def dismiss(address: str, message_id: int) -> None:
    _call(address, "Dismiss", "u", (message_id,))


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
            if "--no-actions" not in flags:
                caps.append("actions")
            conn.send(new_method_return(msg, "as", (caps,)))
        elif member == "GetServerInformation":
            conn.send(new_method_return(msg, "ssss", ("fake", "tests", "1", "1.2")))
        elif member == "Notify":
            app, replaces, icon, summary, body, actions, hints, timeout = msg.body
            next_id += 1
            with open(log, "a", encoding="utf-8") as out:
                out.write(json.dumps({"app": app, "replaces": replaces, "icon": icon, "summary": summary,
                                      "body": body, "hints": {k: v[1] for k, v in hints.items()},
                                      "actions": [list(pair) for pair in zip(actions[::2], actions[1::2], strict=False)],
                                      "timeout": timeout, "id": replaces or next_id}) + "\n")
            conn.send(new_method_return(msg, "u", (replaces or next_id,)))
        elif member == "InvokeAction":
            conn.send(new_method_return(msg))
            _emit(conn, "ActionInvoked", "us", msg.body)
        elif member == "Dismiss":
            conn.send(new_method_return(msg))
            _emit(conn, "NotificationClosed", "uu", (msg.body[0], DISMISSED))
        else:
            conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod", "s", (str(member),)))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
