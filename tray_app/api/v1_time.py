"""awork's moments as text, both ways: ISO 8601 timestamps, times of day, and v1's split of a time
entry's moment into `…DateUtc` (midnight) and `…TimeUtc` (the time of day), read and written here
together so each side knows what the other does.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

_DATETIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?$",
    re.IGNORECASE,
)
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?$")
# A day inside datetime's range on either side, so showing a moment in any local time zone or
# adding a day to it cannot overflow. Anything outside is no real moment of time tracking.
_EARLIEST = datetime(1, 1, 2, tzinfo=timezone.utc)
_LATEST = datetime(9999, 12, 30, tzinfo=timezone.utc)  # parse.py bounds break ends by it too


def _micros(fraction: str | None) -> int:
    # .NET sends 7 fractional digits (ticks); Python holds 6. Truncate, never round up into
    # the next second.
    return int((fraction or "0")[:6].ljust(6, "0"))


def parse_datetime(value: Any) -> datetime:
    """An ISO 8601 timestamp as an aware UTC datetime; naive values are taken as UTC."""
    if not isinstance(value, str):
        raise ValueError(f"not a timestamp: {value!r}")
    m = _DATETIME.match(value.strip())
    if not m:
        raise ValueError(f"not a timestamp: {value!r}")
    y, mo, d, hh, mi, ss, frac, tz = m.groups()
    result = datetime(
        int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0), _micros(frac), timezone.utc
    )
    if tz and tz.upper() != "Z":
        sign = 1 if tz[0] == "+" else -1
        digits = tz[1:].replace(":", "")
        if int(digits[:2]) > 23 or int(digits[2:]) > 59:
            raise ValueError(f"not a time zone offset: {tz!r}")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        try:
            result -= sign * offset
        except OverflowError:
            raise ValueError(f"out of range: {value!r}") from None
    if not _EARLIEST <= result <= _LATEST:
        raise ValueError(f"out of range: {value!r}")
    return result


def parse_time_of_day(value: Any) -> time:
    if not isinstance(value, str):
        raise ValueError(f"not a time of day: {value!r}")
    m = _TIME.match(value.strip())
    if not m:
        raise ValueError(f"not a time of day: {value!r}")
    hh, mi, ss, frac = m.groups()
    return time(int(hh), int(mi), int(ss or 0), _micros(frac))


def combine_v1(date_value: Any, time_value: Any) -> datetime | None:
    """v1 splits a moment into `…DateUtc` (midnight) and `…TimeUtc`; a full timestamp in the
    date field alone is accepted too."""
    if date_value is None:
        return None
    day = parse_datetime(date_value)
    if time_value is None:
        return day
    tod = parse_time_of_day(time_value)
    return datetime.combine(date(day.year, day.month, day.day), tod, timezone.utc)


def split_v1(moment: datetime) -> tuple[str, str]:
    """v1 wants the date at midnight and the time of day separately, both UTC."""
    utc = moment.astimezone(timezone.utc)
    return utc.strftime("%Y-%m-%dT00:00:00Z"), utc.strftime("%H:%M:%S")
