"""The command line's exit codes, shared by the CLI and the core's intents (cheap to import)."""

EXIT_OK = 0
EXIT_FAILED = 1  # something unexpected
EXIT_USAGE = 2
EXIT_NOT_SIGNED_IN = 3
EXIT_REJECTED = 4  # awork said no (400/403/404), or the named thing does not exist
EXIT_UNREACHABLE = 5  # network, timeout, 5xx, rate limit, unreadable reply
