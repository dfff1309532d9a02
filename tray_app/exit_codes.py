"""The command line's exit codes, and which error ends a command with which (cheap to import)."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILED = 1  # something unexpected
EXIT_USAGE = 2
EXIT_NOT_SIGNED_IN = 3
EXIT_REJECTED = 4  # awork said no (400/403/404), or the named thing does not exist
EXIT_UNREACHABLE = 5  # network, timeout, 5xx, rate limit, unreadable reply


def exit_code_for(error: BaseException) -> int:
    """The exit code of a command that ended with `error`; EXIT_FAILED for anything unforeseen."""
    # Imported here: `awork-tray toggle` on its way to a running tray reads the codes above and
    # must not load httpx and the core for it.
    from .api.errors import (
        ApiError,
        AuthError,
        MalformedResponseError,
        NetworkError,
        NotSignedInError,
        RateLimitedError,
        ServerError,
    )
    from .core.allowance import TypeOfWorkNeeded

    if isinstance(error, (NotSignedInError, AuthError)):
        return EXIT_NOT_SIGNED_IN
    if isinstance(error, (NetworkError, ServerError, RateLimitedError, MalformedResponseError)):
        return EXIT_UNREACHABLE
    if isinstance(error, TypeOfWorkNeeded):  # nothing was sent: another --type-of-work would do
        return EXIT_USAGE
    if isinstance(error, (ApiError, LookupError)):  # awork said no, or no such task / type of work
        return EXIT_REJECTED
    return EXIT_FAILED  # Busy (another command in flight) and anything else
