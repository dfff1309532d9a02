"""Reminders, run: the domain's decision (domain/reminders.py) on one timer set for the moment it names.

One wake-up per decision: after a change of the state, the settings or the popover the next due
moment is worked out again and a single timer is set for it; nothing polls. The timer runs on the
monotonic clock, which stands still while the computer sleeps: the sync loop, which notices such
a jump anyway, calls `clock_jumped` and the decision is made again on awork's clock.

None while signed out, none while the user looks at the popover (closing it counts as attention:
the interval starts again), one at a time (each replaces the one before), never two closer than
the interval. The demo shows them too: it is a demo of the product, and its timer is a real one
to the app. The actions the user picks are carried out by the front end through the commands
(Continue = continue_last, Stop = stop); Keep is answered here.
"""

from __future__ import annotations

import logging
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo
from typing import Protocol

from ..domain.reminders import Kind, ReminderPolicy, Watch, WorkingHours, next_reminder
from ..domain.timer import TimerState, describe, is_finished, timer_state
from ..i18n import format_moment, translate
from .state import AppState, Auth, Store

log = logging.getLogger(__name__)

EARLY = 1.0  # seconds: a timer that wakes this close before the moment counts as on time
MINUTES = (1, 480)  # the interval the settings may ask for

CONTINUE, QUICK_START, STOP, KEEP = "continue", "quick_start", "stop", "keep"


class Handle(Protocol):
    def cancel(self) -> None: ...


CallLater = Callable[[float, Callable[[], None]], Handle]  # asyncio's loop.call_later


@dataclass(frozen=True)
class Reminder:
    kind: Kind
    title: str
    text: str
    actions: tuple[tuple[str, str], ...]  # (key, label), the first the default
    entry_id: str | None  # the entry it is about (Stop acts only on that one)


def policy_from(settings) -> ReminderPolicy | None:
    """The reminder settings as a policy; None when reminders are off. A damaged value (a hand-edited
    file) falls back to its default rather than turning reminders off or failing."""
    if not getattr(settings, "reminders", True):
        return None
    defaults = ReminderPolicy()
    minutes = getattr(settings, "reminder_minutes", 15)
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not MINUTES[0] <= minutes <= MINUTES[1]:
        minutes = int(defaults.every.total_seconds() // 60)
    days = getattr(settings, "working_days", "12345")
    valid = isinstance(days, str) and all(c in "1234567" for c in days)  # "" is valid: no working days
    hours = WorkingHours(
        frozenset(int(c) for c in days) if valid else defaults.hours.days,
        parse_clock(getattr(settings, "working_start", ""), defaults.hours.start),
        parse_clock(getattr(settings, "working_end", ""), defaults.hours.end))
    return ReminderPolicy(hours, timedelta(minutes=minutes))


def parse_clock(text, default: time) -> time:
    """ "HH:MM" as a time of day; anything else is the default."""
    try:
        hours, minutes = str(text).split(":")
        return time(int(hours), int(minutes))
    except ValueError:
        return default


def clock_text(value: time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def local_zone() -> tzinfo:
    """The user's zone, as for awork's timers; UTC when the computer cannot tell."""
    from ..platform.timezone import TimeZoneUnknown, local_zone_name

    try:
        return zoneinfo.ZoneInfo(local_zone_name())
    except (TimeZoneUnknown, zoneinfo.ZoneInfoNotFoundError, ValueError):
        return UTC


class Reminders:
    def __init__(self, store: Store, now: Callable[[], datetime], show: Callable[[Reminder], None],
                 call_later: CallLater, *, zone: Callable[[], tzinfo] = local_zone,
                 policy: ReminderPolicy | None = None):
        """`now`: awork's clock (Commands.clock.now); `show` puts a reminder on the screen."""
        self.store = store
        self._now = now
        self._show = show
        self._call_later = call_later
        self._zone = zone
        self.policy = policy
        self._watching_since = now()
        self._last_reminder: datetime | None = None
        self._kept: datetime | None = None
        self._attending = False
        self._signed_in = store.state.auth is Auth.SIGNED_IN
        self._handle: Handle | None = None
        self._planned: datetime | None = None  # the moment the timer is set for
        self._unsubscribe = store.subscribe(self._changed)
        self.wakeups = 0  # how often the timer woke (the tests count them)
        self._plan()

    def close(self) -> None:
        self._unsubscribe()
        self._cancel()

    # -- what changes the decision -------------------------------------------------------------

    def configure(self, policy: ReminderPolicy | None) -> None:
        """New settings (None: reminders off). Whoever changes them is at the computer: the
        interval starts again, rather than a reminder the moment they are turned on."""
        if policy != self.policy:
            self._watching_since = self._now()
        self.policy = policy
        self._plan()

    def attending(self, looking: bool) -> None:
        """The popover opened (no reminders while it is open) or closed (the interval starts again)."""
        self._attending = looking
        if not looking:
            self._watching_since = self._now()
        self._plan()

    def keep(self) -> None:
        """The user keeps the running timer: no more "still tracking" for this working day's end."""
        self._kept = self._now()
        self._plan()

    def clock_jumped(self) -> None:
        """The computer slept or its clock was set: the timer set before may be far off now."""
        self._cancel()
        self._plan()

    def _changed(self, state: AppState) -> None:
        signed_in = state.auth is Auth.SIGNED_IN
        if signed_in and not self._signed_in:
            self._watching_since = self._now()  # just signed in: the full interval first
        self._signed_in = signed_in
        self._plan()

    # -- the one timer -------------------------------------------------------------------------

    @property
    def planned(self) -> datetime | None:
        """When the next reminder is due, the moment the timer is set for."""
        return self._planned

    def _watch(self, state: AppState) -> Watch:
        entry, timer = state.entry, state.timer
        running_since = entry.start if timer is TimerState.RUNNING and entry is not None else None
        last_tracked = None
        if entry is not None and timer is TimerState.PAUSED:
            last_tracked = entry.breaks[-1].start
        elif entry is not None and is_finished(entry):
            if entry.end is not None:
                last_tracked = entry.end
            elif entry.start_time_known and entry.duration is not None:
                last_tracked = entry.start + entry.duration
        return Watch(self._watching_since, running_since, last_tracked, self._last_reminder, self._kept)

    def _plan(self) -> None:
        state = self.store.state
        if self.policy is None or self._attending or state.auth is not Auth.SIGNED_IN:
            self._cancel()
            return
        now = self._now()
        due = next_reminder(self.policy, self._watch(state), now, self._zone())
        if due is None:
            self._cancel()
            return
        wait = (due.at - now).total_seconds()
        if wait <= EARLY:
            self._cancel()
            self._remind(due.kind, now)
            return
        if due.at == self._planned and self._handle is not None:
            return  # the timer is set for this moment already
        self._cancel()
        self._planned = due.at
        self._handle = self._call_later(wait, self._wake)

    def _wake(self) -> None:
        self._handle = None
        self._planned = None
        self.wakeups += 1
        self._plan()

    def _cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
        self._handle = None
        self._planned = None

    def _remind(self, kind: Kind, now: datetime) -> None:
        self._last_reminder = now
        reminder = reminder_for(kind, self.store.state, now)
        log.info("reminder: %s", kind.value)  # (never the task's name)
        self._show(reminder)
        self._plan()  # the next one, at least an interval later


def reminder_for(kind: Kind, state: AppState, now: datetime) -> Reminder:
    """The words and buttons of a reminder about `state`'s timer."""
    entry = state.entry
    name = describe(entry)
    title = "awork tray"
    quick_start = (QUICK_START, translate("Reminders", "Open quick start"))
    if kind is Kind.STILL_TRACKING and entry is not None:
        since = format_moment(entry.start, now)
        text = (translate("Reminders", "Still tracking “{0}” since {1} — stop?").format(name, since) if name
                else translate("Reminders", "Still tracking since {0} — stop?").format(since))
        # The first action is what a click on the message does: never Stop, which a stray click on a
        # message that appeared under the pointer would do. Opening quick start shows the timer.
        return Reminder(kind, title, text, (quick_start, (STOP, translate("Reminders", "Stop")),
                                            (KEEP, translate("Reminders", "Keep"))), entry.id)
    if entry is None:
        return Reminder(kind, title, translate("Reminders", "Not tracking — start a timer?"), (quick_start,), None)
    paused = timer_state(entry) is TimerState.PAUSED
    if name:
        text = (translate("Reminders", "Paused — continue “{0}”?") if paused
                else translate("Reminders", "Not tracking — continue “{0}”?")).format(name)
    else:
        text = (translate("Reminders", "Paused — continue?") if paused
                else translate("Reminders", "Not tracking — continue the last entry?"))
    # A click on the message opens quick start (first); Continue is a button of its own.
    return Reminder(kind, title, text, (quick_start, (CONTINUE, translate("Reminders", "Continue"))), entry.id)
