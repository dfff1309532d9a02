"""When to remind: "not tracking" during working hours, "still tracking" after them.

Pure arithmetic on moments (aware datetimes on awork's clock) and the user's working hours, which
are times of day in the user's own zone: 09:00 is 09:00 on either side of a DST change. The core
asks `next_reminder` once per change and sleeps until the moment it returns; nothing here
counts ticks.

The rules, in one place:
- Not tracking (no timer, or a paused one): due once nothing has been tracked for `every` of
  working time, counted from the latest of the last tracked moment, the start of the working
  span, the moment the app began watching (start, sign-in, the popover closed) and the last
  reminder. Only inside working hours.
- Still tracking: a timer that was running when a working span ended. Due at that end (or at
  once, when the app learns of it later), then again every `every` until it stops or the user
  keeps it; keeping it silences that end and every earlier one.
- Never two reminders closer than `every`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

WORKDAYS = frozenset({1, 2, 3, 4, 5})  # ISO weekdays: Monday is 1
DAYS_AHEAD = 9  # a week of spans, plus the one that began yesterday and the day after a week


@dataclass(frozen=True)
class WorkingHours:
    days: frozenset[int] = WORKDAYS
    start: time = time(9)
    end: time = time(18)  # at or before `start`: the span ends the next day (a night shift)

    def spans(self, zone: tzinfo, after: datetime) -> Iterator[tuple[datetime, datetime]]:
        """The working spans (UTC) that end after `after`, in order, up to about a week ahead."""
        first = after.astimezone(zone).date() - timedelta(days=1)  # a night shift may have begun yesterday
        for offset in range(DAYS_AHEAD):
            day = first + timedelta(days=offset)
            if day.isoweekday() not in self.days:
                continue
            start = _moment(day, self.start, zone)
            end = _moment(day if self.end > self.start else day + timedelta(days=1), self.end, zone)
            # A span whose ends fall into a DST gap can come out empty (or reversed): none that day.
            if end > start and end > after:
                yield start, end

    def span_at(self, zone: tzinfo, moment: datetime) -> tuple[datetime, datetime] | None:
        """The working span `moment` falls in, if any."""
        for start, end in self.spans(zone, moment):
            if start <= moment < end:
                return start, end
            if start > moment:
                return None
        return None


def _moment(day: date, clock: time, zone: tzinfo) -> datetime:
    """A local time of day as a UTC moment. A time that does not exist (skipped by a DST change)
    is read with the offset before the change, an ambiguous one as its first occurrence."""
    return datetime.combine(day, clock, tzinfo=zone).astimezone(UTC)


@dataclass(frozen=True)
class ReminderPolicy:
    hours: WorkingHours = WorkingHours()
    every: timedelta = timedelta(minutes=15)


class Kind(str, enum.Enum):
    NOT_TRACKING = "not_tracking"
    STILL_TRACKING = "still_tracking"


@dataclass(frozen=True)
class Watch:
    """What the decision looks at; every moment on awork's clock."""

    watching_since: datetime  # the app began watching: started, signed in, the popover closed
    running_since: datetime | None = None  # a running timer's start; None: no timer runs (or it is paused)
    last_tracked: datetime | None = None  # when tracking last stopped (an end, an open break's start)
    last_reminder: datetime | None = None
    kept: datetime | None = None  # the user kept the running timer at this moment: ends before it are answered


@dataclass(frozen=True)
class Due:
    kind: Kind
    at: datetime


def next_reminder(policy: ReminderPolicy, watch: Watch, now: datetime, zone: tzinfo) -> Due | None:
    """The next reminder at or after `now`, or None when none is due within about a week."""
    if watch.running_since is not None:
        return _still_tracking(policy, watch, now, zone)
    return _not_tracking(policy, watch, now, zone)


def _not_tracking(policy: ReminderPolicy, watch: Watch, now: datetime, zone: tzinfo) -> Due | None:
    quiet_since = max(m for m in (watch.watching_since, watch.last_tracked, watch.last_reminder) if m is not None)
    earliest = max(now, quiet_since + policy.every)
    for start, end in policy.hours.spans(zone, earliest):
        at = max(earliest, start + policy.every)  # `every` of *working* time without tracking
        if at < end:
            return Due(Kind.NOT_TRACKING, at)
    return None


def _still_tracking(policy: ReminderPolicy, watch: Watch, now: datetime, zone: tzinfo) -> Due | None:
    assert watch.running_since is not None
    answered = max(watch.running_since, watch.kept) if watch.kept is not None else watch.running_since
    # The first working span end the timer ran past, not yet answered by Keep.
    for _start, end in policy.hours.spans(zone, answered):
        at = max(now, end)
        if watch.last_reminder is not None:
            at = max(at, watch.last_reminder + policy.every)
        return Due(Kind.STILL_TRACKING, at)
    return None
