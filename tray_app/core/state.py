"""The single source of truth the UI and CLI render: one immutable state, replaced on change."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Callable

from ..domain.entities import Task, TimeEntry, User, Workload
from ..domain.timer import TimerState, timer_state


class Auth(str, enum.Enum):
    UNKNOWN = "unknown"
    SIGNED_OUT = "signed_out"
    SIGNED_IN = "signed_in"


@dataclass(frozen=True)
class AppState:
    entry: TimeEntry | None = None
    entry_loaded: bool = False
    user: User | None = None
    workload: Workload = field(default_factory=Workload)
    remote_query: str = ""
    remote_results: tuple[Task, ...] = ()
    busy: str | None = None  # the action in flight ("start", "pause", …), None when free
    error: str | None = None
    auth: Auth = Auth.UNKNOWN
    auth_source: str = ""
    keychain_problem: str | None = None
    demo: bool = False
    offline: bool = False  # awork could not be reached on the last try
    pending: int = 0  # actions waiting in the offline queue
    notice: tuple[int, str] | None = None  # (sequence, text): something the user should be told once
    # awork said 429 to a user's action: (the action, seconds left) while the tray waits it out
    # and then sends it; the action is "" for the read that decides what a toggle does.
    waiting: tuple[str, int] | None = None
    held: str | None = None  # why queued actions wait although awork answers (a long 429)
    clock_offset: int = 0  # seconds awork's clock is ahead of this computer's (negative: behind)
    file_problems: tuple[str, ...] = ()  # damaged local files found at start (kept aside), for the user

    @property
    def timer(self) -> TimerState:
        return timer_state(self.entry)


class Store:
    """Holds the state; listeners are called with the new state after every change."""

    def __init__(self, state: AppState | None = None):
        self._state = state or AppState()
        self._listeners: list[Callable[[AppState], None]] = []

    @property
    def state(self) -> AppState:
        return self._state

    def subscribe(self, listener: Callable[[AppState], None]) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def update(self, **changes) -> AppState:
        new = replace(self._state, **changes)
        if new != self._state:
            self._state = new
            for listener in list(self._listeners):
                listener(new)
        return new


class Clock:
    """Wall-clock time in UTC; tests replace it."""

    def now(self) -> datetime:
        return datetime.now(timezone.utc)
