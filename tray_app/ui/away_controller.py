"""Connects the away watch to the prompt and the prompt to the core's commands.

One prompt at a time: a return noticed while one is open is part of the same question (Discard
still ends the entry when the user first left). Never when the setting is off, never while the
timer is paused or stopped: a prompt open when that happens goes away unanswered.
"""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import TYPE_CHECKING

from ..core.away_watch import AwayWatch
from ..domain.away import Away
from ..domain.timer import TimerState
from ..platform.idle import IdleBackend

if TYPE_CHECKING:  # built at the first question: most sessions never see one
    from .away_prompt import AwayPrompt

log = logging.getLogger(__name__)

# Seconds instead of the setting's minutes, for the end-to-end test and for trying it out.
THRESHOLD_VARIABLE = "AWORK_TRAY_IDLE_SECONDS"
MAX_MINUTES = 480
# Seconds the quit gives the idle watch and its D-Bus connection to end: a bound, not a wait. A
# cancelled question ends at once (platform/portal_bus.py says why it once did not).
SHUTDOWN_WAIT = 1.0


def threshold_from(settings, environ: Mapping[str, str] | None = None) -> timedelta | None:
    """The away time worth a question, from the settings; None when off."""
    if not settings.idle_detection:
        return None
    env = os.environ if environ is None else environ
    try:
        seconds = float(env.get(THRESHOLD_VARIABLE) or 0)
    except ValueError:
        seconds = 0
    if seconds > 0:
        return timedelta(seconds=seconds)
    return timedelta(minutes=min(max(int(settings.idle_minutes), 1), MAX_MINUTES))


class AwayController:
    def __init__(self, core, backend: IdleBackend, settings: Callable[[], object], spawn: Callable,
                 prompt: AwayPrompt | None = None, environ: Mapping[str, str] | None = None):
        """`settings()`: the current Settings. `spawn(coro)`: runs a command, as the tray's controller does."""
        self.core = core
        self.commands = core.commands
        self._settings = settings
        self._spawn = spawn
        self._environ = environ
        self._prompt: AwayPrompt | None = None
        if prompt is not None:
            self._use(prompt)
        self.watch = AwayWatch(core.store, backend, threshold=self.threshold, on_away=self.away_found,
                               awork_now=self.commands.clock.now)
        self._task: asyncio.Task | None = None
        core.store.subscribe(self._state_changed)
        # The watch waits up to a minute on the awake clock, which stands still while the
        # computer sleeps: the sync loop notices the wake, and the watch looks at once.
        sync = getattr(core, "sync", None)
        self._unsubscribe_jumps = sync.when_jumped(self.watch.poke) if sync is not None else None

    @property
    def prompt(self) -> AwayPrompt:
        if self._prompt is None:
            from .away_prompt import AwayPrompt

            self._use(AwayPrompt(now=self.commands.clock.now))
        return self._prompt

    def _use(self, prompt: AwayPrompt) -> None:
        self._prompt = prompt
        prompt.discard_chosen.connect(self._discard)

    def _dismiss(self) -> None:
        if self._prompt is not None:
            self._prompt.dismiss()

    def _asking(self) -> bool:
        return self._prompt is not None and self._prompt.away is not None

    def threshold(self) -> timedelta | None:
        return threshold_from(self._settings(), self._environ)

    def start(self) -> None:
        self._task = asyncio.ensure_future(self.watch.run())

    async def shutdown(self) -> None:
        """Quitting never waits on the desktop: a D-Bus question (the screen lock) that the bus
        holds while it tries to start a screen saver service must not keep the app alive."""
        if self._unsubscribe_jumps is not None:
            self._unsubscribe_jumps()
            self._unsubscribe_jumps = None
        if self._task is not None:
            self._task.cancel()
            await asyncio.wait({self._task}, timeout=SHUTDOWN_WAIT)
        self._dismiss()
        try:
            await asyncio.wait_for(self.watch.backend.close(), SHUTDOWN_WAIT)
        except TimeoutError:
            log.info("the idle backend did not close in time; quitting anyway")

    def settings_changed(self) -> None:
        if self.threshold() is None:
            self._dismiss()  # turned off: no question left open either
        self.watch.poke()

    # -- the watch's findings --------------------------------------------------------------------

    def away_found(self, away: Away) -> None:
        state = self.core.store.state
        if self.threshold() is None or state.timer is not TimerState.RUNNING or state.entry is None:
            return
        if self._asking():
            return  # one question at a time
        self.prompt.show_away(away, state.entry)

    def _state_changed(self, state) -> None:
        if not self._asking():
            return
        entry = state.entry
        if state.timer is not TimerState.RUNNING or entry is None or entry.id != self.prompt.entry_id:
            self.prompt.dismiss()  # paused, stopped or switched meanwhile: nothing is losing time now

    def _discard(self, and_continue: bool) -> None:
        away, entry_id = self.prompt.away, self.prompt.entry_id
        if away is None or entry_id is None:
            return
        log.info("away time discarded%s", " and continued" if and_continue else "")
        self._spawn(self._discard_or_tell(entry_id, away, and_continue))

    async def _discard_or_tell(self, entry_id: str, away: Away, and_continue: bool) -> None:
        try:
            await self.commands.discard_away(entry_id, away.start, and_continue=and_continue)
        except LookupError as exc:
            self.core.store.notify(str(exc))
