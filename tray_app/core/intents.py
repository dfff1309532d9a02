"""The command line's timer commands by name: the ones a running tray runs for another `awork-tray`.

Running them, what they print and their exit codes are the command line's own (tray_app.cli_commands,
cli_output, exit_codes).
"""

from __future__ import annotations

# Commands that act on awork through the core; `show` and the sign-in commands are not here.
TIMER_INTENTS = ("status", "start", "pause", "resume", "stop", "toggle", "continue", "whoami")
