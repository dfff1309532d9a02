"""What every command leaves in the store, however it ends: busy while in flight, the error or
"offline" it met, the sign-in awork refused, and awork's clock as its replies told it.

A command started while another action is in flight is refused (`Busy`): no double starts.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager

from ..api.errors import ApiError, AuthError, NetworkError, NotSignedInError, PermissionDeniedError
from ..domain.actions import TimerAction
from ..i18n import translate
from .auth_state import AuthState
from .state import Store
from .wording import busy_text

log = logging.getLogger(__name__)


class Busy(Exception):
    """Another command is still in flight."""


class Bookkeeping:
    def __init__(self, store: Store, client, auth: AuthState, *, queueing: bool):
        """`queueing`: actions awork cannot get are queued (the tray), so "offline" is no error."""
        self.store = store
        self.client = client
        self.auth = auth
        self.queueing = queueing

    @asynccontextmanager
    async def outcome(self, action: TimerAction | None, *, denied: str | None = None):
        """Around one command (`action`) or read (None). `denied`: how a missing permission is
        worded (PermissionDeniedError.action) when it differs from `action` ("start_task"), or for
        a read ("search")."""
        if action is not None:
            if self.store.state.busy:
                raise Busy(translate("Commands", "Still busy ({0}); try again in a moment.").format(
                    busy_text(self.store.state.busy)))
            self.store.update(busy=action, error=None)
        try:
            yield
        except (NotSignedInError, AuthError) as exc:
            self.auth.signed_out(exc.user_message)
            raise
        except ApiError as exc:
            if isinstance(exc, PermissionDeniedError) and exc.action is None:
                # "You cannot book time on this task: …", signed in still
                exc.action = denied or (action.value if action is not None else None)
            offline = isinstance(exc, NetworkError)
            if offline and self.queueing:
                # The tray says "Offline — retrying" and keeps trying; no alarming error on top.
                self.store.update(offline=True)
            else:
                self.store.update(error=exc.user_message, offline=offline)
            raise
        else:
            self.auth.answered()
            if action is not None or self.store.state.error or self.store.state.offline:
                self.store.update(error=None, offline=False)
        finally:
            self.note_clock()
            if action is not None:
                self.store.update(busy=None)

    def note_clock(self) -> None:
        """Tell the UI awork's clock offset, in whole seconds (the popover warns beyond a minute)."""
        offset = getattr(self.client, "clock_offset", None)
        seconds = round(offset.seconds or 0.0) if offset is not None else 0
        shown = self.store.state.clock_offset
        if abs(seconds - shown) >= 2 or (seconds == 0) != (shown == 0):
            self.store.update(clock_offset=seconds)
