"""The intents every front end sends: start, pause, resume, stop, refresh, search, sign in/out.

This is the only code that awaits the awork client. Each command records its outcome in the
store (so every UI shows it) and raises `ApiError` to its caller (so the CLI can set an exit
code). A command started while another is in flight is refused: no double starts.
"""

from __future__ import annotations

import asyncio
import logging
import time
from contextlib import asynccontextmanager
from dataclasses import replace
from typing import Awaitable, Callable

from ..api.errors import (
    ApiError,
    AuthError,
    NetworkError,
    NotSignedInError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
    ValidationError,
)
from ..domain.changes import fingerprint, remote_change
from ..domain.clock_offset import AworkClock
from ..domain.entities import Project, StartRequest, Task, TimeEntry, TypeOfWork, Workload
from ..domain.intended import apply_intent
from ..domain.recent import recent_tasks
from ..domain.search import looks_like_task_key
from ..domain.timer import TimerState, timer_state
from ..i18n import translate
from .allowance import Allowance
from .cache import WorkloadCache
from .outbox import NotQueued, Outbox, Pending
from .patience import Patience
from .replay import Replayer
from .state import Auth, Clock, Store
from .wording import busy_text, held_text

log = logging.getLogger(__name__)

LISTS_MAX_AGE = 300.0  # seconds before the popover reloads tasks and types of work
TIMER_MIN_INTERVAL = 2.0  # opening the popover twice in a row asks awork once
# awork may not have got these: the action is queued and replayed (only with an outbox).
QUEUEABLE = (NetworkError, ServerError)


class Busy(Exception):
    """Another command is still in flight."""


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
        self.cache = cache
        self.zone_name = zone_name
        # awork's time wherever we compare with awork's timestamps: this computer's clock (or the
        # one a test passes) corrected by the offset the client learns from awork's replies.
        self.local_clock = clock or Clock()
        offset = getattr(client, "clock_offset", None)
        self.clock = AworkClock(self.local_clock.now, offset) if offset is not None else self.local_clock
        self._monotonic = monotonic
        self.patience = Patience(store, monotonic, sleep)  # a user's action waits out a short 429
        self._lists_loaded_at: float | None = None
        self._timer_loaded_at: float | None = None
        self._lists_task: asyncio.Task | None = None
        self._timer_task: asyncio.Task | None = None
        self.outbox = outbox
        self.allowance = Allowance(client, store, monotonic, LISTS_MAX_AGE)
        self.replayer = Replayer(client, outbox, self.notify, self.clock.now, read_timer=self._awork_timer,
                                 offset=self._known_offset) if outbox is not None else None
        self._replay_lock = asyncio.Lock()
        self.server_entry: TimeEntry | None = None  # awork's view, apart from what is queued
        self._server_known = False
        self._confirmed = False  # the last read asked awork's entry list for the running timer too
        self._notices = 0
        self.wants_sync: Callable[[], None] = lambda: None  # the sync loop hooks in here
        if outbox is not None and len(outbox):
            self.store.update(pending=len(outbox))

    async def aclose(self) -> None:
        """End the shared reads still in flight (their callers may be gone already)."""
        pending = [t for t in (self._timer_task, self._lists_task) if t is not None and not t.done()]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)

    # -- loading ---------------------------------------------------------------------------------

    def load_cache(self) -> None:
        if self.cache is None:
            return
        user, workload = self.cache.load()
        if user is not None or workload.types_of_work:
            self.store.update(user=user, workload=workload)

    async def refresh_timer(self, *, force: bool = True) -> TimeEntry | None:
        if self.store.state.busy:
            return self.store.state.entry  # the action's own response will update the timer
        if self.outbox is not None and len(self.outbox):
            return await self.replay()  # awork hears what was queued before we show its view
        now = self._monotonic()
        if not force and self._timer_loaded_at is not None and now - self._timer_loaded_at < TIMER_MIN_INTERVAL:
            return self.store.state.entry
        if self._timer_task is None or self._timer_task.done():
            # One read at a time: a slow reply never stacks up more requests behind it.
            self._timer_task = asyncio.ensure_future(self._read_timer())
        return await asyncio.shield(self._timer_task)

    async def _read_timer(self) -> TimeEntry | None:
        async with self._outcome(None):
            # The first read confirms too: a timer may run behind a manual entry from the start.
            entry = await self._awork_timer(self.server_entry, confirm=not self._server_known)
        self._timer_loaded_at = self._monotonic()
        if self._server_known and not self.store.state.busy:
            message = remote_change(self.server_entry, entry, translate)
            if message:
                self.notify(message)
        self._server_entry_is(entry)
        self.store.update(entry=entry, entry_loaded=True, offline=False)
        log.info("timer refreshed: %s", self.store.state.timer.value)
        return entry

    @property
    def timer_age(self) -> float | None:
        """Seconds since awork last told us the timer (None: never)."""
        return None if self._timer_loaded_at is None else max(self._monotonic() - self._timer_loaded_at, 0.0)

    async def _awork_timer(self, believed: TimeEntry | None, *, confirm: bool = False) -> TimeEntry | None:
        """awork's timer: `GET /me/timeentries/last`, the last entry *started* (manual ones too).

        When that is no running timer although one ran as far as we knew (`believed`, another
        entry), or when `confirm`, awork's list of the user's entries without an end says whether
        a timer still runs: a manual entry added in the web app must not hide it."""
        entry = await self.client.last_time_entry()
        self._confirmed = False
        if timer_state(entry) is not TimerState.IDLE:
            return entry
        ran = believed is not None and timer_state(believed) is not TimerState.IDLE
        if not confirm and not (ran and (entry is None or entry.id != believed.id)):
            return entry  # what we knew of stopped there, or nothing ran: /last says it all
        if entry is None and believed is None:
            return None  # awork has no started entry of this user at all: no timer runs
        running = await self.client.running_time_entry(await self._user_id(entry, believed))
        self._confirmed = True
        return running or entry

    async def _user_id(self, *entries: TimeEntry | None) -> str:
        """The user's id: from an entry of theirs, else the lists' /me, else asked for."""
        known = next((e.user_id for e in entries if e is not None and e.user_id), None)
        if known:
            return known
        if self.store.state.user is None:
            self.store.update(user=await self.client.me())
        return self.store.state.user.id

    def _known_offset(self):
        """awork's clock minus ours, once awork has answered (else None)."""
        offset = getattr(self.client, "clock_offset", None)
        return offset.offset if offset is not None and offset.known else None

    def _note_clock(self) -> None:
        """Tell the UI awork's clock offset, in whole seconds (the popover warns beyond a minute)."""
        offset = getattr(self.client, "clock_offset", None)
        seconds = round(offset.seconds or 0.0) if offset is not None else 0
        if abs(seconds - self.store.state.clock_offset) >= 2 or (seconds == 0) != (self.store.state.clock_offset == 0):
            self.store.update(clock_offset=seconds)

    def _server_entry_is(self, entry: TimeEntry | None) -> None:
        self.server_entry = entry
        self._server_known = True

    def notify(self, text: str) -> None:
        self._notices += 1
        log.info("notice: %s", text)
        self.store.update(notice=(self._notices, text))

    # -- the offline queue ------------------------------------------------------------------------

    def _must_queue(self) -> bool:
        return self.outbox is not None and len(self.outbox) > 0  # keep the user's order

    def _queue(self, kind: str, *, form: dict | None = None, task: Task | None = None,
               type_of_work: TypeOfWork | None = None, note: str | None = None,
               held: ApiError | None = None) -> TimeEntry | None:
        at = self.clock.now()
        label = (task.name if task else type_of_work.name if type_of_work else "") or ""
        # Before awork ever answered, `at` is this computer's time: the replay moves it to awork's.
        local = not getattr(self.clock, "known", True)
        try:
            self.outbox.append(Pending(kind, at, form, label, local_time=local), fingerprint(self.server_entry))
        except NotQueued as exc:  # e.g. a full disk: refused, and so never sent later either
            self.store.update(error=exc.user_message, offline=True)
            raise
        entry = apply_intent(self.store.state.entry, kind, at, type_of_work=type_of_work, task=task, note=note)
        if isinstance(held, RateLimitedError):  # awork answers, but not for a while: say so, not "offline"
            self.store.update(entry=entry, entry_loaded=True, pending=len(self.outbox), error=None,
                              held=held_text(kind, held.retry_after))
        elif self.store.state.held and not self.store.state.offline:  # queued behind a held action
            self.store.update(entry=entry, entry_loaded=True, pending=len(self.outbox), error=None)
        else:
            self.store.update(entry=entry, entry_loaded=True, pending=len(self.outbox), offline=True, error=None)
        log.info("%s queued while offline (%d waiting)", kind, len(self.outbox))
        self.wants_sync()
        return entry

    async def replay(self) -> TimeEntry | None:
        """Send the offline queue to awork; raises (and keeps the rest queued) while it cannot."""
        if self.replayer is None:
            return self.store.state.entry
        async with self._replay_lock:
            if not len(self.outbox):
                return self.store.state.entry
            try:
                entry = await self.replayer.replay()
            except ApiError as exc:
                offline = isinstance(exc, QUEUEABLE)
                self.store.update(offline=offline, pending=len(self.outbox), **({"held": None} if offline else {}))
                if isinstance(exc, (AuthError, NotSignedInError)):
                    self.signed_out(exc.user_message)  # the queue waits for the next sign-in
                raise
            finally:
                self._note_clock()
            self._server_entry_is(entry)
            self._timer_loaded_at = self._monotonic()
            # Anything the user did during the replay is queued behind it: show that intent.
            shown = entry
            for item in self.outbox.items():
                shown = apply_intent(shown, item.kind, item.at, note=(item.form or {}).get("note"))
            self.store.update(entry=shown, entry_loaded=True, pending=len(self.outbox), offline=False,
                              held=None if not len(self.outbox) else self.store.state.held)
            log.info("offline queue replayed: timer %s", self.store.state.timer.value)
            return shown

    async def refresh_lists(self, *, force: bool = True) -> Workload:
        """Types of work, recent and assigned tasks; concurrent callers share one load."""
        fresh = self._lists_loaded_at is not None and self._monotonic() - self._lists_loaded_at < LISTS_MAX_AGE
        if fresh and not force:
            return self.store.state.workload
        if self._lists_task is None or self._lists_task.done():
            self._lists_task = asyncio.ensure_future(self._load_lists())
        return await asyncio.shield(self._lists_task)

    async def _load_lists(self) -> Workload:
        async with self._outcome(None):
            user = await self.client.me()
            types, entries, assigned, rules = await asyncio.gather(
                self.client.types_of_work(),
                self.client.recent_time_entries(user.id),
                self.client.assigned_tasks(),
                self.allowance.read_rules(),
            )
        recent = recent_tasks(entries, assigned, limit=10)
        known = {t.id: t for t in assigned}
        for task in recent:
            known.setdefault(task.id, task)
        workload = Workload(
            types_of_work=tuple(sorted(types, key=lambda t: t.name.casefold())),
            recent_tasks=tuple(recent),
            known_tasks=tuple(known.values()),
            # The settings when awork told them (else the last known); the projects' types stay.
            rules=rules if rules is not None else self.store.state.workload.rules,
            project_types=self.store.state.workload.project_types,
        )
        self._lists_loaded_at = self._monotonic()
        log.info("lists loaded: %d types of work, %d recent tasks, %d known tasks",
                 len(workload.types_of_work), len(workload.recent_tasks), len(workload.known_tasks))
        self.store.update(user=user, workload=workload)
        if self.cache is not None:
            await asyncio.to_thread(self.cache.save, user, workload)
        return workload

    async def popover_opened(self) -> None:
        """The user looks: make sure what they see is true (and lists not stale)."""
        results = await asyncio.gather(
            self.refresh_timer(force=False), self.refresh_lists(force=False), return_exceptions=True
        )
        for result in results:
            if isinstance(result, BaseException) and not isinstance(result, ApiError):
                raise result

    # -- timer control ---------------------------------------------------------------------------

    async def start(self, *, type_of_work_id: str | None = None, task: Task | None = None, note: str | None = None,
                    project_id: str | None = None, project: Project | None = None,
                    is_billable: bool | None = None) -> TimeEntry:
        """Start a timer; `project` (or just its id) when there is no task. `is_billable`: None takes
        the project's default where awork told it.

        Raises TypeOfWorkNeeded when the type (the task's own, or the one given) cannot be booked
        here, and StartRefused when the workspace's settings forbid the start: nothing is sent.
        """
        async with self._outcome("start", denied="start_task" if task is not None else None):
            own_type = task is not None and type_of_work_id is None
            if task is not None and type_of_work_id is None:
                type_of_work_id = task.type_of_work_id
                if type_of_work_id is None:
                    # Search hits carry no type id; the task itself knows its type.
                    type_of_work_id = (await self.patience.call("start", lambda: self.client.task(task.id))
                                       ).type_of_work_id
            if type_of_work_id is None:
                raise ValidationError(translate("Commands", "Choose a type of work for this task first."))
            project = project or (task.project if task else None)
            if project is None and project_id:
                project = Project(project_id, "")
            # Offline, only what is known decides: no lookup may hold up queueing the start.
            await self.allowance.check_start(type_of_work_id, own_type=own_type, task=task, project=project,
                                             ask=not (self._must_queue() or self.store.state.offline))
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
            held = None
            try:
                if self._must_queue():
                    raise NetworkError("queued behind earlier offline actions")
                entry = await self.patience.call("start", lambda: self.client.start(request))
            except (*QUEUEABLE, RateLimitedError) as exc:
                if self.outbox is None:
                    raise
                entry, held = None, exc
            except ValidationError as exc:
                if exc.code == "entity-archived":  # archived since the lists were read: ask for another
                    await self.allowance.archived_on_start(exc, type_of_work_id, own_type=own_type, task=task,
                                                           project=project)
                raise
        if entry is None:
            tow = next((t for t in self.store.state.workload.types_of_work if t.id == type_of_work_id), None)
            entry = self._queue("start", form=request.to_form(), task=task, type_of_work=tow, note=request.note,
                                held=held)
            self.store.update(workload=self._promoted(task, type_of_work_id))
            return entry
        self._server_entry_is(entry)
        self.wants_sync()
        self.store.update(entry=entry, entry_loaded=True, workload=self._promoted(task, type_of_work_id))
        self._timer_loaded_at = self._monotonic()
        log.info("start done: timer %s", self.store.state.timer.value)
        return entry

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
        recent = (task,) + tuple(t for t in workload.recent_tasks if t.id != task.id)
        return replace(workload, recent_tasks=recent[:10])

    async def pause(self) -> TimeEntry | None:
        return await self._control("pause", self.client.pause)

    async def resume(self) -> TimeEntry | None:
        return await self._control("resume", self.client.resume)

    async def stop(self) -> TimeEntry | None:
        return await self._control("stop", self.client.stop)

    async def _control(self, name: str, call: Callable[[], Awaitable[TimeEntry | None]]) -> TimeEntry | None:
        try:
            async with self._outcome(name):
                if self._must_queue():
                    raise NetworkError("queued behind earlier offline actions")
                entry = await self.patience.call(name, call)
                if entry is None:
                    # 204: nothing was running here; read what awork really has.
                    entry = await self.patience.call(name, self.client.last_time_entry)
        except (*QUEUEABLE, RateLimitedError) as exc:
            if self.outbox is None:
                raise
            return self._queue(name, held=exc)
        self._server_entry_is(entry)
        self.wants_sync()
        self.store.update(entry=entry, entry_loaded=True)
        self._timer_loaded_at = self._monotonic()
        log.info("%s done: timer %s", name, self.store.state.timer.value)
        return entry

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
        project = entry.effective_project
        return await self.start(type_of_work_id=entry.type_of_work_id, task=entry.task, note=entry.note,
                                project_id=project.id if project else None, project=project,
                                is_billable=entry.is_billable)

    async def _decisive_timer(self) -> TimeEntry | None:
        """The timer to act on: awork's, and when /last shows none, confirmed by awork's list of
        entries without an end, so a later manual entry never makes a key start a second timer."""
        entry = await self.refresh_timer()
        if timer_state(entry) is not TimerState.IDLE or self._confirmed or (self.outbox is not None and len(self.outbox)):
            return entry
        async with self._outcome(None):
            running = await self.client.running_time_entry(await self._user_id(entry))
        if running is None:
            return entry
        self._server_entry_is(running)
        self.store.update(entry=running, entry_loaded=True)
        return running

    async def project_types_wanted(self, project_id: str) -> None:
        """A task of this project is looked at: know which types of work it allows (once a while)."""
        await self.allowance.project_types(project_id)

    # -- finding things --------------------------------------------------------------------------

    async def search_remote(self, term: str) -> list[Task]:
        """awork's search (and an exact task key) for tasks that are not in the local lists."""
        term = term.strip()
        if len(term) < 2:
            self.store.update(remote_query=term, remote_results=())
            return []
        async with self._outcome(None, denied="search"):
            key = looks_like_task_key(term)
            found: list[Task] = []
            if key:
                by_key = await self.client.task_by_key(key)
                if by_key is not None:
                    found.append(by_key)
            # Done tasks and tasks of closed projects stay findable; the list marks them.
            found += [t for t in await self.client.search_tasks(term) if t.id not in {f.id for f in found}]
        self.store.update(remote_query=term, remote_results=tuple(found))
        return found

    async def resolve_type_of_work(self, name_or_id: str) -> TypeOfWork:
        types = self.store.state.workload.types_of_work or tuple(await self.client.types_of_work())
        wanted = name_or_id.strip().casefold()
        exact = [t for t in types if t.id.casefold() == wanted or t.name.casefold() == wanted]
        if len(exact) == 1:
            return exact[0]
        partial = [t for t in types if wanted in t.name.casefold()]
        if len(partial) == 1:
            return partial[0]
        names = ", ".join(t.name for t in (partial or types))
        if partial:
            raise LookupError(translate("Commands", "“{0}” matches several types of work: {1}").format(name_or_id, names))
        raise LookupError(translate("Commands", "No type of work “{0}”. Known: {1}").format(name_or_id, names))

    async def resolve_task(self, key_or_id: str) -> Task:
        key = looks_like_task_key(key_or_id)
        task = await self.client.task_by_key(key) if key else await self.client.task(key_or_id.strip())
        if task is None:
            raise LookupError(translate("Commands", "No task “{0}” in awork.").format(key_or_id))
        return task

    # -- signing in ------------------------------------------------------------------------------

    def signed_in_with(self, source: str) -> None:
        self.store.update(auth=Auth.SIGNED_IN, auth_source=source, error=None)

    def signed_out(self, message: str | None = None) -> None:
        self.store.update(auth=Auth.SIGNED_OUT, auth_source="", error=message)

    # -- outcome bookkeeping ---------------------------------------------------------------------

    @asynccontextmanager
    async def _outcome(self, action: str | None, *, denied: str | None = None):
        """`denied`: how a missing permission is worded (PermissionDeniedError.action) when it
        differs from `action` ("start_task"), or for a read ("search")."""
        if action is not None:
            if self.store.state.busy:
                raise Busy(translate("Commands", "Still busy ({0}); try again in a moment.").format(
                    busy_text(self.store.state.busy)))
            self.store.update(busy=action, error=None)
        try:
            yield
        except NotSignedInError as exc:
            self.signed_out(exc.user_message)
            raise
        except AuthError as exc:
            self.signed_out(exc.user_message)
            raise
        except ApiError as exc:
            if isinstance(exc, PermissionDeniedError) and exc.action is None:
                exc.action = denied or action  # "You cannot book time on this task: …", signed in still
            offline = isinstance(exc, NetworkError)
            if offline and self.outbox is not None:
                # The tray says "Offline — retrying" and keeps trying; no alarming error on top.
                self.store.update(offline=True)
            else:
                self.store.update(error=exc.user_message, offline=offline)
            raise
        else:
            if self.store.state.auth is not Auth.SIGNED_IN and self.tokens.present:
                self.store.update(auth=Auth.SIGNED_IN, auth_source=self.tokens.source)
            if action is not None or self.store.state.error or self.store.state.offline:
                self.store.update(error=None, offline=False)
        finally:
            self._note_clock()
            if action is not None:
                self.store.update(busy=None)
