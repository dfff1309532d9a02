"""What the running tray does for other `awork-tray` processes and for the global shortcuts.

`show` opens the popover; the timer commands run through the same `run_intent` the command line
uses on its own, in this process, so the icon and the popover show the result at once.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Callable

from ..core.wording import TIMER_INTENTS
from ..exit_codes import EXIT_UNREACHABLE, EXIT_USAGE

log = logging.getLogger(__name__)

READY_TIMEOUT = 90.0  # at login the tray may still be waiting for the panel


class RemoteControl:
    def __init__(self, core, controller):
        self.core = core
        self.controller = controller
        self.hotkey_states: Callable[[], dict[str, str]] = dict  # id -> "active", "unavailable", …
        self.ready = asyncio.Event()  # set once the controller has restored the sign-in
        # …or once restoring it waits for the keychain's password prompt: commands are answered
        # meanwhile (`status` says what the tray waits for) rather than waiting with it.
        core.store.subscribe(lambda state: state.keychain_waiting and self.ready.set())

    async def handle(self, request: dict) -> dict:
        # The command line's code (its wording, JSON, day totals) loads with the first command.
        from ..cli_commands import Outcome, failure, run_intent
        from ..cli_output import still_starting, unknown_command

        name = request.get("cmd")
        log.info("remote command: %s", name)
        if name == "ping":  # "is a tray running?" (a login start that finds one just ends)
            # With the shortcuts' states: what Settings shows, for `status --verbose` and scripts.
            return {**Outcome().to_json(), "hotkeys": self.hotkey_states()}
        if name != "show" and name not in TIMER_INTENTS:
            return failure(EXIT_USAGE, unknown_command(name)).to_json()
        try:
            await asyncio.wait_for(self.ready.wait(), READY_TIMEOUT)
        except TimeoutError:
            return failure(EXIT_UNREACHABLE, still_starting()).to_json()
        if name == "show":
            self.show()
            return Outcome().to_json()
        return (await run_intent(self.core, name, request.get("args") or {})).to_json()

    def show(self) -> None:
        popover = self.controller.popover
        if popover.isVisible():
            popover.raise_()
            popover.activateWindow()
        else:
            popover.open_at(self.controller.tray.popover_anchor())

    def hotkey(self, hotkey_id: str) -> None:
        if hotkey_id == "quick_start":
            self.controller.toggle_popover()  # the same chord closes it again
        elif hotkey_id == "toggle":
            self.controller.spawn(self._toggle())

    async def _toggle(self) -> None:
        from ..cli_commands import run_intent

        outcome = await run_intent(self.core, "toggle")
        # Pressed without looking at the tray: say what happened (errors are notified by the controller).
        if outcome.exit == 0:
            if not self.controller.popover_visible:
                self.controller.tray.notify("awork tray", outcome.stdout, warning=False)
        elif not self.core.store.state.error:  # awork's errors are in the store, and notified from there
            self.controller.tray.notify("awork tray", outcome.stderr.removeprefix("awork-tray: "))
