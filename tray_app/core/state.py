"""The single source of truth the UI and CLI render: one immutable state, replaced on change.

Beside the state, the store carries notices: one-off things the user should be told once (awork's
timer changed elsewhere, an offline action was corrected or dropped, a new error). They are not
state: each is delivered once to whoever listens, so no listener has to work out "what is new
since last time" by comparing states.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Callable

from ..domain.actions import TimerAction
from ..domain.entities import Task, TimeEntry, User, Workload
from ..domain.timer import TimerState, timer_state
from ..domain.totals import DaySheet


class Auth(str, enum.Enum):
    UNKNOWN = "unknown"
    SIGNED_OUT = "signed_out"
    SIGNED_IN = "signed_in"


@dataclass(frozen=True)
class AppState:
    entry: TimeEntry | None = None
    user: User | None = None
    workload: Workload = field(default_factory=Workload)
    remote_query: str = ""
    remote_results: tuple[Task, ...] = ()
    busy: TimerAction | None = None  # the action in flight, None when free
    # The timer the user discarded, while Undo is still offered (core.entry_edits): not sent yet.
    discarding: TimeEntry | None = None
    error: str | None = None
    auth: Auth = Auth.UNKNOWN
    auth_source: str = ""
    keychain_problem: str | None = None
    keychain_waiting: bool = False  # a keychain call waits for the user (a password prompt is up)
    demo: bool = False
    offline: bool = False  # awork could not be reached on the last try
    pending: int = 0  # actions waiting in the offline queue
    # While offline: when the sync loop tries awork next, on its monotonic clock (time.monotonic in
    # the tray); None while online, or before the loop has scheduled a try.
    next_try: float | None = None
    # awork said 429 to a user's action: (the action, seconds left) while the tray waits it out
    # and then sends it; the action is "" for the read that decides what a toggle does.
    waiting: tuple[TimerAction | str, int] | None = None
    held: str | None = None  # why queued actions wait although awork answers (a long 429)
    clock_offset: int = 0  # seconds awork's clock is ahead of this computer's (negative: behind)
    file_problems: tuple[str, ...] = ()  # damaged local files found at start (kept aside), for the user
    day: DaySheet | None = None  # the week's entries for today's and this week's totals (core/day.py)

    @property
    def timer(self) -> TimerState:
        return timer_state(self.entry)


@dataclass(frozen=True)
class Notice:
    text: str
    warning: bool = False  # an error: shown as a warning, where a notice is shown as information


class Store:
    """Holds the state; listeners are called with the new state after every change, notice
    listeners with each notice (and with each new error: a text other than the one shown before)."""

    def __init__(self, state: AppState | None = None):
        self._state = state or AppState()
        self._listeners: list[Callable[[AppState], None]] = []
        self._notice_listeners: list[Callable[[Notice], None]] = []

    @property
    def state(self) -> AppState:
        return self._state

    def subscribe(self, listener: Callable[[AppState], None]) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def subscribe_notices(self, listener: Callable[[Notice], None]) -> Callable[[], None]:
        self._notice_listeners.append(listener)
        return lambda: self._notice_listeners.remove(listener)

    def update(self, **changes) -> AppState:
        old, new = self._state, replace(self._state, **changes)
        if new != old:
            self._state = new
            for listener in list(self._listeners):
                listener(new)
            if new.error and new.error != old.error:
                self.notify(Notice(new.error, warning=True))
        return new

    def notify(self, notice: Notice | str) -> None:
        """Tell the user once (after the state listeners saw the state it belongs to)."""
        if isinstance(notice, str):
            notice = Notice(notice)
        for listener in list(self._notice_listeners):
            listener(notice)


class Clock:
    """Wall-clock time in UTC; tests replace it."""

    def now(self) -> datetime:
        return datetime.now(timezone.utc)
