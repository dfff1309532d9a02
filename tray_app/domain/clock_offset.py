"""How far awork's clock is from this computer's, learnt from the `Date` header of awork's replies.

awork's clock decides every start, pause and stop; the user's may be minutes or hours off. Each
reply says what awork's time was (to the whole second, truncated) at some moment during the
request, so one sample is `Date + 0.5 s` against the middle of the round trip, good to about half
the round trip plus half a second. The estimate is the median of the last few samples: one odd
header (a proxy's cached reply, a slow hop) does not move it, while two in a row that agree with
each other and not with the rest mean this computer's clock was set, and win at once.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

WINDOW = 9
MAX_ROUND_TRIP = 20.0  # seconds: a slower reply says too little about when awork answered
RESOLUTION = 1.0  # seconds: `Date` has whole seconds, so a smaller offset is no offset at all
JUMP = 5.0  # seconds away from the estimate for a sample to count as a clock change ...
AGREE = 2.0  # ... when the next one agrees with it within this
# A Date header outside these years is broken, whatever this computer's clock says.
SANE = (datetime(2020, 1, 1, tzinfo=UTC), datetime(2200, 1, 1, tzinfo=UTC))


class ClockOffset:
    """awork's time minus this computer's, in seconds; None until awork has answered once."""

    def __init__(self, window: int = WINDOW):
        self._samples: deque[float] = deque(maxlen=window)
        self._odd: float | None = None  # the last sample that disagreed with the estimate

    def observe(self, server_date: datetime | None, received: datetime, round_trip: float = 0.0) -> bool:
        """One reply: `server_date` its Date header, `received` this computer's time when it
        arrived, `round_trip` the seconds the request took. Returns whether it was used."""
        if server_date is None or not SANE[0] <= server_date < SANE[1]:
            return False
        if not 0.0 <= round_trip <= MAX_ROUND_TRIP:
            return False
        middle = received - timedelta(seconds=round_trip / 2)
        sample = (server_date - middle).total_seconds() + RESOLUTION / 2
        current = self._median()
        if current is not None and abs(sample - current) > JUMP:
            if self._odd is not None and abs(sample - self._odd) <= AGREE:
                self._samples.clear()  # the clock was set: the old samples describe another clock
                self._samples.append(self._odd)
                self._odd = None
            else:
                self._odd = sample
                return False
        else:
            self._odd = None
        self._samples.append(sample)
        return True

    def _median(self) -> float | None:
        return _median(self._samples) if self._samples else None

    @property
    def seconds(self) -> float | None:
        """The estimate; 0 when it is within the Date header's own resolution."""
        value = self._median()
        if value is None:
            return None
        return 0.0 if abs(value) < RESOLUTION else value

    @property
    def offset(self) -> timedelta:
        return timedelta(seconds=self.seconds or 0.0)

    @property
    def known(self) -> bool:
        return bool(self._samples)


class AworkClock:
    """awork's time: this computer's clock corrected by the offset (unchanged until it is known)."""

    def __init__(self, local_now: Callable[[], datetime], offset: ClockOffset):
        self.local_now = local_now
        self.offset = offset

    def now(self) -> datetime:
        return self.local_now() + self.offset.offset

    @property
    def known(self) -> bool:
        return self.offset.known


def _median(values) -> float:
    """statistics.median, without the statistics module: it brings fractions and decimal, ~0.5 MiB
    of memory for the life of the tray, for nine numbers."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
