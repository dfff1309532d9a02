"""Reading awork's timer: one read at a time, shared by whoever asks, and what awork last said.

`GET /me/timeentries/last` is the last entry *started*, manual ones included, so when it shows no
running timer where one ran (or on the first read), awork's list of the user's entries without
an end decides: a manual entry added in the web app must not hide a running timer. A change
made elsewhere between two reads is told to the user as a notice.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from ..domain.changes import remote_change
from ..domain.entities import TimeEntry
from ..domain.timer import TimerState, timer_state
from ..i18n import translate
from .bookkeeping import Bookkeeping
from .state import Store

log = logging.getLogger(__name__)

MIN_INTERVAL = 2.0  # opening the popover twice in a row asks awork once


class TimerReader:
    def __init__(self, store: Store, client, bookkeeping: Bookkeeping, monotonic: Callable[[], float]):
        self.store = store
        self.client = client
        self.book = bookkeeping
        self._monotonic = monotonic
        self.server_entry: TimeEntry | None = None  # awork's view, apart from what is queued
        self._server_known = False
        self.confirmed = False  # the last read asked awork's entry list for the running timer too
        self._loaded_at: float | None = None
        self._task: asyncio.Task | None = None

    @property
    def in_flight(self) -> asyncio.Task | None:
        """The shared read still running, if any."""
        return self._task if self._task is not None and not self._task.done() else None

    async def aclose(self) -> None:
        task = self.in_flight
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    @property
    def age(self) -> float | None:
        """Seconds since awork last told us the timer (None: never)."""
        return None if self._loaded_at is None else max(self._monotonic() - self._loaded_at, 0.0)

    def heard(self, entry: TimeEntry | None) -> None:
        """awork just said this is the timer (a read, an action's reply, the end of a replay)."""
        self.server_entry = entry
        self._server_known = True
        self._loaded_at = self._monotonic()

    async def refresh(self, *, force: bool = True) -> TimeEntry | None:
        """awork's timer into the store; without `force`, a read of the last seconds is reused."""
        if not force and self._loaded_at is not None and self._monotonic() - self._loaded_at < MIN_INTERVAL:
            return self.store.state.entry
        if self.in_flight is None:
            # One read at a time: a slow reply never stacks up more requests behind it.
            self._task = asyncio.ensure_future(self._read())
        return await asyncio.shield(self._task)

    async def _read(self) -> TimeEntry | None:
        async with self.book.outcome(None):
            # The first read confirms too: a timer may run behind a manual entry from the start.
            entry = await self.awork_timer(self.server_entry, confirm=not self._server_known)
        if self._server_known and not self.store.state.busy:
            message = remote_change(self.server_entry, entry, translate)
            if message:
                self.store.notify(message)
        self.heard(entry)
        self.store.update(entry=entry, offline=False)
        log.info("timer refreshed: %s", self.store.state.timer.value)
        return entry

    async def awork_timer(self, believed: TimeEntry | None, *, confirm: bool = False) -> TimeEntry | None:
        """awork's timer: `GET /me/timeentries/last`, the last entry *started* (manual ones too).

        When that is no running timer although one ran as far as we knew (`believed`, another
        entry), or when `confirm`, awork's list of the user's entries without an end says whether
        a timer still runs: a manual entry added in the web app must not hide it."""
        entry = await self.client.last_time_entry()
        self.confirmed = False
        if timer_state(entry) is not TimerState.IDLE:
            return entry
        ran = believed is not None and timer_state(believed) is not TimerState.IDLE
        if not confirm and not (ran and (entry is None or entry.id != believed.id)):
            return entry  # what we knew of stopped there, or nothing ran: /last says it all
        if entry is None and believed is None:
            return None  # awork has no started entry of this user at all: no timer runs
        running = await self.client.running_time_entry(await self.user_id(entry, believed))
        self.confirmed = True
        return running or entry

    async def running_behind(self, entry: TimeEntry | None) -> TimeEntry | None:
        """The running timer awork's entry list shows when /last (`entry`) shows none, else None."""
        async with self.book.outcome(None):
            running = await self.client.running_time_entry(await self.user_id(entry))
        if running is not None:
            self.server_entry, self._server_known = running, True
            self.store.update(entry=running)
        return running

    async def user_id(self, *entries: TimeEntry | None) -> str:
        """The user's id: from an entry of theirs, else the lists' /me, else asked for."""
        known = next((e.user_id for e in entries if e is not None and e.user_id), None)
        if known:
            return known
        if self.store.state.user is None:
            self.store.update(user=await self.client.me())
        return self.store.state.user.id
