"""Connects the tray, the popover and the sign-in window to the core's commands and state."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING, Awaitable, Callable

from ..api.errors import ApiError
from ..core.allowance import TypeOfWorkNeeded
from ..core.commands import Busy
from ..core.state import AppState, Auth, Notice
from ..i18n import translate
from .network import watch_network
from .tray import Tray

if TYPE_CHECKING:
    from .popover import Popover
    from .sign_in.flow import SignInFlow  # imported when first shown: a restored sign-in never needs it

log = logging.getLogger(__name__)


class TrayController:
    def __init__(self, core, tray: Tray, quit_app: Callable[[], None]):
        self.core = core
        self.commands = core.commands
        self.tray = tray
        self._popover: Popover | None = None  # built on first use: see `popover`
        self._popover_hooks: list[Callable[[Popover], None]] = []
        self.sign_in: SignInFlow | None = None
        self._tasks: set[asyncio.Task] = set()
        self._last_auth = core.store.state.auth
        self._sign_in_tells = False  # the sign-in window shows this update's error: no notification too
        self._network = None
        self._network_wanted = False  # set once the sync loop runs; see render
        self._sync_task: asyncio.Task | None = None

        self._quit_app = quit_app
        tray.quick_start_requested.connect(self.toggle_popover)
        self._connect_intents(tray)
        # The tray menu's own: continue the last entry, start one of the recent tasks.
        tray.continue_requested.connect(lambda: self.spawn(self.commands.continue_last()))
        tray.start_task_requested.connect(lambda task: self.spawn(self.commands.start(task=task)))
        core.store.subscribe(self.render)
        core.store.subscribe_notices(self._notice)
        self.render(core.store.state)

    def _connect_intents(self, source) -> None:
        """What the tray menu and the popover both offer."""
        c = self.commands
        source.pause_requested.connect(lambda: self.spawn(c.pause()))
        source.resume_requested.connect(lambda: self.spawn(c.resume()))
        source.stop_requested.connect(lambda: self.spawn(c.stop()))
        source.sign_in_requested.connect(self.show_sign_in)
        source.sign_out_requested.connect(lambda: self.spawn(self._sign_out()))
        source.quit_requested.connect(self._quit_app)

    # -- the popover, built when first wanted ------------------------------------------------------

    @property
    def popover(self) -> Popover:
        """The popover, built on first use (the first open, mostly): a tray nobody opens keeps no
        window, no list and none of their imports (about 8 MiB, see bench/memory_profile.py)."""
        if self._popover is None:
            self._popover = self._build_popover()
        return self._popover

    @property
    def popover_visible(self) -> bool:
        """Asking never builds it."""
        return self._popover is not None and self._popover.isVisible()

    def when_popover_built(self, hook: Callable[[Popover], None]) -> None:
        """`hook(popover)` once the popover exists (at once when it does): wiring from outside."""
        if self._popover is not None:
            hook(self._popover)
        else:
            self._popover_hooks.append(hook)

    def _build_popover(self) -> Popover:
        from .. import import_sources
        from .popover import Popover

        c, p = self.commands, Popover()
        self._connect_intents(p)
        p.start_requested.connect(self._start)
        p.continue_entry_requested.connect(lambda entry: self.spawn(c.continue_entry(entry), self.popover.started))
        p.continue_last_requested.connect(lambda: self.spawn(c.continue_last(), self.popover.started))
        p.remote_search_requested.connect(lambda term: self.spawn(c.search_remote(term)))
        p.project_types_wanted.connect(lambda project_id: self.spawn(c.project_types_wanted(project_id)))
        p.opened.connect(lambda: self.spawn(c.popover_opened()))
        p.edit_requested.connect(self._edit)
        p.discard_requested.connect(self._discard)
        p.undo_requested.connect(c.undo_discard)
        p.render(self.core.store.state)
        for hook in self._popover_hooks:
            hook(p)
        self._popover_hooks.clear()
        import_sources.release()  # what PySide6 read of the popover's modules
        return p

    async def start(self, *, show_popover: bool = False) -> None:
        for problem in self.core.store.state.file_problems:  # once, at start; the popover keeps saying it
            self.tray.notify("awork tray", problem)
        self.commands.load_cache()
        await self.core.restore_sign_in()
        if show_popover:
            self.popover.open_at(None)
        if self.core.store.state.auth is Auth.SIGNED_IN:
            self.spawn(self.commands.refresh_timer())
            self.spawn(self.commands.refresh_lists())
        else:
            self.show_sign_in(self.core.store.state.error)  # e.g. why the stored sign-in was refused
        if self.core.sync is not None:
            # Lives as long as the app; kept apart from the commands, which finish.
            self._sync_task = asyncio.ensure_future(self.core.sync.run())
            self._network_wanted = True
            self.render(self.core.store.state)  # offline already (the first requests failed)?

    async def shutdown(self) -> None:
        if self._sync_task is not None:
            self._sync_task.cancel()
            await asyncio.gather(self._sync_task, return_exceptions=True)
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        if self._popover is not None:
            self._popover.hide()
        await self.tray.notifier.close()
        if self.sign_in is not None:
            self.sign_in.close()

    # -- running commands ------------------------------------------------------------------------

    def spawn(self, coro: Awaitable, on_success: Callable[[], None] | None = None) -> asyncio.Task:
        task = asyncio.ensure_future(self._guard(coro, on_success))
        self._tasks.add(task)  # a strong reference: the loop only keeps weak ones
        task.add_done_callback(self._tasks.discard)
        return task

    async def _guard(self, coro: Awaitable, on_success) -> None:
        try:
            await coro
        except (ApiError, Busy):
            return  # already in the store, which the popover and tooltip show
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("unexpected error in a command")
            self.core.store.update(error=translate("TrayController", "Something went wrong; see the log file for details."))
            return
        if on_success is not None:
            on_success()

    async def _sign_out(self) -> None:
        problem = await self.core.sign_out()
        if problem:
            self.core.store.update(error=problem)

    def _start(self, task, type_of_work_id, note: str) -> None:
        minutes = self.popover.editing.started_minutes()  # "I forgot to start": it began that long ago
        started = self.commands.clock.now() - timedelta(minutes=minutes) if minutes else None
        self.spawn(self._start_or_ask(task, type_of_work_id, note, started), self.popover.started)

    async def _start_or_ask(self, task, type_of_work_id, note: str, started=None) -> None:
        try:
            await self.commands.start(type_of_work_id=type_of_work_id, task=task, note=note,
                                      **({"started": started} if started is not None else {}))
        except TypeOfWorkNeeded:
            self.popover.ask_for_type()  # the reason is in the store, shown above the chooser
            raise

    def _edit(self, change, started_text: str) -> None:
        self.spawn(self._edit_entry(change, started_text), self.popover.editing.saved)

    async def _edit_entry(self, change, started_text: str) -> None:
        if started_text:
            try:
                change = replace(change, start=self.commands.parse_start(started_text))
            except ApiError as exc:  # the user's words: said where they look, nothing sent
                self.core.store.update(error=exc.user_message)
                raise
        await self.commands.edit(change)

    def _discard(self) -> None:
        try:
            self.commands.discard_soon()
        except (ApiError, Busy) as exc:
            self.core.store.update(error=getattr(exc, "user_message", None) or str(exc))

    # -- views -----------------------------------------------------------------------------------

    def toggle_popover(self) -> None:
        self.popover.toggle_at(self.tray.popover_anchor())

    def render(self, state: AppState) -> None:
        self.tray.render(state)
        if self._popover is not None:  # a popover built later renders the state it is built in
            self._popover.render(state)
        became_signed_out = state.auth is Auth.SIGNED_OUT and self._last_auth is Auth.SIGNED_IN
        self._last_auth = state.auth
        self._sign_in_tells = became_signed_out and not state.demo
        if self._sign_in_tells:
            self.show_sign_in(state.error)
        if state.offline and self._network_wanted:
            # The OS's network state matters only while awork cannot be reached: its backend
            # (a plugin, over GLib or D-Bus) is loaded then, once, not by every tray that stays online.
            self._network_wanted = False
            self._network = watch_network(self.core.sync.poke)

    def _notice(self, notice: Notice) -> None:
        """Told once, after render saw the state it came with. An error the popover or the
        sign-in window already shows is not notified on top."""
        if not notice.warning:
            self.tray.notify("awork tray", notice.text, warning=False)
        elif not self._sign_in_tells and not self.popover_visible:
            self.tray.notify("awork tray", notice.text)

    def show_sign_in(self, message: str | None = None) -> None:
        if self.core.store.state.demo:
            return
        if self.sign_in is None:
            from .sign_in.flow import SignInFlow

            self.sign_in = SignInFlow(self.core, self.spawn, after=self._signed_in)
        self.sign_in.show(message)

    async def _signed_in(self) -> None:
        await asyncio.gather(self.commands.refresh_timer(), self.commands.refresh_lists(), return_exceptions=True)
