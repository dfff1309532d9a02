"""When a timer began, as a user says it: "-15m" (15 minutes ago) or "08:47" (a time of day).

For "I forgot to start" and for moving the start of the running entry. A time of day is read in
the user's time zone and means its last occurrence up to `now` (at 00:10, "23:50" is yesterday);
on the night the clocks go back, of the two 01:30s the later one that has passed; a time the
clocks skipped is refused rather than guessed. `now` is awork's time (the caller's clock).
"""

from __future__ import annotations

import re
import zoneinfo
from datetime import datetime, time, timedelta, timezone

from .entities import TimeEntry

MAX_AGO = timedelta(hours=24)  # awork ends a timer after 24 hours: no start lies further back

_RELATIVE = re.compile(r"^(-)?(?:(\d{1,2})h)?(?:(\d{1,4})(m|min)?)?$")
_TIME_OF_DAY = re.compile(r"^(\d{1,2})[:.](\d{2})$")


class StartTimeError(ValueError):
    """`reason`: "format" (not a time the parser reads), "too_long" (more than MAX_AGO ago),
    "skipped" (a time of day the clocks skipped that day), "future", "after_break". The core
    words it (the domain has no translations)."""

    def __init__(self, reason: str, text: str = ""):
        super().__init__(f"{reason}: {text!r}")
        self.reason = reason
        self.text = text


def parse_start(text: str, now: datetime, zone: str) -> datetime:
    """The moment (UTC, whole seconds) `text` names; raises StartTimeError."""
    cleaned = "".join(text.split()).lower()
    match = _TIME_OF_DAY.match(cleaned)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59:
            raise StartTimeError("format", text)
        return last_time_of_day(hour, minute, now, zoneinfo.ZoneInfo(zone), text)
    match = _RELATIVE.match(cleaned)
    # Plain "15" is neither: an hour of the day or minutes ago? A minus or a unit says which.
    if not match or not (match.group(2) or match.group(3)) or not (match.group(1) or match.group(4)
                                                                   or match.group(2)):
        raise StartTimeError("format", text)
    ago = timedelta(hours=int(match.group(2) or 0), minutes=int(match.group(3) or 0))
    if ago > MAX_AGO:
        raise StartTimeError("too_long", text)
    return (now - ago).replace(microsecond=0).astimezone(timezone.utc)


def last_time_of_day(hour: int, minute: int, now: datetime, zone: zoneinfo.ZoneInfo, text: str = "") -> datetime:
    """The latest moment up to `now` when the clock in `zone` read hour:minute (UTC)."""
    today = now.astimezone(zone).date()
    for days_back in (0, 1):  # yesterday's is always past: the loop returns or raises
        wall = datetime.combine(today - timedelta(days=days_back), time(hour, minute))
        moments = _moments(wall, zone)
        if not moments:
            if days_back == 0 and now.astimezone(zone).replace(tzinfo=None) < wall:
                continue  # skipped later today: yesterday's is meant
            raise StartTimeError("skipped", text)  # e.g. 02:30 on the night the clocks go forward
        passed = [moment for moment in moments if moment <= now]
        if passed:
            return max(passed)
    raise StartTimeError("format", text)  # not reached: yesterday's time has always passed


def _moments(wall: datetime, zone: zoneinfo.ZoneInfo) -> list[datetime]:
    """The UTC moments the clock in `zone` showed `wall`: none (skipped), one, or two (repeated)."""
    found = set()
    for fold in (0, 1):
        moment = wall.replace(tzinfo=zone, fold=fold).astimezone(timezone.utc)
        if moment.astimezone(zone).replace(tzinfo=None) == wall:
            found.add(moment)
    return sorted(found)


def start_problem(entry: TimeEntry, start: datetime, now: datetime) -> str | None:
    """Why `start` cannot be the running `entry`'s new start (a StartTimeError reason), or None.

    awork moves only the start of a running entry; a start after the first break would leave that
    break before the entry began."""
    if start > now:
        return "future"
    if now - start > MAX_AGO:
        return "too_long"
    if entry.breaks and start > entry.breaks[0].start:
        return "after_break"
    return None
