"""The XDG desktop portal over D-Bus (with jeepney, already installed with keyring on Linux).

Portal methods answer in two steps: the call returns a Request object path at once, and the
result comes later as that object's Response signal (after the user answered a dialog, perhaps).
We subscribe to the predicted path before calling, so a fast Response is never missed.

Every wait here is bounded with asyncio.timeout, never asyncio.wait_for: on Python 3.11, a
wait_for cancelled in the moment its answer came returns the answer and drops the cancellation.
The quit then did not stop the away watch's screen-lock check, which asked the next screen saver
service, a question the bus may hold for the call's whole timeout while it tries to start one.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
from typing import Any

log = logging.getLogger(__name__)

PORTAL_NAME = "org.freedesktop.portal.Desktop"
PORTAL_PATH = "/org/freedesktop/portal/desktop"
REQUEST_INTERFACE = "org.freedesktop.portal.Request"
RESPONSE_TIMEOUT = 600.0  # a dialog may wait for the user; not forever
_tokens = itertools.count(1)


class PortalError(Exception):
    """The portal (or the interface we need) is missing, or it failed."""


class PortalBus:
    def __init__(self, router, closer):
        self.router = router
        self._closer = closer

    @classmethod
    async def open(cls) -> PortalBus:
        try:
            from jeepney.io.asyncio import open_dbus_router
        except ImportError as exc:  # jeepney comes with keyring on Linux only
            raise PortalError("no D-Bus library (jeepney)") from exc
        ctx = open_dbus_router("SESSION")
        try:
            async with asyncio.timeout(10):
                router = await ctx.__aenter__()
        except Exception as exc:
            raise PortalError(f"no D-Bus session bus: {exc}") from exc
        return cls(router, ctx)

    async def close(self) -> None:
        try:
            await self._closer.__aexit__(None, None, None)
        except Exception:  # already broken: nothing left to close
            pass

    async def call(self, interface: str, method: str, signature: str = "", body: tuple = (),
                   *, path: str = PORTAL_PATH, destination: str = PORTAL_NAME) -> tuple:
        from jeepney import DBusAddress, new_method_call
        from jeepney.wrappers import DBusErrorResponse, unwrap_msg

        msg = new_method_call(DBusAddress(path, bus_name=destination, interface=interface), method, signature, body)
        try:
            async with asyncio.timeout(30):
                reply = await self.router.send_and_get_reply(msg)
            return unwrap_msg(reply)
        except DBusErrorResponse as exc:
            raise PortalError(f"{interface}.{method}: {exc.name}: {' '.join(map(str, exc.data))}".strip()) from exc
        except (TimeoutError, OSError) as exc:
            raise PortalError(f"{interface}.{method}: {exc!r}") from exc

    async def add_match(self, **rule_fields):
        """Subscribe to signals; returns a queue of matching messages (and its handle, to close)."""
        from jeepney import MatchRule, message_bus
        from jeepney.io.asyncio import Proxy

        rule = MatchRule(type="signal", **rule_fields)
        handle = self.router.filter(rule, queue=asyncio.Queue())
        await Proxy(message_bus, self.router).AddMatch(rule)
        return handle

    async def request(self, interface: str, method: str, signature: str, make_body) -> tuple[int, dict[str, Any]]:
        """Call a Request-returning method; `make_body(token)` builds the arguments with handle_token.

        Returns (response, results): response 0 = done, 1 = the user cancelled, 2 = it failed.
        """
        token = f"awork_tray_{next(_tokens)}"
        sender = self.router.unique_name.lstrip(":").replace(".", "_")
        predicted = f"{PORTAL_PATH}/request/{sender}/{token}"
        handle = await self.add_match(interface=REQUEST_INTERFACE, member="Response", path=predicted)
        try:
            (path,) = await self.call(interface, method, signature, make_body(token))
            if path != predicted:  # a portal older than 0.9 picks its own path
                handle.close()
                handle = await self.add_match(interface=REQUEST_INTERFACE, member="Response", path=path)
            async with asyncio.timeout(RESPONSE_TIMEOUT):
                message = await handle.queue.get()
        except TimeoutError as exc:
            raise PortalError(f"{interface}.{method}: no answer from the desktop") from exc
        finally:
            handle.close()
        response, results = message.body
        return response, {key: value for key, (_sig, value) in results.items()}


async def register_host_app(bus: PortalBus, app_id: str) -> None:
    """Apps outside Flatpak name themselves before their first portal call (xdg-desktop-portal 1.19+);
    an older portal has no Registry, and then it guesses from the process as before."""
    try:
        await bus.call("org.freedesktop.host.portal.Registry", "Register", "sa{sv}", (app_id, {}))
    except PortalError as exc:
        log.info("portal registry: %s", exc)
