"""Handing the offline queue to awork, in order, once it can be reached again.

Rules: each action is applied only if it still changes awork's timer (so a replay after a crash,
or of an action awork already got, does nothing twice); an action older than a change made
elsewhere in the meantime is dropped, because the newer change wins; and where awork records a
time more than a minute after the user acted, the entry is corrected with PUT /timeentries/{id}.
An edit or a discard is applied only to the entry it was made for, while that entry is still
awork's timer (one made for a start queued before it: the entry that start made).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Callable

from ..api.errors import (
    ApiError,
    AuthError,
    MalformedResponseError,
    NetworkError,
    NotSignedInError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
)
from ..domain.actions import TimerAction
from ..domain.changes import Fingerprint, fingerprint, timer_changed, timer_changed_at
from ..domain.entities import TimeEntry
from ..domain.intended import PENDING_ID
from ..domain.timer import TimerState, timer_state
from ..i18n import format_moment, translate
from .outbox import Outbox, Pending
from .wording import action_name

log = logging.getLogger(__name__)

TOLERANCE = timedelta(minutes=1)
# Failures that mean "not now": the action stays queued and is tried again later. (A sign-in
# awork refuses is one: the queue waits for the next sign-in. A missing permission is not: that
# action is dropped with a notice, like any other refusal.)
TRY_LATER = (NetworkError, ServerError, RateLimitedError, MalformedResponseError, AuthError, NotSignedInError)


class Replayer:
    def __init__(self, client, outbox: Outbox, notify: Callable[[str], None], now: Callable[[], datetime], *,
                 read_timer=None, offset: Callable[[], timedelta | None] = lambda: None):
        """`now`: awork's time. `read_timer(believed, confirm=)`: awork's timer, found even behind
        a later manual entry (TimerReader.awork_timer). `offset`: awork's clock minus ours, once known."""
        self.client = client
        self.outbox = outbox
        self.notify = notify
        self.now = now
        self._read_timer = read_timer
        self._offset = offset
        self._resumed: str | None = None

    async def replay(self) -> TimeEntry | None:
        """Apply what is queued; returns awork's entry afterwards. Raises a TRY_LATER error when
        awork cannot take it yet (what is left stays queued)."""
        baseline = self.outbox.baseline
        ran = baseline is not None and baseline.timer_state is not TimerState.IDLE
        server = await self._timer(confirm=ran)
        changed_at = None
        self._resumed = None
        if timer_changed(baseline, server):
            if self._ours(self.outbox.sending, baseline, server):
                # A crash or a lost reply cut the last replay while this action was sent: awork
                # holds it, and that is the whole change; _apply does not repeat it.
                self._resumed = self.outbox.sending
            else:
                changed_at = timer_changed_at(server) or self.now()
        self._to_awork_time()
        for item in self.outbox.items():
            if changed_at is not None and item.at < changed_at:
                self.outbox.remove(item.id)
                self.notify(translate(
                    "Replay", "Your offline {0} at {1} was not sent: the timer was changed in awork at {2}, "
                    "and the newer change wins.").format(action_name(item.action), self._at(item.at), self._at(changed_at)))
                continue
            try:
                self.outbox.mark_sending(item.id)
                server = await self._apply(item, server)
            except TRY_LATER as exc:
                if not isinstance(exc, (NetworkError, MalformedResponseError)):
                    self.outbox.mark_sending(None)  # refused outright: it did not reach the timer
                raise
            except ApiError as exc:  # awork refuses this one for good: tell, and go on
                if isinstance(exc, PermissionDeniedError) and exc.action is None:
                    exc.action = ("start_task" if item.action is TimerAction.START and item.start.request.task_id
                                  else item.action.value)
                self.outbox.remove(item.id)
                self.notify(translate("Replay", "awork did not accept your offline {0} at {1}: {2}").format(
                    action_name(item.action), self._at(item.at), exc.user_message))
                continue
            self.outbox.remove(item.id, baseline=fingerprint(server))
        return server

    async def _timer(self, *, confirm: bool = False) -> TimeEntry | None:
        if self._read_timer is None:
            return await self.client.last_time_entry()
        return await self._read_timer(None, confirm=confirm)

    def _to_awork_time(self) -> None:
        """Actions queued before awork ever answered hold this computer's time: move them to
        awork's, now that its clock is known (the computer's is taken to be as far off then)."""
        offset = self._offset()
        if offset is None:
            return
        for item in self.outbox.items():
            if item.local_time:
                self.outbox.replace(replace(item, at=item.at + offset, local_time=False))

    async def _apply(self, item: Pending, server: TimeEntry | None) -> TimeEntry | None:
        state = timer_state(server)
        if item.action in (TimerAction.EDIT, TimerAction.DISCARD):
            return await self._apply_edit(item, server)
        # `_resumed`: this action was being sent when a crash or a lost reply cut the last replay;
        # when awork turns out to have it, it still gets the time correction it missed.
        if item.action is TimerAction.START:
            previous = server if state is not TimerState.IDLE else None
            if not self._already_started(item, server):
                entry = await self.client.start(item.start.request)
            elif item.id == self._resumed:
                entry, previous = server, None
            else:
                self._made(server)
                return server
            if entry.start - item.at > TOLERANCE:
                if previous is not None and previous.id != entry.id and item.at > previous.start:
                    # awork ended the previous timer just now; the user switched at item.at.
                    await self._correct(replace(previous, end=entry.start), previous.start, item.at, "end", item)
                entry = await self._correct(entry, item.at, None, "start", item) or entry
            self._made(entry)
            return entry
        if item.action is TimerAction.STOP:
            if state is not TimerState.IDLE:
                entry = await self.client.stop() or await self.client.last_time_entry()
            elif item.id == self._resumed:
                entry = server
            else:
                return server
            if entry is not None and entry.end is not None and entry.end - item.at > TOLERANCE:
                entry = await self._correct(entry, entry.start, max(item.at, entry.start), "end", item) or entry
            return entry
        pause = item.action is TimerAction.PAUSE
        wanted = TimerState.RUNNING if pause else TimerState.PAUSED
        if state is not wanted:
            return server  # nothing to pause/resume, or awork already has it
        entry = await (self.client.pause() if pause else self.client.resume())
        if entry is not None and self.now() - item.at > TOLERANCE:
            # awork's API cannot edit breaks, so this time stays as awork recorded it.
            self.notify(translate(
                "Replay", "Your {0} at {1} reached awork at {2}; awork keeps that time for the break "
                "(breaks cannot be changed through its API).").format(action_name(item.action), self._at(item.at),
                                                                     self._at(self.now())))
        return entry if entry is not None else await self.client.last_time_entry()

    def _made(self, entry: TimeEntry) -> None:
        """The queued start made `entry`: the edits queued for "the timer that start makes" are
        for this entry now (kept on disk, so a replay cut after the start still finds it)."""
        for later in self.outbox.items():
            if later.edit is not None and later.edit.entry_id == PENDING_ID:
                self.outbox.replace(replace(later, edit=replace(later.edit, entry_id=entry.id)))

    async def _apply_edit(self, item: Pending, server: TimeEntry | None) -> TimeEntry | None:
        # As it is queued now: a start replayed just before may have named its entry (_made).
        item = next((i for i in self.outbox.items() if i.id == item.id), item)
        target = item.edit.entry_id
        if timer_state(server) is TimerState.IDLE or server.id != target:
            if item.id != self._resumed:  # (resumed: awork already has it, e.g. the entry is deleted)
                self.notify(translate("Replay", "Your offline {0} at {1} was not sent: the timer it was made for "
                                                "no longer runs in awork.").format(action_name(item.action),
                                                                                  self._at(item.at)))
            return server
        if item.action is TimerAction.DISCARD:
            await self.client.delete_entry(server.id)
            log.info("discarded entry %s (queued offline)", server.id)
            return None
        change = item.edit.change
        if change is None or not change.changes(server):
            return server
        return await self.client.update_entry(change.applied(server))

    def _at(self, moment: datetime) -> str:
        """A moment as the user's locale writes it; with its date when that is not today."""
        return format_moment(moment, self.now())

    def _ours(self, sending: str | None, baseline: Fingerprint, server: TimeEntry | None) -> bool:
        """Is awork's entry the baseline changed only by the action that was being sent?"""
        item = next((i for i in self.outbox.items() if i.id == sending), None)
        if item is None or item.action is TimerAction.START:
            return item is not None and self._already_started(item, server)
        now = fingerprint(server)
        if item.action is TimerAction.DISCARD:  # the entry is gone: no timer any more
            return now.timer_state is TimerState.IDLE and now.entry_id != baseline.entry_id
        if now.entry_id != baseline.entry_id:
            return False
        if item.action is TimerAction.EDIT:
            return False  # an edit changes no timer: awork's change came from elsewhere
        if item.action is TimerAction.PAUSE:
            return now.timer_state is TimerState.PAUSED and now.breaks == baseline.breaks + 1
        wanted = TimerState.RUNNING if item.action is TimerAction.RESUME else TimerState.IDLE
        return now.timer_state is wanted and now.breaks == baseline.breaks

    def _already_started(self, item: Pending, server: TimeEntry | None) -> bool:
        if timer_state(server) is TimerState.IDLE or item.start is None:
            return False
        request = item.start.request
        same_task = (server.task.id if server.task else None) == request.task_id
        same_type = server.type_of_work_id == request.type_of_work_id
        return same_task and same_type and server.start >= item.at - TOLERANCE

    async def _correct(self, entry: TimeEntry, start: datetime, end: datetime | None, which: str, item: Pending):
        moment = start if which == "start" else end
        try:
            fixed = await self.client.update_entry(replace(entry, start=start, end=end))
        except ApiError as exc:
            if isinstance(exc, PermissionDeniedError) and exc.action is None:
                exc.action = "correct"
            # Even when only "not now": the action itself is in awork, so a later replay would
            # skip it and never correct. Tell the user the time to fix by hand instead.
            if which == "start":
                text = translate("Replay", "awork recorded your {0} later than you made it; correcting the start "
                                           "to {1} failed: {2}")
            else:
                text = translate("Replay", "awork recorded your {0} later than you made it; correcting the end "
                                           "to {1} failed: {2}")
            self.notify(text.format(action_name(item.action), self._at(moment), exc.user_message))
            return None
        name = entry.task.name if entry.task else translate("Replay", "timer")
        if which == "start":
            text = translate("Replay", "Corrected in awork: {0} starts at {1}, when you acted offline.")
        else:
            text = translate("Replay", "Corrected in awork: {0} ends at {1}, when you acted offline.")
        self.notify(text.format(name, self._at(moment)))
        log.info("corrected %s of entry %s to %s", which, entry.id, moment.isoformat())
        return fixed

