"""Run one of the command line's timer commands with a core and say how it went: an exit code and text.

The command line's one-shot path and a running tray's remote control (another `awork-tray` process
talking to it over the local socket) both come through `run_intent`, so a command behaves and reads
the same whichever process runs it. The words are in cli_output, the codes in exit_codes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Mapping

from .api.errors import ApiError, RateLimitedError, ValidationError, busy_message
from .cli_output import (
    PREFIX,
    busy_note,
    demo_mark,
    demo_prefix,
    discarded_text,
    edit_needs,
    error_text,
    keychain_waiting,
    no_token,
    start_needs,
    status_json,
    status_text,
    today_json,
    today_text,
    totals_json,
    unknown_command,
    whoami_text,
)
from .core.commands import Busy
from .core.day import todays_entries, totals
from .core.outbox import damaged_queue_text
from .core.sign_in.account import describe_source
from .core.wording import TIMER_INTENTS
from .domain.actions import EntryChange
from .exit_codes import EXIT_NOT_SIGNED_IN, EXIT_OK, EXIT_USAGE, exit_code_for
from .terminal_text import for_terminal, json_text

log = logging.getLogger(__name__)

# What a command may end with and still be told as an exit code and a sentence (exit_code_for);
# anything else is a bug, and is raised.
COMMAND_ERRORS = (ApiError, LookupError, Busy)


@dataclass
class Outcome:
    exit: int = EXIT_OK
    stdout: str = ""
    stderr: str = ""
    status: dict | None = field(default=None)  # the timer afterwards, as `status --json` prints it
    demo: bool = False  # said by the demo workspace, not by awork

    def to_json(self) -> dict:
        # Cleaned where the tokens are known: a tray answering another process masks its own.
        reply = {"exit": self.exit, "stdout": for_terminal(self.stdout, limit=None),
                 "stderr": for_terminal(self.stderr, limit=None), "status": self.status}
        return {**reply, "demo": True} if self.demo else reply


def failure(exit_code: int, message: str) -> Outcome:
    return Outcome(exit_code, stderr=PREFIX + message)


def failed(error: BaseException, command: str) -> Outcome:
    return failure(exit_code_for(error), error_text(error, command))


async def run_intent(core, name: str, args: Mapping[str, Any] | None = None) -> Outcome:
    """Run `name` (one of TIMER_INTENTS) with `args`; never raises for awork's or the user's errors."""
    args = dict(args or {})
    if name not in TIMER_INTENTS:
        return failure(EXIT_USAGE, unknown_command(name))
    if not core.tokens.present:
        if core.store.state.keychain_waiting:  # the sign-in is in the keychain, behind its prompt
            return failure(EXIT_NOT_SIGNED_IN, keychain_waiting())
        return failure(EXIT_NOT_SIGNED_IN, no_token(core.store.state.keychain_problem))
    try:
        outcome = await _run(core, name, args)
    except COMMAND_ERRORS as exc:
        outcome = failed(exc, name)
    return in_demo(outcome, json_output=bool(args.get("json"))) if core.store.state.demo else outcome


def in_demo(outcome: Outcome, *, json_output: bool = False) -> Outcome:
    """What the demo workspace answers, marked as the demo's: a plain `awork-tray status` may reach
    the demo tray (cli._may_reach_demo), and must never be taken for awork's timer."""
    status = {**outcome.status, "demo": True} if outcome.status is not None else None
    if json_output and status is not None:
        stdout = json_text(status)
    else:
        first, newline, rest = outcome.stdout.partition("\n")
        stdout = f"{first} {demo_mark()}{newline}{rest}" if first else outcome.stdout
    stderr = "\n".join(demo_prefix() + line.removeprefix(PREFIX) if line.startswith(PREFIX) else line
                       for line in outcome.stderr.split("\n"))
    return Outcome(outcome.exit, stdout, stderr, status, demo=True)


async def _run(core, name: str, args: dict) -> Outcome:
    commands = core.commands
    now = commands.clock.now()  # awork's time: elapsed is counted on its clock
    if name == "whoami":
        user = await core.client.me()
        return Outcome(stdout=whoami_text(user, describe_source(core.tokens.source)))
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
        status = {**status_json(entry, now, commands.zone()), "age_seconds": age,
                  **totals_json(await _totals(commands, now))}
        damaged = _damaged_queue(core)
        if damaged:  # actions that never reached awork: said on every status until the file is gone
            status["damaged_offline_queue"] = [str(p) for p in damaged]
        if args.get("json"):
            text = json_text(status)
        else:
            text = status_text(entry, now)
            if age:
                text += "\n" + busy_note(age)
        warning = "\n".join(PREFIX + damaged_queue_text(p) for p in damaged)
        return Outcome(stdout=text, stderr=warning, status=status)
    if name == "today":
        return await _today(core, bool(args.get("json")))
    if name in ("start", "edit") and args.get("started"):
        try:
            args["started"] = commands.parse_start(args["started"])
        except ValidationError as exc:  # the user's words, not awork's answer: a usage error
            return failure(EXIT_USAGE, exc.user_message)
    if name == "start":
        if not (args.get("task") or args.get("type_of_work")):
            return failure(EXIT_USAGE, start_needs())
        task = await commands.resolve_task(args["task"]) if args.get("task") else None
        tow = await commands.resolve_type_of_work(args["type_of_work"]) if args.get("type_of_work") else None
        entry = await commands.start(type_of_work_id=tow.id if tow else None, task=task, note=args.get("note"),
                                     started=args.get("started") or None)
    elif name == "edit":
        if all(args.get(key) is None for key in ("note", "type_of_work", "task", "billable", "started")):
            return failure(EXIT_USAGE, edit_needs())
        await commands.refresh_timer(force=False)  # (a one-shot command knows no timer yet)
        task = await commands.resolve_task(args["task"]) if args.get("task") else None
        tow = await commands.resolve_type_of_work(args["type_of_work"]) if args.get("type_of_work") else None
        billable = args.get("billable")
        entry = await commands.edit(EntryChange(note=args.get("note"), type_of_work=tow, task=task,
                                                is_billable=billable if isinstance(billable, bool) else None,
                                                start=args.get("started") or None))
    elif name == "discard":
        before = await commands.refresh_timer(force=False)
        await commands.discard()
        now = commands.clock.now()
        return Outcome(stdout=discarded_text(before, now), status=status_json(core.store.state.entry, now))
    elif name == "continue":
        entry = await commands.continue_last()
    else:  # pause, resume, stop, toggle
        entry = await getattr(commands, name)()
    now = commands.clock.now()
    text = status_text(entry, now)
    if core.store.state.held and core.store.state.pending:
        text += "\n" + core.store.state.held  # queued behind a long rate limit: say so
    return Outcome(stdout=text, status=status_json(entry, now))


async def _totals(commands, now):
    """Today's and this week's totals, read when due; the last known (or None) when awork does not
    answer: the timer's status is not to fail for them."""
    try:
        await commands.refresh_day()
    except ApiError as exc:
        log.info("totals not read for status: %s", type(exc).__name__)
    return totals(commands.store.state, now)


async def _today(core, json_output: bool) -> Outcome:
    """Today's entries and total (the timer read first, so its part is awork's)."""
    commands = core.commands
    await commands.refresh_timer()
    await commands.refresh_day()
    if core.store.state.day is None:  # awork's rate limit held the read back and none is known
        raise RateLimitedError(busy_message(core.client.rate_limited_for), retry_after=core.client.rate_limited_for)
    now = commands.clock.now()
    zone = commands.zone()
    rows = todays_entries(core.store.state, now)
    total = totals(core.store.state, now).today
    if json_output:
        data = today_json(rows, total, now.astimezone(zone).date(), zone)
        return Outcome(stdout=json_text(data), status=data)
    return Outcome(stdout=today_text(rows, total, zone))


def _damaged_queue(core) -> list:
    from .storage import damaged_copies

    config = getattr(core, "config", None)
    return damaged_copies(config.config_dir / "outbox.json") if config is not None else []
