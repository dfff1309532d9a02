"""The machine's IANA time zone name, which awork requires when a timer starts."""

from __future__ import annotations

import os
import zoneinfo

from ..i18n import translate


class TimeZoneUnknown(Exception):
    pass


def local_zone_name() -> str:
    """`Europe/Berlin`-style name; honours $TZ. Never an abbreviation or an offset."""
    tz = os.environ.get("TZ", "").lstrip(":")
    # TZ may name a zone file (TZ=:/etc/localtime is common in containers and systemd units);
    # tzlocal resolves that to the zone's name.
    if tz and not os.path.isabs(tz):
        if _valid(tz):
            return tz
        raise TimeZoneUnknown(translate(
            "TimeZone", "TZ={0} is not an IANA time zone name such as 'Europe/Berlin'; awork needs one to track time."
        ).format(repr(tz)))
    import tzlocal

    try:
        name = tzlocal.get_localzone_name()
    except Exception as exc:  # tzlocal raises several kinds for broken configurations
        raise TimeZoneUnknown(translate("TimeZone", "Cannot tell this computer's time zone: {0}").format(exc)) from exc
    if name and _valid(name):
        return name
    if name in (None, "", "local"):
        return "UTC"  # a machine with no zone configured runs on UTC
    raise TimeZoneUnknown(translate("TimeZone", "This computer's time zone {0} is not an IANA name such as "
                                                "'Europe/Berlin'.").format(repr(name)))


def _valid(name: str) -> bool:
    if "/" not in name and name not in ("UTC", "Etc/UTC", "GMT"):
        # Keys such as 'CET' or 'EST' exist in tzdata but are abbreviations awork should not get.
        return False
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True
