"""The timer's state and elapsed time, always derived from the entry and the wall clock.

Nothing here accumulates ticks: that is how other trackers drift after a laptop sleeps.
"""

from __future__ import annotations

import enum
from datetime import datetime, timedelta

from .entities import TimeEntry


class TimerState(str, enum.Enum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"


def is_finished(entry: TimeEntry) -> bool:
    """Ended, or a manual entry: one with a duration but no end, or with no start time.

    (`GET /me/timeentries/last` is the last entry *started*, manual ones included, so such an
    entry there says nothing about the timer.)"""
    return (entry.end is not None or not entry.start_time_known
            or (entry.duration is not None and entry.duration > timedelta(0)))


def is_manual(entry: TimeEntry) -> bool:
    """Made by hand rather than by a timer: finished with no end, or created after it ended
    (a timer's entry is created when it starts)."""
    if entry.end is None:
        return is_finished(entry)
    return entry.created is not None and entry.created >= entry.end - timedelta(minutes=1) > entry.start


def timer_state(entry: TimeEntry | None) -> TimerState:
    if entry is None or is_finished(entry):
        return TimerState.IDLE
    if entry.breaks and entry.breaks[-1].is_open:
        return TimerState.PAUSED
    return TimerState.RUNNING


def elapsed(entry: TimeEntry | None, now: datetime) -> timedelta:
    """Worked time of `entry` at `now`: start to (end, open break or now) minus closed breaks.

    Never negative, even when the server's clock is ahead of ours.
    """
    if entry is None:
        return timedelta(0)
    state = timer_state(entry)
    if entry.end is None and state is TimerState.IDLE:  # a manual entry: awork's duration is its time
        return max(entry.duration or timedelta(0), timedelta(0))
    if entry.end is not None:
        until = entry.end
    elif state is TimerState.PAUSED:
        until = entry.breaks[-1].start
    else:
        until = now
    total = until - entry.start
    # Clamp each break into the worked span and subtract the union of the breaks, so a malformed,
    # duplicated or overlapping break is not counted twice (which would make a running timer
    # count backwards) and cannot push the total below zero.
    covered_until = entry.start
    for brk in sorted((b for b in entry.breaks if b.end is not None), key=lambda b: b.start):
        b_start = max(brk.start, covered_until)
        b_end = min(brk.end, until)
        if b_end > b_start:
            total -= b_end - b_start
            covered_until = b_end
    return max(total, timedelta(0))


def format_elapsed(delta: timedelta, *, seconds: bool = True) -> str:
    """H:MM:SS (or H:MM), hours unbounded: awork stops timers at 24 h but entries can be longer."""
    total = max(int(delta.total_seconds()), 0)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if seconds:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{hours}:{minutes:02d}"


def describe(entry: TimeEntry | None) -> str:
    """Task · Project, or the type of work when there is no task (the tooltip's headline)."""
    if entry is None:
        return ""
    parts = []
    if entry.task is not None:
        parts.append(entry.task.name)
    project = entry.effective_project
    if project is not None:
        parts.append(project.name)
    if not parts and entry.type_of_work is not None:
        parts.append(entry.type_of_work.name)
    return " · ".join(parts)
