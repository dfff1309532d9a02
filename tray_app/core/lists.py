"""What the popover and the command line choose from: types of work, recent and assigned tasks
(loaded now and then, kept on disk for a quick start), awork's search, and a name or key resolved."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from ..domain.entities import Task, TypeOfWork, Workload
from ..domain.recent import recent_tasks
from ..domain.search import looks_like_task_key
from ..i18n import translate
from .allowance import Allowance
from .bookkeeping import Bookkeeping
from .cache import WorkloadCache
from .state import Store

log = logging.getLogger(__name__)

MAX_AGE = 300.0  # seconds before the popover reloads tasks and types of work


class Lists:
    def __init__(self, store: Store, client, bookkeeping: Bookkeeping, allowance: Allowance,
                 monotonic: Callable[[], float], cache: WorkloadCache | None = None):
        self.store = store
        self.client = client
        self.book = bookkeeping
        self.allowance = allowance
        self.cache = cache
        self._monotonic = monotonic
        self._loaded_at: float | None = None
        self._task: asyncio.Task | None = None

    async def aclose(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    def load_cache(self) -> None:
        if self.cache is None:
            return
        user, workload = self.cache.load()
        if user is not None or workload.types_of_work:
            self.store.update(user=user, workload=workload)

    async def refresh(self, *, force: bool = True) -> Workload:
        """Types of work, recent and assigned tasks; concurrent callers share one load."""
        fresh = self._loaded_at is not None and self._monotonic() - self._loaded_at < MAX_AGE
        if fresh and not force:
            return self.store.state.workload
        if self._task is None or self._task.done():
            self._task = asyncio.ensure_future(self._load())
        return await asyncio.shield(self._task)

    async def _load(self) -> Workload:
        async with self.book.outcome(None):
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
        self._loaded_at = self._monotonic()
        log.info("lists loaded: %d types of work, %d recent tasks, %d known tasks",
                 len(workload.types_of_work), len(workload.recent_tasks), len(workload.known_tasks))
        self.store.update(user=user, workload=workload)
        if self.cache is not None:
            await asyncio.to_thread(self.cache.save, user, workload)
        return workload

    async def project_types_wanted(self, project_id: str) -> None:
        """A task of this project is looked at: know which types of work it allows (once a while)."""
        await self.allowance.project_types(project_id)

    async def search_remote(self, term: str) -> list[Task]:
        """awork's search (and an exact task key) for tasks that are not in the local lists."""
        term = term.strip()
        if len(term) < 2:
            self.store.update(remote_query=term, remote_results=())
            return []
        async with self.book.outcome(None, denied="search"):
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
