"""The intents every front end sends, in one object: the UI, the command line, the remote control
and the hotkeys call these, and nothing else awaits the awork client.

This is the composition of the core's parts, each with one job and its dependencies given here:
`TimerReader` (awork's timer), `Lists` (what to choose from, search, resolve), `TimerActions`
(start, pause, resume, stop; send or queue), `EntryEdits` (edit or discard the running entry,
"I forgot to start"), `Offline` (the queue and its replay), `Bookkeeping`
(busy, error, offline in the store) and `AuthState` (who is signed in). The one decision made here
is the order of a read: queued actions are replayed before awork's timer is read.

Each command records its outcome in the store (so every UI shows it) and raises `ApiError` to
its caller (so the CLI can set an exit code).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from datetime import datetime

from ..api.errors import ApiError
from ..domain.actions import EntryChange
from ..domain.clock_offset import AworkClock
from ..domain.entities import Task, TimeEntry, TypeOfWork, Workload
from ..domain.totals import DaySheet
from .allowance import Allowance
from .auth_state import AuthState
from .bookkeeping import Bookkeeping, Busy
from .cache import WorkloadCache
from .day import Day, zone_of
from .entry_edits import EntryEdits
from .lists import MAX_AGE as LISTS_MAX_AGE
from .lists import Lists
from .offline import Offline
from .outbox import Outbox
from .patience import Patience
from .replay import Replayer
from .state import Clock, Store
from .timer_actions import TimerActions
from .timer_reader import TimerReader

__all__ = ["Busy", "Commands"]  # Busy: the front ends catch it from here


class Commands:
    def __init__(
        self,
        store: Store,
        client,
        tokens,
        *,
        cache: WorkloadCache | None = None,
        zone_name: Callable[[], str],
        clock: Clock | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        outbox: Outbox | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ):
        self.store = store
        self.client = client
        self.tokens = tokens
        # awork's time wherever we compare with awork's timestamps: this computer's clock (or the
        # one a test passes) corrected by the offset the client learns from awork's replies.
        local_clock = clock or Clock()
        offset = getattr(client, "clock_offset", None)
        self.clock = AworkClock(local_clock.now, offset) if offset is not None else local_clock
        self._acted: list[Callable[[], None]] = []
        self.auth = AuthState(store, tokens)
        book = Bookkeeping(store, client, self.auth, queueing=outbox is not None)
        self.patience = Patience(store, monotonic, sleep)  # a user's action waits out a short 429
        self.allowance = Allowance(client, store, monotonic, LISTS_MAX_AGE)
        self.reader = TimerReader(store, client, book, monotonic)
        self.lists = Lists(store, client, book, self.allowance, monotonic, cache)
        self.outbox = outbox
        self.offline: Offline | None = None
        if outbox is not None:
            replayer = Replayer(client, outbox, store.notify, self.clock.now, read_timer=self.reader.awork_timer,
                                offset=self._known_offset)
            self.offline = Offline(store, outbox, replayer, self.reader, book, self.auth, self.clock,
                                   queued=self._tell_acted)
        self.zone = lambda: zone_of(zone_name)  # the user's time zone, for days and times of day
        self.day = Day(store, client, now=self.clock.now, monotonic=monotonic, zone=self.zone,
                       user_id=lambda: self.reader.user_id(store.state.entry))
        self.actions = TimerActions(store, client, reader=self.reader, offline=self.offline, bookkeeping=book,
                                    patience=self.patience, allowance=self.allowance, zone_name=zone_name,
                                    read_timer=self.refresh_timer, done=self._tell_acted)
        self.edits = EntryEdits(store, client, actions=self.actions, offline=self.offline, bookkeeping=book,
                                clock=self.clock, zone_name=zone_name, sleep=sleep)

    def when_acted(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call `listener` after each action awork took or the queue kept (the sync loop syncs then)."""
        self._acted.append(listener)
        return lambda: self._acted.remove(listener)

    def _tell_acted(self) -> None:
        for listener in list(self._acted):
            listener()

    def _known_offset(self):
        """awork's clock minus ours, once awork has answered (else None)."""
        offset = getattr(self.client, "clock_offset", None)
        return offset.offset if offset is not None and offset.known else None

    async def aclose(self) -> None:
        """Send a discard still in its undo window (the user meant it), and end the shared reads
        still in flight (their callers may be gone already)."""
        try:
            await self.edits.flush()
        except (ApiError, Busy):
            pass  # in the store; the timer simply still runs in awork
        await asyncio.gather(self.reader.aclose(), self.lists.aclose(), self.day.aclose(), self.allowance.aclose())

    # -- reading ---------------------------------------------------------------------------------

    async def refresh_timer(self, *, force: bool = True) -> TimeEntry | None:
        """awork's timer. While actions are queued, they are replayed first: awork hears what the
        user did before its view is shown."""
        if self.store.state.busy or self.edits.discarding:
            # The action's own response will update the timer; a discard in its undo window
            # still runs in awork, and must not come back on screen.
            return self.store.state.entry
        if self.offline is not None and self.offline.waiting:
            return await self.offline.replay()
        return await self.reader.refresh(force=force)

    async def replay(self) -> TimeEntry | None:
        """Send the offline queue to awork; raises (and keeps the rest queued) while it cannot."""
        if self.offline is None:
            return self.store.state.entry
        return await self.offline.replay()

    @property
    def timer_age(self) -> float | None:
        """Seconds since awork last told us the timer (None: never)."""
        return self.reader.age

    @property
    def server_entry(self) -> TimeEntry | None:
        """awork's timer as last heard, apart from what is queued."""
        return self.reader.server_entry

    async def refresh_lists(self, *, force: bool = True) -> Workload:
        return await self.lists.refresh(force=force)

    def load_cache(self) -> None:
        self.lists.load_cache()

    async def refresh_day(self, *, force: bool = False) -> DaySheet | None:
        """The week's entries for today's and this week's totals, when a read is due (core/day.py)."""
        return await self.day.refresh(force=force)

    async def popover_opened(self) -> None:
        """The user looks: make sure what they see is true (and lists not stale)."""
        results = await asyncio.gather(
            self._timer_then_day(), self.refresh_lists(force=False), return_exceptions=True
        )
        for result in results:
            if isinstance(result, BaseException) and not isinstance(result, ApiError):
                raise result

    async def _timer_then_day(self) -> None:
        # The totals' read is due or not by the timer just read: after it, never beside it.
        await self.refresh_timer(force=False)
        await self.refresh_day(force=False)

    async def search_remote(self, term: str) -> list[Task]:
        return await self.lists.search_remote(term)

    async def resolve_type_of_work(self, name_or_id: str) -> TypeOfWork:
        return await self.lists.resolve_type_of_work(name_or_id)

    async def resolve_task(self, key_or_id: str) -> Task:
        return await self.lists.resolve_task(key_or_id)

    async def project_types_wanted(self, project_id: str) -> None:
        await self.lists.project_types_wanted(project_id)

    # -- the timer -------------------------------------------------------------------------------

    # Each action first sends a discard still in its undo window: awork hears them in the user's order.

    async def start(self, *, started: datetime | None = None, **kw) -> TimeEntry:
        """See TimerActions.start; `started`: the timer began then ("I forgot to start")."""
        await self.edits.flush()
        if started is not None:
            return await self.edits.start_earlier(started, **kw)
        return await self.actions.start(**kw)

    async def pause(self) -> TimeEntry | None:
        await self.edits.flush()
        return await self.actions.pause()

    async def resume(self) -> TimeEntry | None:
        await self.edits.flush()
        return await self.actions.resume()

    async def stop(self) -> TimeEntry | None:
        await self.edits.flush()
        return await self.actions.stop()

    async def toggle(self) -> TimeEntry | None:
        await self.edits.flush()
        return await self.actions.toggle()

    async def continue_last(self) -> TimeEntry | None:
        await self.edits.flush()
        return await self.actions.continue_last()

    async def discard_away(self, entry_id: str, away_start, *, and_continue: bool = False) -> TimeEntry | None:
        """See TimerActions.discard_away: stop the running entry at the start of the away time."""
        return await self.actions.discard_away(entry_id, away_start, and_continue=and_continue)
    async def continue_entry(self, entry: TimeEntry) -> TimeEntry:
        """Start again on what `entry` was: its task, project, type of work, note and billable."""
        return await self.actions.continue_entry(entry)

    # -- the running entry -----------------------------------------------------------------------

    async def edit(self, change: EntryChange) -> TimeEntry | None:
        """Change the running or paused entry's note, type of work, task, billable or start."""
        await self.edits.flush()
        return await self.edits.edit(change)

    def discard_soon(self) -> None:
        """Discard the timer once the undo window has passed (see EntryEdits)."""
        self.edits.discard_soon()

    def undo_discard(self) -> bool:
        return self.edits.undo()

    async def discard(self) -> None:
        """Discard the timer now (no undo)."""
        await self.edits.discard()

    def parse_start(self, text: str) -> datetime:
        """"-15m" or "08:47" as a moment on awork's clock; raises ValidationError."""
        return self.edits.parse_start(text)
