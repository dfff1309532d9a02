"""Today's and this week's tracked time: the week's entries read from awork now and then, the
totals worked out from them and the timer at every moment (domain/totals.py).

One request covers the week (today is inside it). It is read again only when the totals could
have changed in a way the timer alone does not show: the timer is another entry or has stopped
(its time moved from "running" to "listed"), a new week began, or the read is MAX_AGE old (an
entry added in the web app). Between reads the running timer's part grows from the clock, as
the timer card's does. The reads ride on the sync loop's schedule, at most one a minute, and are
never sent while awork has said to wait (429), so the tray stays inside the request budget of
sync.py; opening the popover reads only when a read is due anyway.
"""

from __future__ import annotations

import asyncio
import logging
import zoneinfo
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta, timezone, tzinfo

from ..domain.entities import TimeEntry
from ..domain.totals import MONDAY, DaySheet, Totals, local_day, sheet_today, sheet_totals, week_period
from .state import AppState, Store

log = logging.getLogger(__name__)

MAX_AGE = 600.0  # seconds: a manual entry made elsewhere shows in the totals within ten minutes
# At most one read a minute, whatever changes: with the timer's two reads a minute that keeps a
# steady tray at 3 requests a minute (sync.py, and the soak test holds it to that).
MIN_GAP = 60.0
MARGIN = timedelta(days=1)  # entries started the day before the week may reach into it


def zone_of(zone_name: Callable[[], str]) -> tzinfo:
    """The user's time zone, UTC when it cannot be told (the start says why, not the totals)."""
    try:
        return zoneinfo.ZoneInfo(zone_name())
    except Exception:  # an unusable $TZ or system setting: platform/timezone.py words it on a start
        return timezone.utc


def _timer_key(entry: TimeEntry | None) -> tuple | None:
    """What of the timer changes the listed part of the totals: which entry, its start, its end."""
    return None if entry is None else (entry.id, entry.start, entry.end, entry.duration)


class Day:
    def __init__(self, store: Store, client, *, now: Callable[[], datetime], monotonic: Callable[[], float],
                 zone: Callable[[], tzinfo], user_id: Callable[[], Awaitable[str]], first_weekday: int = MONDAY):
        """`now`: awork's clock; `user_id()`: the signed-in user's id (asked of awork if unknown)."""
        self.store = store
        self.client = client
        self._now = now
        self._monotonic = monotonic
        self._zone = zone
        self._user_id = user_id
        self.first_weekday = first_weekday
        self._loaded_at: float | None = None
        self._key: tuple | None = None
        self._task: asyncio.Task | None = None

    async def aclose(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)

    @property
    def due(self) -> bool:
        sheet = self.store.state.day
        if sheet is None or self._loaded_at is None:
            return True
        age = self._monotonic() - self._loaded_at
        if age < MIN_GAP:
            return False
        if age >= MAX_AGE:
            return True
        if _timer_key(self.store.state.entry) != self._key:
            return True
        zone = self._zone()
        return week_period(local_day(self._now(), zone), zone, self.first_weekday) != sheet.week

    async def refresh(self, *, force: bool = False) -> DaySheet | None:
        """The week's entries into the store when a read is due (or `force`); never while awork's
        rate limit says to wait. Raises ApiError when the read fails (the last sheet stays)."""
        if not force and not self.due:
            return self.store.state.day
        if self.client.rate_limited_for > 0:
            return self.store.state.day
        if self._task is None or self._task.done():
            self._task = asyncio.ensure_future(self._read())
        return await asyncio.shield(self._task)

    async def _read(self) -> DaySheet:
        zone = self._zone()
        key = _timer_key(self.store.state.entry)
        week = week_period(local_day(self._now(), zone), zone, self.first_weekday)
        since = (week.start - MARGIN).astimezone(timezone.utc).date()
        until = week.end.astimezone(timezone.utc).date() + timedelta(days=1)
        entries = await self.client.time_entries_started(await self._user_id(), since, until)
        sheet = DaySheet(week=week, entries=tuple(entries), listed_at=self._now(), zone=zone,
                         first_weekday=self.first_weekday)
        self._loaded_at, self._key = self._monotonic(), key
        log.info("the week's entries read: %d", len(entries))
        self.store.update(day=sheet)
        return sheet


def totals(state: AppState, now: datetime) -> Totals | None:
    """Today's and this week's tracked time at `now` (awork's clock); None before the first read."""
    if state.day is None:
        return None
    return sheet_totals(state.day, now, state.entry)


def todays_entries(state: AppState, now: datetime) -> list[tuple[TimeEntry, timedelta]]:
    """Today's entries, oldest first, each with its part of today (the timer as it is now)."""
    if state.day is None:
        return []
    return sheet_today(state.day, now, state.entry)
