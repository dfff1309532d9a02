"""Wayland: the XDG desktop portal's GlobalShortcuts (KDE Plasma 5.27+, GNOME 48+, Hyprland).

The desktop owns the shortcuts: we describe each one with a preferred trigger, the desktop may
ask the user to confirm or change it, and it tells us what it bound (trigger_description) and
when a shortcut is pressed (Activated). A changed shortcut is bound in a new session.
"""

from __future__ import annotations

import asyncio
import logging

from ...i18n import translate
from ..portal_bus import PortalBus, PortalError, register_host_app
from .base import ACTIVE, OFF, PENDING, UNAVAILABLE, Activated, Binding, HotkeyStatus, StatusReport
from .chord import Chord

log = logging.getLogger(__name__)

GS = "org.freedesktop.portal.GlobalShortcuts"


def _no_portal() -> str:
    return translate("Hotkeys", "Your desktop offers no global shortcuts to apps (no GlobalShortcuts portal).")


class PortalHotkeys:
    name = "portal"

    def __init__(self, on_activated: Activated, on_status: StatusReport, *, app_id: str, bus_factory=PortalBus.open):
        self.on_activated = on_activated
        self.on_status = on_status
        self.app_id = app_id
        self._bus_factory = bus_factory
        self._bus: PortalBus | None = None
        self._session: str | None = None
        self._run_task: asyncio.Task | None = None
        self._listen_task: asyncio.Task | None = None
        self.bindings: list[Binding] = []

    def bind(self, bindings: list[Binding]) -> None:
        self.bindings = list(bindings)
        for b in bindings:
            self.on_status(b.id, HotkeyStatus(PENDING, translate("Hotkeys", "Asking your desktop…")) if b.sequence else HotkeyStatus(OFF))
        if self._run_task is not None:
            self._run_task.cancel()
        self._run_task = asyncio.ensure_future(self._run(self.bindings))

    def close(self) -> None:
        for task in (self._run_task, self._listen_task):
            if task is not None:
                task.cancel()
        bus, session = self._bus, self._session
        self._bus = self._session = None
        if bus is not None:
            async def shut():
                if session:
                    try:
                        await bus.call("org.freedesktop.portal.Session", "Close", path=session)
                    except PortalError:
                        pass
                await bus.close()

            self._closing = asyncio.ensure_future(shut())  # kept: a task nobody holds may be collected

    async def _connect(self) -> PortalBus:
        if self._bus is None:
            bus = await self._bus_factory()
            await register_host_app(bus, self.app_id)
            try:
                await bus.call("org.freedesktop.DBus.Properties", "Get", "ss", (GS, "version"))
            except PortalError as exc:
                await bus.close()
                raise PortalError(_no_portal()) from exc
            self._bus = bus
            self._listen_task = asyncio.ensure_future(self._listen(bus))
        return self._bus

    async def _run(self, bindings: list[Binding]) -> None:
        wanted = []
        for b in bindings:
            if not b.sequence:
                continue
            try:
                wanted.append((b, Chord.parse(b.sequence)))
            except ValueError as exc:
                self.on_status(b.id, HotkeyStatus(UNAVAILABLE, str(exc)))
        try:
            bus = await self._connect()
            if self._session:
                old, self._session = self._session, None
                await bus.call("org.freedesktop.portal.Session", "Close", path=old)
            if not wanted:
                return
            code, results = await bus.request(GS, "CreateSession", "a{sv}", lambda token: (
                {"handle_token": ("s", token), "session_handle_token": ("s", token)},))
            if code != 0:
                raise PortalError(translate("Hotkeys", "The desktop refused a shortcuts session (response {0}).").format(code))
            self._session = str(results["session_handle"])
            shortcuts = [(b.id, {"description": ("s", b.description), "preferred_trigger": ("s", chord.xdg_trigger())})
                         for b, chord in wanted]
            code, results = await bus.request(GS, "BindShortcuts", "oa(sa{sv})sa{sv}", lambda token: (
                self._session, shortcuts, "", {"handle_token": ("s", token)}))
            if code == 1:
                raise PortalError(translate("Hotkeys", "You declined the shortcuts in your desktop's dialog."))
            if code != 0:
                raise PortalError(translate("Hotkeys", "Your desktop could not bind the shortcuts (response {0}).").format(code))
            self._report(wanted, results.get("shortcuts", []))
        except asyncio.CancelledError:
            raise
        except (PortalError, KeyError, ValueError) as exc:
            log.warning("global shortcuts portal: %s", exc)
            for b, _ in wanted:
                self.on_status(b.id, HotkeyStatus(UNAVAILABLE, str(exc) if isinstance(exc, PortalError) else _no_portal()))

    def _report(self, wanted, bound) -> None:
        triggers = {sid: {k: v for k, (_s, v) in props.items()} for sid, props in bound}
        for b, _chord in wanted:
            if b.id not in triggers:
                self.on_status(b.id, HotkeyStatus(UNAVAILABLE, translate("Hotkeys", "Your desktop did not bind this shortcut.")))
                continue
            described = triggers[b.id].get("trigger_description") or ""
            if described:
                message = translate("Hotkeys", "Your desktop binds it to {0}; change it in the desktop's shortcut "
                                               "settings.").format(described)
            else:
                message = translate("Hotkeys", "Bound by your desktop; change it in the desktop's shortcut settings.")
            log.info("hotkey %s bound by the portal: %s", b.id, described or "?")
            self.on_status(b.id, HotkeyStatus(ACTIVE, message))

    async def _listen(self, bus: PortalBus) -> None:
        activated = await bus.add_match(interface=GS, member="Activated")
        changed = await bus.add_match(interface=GS, member="ShortcutsChanged")
        getters = {asyncio.ensure_future(activated.queue.get()): activated,
                   asyncio.ensure_future(changed.queue.get()): changed}
        try:
            while True:
                done, _ = await asyncio.wait(getters, return_when=asyncio.FIRST_COMPLETED)
                for fut in done:
                    handle = getters.pop(fut)
                    msg = fut.result()
                    getters[asyncio.ensure_future(handle.queue.get())] = handle
                    if str(msg.body[0]) != self._session:
                        continue  # an older session's, closed meanwhile
                    if handle is activated:
                        log.info("hotkey %s pressed (portal)", msg.body[1])
                        self.on_activated(msg.body[1])
                    else:
                        wanted = [(b, None) for b in self.bindings if b.sequence]
                        self._report(wanted, msg.body[1])
        finally:
            for fut in getters:
                fut.cancel()
            activated.close()
            changed.close()
