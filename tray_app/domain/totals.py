"""Tracked time of a period (today, this week): the worked part of each entry that lies inside it.

A period is a run of whole local days in the user's time zone, from local midnight to local
midnight, so a day across a DST change is 23 or 25 hours long and the days of a week still add
up to the week. An entry counts only with its worked time (start to end, or to now for a running
timer, or to its open break while paused, minus the breaks) and only with the part inside the
period: a timer from 23:00 to 01:00 gives one hour to each day.

Weeks start on Monday (ISO 8601), as awork's own timesheets do; `first_weekday` is there for
anyone who wants another, but the tray and the command line both use Monday so they agree.

A manual entry made with a duration and no end counts from its start for that duration; one with
no start time at all (awork counts it from midnight of its day) belongs whole to its day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Iterable

from .entities import TimeEntry
from .timer import TimerState, elapsed, timer_state

MONDAY = 0  # datetime.weekday()'s numbering


@dataclass(frozen=True, slots=True)
class Period:
    """`days` whole local days from `first_day`, as the UTC instants [start, end)."""

    first_day: date
    days: int
    start: datetime
    end: datetime

    def has_day(self, day: date) -> bool:
        return self.first_day <= day < self.first_day + timedelta(days=self.days)


def local_midnight(day: date, zone: tzinfo) -> datetime:
    """The instant a local day begins, in UTC. Where midnight does not exist (a DST gap at 00:00,
    as in some zones), the day begins when the clocks jump: zoneinfo reads the missing time with
    the offset before the gap, which is that instant."""
    return datetime.combine(day, time(0), zone).astimezone(timezone.utc)


def days_period(first_day: date, days: int, zone: tzinfo) -> Period:
    return Period(first_day, days, local_midnight(first_day, zone), local_midnight(first_day + timedelta(days=days), zone))


def day_period(day: date, zone: tzinfo) -> Period:
    return days_period(day, 1, zone)


def week_period(day: date, zone: tzinfo, first_weekday: int = MONDAY) -> Period:
    """The week holding `day`, starting on `first_weekday` (0 Monday … 6 Sunday)."""
    first = day - timedelta(days=(day.weekday() - first_weekday) % 7)
    return days_period(first, 7, zone)


def local_day(moment: datetime, zone: tzinfo) -> date:
    return moment.astimezone(zone).date()


def worked_spans(entry: TimeEntry, now: datetime, *, cut: datetime | None = None) -> list[tuple[datetime, datetime]]:
    """The stretches of worked time of a timer's entry: start to its end (or now, or the open
    break while paused) with the breaks cut out; overlapping or stray breaks count once, as in
    timer.elapsed. `cut`: nothing after it (an open entry as it stood when it was listed).

    A manual entry with a duration and no end is one stretch from its start."""
    state = timer_state(entry)
    if entry.end is None and state is TimerState.IDLE:
        length = max(entry.duration or timedelta(0), timedelta(0))
        until = entry.start + length
        if cut is not None:
            until = min(until, cut)
        return [(entry.start, until)] if until > entry.start else []
    if entry.end is not None:
        until = entry.end
    elif state is TimerState.PAUSED:
        until = entry.breaks[-1].start
    else:
        until = now
    if cut is not None:
        until = min(until, cut)
    spans = []
    cursor = entry.start
    for brk in sorted((b for b in entry.breaks if b.end is not None), key=lambda b: b.start):
        b_start, b_end = max(brk.start, cursor), min(brk.end, until)
        if b_end > b_start:
            if b_start > cursor:
                spans.append((cursor, b_start))
            cursor = b_end
    if until > cursor:
        spans.append((cursor, until))
    return spans


def time_within(entry: TimeEntry, period: Period, now: datetime, *, cut: datetime | None = None) -> timedelta:
    """The worked time of `entry` inside `period`."""
    if not entry.start_time_known:
        # awork counts it from midnight of its (UTC) date; it belongs to that day as a whole.
        return elapsed(entry, now) if period.has_day(entry.start.date()) else timedelta(0)
    total = timedelta(0)
    for start, end in worked_spans(entry, now, cut=cut):
        overlap = min(end, period.end) - max(start, period.start)
        if overlap > timedelta(0):
            total += overlap
    return total


def merged(entries: Iterable[TimeEntry], current: TimeEntry | None) -> list[tuple[TimeEntry, bool]]:
    """The listed entries, each once (pages may overlap while entries change), with the timer as
    awork last told it in place of its listed copy (or added: started since the list was read).
    Each comes with whether it is stale: an entry listed as running that is no longer the timer
    stopped since, at a time not known here."""
    out: list[tuple[TimeEntry, bool]] = []
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            continue
        seen.add(entry.id)
        if current is not None and entry.id == current.id:
            out.append((current, False))
        else:
            out.append((entry, timer_state(entry) is not TimerState.IDLE))
    if current is not None and current.id not in seen:
        out.append((current, False))
    return out


def tracked(entries: Iterable[TimeEntry], period: Period, now: datetime, *,
            current: TimeEntry | None = None, listed_at: datetime | None = None) -> timedelta:
    """Tracked time inside `period` at `now`: the listed entries (read at `listed_at`) and the
    timer (`current`), breaks excluded. A listed timer that is no longer `current` is counted up
    to when it was listed, never on to now: it has stopped since."""
    total = timedelta(0)
    for entry, stale in merged(entries, current):
        total += time_within(entry, period, now, cut=listed_at if stale else None)
    return total


def entries_within(entries: Iterable[TimeEntry], period: Period, now: datetime, *,
                   current: TimeEntry | None = None,
                   listed_at: datetime | None = None) -> list[tuple[TimeEntry, timedelta]]:
    """The entries with time inside `period`, oldest first, each with that time."""
    rows = []
    for entry, stale in merged(entries, current):
        spent = time_within(entry, period, now, cut=listed_at if stale else None)
        running_here = entry is current and timer_state(entry) is not TimerState.IDLE and period.start <= now
        if spent > timedelta(0) or (running_here and entry.start < period.end):
            rows.append((entry, spent))
    rows.sort(key=lambda row: row[0].start)
    return rows


@dataclass(frozen=True, slots=True)
class DaySheet:
    """The user's entries of a week as awork listed them at `listed_at` (awork's clock), in the
    time zone the week was taken in; the totals are worked out from it at every moment."""

    week: Period
    entries: tuple[TimeEntry, ...]
    listed_at: datetime
    zone: tzinfo
    first_weekday: int = MONDAY


@dataclass(frozen=True, slots=True)
class Totals:
    today: timedelta
    week: timedelta


def sheet_totals(sheet: DaySheet, now: datetime, current: TimeEntry | None) -> Totals:
    """Today's and this week's tracked time at `now`, the timer (`current`) as awork last told it.
    Past the sheet's week (a new week began since it was read), its entries count for nothing
    and only the timer does, until the next read."""
    today = day_period(local_day(now, sheet.zone), sheet.zone)
    week = week_period(today.first_day, sheet.zone, sheet.first_weekday)
    listed = sheet.entries if week == sheet.week else ()
    return Totals(today=tracked(listed, today, now, current=current, listed_at=sheet.listed_at),
                  week=tracked(listed, week, now, current=current, listed_at=sheet.listed_at))


def sheet_today(sheet: DaySheet, now: datetime, current: TimeEntry | None) -> list[tuple[TimeEntry, timedelta]]:
    """Today's entries, oldest first, each with its part of today."""
    today = day_period(local_day(now, sheet.zone), sheet.zone)
    listed = sheet.entries if sheet.week.has_day(today.first_day) else ()
    return entries_within(listed, today, now, current=current, listed_at=sheet.listed_at)
