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

from ..api.errors import ApiError, AuthError, NotSignedInError, ValidationError
from ..domain.entities import StartRequest, Task, TimeEntry, TypeOfWork, Workload
from ..domain.recent import recent_tasks
from ..domain.search import looks_like_task_key
from .cache import WorkloadCache
from .state import Auth, Clock, Store

log = logging.getLogger(__name__)

LISTS_MAX_AGE = 300.0  # seconds before the popover reloads tasks and types of work
TIMER_MIN_INTERVAL = 2.0  # opening the popover twice in a row asks awork once


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
    ):
        self.store = store
        self.client = client
        self.tokens = tokens
        self.cache = cache
        self.zone_name = zone_name
        self.clock = clock or Clock()
        self._monotonic = monotonic
        self._lists_loaded_at: float | None = None
        self._timer_loaded_at: float | None = None
        self._lists_task: asyncio.Task | None = None

    # -- loading ---------------------------------------------------------------------------------

    def load_cache(self) -> None:
        if self.cache is None:
            return
        user, workload = self.cache.load()
        if user is not None or workload.types_of_work:
            self.store.update(user=user, workload=workload)

    async def refresh_timer(self, *, force: bool = True) -> TimeEntry | None:
        now = self._monotonic()
        if not force and self._timer_loaded_at is not None and now - self._timer_loaded_at < TIMER_MIN_INTERVAL:
            return self.store.state.entry
        if self.store.state.busy:
            return self.store.state.entry  # the action's own response will update the timer
        async with self._outcome(None):
            entry = await self.client.last_time_entry()
        self._timer_loaded_at = self._monotonic()
        self.store.update(entry=entry, entry_loaded=True)
        log.info("timer refreshed: %s", self.store.state.timer.value)
        return entry

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
            types, entries, assigned = await asyncio.gather(
                self.client.types_of_work(),
                self.client.recent_time_entries(user.id),
                self.client.assigned_tasks(),
            )
        recent = recent_tasks(entries, assigned, limit=10)
        known = {t.id: t for t in assigned}
        for task in recent:
            known.setdefault(task.id, task)
        workload = Workload(
            types_of_work=tuple(sorted(types, key=lambda t: t.name.casefold())),
            recent_tasks=tuple(recent),
            known_tasks=tuple(known.values()),
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

    async def start(self, *, type_of_work_id: str | None = None, task: Task | None = None, note: str | None = None) -> TimeEntry:
        async with self._outcome("start"):
            if task is not None and type_of_work_id is None:
                type_of_work_id = task.type_of_work_id
                if type_of_work_id is None:
                    # Search hits carry no type id; the task itself knows its type.
                    type_of_work_id = (await self.client.task(task.id)).type_of_work_id
            if type_of_work_id is None:
                raise ValidationError("Choose a type of work for this task first.")
            try:
                zone = self.zone_name()
            except Exception as exc:  # an unusable $TZ or system setting: tell, don't crash
                raise ValidationError(str(exc)) from exc
            request = StartRequest(
                type_of_work_id=type_of_work_id,
                timezone=zone,
                task_id=task.id if task else None,
                project_id=task.project_id if task else None,
                note=(note or "").strip() or None,
            )
            entry = await self.client.start(request)
        self.store.update(entry=entry, entry_loaded=True, workload=self._promoted(task, type_of_work_id))
        self._timer_loaded_at = self._monotonic()
        log.info("start done: timer %s", self.store.state.timer.value)
        return entry

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
        async with self._outcome(name):
            entry = await call()
            if entry is None:
                # 204: nothing was running here; read what awork really has.
                entry = await self.client.last_time_entry()
        self.store.update(entry=entry, entry_loaded=True)
        self._timer_loaded_at = self._monotonic()
        log.info("%s done: timer %s", name, self.store.state.timer.value)
        return entry

    # -- finding things --------------------------------------------------------------------------

    async def search_remote(self, term: str) -> list[Task]:
        """awork's search (and an exact task key) for tasks that are not in the local lists."""
        term = term.strip()
        if len(term) < 2:
            self.store.update(remote_query=term, remote_results=())
            return []
        async with self._outcome(None):
            key = looks_like_task_key(term)
            found: list[Task] = []
            if key:
                by_key = await self.client.task_by_key(key)
                if by_key is not None:
                    found.append(by_key)
            found += [t for t in await self.client.search_tasks(term) if not t.is_done and t.id not in {f.id for f in found}]
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
            raise LookupError(f"'{name_or_id}' matches several types of work: {names}")
        raise LookupError(f"No type of work '{name_or_id}'. Known: {names}")

    async def resolve_task(self, key_or_id: str) -> Task:
        key = looks_like_task_key(key_or_id)
        task = await self.client.task_by_key(key) if key else await self.client.task(key_or_id.strip())
        if task is None:
            raise LookupError(f"No task '{key_or_id}' in awork.")
        return task

    # -- signing in ------------------------------------------------------------------------------

    def signed_in_with(self, source: str) -> None:
        self.store.update(auth=Auth.SIGNED_IN, auth_source=source, error=None)

    def signed_out(self, message: str | None = None) -> None:
        self.store.update(auth=Auth.SIGNED_OUT, auth_source="", error=message)

    # -- outcome bookkeeping ---------------------------------------------------------------------

    @asynccontextmanager
    async def _outcome(self, action: str | None):
        if action is not None:
            if self.store.state.busy:
                raise Busy(f"Still busy with {self.store.state.busy}.")
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
            self.store.update(error=exc.user_message)
            raise
        else:
            if self.store.state.auth is not Auth.SIGNED_IN and self.tokens.present:
                self.store.update(auth=Auth.SIGNED_IN, auth_source=self.tokens.source)
            if action is not None or self.store.state.error:
                self.store.update(error=None)
        finally:
            if action is not None:
                self.store.update(busy=None)
