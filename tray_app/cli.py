"""`awork-tray` on the command line: run the tray, or one command through the same core."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from datetime import datetime, timezone
from typing import Sequence

from . import __version__

EXIT_OK = 0
EXIT_FAILED = 1  # something unexpected
EXIT_USAGE = 2
EXIT_NOT_SIGNED_IN = 3
EXIT_REJECTED = 4  # awork said no (400/403/404), or the named thing does not exist
EXIT_UNREACHABLE = 5  # network, timeout, 5xx, rate limit, unreadable reply

EPILOG = """\
commands:
  (none)            run the tray icon
  status [--json]   show the current timer
  start             start a timer: --type-of-work NAME|ID and/or --task KEY|ID [--note TEXT]
  pause, resume, stop
  login             paste an API token and keep it in the keychain
  logout            forget the stored token
  whoami            the signed-in user and workspace

exit codes:
  0 done · 2 wrong arguments · 3 not signed in · 4 awork rejected the request ·
  5 awork unreachable or failing (network, timeout, 5xx, rate limit) · 1 anything else

environment:
  AWORK_API_URL          awork API base (default https://api.awork.com/api/v1)
  AWORK_API_TOKEN        use this token instead of the stored one
  AWORK_TRAY_CONFIG_DIR  keep settings, cache and logs here
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="awork-tray",
        description="Start, pause, resume and stop awork time tracking from the system tray.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"awork-tray {__version__}")
    parser.add_argument("--demo", action="store_true", help="use a built-in demo workspace (no account needed)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("run", help="run the tray icon (the default)")
    status = sub.add_parser("status", help="show the current timer")
    status.add_argument("--json", action="store_true", help="print one JSON object")
    start = sub.add_parser("start", help="start a timer (stops a running one)")
    start.add_argument("--type-of-work", "-t", metavar="NAME|ID", help="type of work (default: the task's own)")
    start.add_argument("--task", metavar="KEY|ID", help="task key such as WEB-12, or its id")
    start.add_argument("--note", metavar="TEXT", help="note for the time entry")
    for name, text in (("pause", "pause the running timer"), ("resume", "resume the paused timer"), ("stop", "stop the timer")):
        sub.add_parser(name, help=text)
    sub.add_parser("login", help="sign in with an API token (stored in the keychain)")
    sub.add_parser("logout", help="forget the stored token")
    sub.add_parser("whoami", help="show the signed-in user and workspace")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "start" and not (args.type_of_work or args.task):
        parser.error("start needs --type-of-work NAME|ID, --task KEY|ID, or both")
    from .config import Config
    from .logs import setup_logging

    config = Config.from_environment()
    setup_logging(config.log_dir, verbose=args.verbose)
    if args.command in (None, "run"):
        from .app import run_tray

        return run_tray(config, demo=args.demo)
    return asyncio.run(_one_shot(args, config))


async def _one_shot(args, config) -> int:
    from .api.errors import ApiError, AuthError, NetworkError, NotSignedInError, RateLimitedError, ServerError, MalformedResponseError
    from .composition import build_core
    from .core.commands import Busy

    core = build_core(config, demo=args.demo)
    try:
        await core.restore_sign_in()
        if args.command == "login":
            return await _login(core)
        if args.command == "logout":
            if core.tokens.source == "AWORK_API_TOKEN":
                print("AWORK_API_TOKEN is set and used instead of a stored token; unset it to sign out.")
                return EXIT_OK
            problem = await core.sign_out()
            if problem:
                _err(f"Signed out for now, but the stored token could not be removed: {problem}")
                return EXIT_FAILED
            print("Signed out; the stored token was removed.")
            return EXIT_OK
        if not core.tokens.present:
            problem = core.store.state.keychain_problem
            _err("Not signed in. Run 'awork-tray login' or set AWORK_API_TOKEN." + (f"\n{problem}" if problem else ""))
            return EXIT_NOT_SIGNED_IN
        return await _run_command(args, core)
    except (NotSignedInError, AuthError) as exc:
        _err(f"Not signed in: {exc.user_message}\nRun 'awork-tray login' or check AWORK_API_TOKEN.")
        return EXIT_NOT_SIGNED_IN
    except (NetworkError, ServerError, RateLimitedError, MalformedResponseError) as exc:
        _err(exc.user_message)
        return EXIT_UNREACHABLE
    except ApiError as exc:
        # No status: we refused to send it (e.g. no usable time zone); awork was never asked.
        _err(f"awork rejected the request: {exc.user_message}" if exc.status else exc.user_message)
        return EXIT_REJECTED
    except LookupError as exc:
        _err(str(exc.args[0]) if exc.args else str(exc))
        return EXIT_REJECTED
    except Busy as exc:
        _err(str(exc))
        return EXIT_FAILED
    finally:
        await core.aclose()


async def _run_command(args, core) -> int:
    commands = core.commands
    if args.command == "status":
        entry = await commands.refresh_timer()
        now = datetime.now(timezone.utc)
        print(json.dumps(status_json(entry, now), ensure_ascii=False) if args.json else status_text(entry, now))
        return EXIT_OK
    if args.command == "whoami":
        user = await core.client.me()
        ws = user.workspace
        print(f"{user.display_name} · {ws.name if ws else 'unknown workspace'} (signed in via {core.tokens.source})")
        return EXIT_OK
    if args.command == "start":
        task = await commands.resolve_task(args.task) if args.task else None
        tow = await commands.resolve_type_of_work(args.type_of_work) if args.type_of_work else None
        entry = await commands.start(type_of_work_id=tow.id if tow else None, task=task, note=args.note)
    else:
        entry = await getattr(commands, args.command)()
    print(status_text(entry, datetime.now(timezone.utc)))
    return EXIT_OK


async def _login(core) -> int:
    import getpass

    if core.tokens.source == "AWORK_API_TOKEN":
        _err("AWORK_API_TOKEN is set; it is used instead of a stored token. Unset it to store one.")
        return EXIT_USAGE
    # getpass reads without echo and keeps the token out of argv and shell history.
    token = getpass.getpass("Paste your awork API token (input hidden): ").strip() if sys.stdin.isatty() else sys.stdin.readline().strip()
    if not token:
        _err("No token given.")
        return EXIT_USAGE
    where = await core.sign_in(token)
    user = core.store.state.user
    print(f"Signed in as {user.display_name if user else '?'}; token kept in the {'keychain' if where == 'keychain' else 'memory of this command only (no keychain found)'}.")
    if where != "keychain" and core.store.state.keychain_problem:
        _err(core.store.state.keychain_problem)
    return EXIT_OK


def status_json(entry, now: datetime) -> dict:
    from .domain.timer import TimerState, elapsed, timer_state

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
    from .domain.timer import TimerState, describe, elapsed, format_elapsed, timer_state

    state = timer_state(entry)
    if state is TimerState.IDLE:
        return "Idle: no timer running."
    label = "Running" if state is TimerState.RUNNING else "Paused"
    parts = [label, format_elapsed(elapsed(entry, now))]
    what = describe(entry)
    if entry.task and entry.task.key:
        what = f"{entry.task.key} {what}"
    if what:
        parts.append(what)
    if entry.type_of_work and entry.type_of_work.name and entry.task:
        parts.append(entry.type_of_work.name)
    if entry.note:
        parts.append(f"“{entry.note}”")
    return " · ".join(parts)


def _err(message: str) -> None:
    print(f"awork-tray: {message}", file=sys.stderr)
