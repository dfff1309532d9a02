"""Puts the core's reminders on the screen as notifications, and carries out the button pressed.

The reminders (core/reminders.py) decide when; this shows them through the tray's notifier (one
message at a time: each replaces the one before), tells them when the popover opens and closes,
and sends the user's choice where every other front end sends it: Continue to the commands'
continue_last, Stop to their stop, Open quick start to the tray's popover, Keep back to the
reminders.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject

from ..core.reminders import (
    CONTINUE,
    KEEP,
    QUICK_START,
    STOP,
    CallLater,
    Reminder,
    Reminders,
    policy_from,
)
from ..domain.timer import TimerState

log = logging.getLogger(__name__)


class ReminderController(QObject):
    def __init__(self, core, controller, settings, *, call_later: CallLater | None = None,
                 now: Callable[[], datetime] | None = None):
        """`controller`: the TrayController (its tray, popover and spawn); `settings`: the user's;
        `now` awork's clock (the commands'), `call_later` the event loop's (tests pass their own)."""
        super().__init__()
        self.core = core
        self.controller = controller
        loop_later = call_later or asyncio.get_running_loop().call_later
        self.reminders = Reminders(core.store, now or core.commands.clock.now, self._show, loop_later,
                                   policy=policy_from(settings))
        self.shown: list[Reminder] = []  # what was put on screen (the last is the one showing)
        # The popover is built when first opened: watch it from then on (building it here would
        # cost a tray nobody opens its memory).
        controller.when_popover_built(self._watch)
        sync = getattr(core, "sync", None)
        self._unsubscribe_jumps = sync.when_jumped(self.reminders.clock_jumped) if sync is not None else None

    def configure(self, settings) -> None:
        """The settings changed (the Reminders section, or any other: cheap to work out again)."""
        self.reminders.configure(policy_from(settings))

    def close(self) -> None:
        self.reminders.close()
        if self._unsubscribe_jumps is not None:
            self._unsubscribe_jumps()
        popover = getattr(self.controller, "_popover", None)
        if popover is not None:
            popover.removeEventFilter(self)

    def _watch(self, popover) -> None:
        popover.installEventFilter(self)
        if popover.isVisible():
            self.reminders.attending(True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self.reminders.attending(True)
        elif event.type() == QEvent.Type.Hide:
            self.reminders.attending(False)
        return False

    def _show(self, reminder: Reminder) -> None:
        self.shown.append(reminder)
        self.controller.tray.notify(reminder.title, reminder.text, warning=False, actions=reminder.actions,
                                    on_action=lambda key: self.answer(reminder, key))

    def answer(self, reminder: Reminder, key: str) -> None:
        """The user pressed `key` on `reminder` (perhaps long after it was shown)."""
        log.info("reminder answered: %s", key)
        commands = self.controller.commands
        if key == CONTINUE:
            # A timer started meanwhile is left alone by continue_last; a paused one is resumed.
            self.controller.spawn(self._continue())
        elif key == STOP:
            state = self.core.store.state
            if state.timer is TimerState.RUNNING and state.entry is not None and state.entry.id == reminder.entry_id:
                self.controller.spawn(commands.stop())  # never a timer started after the reminder
        elif key == KEEP:
            self.reminders.keep()
        elif key == QUICK_START:
            self.controller.popover.open_at(self.controller.tray.popover_anchor())

    async def _continue(self) -> None:
        try:
            await self.controller.commands.continue_last()
        except LookupError as exc:  # nothing to continue: say so where errors are shown
            self.core.store.update(error=str(exc))
