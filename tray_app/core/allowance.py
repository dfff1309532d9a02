"""Before a start is sent: does the workspace allow it? Ask for another type of work, or say no.

awork refuses a start on an archived type of work, on a type the project does not allow, and
(workspace setting "prevent-on-done-projects") on a done project. Knowing that here means the
popover can offer only what will be accepted and the command line can say which option to give,
instead of a round trip that ends in awork's error.

What it needs is read lazily and kept: the workspace's tracking settings (with the lists), its
active types of work (with the lists), and each project's allowed types (per project, when a
task of that project is first looked at or started). A lookup that fails is not a reason to
refuse: awork then decides, as before.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import replace

from ..api.errors import ApiError, ValidationError
from ..domain.allowed import TypeProblem, offered_types, start_refused, type_problem
from ..domain.entities import Project, ProjectTypes, Task, TrackingRules, TypeOfWork
from ..i18n import translate
from .state import Store

log = logging.getLogger(__name__)


class TypeOfWorkNeeded(ValidationError):
    """The start needs another type of work; `offered` are the ones it may use."""

    def __init__(self, reason: str, *, task: Task | None, offered: tuple[TypeOfWork, ...]):
        super().__init__(reason + " " + translate("Commands", "Choose another type of work."))
        self.reason = reason
        self.task = task
        self.offered = offered

class StartRefused(ValidationError):
    """The workspace's time tracking settings forbid this start; awork was not asked."""


class Allowance:
    def __init__(self, client, store: Store, monotonic: Callable[[], float], max_age: float):
        self.client = client
        self.store = store
        self._monotonic = monotonic
        self._max_age = max_age
        self._rules_known = False
        self._project_loaded: dict[str, float] = {}
        self._project_reads: dict[str, asyncio.Future] = {}

    async def aclose(self) -> None:
        """End the reads still in flight: shielded from their callers (which may be gone), they
        would outlive the app's loop."""
        reads = [read for read in self._project_reads.values() if not read.done()]
        for read in reads:
            read.cancel()
        await asyncio.gather(*reads, return_exceptions=True)
        self._project_reads.clear()

    # -- what is known ---------------------------------------------------------------------------

    async def read_rules(self) -> TrackingRules | None:
        """The workspace's settings, None when awork would not say (the last known stay)."""
        try:
            rules = await self.client.tracking_rules()
        except ApiError as exc:
            log.info("time tracking settings not read: %s %s", exc.status, exc.code or type(exc).__name__)
            return None
        self._rules_known = True
        return rules

    async def _rules(self, ask: bool) -> TrackingRules:
        if not self._rules_known and ask:  # the command line starts without loading the lists
            rules = await self.read_rules()
            if rules is not None:
                self._set(rules=rules)
        return self.store.state.workload.rules

    async def _known_types(self, type_id: str, ask: bool) -> tuple[TypeOfWork, ...]:
        """Types of work that tell whether `type_id` is active: the lists' (active ones), else
        awork's full list, archived ones included (and the lists' are brought up to date)."""
        types = self.store.state.workload.types_of_work
        if not ask or any(t.id == type_id for t in types):
            return types
        try:
            every = await self.client.types_of_work(archived_too=True)
        except ApiError as exc:
            log.info("types of work not read: %s %s", exc.status, exc.code or type(exc).__name__)
            return types  # not known: awork decides
        self._set(types_of_work=tuple(sorted((t for t in every if not t.is_archived), key=lambda t: t.name.casefold())))
        return tuple(every)

    async def project_types(self, project_id: str, *, refresh: bool = True, ask: bool = True) -> tuple[str, ...]:
        """The ids of the types of work `project_id` allows; empty: any.

        Kept per project; read again when older than the lists (only with `refresh`), and one
        read at a time per project. Without `ask`, only what is known (nothing: empty).
        """
        known = self.store.state.workload.allowed_type_ids(project_id)
        loaded = self._project_loaded.get(project_id)
        if known is not None and (not refresh or (loaded is not None and self._monotonic() - loaded < self._max_age)):
            return known
        if not ask:
            return known or ()
        read = self._project_reads.get(project_id)
        if read is None or read.done():
            read = self._project_reads[project_id] = asyncio.ensure_future(self._read_project(project_id))
        return await asyncio.shield(read)

    async def _read_project(self, project_id: str) -> tuple[str, ...]:
        known = self.store.state.workload.allowed_type_ids(project_id)
        try:
            types = await self.client.project_types_of_work(project_id)
        except ApiError as exc:
            # E.g. no read permission on the project's planning data: nothing known, awork decides.
            log.info("types of work of a project not read: %s %s", exc.status, exc.code or type(exc).__name__)
            return known or ()
        # Decided reading of the document: the list is what the project allows; an empty list
        # restricts nothing (a project that allowed nothing could not be tracked on at all).
        ids = tuple(t.id for t in types)
        self._project_loaded[project_id] = self._monotonic()
        workload = self.store.state.workload
        others = tuple(p for p in workload.project_types if p.project_id != project_id)
        self._set(project_types=(*others, ProjectTypes(project_id, ids)))
        return ids

    def _set(self, **changes) -> None:
        self.store.update(workload=replace(self.store.state.workload, **changes))

    async def archived_on_start(self, error: ApiError, type_id: str, *, own_type: bool, task: Task | None,
                                project: Project | None) -> None:
        """awork said a start's entity is archived: if it is the type of work (archived since the
        lists were read), raise TypeOfWorkNeeded from `error`; else return (the caller re-raises)."""
        types = self.store.state.workload.types_of_work
        self._set(types_of_work=tuple(t for t in types if t.id != type_id))  # read afresh below
        try:
            await self.check_start(type_id, own_type=own_type, task=task, project=project)
        except TypeOfWorkNeeded as needed:
            raise needed from error
        except ApiError:
            return

    # -- the check -------------------------------------------------------------------------------

    async def check_start(self, type_id: str, *, own_type: bool, task: Task | None, project: Project | None,
                          ask: bool = True) -> None:
        """Raise StartRefused or TypeOfWorkNeeded when awork would refuse this start.

        `own_type`: the type is the task's own, not one the user chose. `ask`: what is not
        known yet may be read from awork (not while offline).
        """
        project_id = project.id if project is not None else None
        rules, types, allowed = await asyncio.gather(
            self._rules(ask),
            self._known_types(type_id, ask),
            self.project_types(project_id, refresh=False, ask=ask) if project_id else _nothing(),
        )
        if start_refused(rules, project):
            raise StartRefused(translate(
                "Commands", "This workspace does not allow tracking time on done projects, and “{0}” is done."
            ).format(project.name))
        problem = type_problem(type_id, types, allowed)
        if problem is None:
            return
        offered = tuple(offered_types(types, allowed))
        if problem is TypeProblem.NOT_ALLOWED:
            name = next((t.name for t in types if t.id == type_id), "")
            reason = translate("Commands", "The project “{0}” does not allow the type of work “{1}”.").format(
                project.name, name)
        elif own_type:
            reason = translate("Commands", "This task’s type of work is archived in awork.")
        else:
            reason = translate("Commands", "That type of work is archived in awork.")
        log.info("start needs another type of work (%s)", problem.value)
        raise TypeOfWorkNeeded(reason, task=task, offered=offered)


async def _nothing() -> tuple[str, ...]:
    return ()
