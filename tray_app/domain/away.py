"""Time away from the computer while a timer runs: from the last keyboard or mouse input before a
gap to the first one after it, found by sampling the desktop's idle time now and then.

A sleep needs no signal of its own: the samples carry the wall clock and the awake (monotonic)
clock, and a gap between two samples that the wall clock saw but the awake clock did not is the
computer asleep. Every OS's idle counter agrees with its awake clock about sleep (both leave it out
on Linux and macOS, both count it on Windows), so "input since the last sample" is judged on the
awake clock, and the gap's length on the wall clock: a sleep is away time whether or not the idle
counter saw it. `clock_jumped` is the same test the sync loop uses to read awork again after a sleep.

Times are this computer's wall clock here (aware datetimes, compared in UTC so a DST change means
nothing); the core moves the result to awork's clock when it acts on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from .entities import TimeEntry

JUMP = 10.0  # seconds of disagreement between the wall and the awake clock that count as sleep (or a clock change)


def clock_jumped(wall_delta: float, awake_delta: float) -> bool:
    """Did the computer sleep (or the clock get set) between two readings `wall_delta` seconds
    apart on the wall clock and `awake_delta` on the monotonic one?"""
    return abs(wall_delta - awake_delta) > JUMP


@dataclass(frozen=True)
class Sample:
    at: datetime  # the wall clock (aware)
    awake: float  # the monotonic clock, in seconds
    idle: float | None  # seconds since the last keyboard or mouse input; None: the desktop cannot tell
    locked: bool = False  # the screen is locked: keys typed there are no return


@dataclass(frozen=True)
class Away:
    start: datetime  # the last input before the gap
    end: datetime  # the first input after it: the user's return
    slept: bool = False  # the computer slept (or its clock jumped) during the gap

    @property
    def duration(self) -> timedelta:
        return self.end - self.start

    @property
    def minutes(self) -> int:
        """Whole minutes, rounded, as the prompt says them: never 0 for a real gap."""
        return max(round(self.duration.total_seconds() / 60), 1)

    def shifted(self, offset: timedelta) -> Away:
        """The same gap on another clock (awork's is this computer's plus `offset`)."""
        return Away(self.start + offset, self.end + offset, self.slept)


class AwayTracker:
    """Fed a sample every few seconds while a timer runs; says when the user came back after at
    least `threshold` away. Forget everything with `reset()` when the timer stops running (a paused
    timer loses no time, so time spent paused is never away time)."""

    def __init__(self, threshold: timedelta):
        self.threshold = threshold
        self.reset()

    def reset(self) -> None:
        self._last: Sample | None = None
        self._present: datetime | None = None  # the last moment the user was known to be there
        self._slept = False

    @property
    def settled(self) -> bool:
        """False while the next sample must come soon: after a sleep (the next one tells whether
        the user is back, and when) or while the screen is locked (the unlock is the return)."""
        return not self._slept and not (self._last is not None and self._last.locked)

    def feed(self, sample: Sample) -> Away | None:
        # In UTC: Python adds and subtracts aware datetimes of one zone on the wall clock, which
        # is an hour off across a DST change.
        sample = Sample(sample.at.astimezone(timezone.utc), sample.awake, sample.idle, sample.locked)
        last, self._last = self._last, sample
        if last is None:
            self._present = _input_at(sample)
            self._slept = False
            return None
        awake = sample.awake - last.awake
        if clock_jumped((sample.at - last.at).total_seconds(), awake):
            # Input just before the sleep and input just after the wake look alike in this sample
            # (an idle counter that leaves sleep out reads the same): the next one tells. The lid
            # closed right after typing is the common case, and its sleep is away time.
            self._slept = True
            return None
        if sample.locked:
            return None  # still away, whatever the lock screen was typed at
        if sample.idle is not None and sample.idle > awake:
            return None  # no input since the last sample
        back = max(_input_at(sample), self._present)
        start, slept = self._present, self._slept
        self._present, self._slept = back, False
        if back - start >= self.threshold:
            return Away(start, back, slept)
        return None


def _input_at(sample: Sample) -> datetime:
    return sample.at - timedelta(seconds=max(sample.idle or 0.0, 0.0))


def while_running(away: Away, entry: TimeEntry, threshold: timedelta) -> Away | None:
    """The part of `away` the running `entry` counted, when still at least `threshold`: not before
    it started, nor before its last break ended (a paused timer lost nothing)."""
    counted_from = max([entry.start, *(b.end for b in entry.breaks if b.end is not None)])
    start = max(away.start, counted_from)
    if away.end - start < threshold:
        return None
    return Away(start, away.end, away.slept)
