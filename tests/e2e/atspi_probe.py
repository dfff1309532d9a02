"""Reads a running application through the AT-SPI bus, as a screen reader does: its accessible
tree, and where the keyboard focus lands (the focus events a screen reader speaks).

Run with the system's Python (/usr/bin/python3), which has pyatspi (Debian: python3-pyatspi, which
pulls in python3-gi and gir1.2-atspi-2.0); the app under test runs from the project's venv, which
has no PyGObject. It never imports the app: it only sees what crosses the bus.

One command per line on stdin, one JSON line back on stdout, so one process serves a whole test
and hears every focus event in between:
    "dump <application name>"  ->  {"tree": node | null}
    "focus"                    ->  {"count": n, "focus": node without children | null}
                                   (the last object that gained focus, as it is now, and how many
                                   focus events came so far)
    "quit"
    node = {"role", "name", "description", "states", "text", "value", "children", "parent"}
"text" is the Text interface's whole content (an editable field's value), "value" the Value
interface's current value; either is null when the object does not have it. "parent" (focus only)
is the parent's role and name, "window" the top-level window's.

Qt leaves popups (menus) out of the tree: a screen reader meets their items only through focus.
"""

import json
import sys

import pyatspi
from gi.repository import Atspi, GLib

MAX_DEPTH = 40  # a Qt window is a few levels deep; this only stops a cycle
MAX_CHILDREN = 200  # a list of tasks is long: its rows past this many are not needed

# What reading a remote object can raise: a D-Bus error (the object is gone, the app is busy),
# or pyatspi's NotImplementedError for an interface the object does not have.
UNREADABLE = (GLib.Error, NotImplementedError)

focus = {"count": 0, "focus": None}
last_focused = [None]  # the object itself: "focus" describes it as it is now (a renamed button)


def describe(acc, depth=0, children=True):
    try:
        states = sorted(pyatspi.stateToString(s) for s in acc.getState().getStates())
    except UNREADABLE:
        states = []
    out = {
        "role": acc.getRoleName(),
        "name": acc.name or "",
        "description": acc.description or "",
        "states": states,
        "text": None,
        "value": None,
        "children": [],
    }
    out["text"] = readable(lambda: acc.queryText().getText(0, -1))
    out["value"] = readable(lambda: acc.queryValue().currentValue)
    if children and depth < MAX_DEPTH:
        for i in range(min(acc.childCount, MAX_CHILDREN)):
            child = readable(lambda i=i: acc.getChildAtIndex(i))
            if child is not None:
                out["children"].append(describe(child, depth + 1))
    return out


def readable(read):
    """What `read()` returns, or None when the object has no such interface or is gone."""
    try:
        return read()
    except UNREADABLE:
        return None


def application(app_name):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is None:
            continue
        # Read what the app says now, not what this process saw before: libatspi's cache keeps an
        # old name (a button renamed "Pause" -> "Resume") when the change event was missed.
        app.setCacheMask(Atspi.Cache.NONE)
        app.clearCache()
        if app.name == app_name:
            return app
    return None


def dump(app_name):
    app = application(app_name)
    return describe(app) if app is not None else None


def gained_focus(event):
    if not event.detail1:
        return
    focus["count"] += 1
    last_focused[0] = event.source
    focus["focus"] = focused(event.source)


def focused(source):
    try:
        source.getApplication().setCacheMask(Atspi.Cache.NONE)
        item = describe(source, children=False)
        parent = source.parent
        item["parent"] = {"role": parent.getRoleName(), "name": parent.name or ""} if parent is not None else None
        window = source
        while window.parent is not None and window.parent.getRoleName() != "application":
            window = window.parent
        item["window"] = {"role": window.getRoleName(), "name": window.name or ""}
    except UNREADABLE as exc:  # the object may be gone already
        item = {"error": repr(exc)}
    return item


def command(line):
    name, _, arg = line.strip().partition(" ")
    if name == "dump":
        try:
            return {"tree": dump(arg)}
        except UNREADABLE as exc:  # the app may still be starting: the caller asks again
            return {"tree": None, "error": repr(exc)}
    if name == "focus":
        if last_focused[0] is not None:
            now = focused(last_focused[0])
            if "error" not in now:
                focus["focus"] = now
        return dict(focus)
    return {"error": f"unknown command {name!r}"}


def read(source, condition):
    line = sys.stdin.readline()
    if not line or line.strip() == "quit":
        pyatspi.Registry.stop()
        return False
    print(json.dumps(command(line)), flush=True)
    return True


def main():
    pyatspi.Registry.registerEventListener(gained_focus, "object:state-changed:focused")
    GLib.io_add_watch(sys.stdin, GLib.PRIORITY_DEFAULT, GLib.IO_IN | GLib.IO_HUP, read)
    print(json.dumps({"ready": True}), flush=True)
    pyatspi.Registry.start()


if __name__ == "__main__":
    main()
