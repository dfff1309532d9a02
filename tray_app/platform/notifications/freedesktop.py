"""org.freedesktop.Notifications over the D-Bus session bus (jeepney, as for the portal).

Each message replaces our previous one, so a pause and a resume a second apart do not stack up.
When no notification service is on the bus (a bare window manager, a kiosk), Qt's own balloon
is used, but only when no StatusNotifierWatcher is there either: with one, Qt's tray icon is an
SNI item, and its showMessage would hijack the icon while the message goes nowhere. Then the
message is only logged; the tooltip and the popover say the same.

Actions (a reminder's buttons) are sent where the service announces the "actions" capability; the
service answers with the ActionInvoked signal, and NotificationClosed when the message goes.
Both are broadcast, so each names the message by its id: only our current message's choice counts.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

from ..desktop_entry import APP_ID
from ..portal_bus import PortalBus, PortalError
from .base import Action, ActionHandler, Balloon, BalloonClicks, run_action

log = logging.getLogger(__name__)

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
WATCHER = "org.kde.StatusNotifierWatcher"
NORMAL = 1  # urgency; 2 (critical) stays until dismissed, too much for "offline, retrying"
DEFAULT = "default"  # the spec's key for a click on the message itself


def escape_markup(text: str) -> str:
    """Servers with body-markup read a small HTML subset: a task named "R&D <draft>" stays that."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _answered(exc: PortalError) -> bool:
    """The bus answered with an error (no such service), as opposed to the connection failing."""
    from jeepney.wrappers import DBusErrorResponse

    return isinstance(exc.__cause__, DBusErrorResponse)


class DesktopNotifier:
    def __init__(self, balloon: Balloon, *, app_name: str = "awork tray", open_bus=PortalBus.open):
        self._balloons = BalloonClicks(balloon)
        self._app_name = app_name
        self._open_bus = open_bus
        self._bus: PortalBus | None = None
        self._caps: frozenset[str] | None = None
        self._last_id = 0
        self._queue: asyncio.Queue[tuple] | None = None
        self._worker: asyncio.Task | None = None
        self._listener: asyncio.Task | None = None  # reads ActionInvoked / NotificationClosed
        self._handlers: dict[int, tuple[ActionHandler, str]] = {}  # message id -> (handler, default key)
        self.sent = 0  # messages the service took (for tests and the log)

    def notify(self, title: str, text: str, *, warning: bool = True, actions: Sequence[Action] = (),
               on_action: ActionHandler | None = None) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (a unit test of the tray): nothing can be sent
            log.info("notification not sent: no event loop")
            return
        if self._queue is None:
            self._queue = asyncio.Queue()
        self._queue.put_nowait((title, text, warning, tuple(actions), on_action))
        if self._worker is None or self._worker.done():
            # One after the other, in order: each replaces the one before by its id.
            self._worker = loop.create_task(self._drain())

    async def _drain(self) -> None:
        assert self._queue is not None
        while not self._queue.empty():
            message = self._queue.get_nowait()
            try:
                await self._send(*message)
            except Exception as exc:
                log.warning("notification not shown: %r", exc)

    async def _send(self, title: str, text: str, warning: bool, actions: tuple[Action, ...],
                    on_action: ActionHandler | None) -> None:
        try:
            bus = await self._connect()
            if self._caps is None:
                (caps,) = await bus.call(NAME, "GetCapabilities", path=PATH, destination=NAME)
                self._caps = frozenset(caps)
            body = escape_markup(text) if "body-markup" in self._caps else text
            hints = {"urgency": ("y", NORMAL), "desktop-entry": ("s", APP_ID)}
            icon = "dialog-warning" if warning else APP_ID
            offered = []
            if actions and on_action is not None and "actions" in self._caps:
                await self._listen(bus)  # before the message: a quick click is never missed
                offered = [DEFAULT, actions[0][1]]  # a click on the message picks the first
                for key, label in actions:
                    offered += [key, label]
            (self._last_id,) = await bus.call(
                NAME, "Notify", "susssasa{sv}i",
                (self._app_name, self._last_id, icon, title, body, offered, hints, -1),
                path=PATH, destination=NAME)
            # The id stays when a message replaces ours: the new message's choice is the only one.
            if offered:
                self._handlers[self._last_id] = (on_action, actions[0][0])
            else:
                self._handlers.pop(self._last_id, None)
            self.sent += 1
        except PortalError as exc:
            if not _answered(exc) and self._bus is not None:
                await self._forget_bus()  # the connection broke (a bus restart): connect again next time
            if await self._sni_icon():
                log.warning("no notification service on the bus (%s); message kept to the tooltip", exc)
            else:
                self._balloons.show(title, text, warning, actions, on_action)

    def clicked(self) -> None:
        self._balloons.clicked()

    async def _listen(self, bus: PortalBus) -> None:
        if self._listener is not None and not self._listener.done():
            return
        handle = await bus.add_match(interface=NAME, path=PATH)
        self._listener = asyncio.get_running_loop().create_task(self._signals(handle))

    async def _signals(self, handle) -> None:
        from jeepney import HeaderFields

        with handle:
            while True:
                message = await handle.queue.get()
                member = message.header.fields.get(HeaderFields.member)
                if member == "ActionInvoked":
                    message_id, key = message.body
                    chosen = self._handlers.pop(message_id, None)
                    if chosen is not None:
                        handler, default = chosen
                        run_action(handler, default if key == DEFAULT else key)
                elif member == "NotificationClosed":
                    self._handlers.pop(message.body[0], None)

    async def _forget_bus(self) -> None:
        await self._stop_listening()
        if self._bus is not None:
            await self._bus.close()
        self._bus, self._caps = None, None
        self._handlers.clear()  # ids were the old service's

    async def _stop_listening(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            await asyncio.gather(self._listener, return_exceptions=True)
            self._listener = None

    async def _connect(self) -> PortalBus:
        if self._bus is None:
            self._bus = await self._open_bus()
        return self._bus

    async def _sni_icon(self) -> bool:
        """Is Qt's icon (probably) a StatusNotifierItem? It is when a watcher is on the bus."""
        if self._bus is None:
            return False  # no bus at all: Qt is on XEmbed, and its balloon is its own window
        try:
            (owned,) = await self._bus.call("org.freedesktop.DBus", "NameHasOwner", "s", (WATCHER,),
                                            path="/org/freedesktop/DBus", destination="org.freedesktop.DBus")
            return bool(owned)
        except PortalError:
            return True  # unsure: never risk the icon

    async def close(self) -> None:
        if self._worker is not None:
            self._worker.cancel()
            await asyncio.gather(self._worker, return_exceptions=True)
        await self._forget_bus()
