"""The offline side: what the user did while awork could not take it waits in the outbox, the store
shows the timer as they intend it, and the queue is handed to awork before anything else is read.

Only the tray has an outbox; a one-shot command line reports the failure instead.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import datetime

from ..api.errors import ApiError, AuthError, NetworkError, NotSignedInError, RateLimitedError, ServerError
from ..domain.actions import QueuedEdit, QueuedStart, TimerAction
from ..domain.changes import fingerprint
from ..domain.entities import TimeEntry
from ..domain.intended import apply_intent, intended_timer
from .auth_state import AuthState
from .bookkeeping import Bookkeeping
from .outbox import NotQueued, Outbox, Pending
from .replay import Replayer
from .state import Store
from .timer_reader import TimerReader
from .wording import held_text

log = logging.getLogger(__name__)

# awork may not have got these: the action is queued and replayed.
QUEUEABLE = (NetworkError, ServerError)


class Offline:
    def __init__(self, store: Store, outbox: Outbox, replayer: Replayer, reader: TimerReader,
                 bookkeeping: Bookkeeping, auth: AuthState, clock, queued: Callable[[], None]):
        """`clock`: awork's time (its `known` says whether awork's offset is known yet).
        `queued()`: called after each action queued (the sync loop then tries again soon)."""
        self.store = store
        self.outbox = outbox
        self.replayer = replayer
        self.reader = reader
        self.book = bookkeeping
        self.auth = auth
        self.clock = clock
        self._queued = queued
        self._lock = asyncio.Lock()
        if len(outbox):
            # After a restart: the timer as the queue leaves it, until awork is heard.
            shown = self._intended(store.state.entry)
            self.store.update(pending=len(outbox), **({"entry": shown} if shown is not None else {}))

    @property
    def waiting(self) -> bool:
        """Actions wait for awork: a new one queues behind them (the user's order), and awork is
        told them before its timer is read."""
        return len(self.outbox) > 0

    def _intended(self, entry: TimeEntry | None) -> TimeEntry | None:
        return intended_timer(entry, ((item.action, item.at, item.start, item.edit) for item in self.outbox.items()))

    def queue(self, action: TimerAction, start: QueuedStart | None = None, *,
              held: ApiError | None = None, at: datetime | None = None,
              edit: QueuedEdit | None = None) -> TimeEntry | None:
        """Keep `action` for awork and show the timer as intended. `held`: why awork did not take
        it (None: queued behind earlier actions). `at`: when it takes effect, if not now (a stop
        at the start of the away time; the replay moves the entry's end there). `edit`: an edit's
        or a discard's entry and change. Raises NotQueued when it cannot be kept."""
        at = self.clock.now() if at is None else at
        # Before awork ever answered, `at` is this computer's time: the replay moves it to awork's.
        local = not getattr(self.clock, "known", True)
        try:
            self.outbox.append(Pending(action, at, start, local_time=local, edit=edit), fingerprint(self.reader.server_entry))
        except NotQueued as exc:  # e.g. a full disk: refused, and so never sent later either
            self.store.update(error=exc.user_message, offline=True)
            raise
        entry = apply_intent(self.store.state.entry, action, at, start, edit)
        pending = len(self.outbox)
        if isinstance(held, RateLimitedError):  # awork answers, but not for a while: say so, not "offline"
            self.store.update(entry=entry, pending=pending, error=None, held=held_text(action, held.retry_after))
        elif self.store.state.held and not self.store.state.offline:  # queued behind a held action
            self.store.update(entry=entry, pending=pending, error=None)
        else:
            self.store.update(entry=entry, pending=pending, offline=True, error=None)
        log.info("%s queued while offline (%d waiting)", action.value, pending)
        self._queued()
        return entry

    async def replay(self) -> TimeEntry | None:
        """Send the queue to awork; raises (and keeps the rest queued) while it cannot."""
        async with self._lock:
            if not len(self.outbox):
                return self.store.state.entry
            try:
                entry = await self.replayer.replay()
            except ApiError as exc:
                offline = isinstance(exc, QUEUEABLE)
                self.store.update(offline=offline, pending=len(self.outbox), **({"held": None} if offline else {}))
                if isinstance(exc, (AuthError, NotSignedInError)):
                    self.auth.signed_out(exc.user_message)  # the queue waits for the next sign-in
                raise
            finally:
                self.book.note_clock()
            self.reader.heard(entry)
            # Anything the user did during the replay is queued behind it: show that intent.
            shown = self._intended(entry)
            self.store.update(entry=shown, pending=len(self.outbox), offline=False,
                              held=None if not len(self.outbox) else self.store.state.held)
            log.info("offline queue replayed: timer %s", self.store.state.timer.value)
            return shown
