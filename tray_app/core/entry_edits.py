"""Fixing the running (or paused) entry without stopping it: its note, type of work, task, billable
and start (`PUT /timeentries/{id}`), discarding it (`DELETE /timeentries/{id}`) with a few seconds
to undo, and "I forgot to start" (a start, then its start moved back).

The undo is a delay, not a re-creation. awork cannot create a running timer again: `POST
/timeentries` makes a finished, manual entry, and a new start would have another id and lose the
breaks. So nothing is sent while the undo is offered: the timer shows as discarded, the DELETE
goes when the window ends (at once when another action, or quitting, comes first), and Undo only
cancels it. Nothing can be lost; if the app is killed in the window, the timer simply still runs.

Offline, edits and discards queue like the other actions (TimerAction.EDIT/DISCARD) and are
replayed only onto the entry they were made for (core.replay).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime

from ..api.errors import ApiError, NotFoundError, ValidationError
from ..domain.actions import EntryChange, QueuedEdit, TimerAction
from ..domain.entities import TimeEntry, TypeOfWork
from ..domain.intended import PENDING_ID
from ..domain.start_time import StartTimeError, parse_start, start_problem
from ..domain.timer import TimerState, timer_state
from ..i18n import format_moment, translate
from .bookkeeping import Bookkeeping, Busy
from .offline import Offline
from .state import Notice, Store
from .timer_actions import Queue, TimerActions

log = logging.getLogger(__name__)

UNDO_SECONDS = 6.0  # how long "Timer discarded · Undo" is offered before the DELETE is sent


def start_time_text(reason: str, text: str = "") -> str:
    """What is wrong with a start time the user gave (a StartTimeError reason)."""
    if reason == "too_long":
        return translate("EntryEdits", "A timer can start at most 24 hours ago.")
    if reason == "skipped":
        return translate("EntryEdits", "{0} did not happen today: the clocks were changed.").format(text)
    if reason == "future":
        return translate("EntryEdits", "The start cannot lie in the future.")
    if reason == "after_break":
        return translate("EntryEdits", "The start cannot be later than the timer's first break.")
    return translate("EntryEdits", "“{0}” is not a start time: give a time of day such as 08:47, or minutes ago "
                                   "such as -15m.").format(text)


def no_timer() -> NotFoundError:
    return NotFoundError(translate("EntryEdits", "No timer is running or paused."))


class EntryEdits:
    def __init__(self, store: Store, client, *, actions: TimerActions, offline: Offline | None,
                 bookkeeping: Bookkeeping, clock, zone_name: Callable[[], str],
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep, undo_seconds: float = UNDO_SECONDS):
        """`clock`: awork's time. `sleep`: waits out the undo window (tests pass their own)."""
        self.store = store
        self.client = client
        self.actions = actions
        self.offline = offline
        self.book = bookkeeping
        self.clock = clock
        self.zone_name = zone_name
        self._sleep = sleep
        self.undo_seconds = undo_seconds
        self._discarding: TimeEntry | None = None  # shown as discarded, DELETE not sent yet
        self._window: asyncio.Task | None = None

    # -- times --------------------------------------------------------------------------------------

    def parse_start(self, text: str) -> datetime:
        """The moment "-15m" or "08:47" (in the user's time zone) names, on awork's clock; raises
        ValidationError with what is wrong."""
        try:
            zone = self.zone_name()
        except Exception as exc:  # an unusable $TZ or system setting: tell, don't crash
            raise ValidationError(str(exc)) from exc
        try:
            return parse_start(text, self.clock.now(), zone)
        except StartTimeError as exc:
            raise ValidationError(start_time_text(exc.reason, text.strip())) from None

    # -- edit ---------------------------------------------------------------------------------------

    async def edit(self, change: EntryChange) -> TimeEntry | None:
        """Change the running or paused entry; the rest of it is sent back as awork has it."""
        action = TimerAction.EDIT
        async with self.book.outcome(action, denied="edit"):
            entry = self._timer()
            change = await self._complete(change)
            if change.start is not None:
                problem = start_problem(entry, change.start, self.clock.now())
                if problem:
                    raise ValidationError(start_time_text(problem))
            if not change.changes(entry):
                return entry
            answer = await self.actions.send_or_queue(action, lambda: self._put(entry.id, change))
        if isinstance(answer, Queue):
            return self.offline.queue(action, held=answer.why, edit=QueuedEdit(entry.id, change))
        log.info("edited the running entry")
        return self.actions.took(action, answer)

    async def _put(self, entry_id: str, change: EntryChange) -> TimeEntry:
        # The entry as awork has it this moment: a note changed in the web app a minute ago is kept.
        try:
            fresh = await self.client.time_entry(entry_id)
        except NotFoundError:
            raise NotFoundError(translate("EntryEdits", "The timer was deleted in awork; nothing was changed.")) from None
        if timer_state(fresh) is TimerState.IDLE:
            raise NotFoundError(translate("EntryEdits", "The timer was stopped in awork; nothing was changed."))
        return await self.client.update_entry(change.applied(fresh))

    async def _complete(self, change: EntryChange) -> EntryChange:
        """A new task with its project and own type of work (as a start books it), looked up when
        the list did not say them and awork can be asked."""
        task = change.task
        if task is None:
            return change
        offline = self.store.state.offline or (self.offline is not None and self.offline.waiting)
        if (task.project is None or task.type_of_work_id is None) and not offline:
            task = await self.client.task(task.id)
        if change.type_of_work is None and task.type_of_work_id is not None:
            change = replace(change, type_of_work=self._type(task.type_of_work_id))
        return replace(change, task=task)

    def _type(self, type_id: str) -> TypeOfWork:
        known = self.store.state.workload.types_of_work
        return next((t for t in known if t.id == type_id), TypeOfWork(type_id, ""))

    def _timer(self) -> TimeEntry:
        entry = self.store.state.entry
        if timer_state(entry) is TimerState.IDLE:
            raise no_timer()
        return entry

    # -- "I forgot to start" ------------------------------------------------------------------------

    async def start_earlier(self, started: datetime, **start: object) -> TimeEntry | None:
        """Start (TimerActions.start's arguments), then move the start back to `started`. A timer
        the start ended, and that ran before `started`, ends at `started`: the user switched then."""
        before = self.store.state.entry
        previous = before if timer_state(before) is not TimerState.IDLE and before.id != PENDING_ID else None
        problem = start_problem(TimeEntry("new", started), started, self.clock.now())
        if problem:
            raise ValidationError(start_time_text(problem))
        entry = await self.actions.start(**start)
        if timer_state(entry) is TimerState.IDLE:
            return entry
        entry = await self.edit(EntryChange(start=started))
        if previous is not None and entry is not None and entry.id not in (previous.id, PENDING_ID) \
                and previous.start < started:
            await self._end_previous(previous.id, started)
        return entry

    async def _end_previous(self, entry_id: str, end: datetime) -> None:
        try:
            ended = await self.client.time_entry(entry_id)
            if ended.end is not None and ended.end > end:
                await self.client.update_entry(replace(ended, end=end))
        except ApiError as exc:
            self.store.notify(Notice(translate("EntryEdits", "The timer before it still ends now: moving its end "
                                                             "to {0} failed: {1}").format(
                format_moment(end, self.clock.now()), exc.user_message), warning=True))

    # -- discard ------------------------------------------------------------------------------------

    @property
    def discarding(self) -> bool:
        """A discard waits out its undo window: the timer shows as gone, awork still has it."""
        return self._discarding is not None

    def discard_soon(self) -> None:
        """Show the timer as discarded, and send the DELETE when the undo window ends."""
        if self._discarding is not None:
            return
        if self.store.state.busy:
            raise Busy(translate("Commands", "Still busy; try again in a moment."))
        entry = self._timer()
        self._discarding = entry
        self.store.update(entry=None, discarding=entry, error=None)
        self._window = asyncio.ensure_future(self._after_window())

    def undo(self) -> bool:
        """Cancel a discard still in its window: the timer is back as it was. False: too late."""
        entry, self._discarding = self._discarding, None
        if entry is None:
            return False
        self._cancel_window()
        self.store.update(entry=entry, discarding=None)
        log.info("discard undone")
        return True

    async def flush(self) -> None:
        """Send a discard still in its window now (another action comes first, or the app quits)."""
        if self._discarding is None:
            return
        self._cancel_window()
        await self._commit()

    async def discard(self) -> None:
        """Discard the timer now, with no undo (the command line)."""
        if self._discarding is not None:
            await self.flush()
            return
        await self._send_discard(self._timer())

    def _cancel_window(self) -> None:
        if self._window is not None and self._window is not asyncio.current_task():
            self._window.cancel()
        self._window = None

    async def _after_window(self) -> None:
        await self._sleep(self.undo_seconds)
        self._window = None
        try:
            await self._commit()
        except (ApiError, Busy):
            pass  # in the store: the timer is shown again with why

    async def _commit(self) -> None:
        entry, self._discarding = self._discarding, None
        if entry is None:
            return
        self.store.update(discarding=None)
        await self._send_discard(entry)

    async def _send_discard(self, entry: TimeEntry) -> None:
        action = TimerAction.DISCARD
        try:
            async with self.book.outcome(action, denied="discard"):
                answer = await self.actions.send_or_queue(action, lambda: self.client.delete_entry(entry.id))
        except Busy as exc:
            self.store.update(entry=entry, error=str(exc))  # not discarded: show the timer again
            raise
        except ApiError:
            self.store.update(entry=entry)  # refused (e.g. no permission): the timer runs, and the error says why
            raise
        if isinstance(answer, Queue):
            self.offline.queue(action, held=answer.why, edit=QueuedEdit(entry.id))
            return
        log.info("discarded the running entry")
        self.actions.took(action, None)

