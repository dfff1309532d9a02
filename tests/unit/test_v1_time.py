"""v1's split of a moment into a date at midnight and a time of day: what the client writes, the
parser reads back as the same moment (to the second, all v1's time field holds)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from tray_app.api.v1_time import combine_v1, split_v1

UTC = timezone.utc


def test_split_writes_the_utc_date_at_midnight_and_the_utc_time_of_day():
    berlin_evening = datetime(2026, 3, 28, 23, 30, 15, 999999, tzinfo=timezone(timedelta(hours=1)))
    assert split_v1(berlin_evening) == ("2026-03-28T00:00:00Z", "22:30:15")
    after_midnight = datetime(2026, 3, 29, 0, 30, tzinfo=timezone(timedelta(hours=2)))
    assert split_v1(after_midnight) == ("2026-03-28T00:00:00Z", "22:30:00")  # the UTC day, not the local one


@settings(max_examples=200, deadline=None)
@given(st.datetimes(min_value=datetime(2000, 1, 2), max_value=datetime(2099, 12, 30),
                    timezones=st.sampled_from([UTC, timezone(timedelta(hours=14)), timezone(timedelta(hours=-12)),
                                               timezone(timedelta(hours=5, minutes=45))])))
def test_combine_reads_back_what_split_wrote(moment):
    assert combine_v1(*split_v1(moment)) == moment.astimezone(UTC).replace(microsecond=0)
