"""Run one named command with the core's Commands and say how it went: an exit code and text.

The command line's one-shot path and a running tray's remote control (another `awork-tray` process
talking to it over the local socket) both come through `run_intent`, so a command behaves and reads
the same whichever process runs it.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Mapping

from ..api.errors import (
    ApiError,
    AuthError,
    MalformedResponseError,
    NetworkError,
    NotSignedInError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
)
from ..i18n import translate
from .allowance import TypeOfWorkNeeded
from .commands import Busy
from .outbox import damaged_queue_text
from .wording import TIMER_INTENTS  # the table's commands and the ones built on them

log = logging.getLogger(__name__)

from ..exit_codes import (  # noqa: F401  (re-exported: the CLI and the tray use them from here)
    EXIT_FAILED,
    EXIT_NOT_SIGNED_IN,
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_UNREACHABLE,
    EXIT_USAGE,
)


@dataclass
class Outcome:
    exit: int = EXIT_OK
    stdout: str = ""
    stderr: str = ""
    status: dict | None = field(default=None)  # the timer afterwards, as `status --json` prints it

    def to_json(self) -> dict:
        return {"exit": self.exit, "stdout": self.stdout, "stderr": self.stderr, "status": self.status}


def failure(exit_code: int, message: str) -> Outcome:
    return Outcome(exit_code, stderr=f"awork-tray: {message}")


# Shared with cli.py's own one-shot commands, so both paths say the same.
def not_signed_in(why: str) -> str:
    return translate("Cli", "Not signed in: {0}\nRun 'awork-tray login' or check AWORK_API_TOKEN.").format(why)


def rejected(exc: ApiError) -> str:
    if isinstance(exc, PermissionDeniedError):
        return exc.user_message  # already says what could not be done ("You cannot book time on …")
    # No status: we refused to send it (e.g. no usable time zone); awork was never asked.
    return translate("Cli", "awork rejected the request: {0}").format(exc.user_message) if exc.status else exc.user_message


def start_needs() -> str:
    return translate("Cli", "start needs --type-of-work NAME|ID, --task KEY|ID, or both")


def another_type(needed: TypeOfWorkNeeded, command: str) -> str:
    """Why the type of work cannot be booked, and the command line that books another one."""
    names = ", ".join(t.name for t in needed.offered)
    if command == "start":
        hint = translate("Cli", "Choose one with --type-of-work NAME: {0}").format(names)
    else:  # continue, toggle: they take no type; a start does
        task = needed.task
        what = f"--task {task.key or task.id} " if task is not None else ""
        hint = translate("Cli", "Start it with 'awork-tray start {0}--type-of-work NAME': {1}").format(what, names)
    return f"{needed.reason} {hint}" if names else needed.reason


async def run_intent(core, name: str, args: Mapping[str, Any] | None = None) -> Outcome:
    """Run `name` (one of TIMER_INTENTS) with `args`; never raises for awork's or the user's errors."""
    args = dict(args or {})
    if name not in TIMER_INTENTS:
        return failure(EXIT_USAGE, translate("Cli", "unknown command {0}").format(repr(name)))
    if not core.tokens.present:
        problem = core.store.state.keychain_problem
        return failure(EXIT_NOT_SIGNED_IN, translate("Cli", "Not signed in. Run 'awork-tray login' or set AWORK_API_TOKEN.")
                       + (f"\n{problem}" if problem else ""))
    try:
        return await _run(core, name, args)
    except (NotSignedInError, AuthError) as exc:
        return failure(EXIT_NOT_SIGNED_IN, not_signed_in(exc.user_message))
    except (NetworkError, ServerError, RateLimitedError, MalformedResponseError) as exc:
        return failure(EXIT_UNREACHABLE, exc.user_message)
    except TypeOfWorkNeeded as exc:  # nothing was sent: say which option picks another type
        return failure(EXIT_USAGE, another_type(exc, name))
    except ApiError as exc:
        return failure(EXIT_REJECTED, rejected(exc))
    except LookupError as exc:
        return failure(EXIT_REJECTED, str(exc.args[0]) if exc.args else str(exc))
    except Busy as exc:
        return failure(EXIT_FAILED, str(exc))


async def _run(core, name: str, args: dict) -> Outcome:
    commands = core.commands
    now = commands.clock.now()  # awork's time: elapsed is counted on its clock
    if name == "whoami":
        user = await core.client.me()
        ws = user.workspace
        from .account import describe_source

        workspace = ws.name if ws else translate("Cli", "unknown workspace")
        return Outcome(stdout=translate("Cli", "{0} · {1} (signed in with {2})").format(
            user.display_name, workspace, describe_source(core.tokens.source)))
    if name == "status":
        age = 0
        try:
            entry = await commands.refresh_timer()
        except RateLimitedError:
            # A running tray knows the timer from a moment ago: better than an error while
            # awork is busy. A one-shot command has nothing to show and says why.
            known = commands.timer_age
            if known is None:
                raise
            entry, age = core.store.state.entry, max(round(known), 1)
        status = {**status_json(entry, now), "age_seconds": age}
        damaged = _damaged_queue(core)
        if damaged:  # actions that never reached awork: said on every status until the file is gone
            status["damaged_offline_queue"] = [str(p) for p in damaged]
        if args.get("json"):
            text = json.dumps(status, ensure_ascii=False)
        else:
            text = status_text(entry, now)
            if age:
                text += "\n" + translate("Cli", "awork is busy (too many requests): this is the timer as the tray "
                                                 "knew it {0} ago.").format(format_age(age))
        warning = "\n".join("awork-tray: " + damaged_queue_text(p) for p in damaged)
        return Outcome(stdout=text, stderr=warning, status=status)
    if name == "start":
        if not (args.get("task") or args.get("type_of_work")):
            return failure(EXIT_USAGE, start_needs())
        task = await commands.resolve_task(args["task"]) if args.get("task") else None
        tow = await commands.resolve_type_of_work(args["type_of_work"]) if args.get("type_of_work") else None
        entry = await commands.start(type_of_work_id=tow.id if tow else None, task=task, note=args.get("note"))
    elif name == "continue":
        entry = await commands.continue_last()
    else:  # pause, resume, stop, toggle
        entry = await getattr(commands, name)()
    now = commands.clock.now()
    text = status_text(entry, now)
    if core.store.state.held and core.store.state.pending:
        text += "\n" + core.store.state.held  # queued behind a long rate limit: say so
    return Outcome(stdout=text, status=status_json(entry, now))


def format_age(seconds: int) -> str:
    if seconds < 90:
        return translate("Cli", "{0} s").format(seconds)
    return translate("Cli", "{0} min").format(round(seconds / 60))


def _damaged_queue(core) -> list:
    from ..storage import damaged_copies

    config = getattr(core, "config", None)
    return damaged_copies(config.config_dir / "outbox.json") if config is not None else []


def status_json(entry, now: datetime) -> dict:
    from ..domain.timer import TimerState, elapsed, timer_state

    state = timer_state(entry)
    if state is TimerState.IDLE:
        return {"state": "idle", "elapsed_seconds": 0, "started_at": None, "type_of_work": None, "task": None, "project": None, "note": None}
    project = entry.project or (entry.task.project if entry.task else None)
    return {
        "state": state.value,
        "elapsed_seconds": int(elapsed(entry, now).total_seconds()),
        "started_at": entry.start.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "type_of_work": {"id": entry.type_of_work.id, "name": entry.type_of_work.name} if entry.type_of_work else None,
        "task": {"id": entry.task.id, "name": entry.task.name, "key": entry.task.key} if entry.task else None,
        "project": {"id": project.id, "name": project.name} if project else None,
        "note": entry.note,
    }


def status_text(entry, now: datetime) -> str:
    from ..domain.timer import TimerState, describe, elapsed, format_elapsed, timer_state

    state = timer_state(entry)
    if state is TimerState.IDLE:
        return translate("Cli", "Idle: no timer running.")
    label = translate("Cli", "Running") if state is TimerState.RUNNING else translate("Cli", "Paused")
    parts = [label, format_elapsed(elapsed(entry, now))]
    what = describe(entry)
    if entry.task and entry.task.key:
        what = f"{entry.task.key} {what}"
    if what:
        parts.append(what)
    if entry.type_of_work and entry.type_of_work.name and entry.task:
        parts.append(entry.type_of_work.name)
    if entry.note:
        parts.append(translate("Cli", "“{0}”").format(entry.note))  # „…“ in German
    return " · ".join(parts)
