"""The timer actions: start, pause, resume, stop, and toggle and continue built on them.

Each action is sent to awork, or queued (with an outbox): behind earlier queued actions, so awork
gets them in the user's order, or because awork cannot take it now (offline, failing, or busy for
longer than a user's action may wait). `_send_or_queue` makes that choice in one place.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from ..api.errors import ApiError, RateLimitedError, ValidationError
from ..domain.actions import QueuedStart, TimerAction
from ..domain.entities import Project, StartRequest, Task, TimeEntry, Workload
from ..domain.timer import TimerState, timer_state
from ..i18n import format_moment, translate
from .allowance import Allowance
from .bookkeeping import Bookkeeping
from .offline import QUEUEABLE, Offline
from .patience import Patience
from .state import Notice, Store
from .timer_reader import TimerReader

log = logging.getLogger(__name__)

END_TOLERANCE = timedelta(seconds=1)  # an end this close to the one asked for is left as it is


@dataclass(frozen=True)
class Queue:
    """`_send_or_queue`'s other answer: the action goes into the offline queue. `why`: awork's
    answer that sent it there (None: it waits behind earlier queued actions)."""

    why: ApiError | None = None


class TimerActions:
    def __init__(self, store: Store, client, *, reader: TimerReader, offline: Offline | None,
                 bookkeeping: Bookkeeping, patience: Patience, allowance: Allowance,
                 zone_name: Callable[[], str], read_timer: Callable[[], Awaitable[TimeEntry | None]],
                 done: Callable[[], None]):
        """`read_timer()`: awork's timer as the core reads it (after the queue was replayed).
        `done()`: called after each action awork took (the sync loop reads again soon)."""
        self.store = store
        self.client = client
        self.reader = reader
        self.offline = offline
        self.book = bookkeeping
        self.patience = patience
        self.allowance = allowance
        self.zone_name = zone_name
        self._read_timer = read_timer
        self._done = done

    async def _send_or_queue(self, action: TimerAction, send: Callable[[], Awaitable[TimeEntry | None]], *,
                             if_none: Callable[[], Awaitable[TimeEntry | None]] | None = None
                             ) -> TimeEntry | Queue | None:
        """awork's answer to `send()` (short rate limits waited out; `if_none()` asked when that
        answer is none), or Queue when the action is to be queued instead. Without an outbox,
        what awork cannot take now is raised."""
        if self.offline is not None and self.offline.waiting:
            return Queue()  # behind earlier offline actions: keep the user's order
        try:
            entry = await self.patience.call(action, send)
            if entry is None and if_none is not None:
                entry = await self.patience.call(action, if_none)
            return entry
        except (*QUEUEABLE, RateLimitedError) as exc:
            if self.offline is None:
                raise
            return Queue(exc)

    def _took(self, action: TimerAction, entry: TimeEntry | None, **changes) -> TimeEntry | None:
        self.reader.heard(entry)
        self._done()
        self.store.update(entry=entry, **changes)
        log.info("%s done: timer %s", action.value, self.store.state.timer.value)
        return entry

    # The edits of the running entry (core.entry_edits) send or queue, and record, the same way.
    send_or_queue = _send_or_queue
    took = _took

    # -- start -----------------------------------------------------------------------------------

    async def start(self, *, type_of_work_id: str | None = None, task: Task | None = None, note: str | None = None,
                    project_id: str | None = None, project: Project | None = None,
                    is_billable: bool | None = None) -> TimeEntry:
        """Start a timer; `project` (or just its id) when there is no task. `is_billable`: None takes
        the project's default where awork told it.

        Raises TypeOfWorkNeeded when the type (the task's own, or the one given) cannot be booked
        here, and StartRefused when the workspace's settings forbid the start: nothing is sent.
        """
        action = TimerAction.START
        async with self.book.outcome(action, denied="start_task" if task is not None else None):
            own_type = task is not None and type_of_work_id is None
            if task is not None and type_of_work_id is None:
                type_of_work_id = task.type_of_work_id
                if type_of_work_id is None:
                    # Search hits carry no type id; the task itself knows its type.
                    type_of_work_id = (await self.patience.call(action, lambda: self.client.task(task.id))
                                       ).type_of_work_id
            if type_of_work_id is None:
                raise ValidationError(translate("Commands", "Choose a type of work for this task first."))
            project = project or (task.project if task else None)
            if project is None and project_id:
                project = Project(project_id, "")
            # Offline, only what is known decides: no lookup may hold up queueing the start.
            offline = self.store.state.offline or (self.offline is not None and self.offline.waiting)
            await self.allowance.check_start(type_of_work_id, own_type=own_type, task=task, project=project,
                                             ask=not offline)
            try:
                zone = self.zone_name()
            except Exception as exc:  # an unusable $TZ or system setting: tell, don't crash
                raise ValidationError(str(exc)) from exc
            request = StartRequest(
                type_of_work_id=type_of_work_id,
                timezone=zone,
                task_id=task.id if task else None,
                project_id=(task.project_id if task else None) or project_id,
                note=(note or "").strip() or None,
                is_billable=is_billable if is_billable is not None else self._billable_by_default(task, project),
            )
            try:
                answer = await self._send_or_queue(action, lambda: self.client.start(request))
            except ValidationError as exc:
                if exc.code == "entity-archived":  # archived since the lists were read: ask for another
                    await self.allowance.archived_on_start(exc, type_of_work_id, own_type=own_type, task=task,
                                                           project=project)
                raise
        workload = self._promoted(task, type_of_work_id)
        if isinstance(answer, Queue):
            tow = next((t for t in self.store.state.workload.types_of_work if t.id == type_of_work_id), None)
            entry = self.offline.queue(action, QueuedStart(request, task, tow, project), held=answer.why)
            self.store.update(workload=workload)
            return entry
        return self._took(action, answer, workload=workload)

    def _billable_by_default(self, task: Task | None, project: Project | None = None) -> bool | None:
        """The project's isBillableByDefault, from the task or the lists that know its project."""
        if task is None:
            return project.is_billable_by_default if project is not None else None
        if task.project is not None and task.project.is_billable_by_default is not None:
            return task.project.is_billable_by_default
        workload = self.store.state.workload
        known = (t.project for t in workload.known_tasks + workload.recent_tasks + self.store.state.remote_results
                 if t.project is not None and t.project.id == task.project_id)
        return next((p.is_billable_by_default for p in known if p.is_billable_by_default is not None), None)

    def _promoted(self, task: Task | None, type_of_work_id: str) -> Workload:
        """The started task moves to the top of the recent tasks, as it will in awork's history."""
        workload = self.store.state.workload
        if task is None:
            return workload
        if task.type_of_work_id is None:
            task = replace(task, type_of_work_id=type_of_work_id)
        recent = (task, *tuple(t for t in workload.recent_tasks if t.id != task.id))
        return replace(workload, recent_tasks=recent[:10])

    # -- pause, resume, stop ---------------------------------------------------------------------

    async def pause(self) -> TimeEntry | None:
        return await self._control(TimerAction.PAUSE, self.client.pause)

    async def resume(self) -> TimeEntry | None:
        return await self._control(TimerAction.RESUME, self.client.resume)

    async def stop(self, *, at: datetime | None = None, entry_id: str | None = None) -> TimeEntry | None:
        """`at` (awork's time, earlier than now): the entry `entry_id` ends then instead of now,
        as for time away from the computer. Stopped, then its end moved with PUT /timeentries/{id};
        offline, a stop at `at` is queued, and the replay moves the end the same way."""
        return await self._control(TimerAction.STOP, self.client.stop, at=at, entry_id=entry_id)

    async def _control(self, action: TimerAction, call: Callable[[], Awaitable[TimeEntry | None]], *,
                       at: datetime | None = None, entry_id: str | None = None) -> TimeEntry | None:
        async with self.book.outcome(action):
            # 204: nothing was running here; read what awork really has.
            answer = await self._send_or_queue(action, call, if_none=self.client.last_time_entry)
            if at is not None and isinstance(answer, TimeEntry) and answer.id == entry_id:
                answer = await self._end_at(action, answer, at)
        if isinstance(answer, Queue):
            return self.offline.queue(action, held=answer.why, at=at)
        return self._took(action, answer)

    async def _end_at(self, action: TimerAction, entry: TimeEntry, at: datetime) -> TimeEntry:
        """The stopped `entry` with its end moved back to `at`; as it is, with a notice, when awork
        refuses the change (the stop itself stands)."""
        end = max(at, entry.start)
        if entry.end is None or entry.end - end <= END_TOLERANCE:
            return entry
        try:
            return await self.patience.call(
                action, lambda: self.client.update_entry(replace(entry, end=end)))
        except ApiError as exc:
            log.warning("moving the end of a stopped entry failed: %s", type(exc).__name__)
            self.store.notify(Notice(translate(
                "Away", "The timer is stopped, but awork did not take the earlier end {0}: {1} Change it in "
                "awork.").format(format_moment(end), exc.user_message), warning=True))
            return entry

    # -- built on them ---------------------------------------------------------------------------

    async def toggle(self) -> TimeEntry | None:
        """One key for everything: running -> pause, paused -> resume, idle -> continue the last entry."""
        # Decide on awork's truth: another device may have changed it, or a manual entry hidden it.
        entry = await self.patience.call("", self._decisive_timer)
        state = timer_state(entry)
        if state is TimerState.RUNNING:
            return await self.pause()
        if state is TimerState.PAUSED:
            return await self.resume()
        return await self.continue_last()

    async def continue_last(self) -> TimeEntry | None:
        """Start again on what the last entry was: its task, project, type of work and note.

        A paused timer is resumed and a running one left alone: both already are "the last entry".
        """
        entry = await self.patience.call("", self._decisive_timer)
        state = timer_state(entry)
        if state is TimerState.PAUSED:
            return await self.resume()
        if state is TimerState.RUNNING:
            return entry
        if entry is None:
            raise LookupError(translate("Commands", "Nothing to continue: awork has no earlier time entry of yours."))
        return await self.continue_entry(entry)

    async def continue_entry(self, entry: TimeEntry) -> TimeEntry:
        """Start a timer on what `entry` was: task, project, type of work, note and billable."""
        project = entry.effective_project
        return await self.start(type_of_work_id=entry.type_of_work_id, task=entry.task, note=entry.note,
                                project_id=project.id if project else None, project=project,
                                is_billable=entry.is_billable)

    async def discard_away(self, entry_id: str, away_start: datetime, *, and_continue: bool) -> TimeEntry | None:
        """The running entry `entry_id` ends at `away_start` (awork's time), and with
        `and_continue` the same starts again now. Raises LookupError when that entry no longer
        runs (stopped or paused elsewhere meanwhile): nothing is changed then."""
        entry = self.store.state.entry
        if entry is None or entry.id != entry_id or timer_state(entry) is not TimerState.RUNNING:
            raise LookupError(translate("Away", "The timer changed in the meantime; the away time was kept."))
        await self.stop(at=max(away_start, entry.start), entry_id=entry_id)
        if and_continue:
            return await self.continue_entry(entry)
        return self.store.state.entry

    async def _decisive_timer(self) -> TimeEntry | None:
        """The timer to act on: awork's, and when /last shows none, confirmed by awork's list of
        entries without an end, so a later manual entry never makes a key start a second timer."""
        entry = await self._read_timer()
        if timer_state(entry) is not TimerState.IDLE or self.reader.confirmed or (
                self.offline is not None and self.offline.waiting):
            return entry
        return await self.reader.running_behind(entry) or entry
