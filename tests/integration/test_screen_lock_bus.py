"""The screen lock's signal on a real (private) D-Bus session bus: a screen saver service that
answers GetActive and emits ActiveChanged, as Xfce's, KDE's and Cinnamon's do. What the unit tests
fake (the match rule, the signal's delivery through jeepney) is the bus's own here."""

from __future__ import annotations

import asyncio
import os
import threading

from jeepney import DBusAddress, HeaderFields, MessageType, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

from tray_app.platform.idle.dbus import ScreenLock

from helpers.fake_portal.bus import private_session_bus

NAME = PATH_INTERFACE = "org.freedesktop.ScreenSaver"
PATH = "/org/freedesktop/ScreenSaver"


class ScreenSaver:
    """The service, on a thread of its own: answers GetActive, and locks when told to."""

    def __init__(self, address: str):
        self.conn = open_dbus_connection(address)
        self.conn.send_and_get_reply(message_bus.RequestName(NAME, 4), timeout=10)
        self.active = False
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        try:
            while True:
                msg = self.conn.receive()
                if msg.header.message_type is MessageType.method_call and \
                        msg.header.fields.get(HeaderFields.member) == "GetActive":
                    self.conn.send(new_method_return(msg, "b", (self.active,)))
        except (OSError, EOFError, ValueError):
            return  # closed at the end of the test

    def lock(self, active: bool) -> None:
        self.active = active
        self.conn.send(new_signal(DBusAddress(PATH, interface=PATH_INTERFACE), "ActiveChanged", "b", (active,)))

    def close(self) -> None:
        self.conn.close()


def test_a_lock_and_an_unlock_are_told_by_the_bus(monkeypatch):
    with private_session_bus() as address:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        saver = ScreenSaver(address)
        try:
            async def go():
                lock = ScreenLock()
                try:
                    assert await lock.locked() is False
                    assert lock.tells_changes
                    told = []
                    for active in (True, False):
                        waiting = asyncio.ensure_future(lock.changed())
                        await asyncio.sleep(0)
                        saver.lock(active)
                        await asyncio.wait_for(waiting, 10)
                        told.append(await lock.locked())
                    return told
                finally:
                    await lock.close()

            assert asyncio.run(go()) == [True, False]
        finally:
            saver.close()
