"""Fakes for the platform backends the settings window drives: global shortcuts and start on login.

FakeHotkeys answers every binding at once, and says TAKEN is used by another program."""

from __future__ import annotations

from tray_app.platform.autostart.base import AutostartStatus
from tray_app.platform.hotkeys.base import ACTIVE, UNAVAILABLE, HotkeyStatus

TAKEN = "Ctrl+Alt+Shift+P"


class FakeHotkeys:
    name = "fake"
    taken_reason = "Another program already uses it."  # what the backend says of TAKEN

    def __init__(self, on_activated, on_status):
        self.on_activated, self.on_status = on_activated, on_status
        self.calls: list = []
        self.taken = {TAKEN}  # chords another program holds (a test may change it)

    def bind(self, bindings):
        self.calls.append(("bind", {b.id: b.sequence for b in bindings}))
        for b in bindings:
            if b.sequence in self.taken:
                self.on_status(b.id, HotkeyStatus(UNAVAILABLE, self.taken_reason))
            else:
                self.on_status(b.id, HotkeyStatus(ACTIVE) if b.sequence else HotkeyStatus("off"))

    def unregister_all(self):
        self.calls.append("unregister")

    def close(self):
        self.calls.append("close")


class FakeAutostart:
    name = "fake"

    def __init__(self):
        self.on = False

    def status(self):
        return AutostartStatus(self.on, "/home/u/.config/autostart/com.awork.tray.desktop")

    def enable(self):
        self.on = True
        return self.status()

    def disable(self):
        self.on = False
        return self.status()
