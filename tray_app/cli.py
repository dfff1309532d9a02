"""`awork-tray` on the command line: run the tray, or one command through the same core."""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from . import __version__
from .exit_codes import EXIT_FAILED, EXIT_NOT_SIGNED_IN, EXIT_OK, EXIT_REJECTED, EXIT_UNREACHABLE, EXIT_USAGE  # noqa: F401

EPILOG = """\
commands:
  (none)            run the tray icon (if it already runs: open its quick start)
  show              open the quick-start popover (starts the tray if needed); bind this to a key
  status [--json]   show the current timer
  start             start a timer: --type-of-work NAME|ID and/or --task KEY|ID [--note TEXT]
                    [--started HH:MM|-15m] (it began then: "I forgot to start")
  pause, resume, stop
  edit              change the running or paused timer: [--note TEXT] [--type-of-work NAME|ID]
                    [--task KEY|ID] [--billable|--not-billable] [--started HH:MM|-15m]
  discard           delete the running or paused timer (it is gone from awork)
  toggle            running -> pause, paused -> resume, idle -> continue the last entry
  continue          start again with the last entry's task, project, type of work and note
  today [--json]    today's entries and total (and this week's total with status --json)
  autostart on|off|status   start awork tray when you log in
  login             sign in with awork in your browser (the sign-in is kept in the keychain)
  logout            revoke the sign-in at awork and remove it from the keychain
  whoami            the signed-in user and workspace, and how you are signed in

the demo (--demo):
  While only the demo tray runs, commands reach it and say "(demo)". A real tray, when one runs,
  always gets them; --demo reaches only the demo. With AWORK_API_TOKEN set they never go to the demo.

exit codes:
  0 done · 2 wrong arguments · 3 not signed in · 4 awork rejected the request ·
  5 awork unreachable or failing (network, timeout, 5xx, rate limit) · 1 anything else

environment:
  AWORK_API_URL          awork API base (default https://api.awork.com/api/v1)
  AWORK_API_TOKEN        use this token (e.g. an API key) instead of signing in
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
    run = sub.add_parser("run", help="run the tray icon (the default)")
    for where in (parser, run):
        # Not under `default=`: the subparser would reset what the main parser had parsed.
        where.add_argument("--autostart", action="store_true", default=argparse.SUPPRESS,
                           help="started at login: wait for the system tray before showing the icon")
    sub.add_parser("show", help="open the quick-start popover of the running tray (or start it)")
    status = sub.add_parser("status", help="show the current timer")
    status.add_argument("--json", action="store_true", help="print one JSON object")
    status.add_argument("--verbose", action="store_true", dest="details",
                        help="also show where the log, settings and offline queue are, for troubleshooting")
    start = sub.add_parser("start", help="start a timer (stops a running one)")
    start.add_argument("--type-of-work", "-t", metavar="NAME|ID", help="type of work (default: the task's own)")
    start.add_argument("--task", metavar="KEY|ID", help="task key such as WEB-12, or its id")
    start.add_argument("--note", metavar="TEXT", help="note for the time entry")
    start.add_argument("--started", metavar="HH:MM|-15m", help="it began then: a time of day, or minutes ago")
    edit = sub.add_parser("edit", help="change the running or paused timer")
    edit.add_argument("--note", metavar="TEXT", help='the new note ("" removes it)')
    edit.add_argument("--type-of-work", "-t", metavar="NAME|ID", help="the new type of work")
    edit.add_argument("--task", metavar="KEY|ID", help="the new task (with its own type of work unless -t)")
    billable = edit.add_mutually_exclusive_group()
    billable.add_argument("--billable", action="store_true", default=None, help="mark it billable")
    billable.add_argument("--not-billable", action="store_false", dest="billable", help="mark it not billable")
    edit.add_argument("--started", metavar="HH:MM|-15m", help="move its start: a time of day, or minutes ago")
    sub.add_parser("discard", help="delete the running or paused timer")
    for name, text in (("pause", "pause the running timer"), ("resume", "resume the paused timer"), ("stop", "stop the timer"),
                       ("toggle", "pause, resume, or continue the last entry"),
                       ("continue", "start again with the last entry's task, type of work and note")):
        sub.add_parser(name, help=text)
    today = sub.add_parser("today", help="today's entries and total")
    today.add_argument("--json", action="store_true", help="print one JSON object")
    autostart = sub.add_parser("autostart", help="start awork tray when you log in")
    autostart.add_argument("action", choices=("on", "off", "status"))
    sub.add_parser("login", help="sign in with awork in your browser")
    sub.add_parser("logout", help="revoke the sign-in and remove it from the keychain")
    sub.add_parser("whoami", help="show the signed-in user and workspace")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _tray_launch(argv)
    parser = None
    if args is None:
        parser = build_parser()
        args = parser.parse_args(_joined_started(argv))
    from .config import Config, tighten_existing

    config = Config.from_environment()
    tighten_existing(config)
    runs_tray = args.command in (None, "run", "show")
    # The tray reads its settings (and says what was damaged) itself once its icon shows: its own
    # start does not wait for them. Its messages come from a running tray, in that tray's language.
    settings_problem = None if runs_tray else _use_language(config)
    if args.command == "start" and not (args.type_of_work or args.task):
        from .cli_output import start_needs

        parser.error(start_needs())
    if args.command == "edit" and all(getattr(args, name) is None for name in EDIT_OPTIONS):
        from .cli_output import edit_needs

        parser.error(edit_needs())
    if not runs_tray:
        _start_logging(config, args)  # the tray starts its log once its icon shows
    if settings_problem:
        _err(settings_problem)  # told once: the damaged file is kept aside now
    if args.command == "autostart":
        from .autostart_command import autostart_command

        return autostart_command(args.action, config)
    if runs_tray or args.command in _remote_commands():
        from .platform.instance_client import InstanceAddress, send_request

        first = "ping" if getattr(args, "autostart", False) else "show"  # at login: no window for a running tray
        request = {"cmd": first if args.command in (None, "run") else args.command, "args": _remote_args(args)}
        reply = send_request(InstanceAddress.for_config(config.config_dir, demo=args.demo), request)
        if reply is None and _may_reach_demo(args, config):
            reply = send_request(InstanceAddress.for_config(config.config_dir, demo=True), request)
        if reply is not None:  # a tray runs: it did the work, so its icon and popover show it at once
            if runs_tray and (settings_problem := _use_language(config)):
                _err(settings_problem)
            code = _print_reply(reply, json_output=getattr(args, "json", False))
            if getattr(args, "details", False):
                _print_diagnostics(config, args, tray_running=True, demo=args.demo or reply.get("demo") is True)
            return code
    if runs_tray:
        from .app import run_tray

        return run_tray(config, demo=args.demo, autostart=getattr(args, "autostart", False),
                        show_popover=args.command == "show", verbose=args.verbose)
    import asyncio  # here, not at the top: the tray's start-up must not wait for it

    try:
        code = asyncio.run(_one_shot(args, config))
    except KeyboardInterrupt:  # Ctrl+C, e.g. while `login` waits for the browser
        return 130
    if getattr(args, "details", False):
        _print_diagnostics(config, args, tray_running=False)
    return code


EDIT_OPTIONS = ("note", "type_of_work", "task", "billable", "started")

# What the tray's own start may carry (`awork-tray`, at login `awork-tray --autostart`): read without
# building the parser of every command (about 8 ms before the icon is painted). Anything else, even
# an abbreviation argparse would accept, goes to the parser, so its answers and messages stay its own.
TRAY_FLAGS = {"--demo": "demo", "-v": "verbose", "--verbose": "verbose", "--autostart": "autostart"}


def _tray_launch(argv: list[str]) -> argparse.Namespace | None:
    """The arguments of a plain tray start, as build_parser() would read them; None for anything else."""
    if not all(arg in TRAY_FLAGS for arg in argv):
        return None
    args = argparse.Namespace(demo=False, verbose=False, command=None)
    for arg in argv:
        setattr(args, TRAY_FLAGS[arg], True)
    return args


def _joined_started(argv: list[str]) -> list[str]:
    """`--started -15m` as `--started=-15m`: argparse takes a value that starts with "-" for an option."""
    joined: list[str] = []
    for arg in argv:
        if joined and joined[-1] == "--started" and arg.startswith("-") and arg[1:2].isdigit():
            joined[-1] = f"--started={arg}"
        else:
            joined.append(arg)
    return joined


def _may_reach_demo(args, config) -> bool:
    """Whether a command that found no real tray goes to a running demo tray instead.

    Someone who started the demo and types `awork-tray status` or `show` means the tray they see.
    Its answers say "(demo)" (cli_commands), so they are never taken for awork's. Never for the
    plain `awork-tray` (that starts the real tray: the way on from the demo), nor with
    AWORK_API_TOKEN set (then the command is meant for awork, e.g. from a script that reads only
    the exit code). A real tray, when one runs, was asked first: the real tray always wins."""
    return not args.demo and args.command not in (None, "run") and not config.api_token


def _use_language(config) -> str | None:
    """The app's language setting, else the shell's (LANG and friends). `--help` stays English:
    it is a reference, read next to the README. Returns what to tell about damaged settings."""
    from .core.settings import SettingsFile
    from .i18n import pick_language, use

    settings = SettingsFile(config.config_dir)
    use(pick_language(settings.load().language))
    return settings.problem


def _start_logging(config, args) -> None:
    from .logs import setup_logging

    setup_logging(config.log_dir, verbose=args.verbose)


def _print_diagnostics(config, args, *, tray_running: bool, demo: bool = False) -> None:
    """Where to look when something is wrong; never a secret."""
    from .core.outbox import Outbox
    from .storage import damaged_copies

    queue = config.config_dir / "outbox.json"
    waiting = len(Outbox(queue, read_only=True))
    if waiting == 1:
        queued = translate("Cli", "1 action waiting ({0})").format(queue)
    else:
        queued = translate("Cli", "{0} actions waiting ({1})").format(waiting, queue)
    rows = [
        (translate("Cli", "log file:"), str(config.log_dir / "awork-tray.log")),
        (translate("Cli", "settings:"), str(config.config_dir / "settings.json")),
        (translate("Cli", "awork API:"), translate("Cli", "built-in demo") if args.demo or demo else config.api_url),
        (translate("Cli", "tray running:"), translate("Cli", "yes") if tray_running else translate("Cli", "no")),
        (translate("Cli", "offline queue:"), queued),
    ]
    for name in ("outbox.json", "settings.json"):
        rows += [(translate("Cli", "damaged file kept:"), str(p)) for p in damaged_copies(config.config_dir / name)]
    width = max(len(label) for label, _ in rows) + 1
    _say("\n".join(f"{label:<{width}}{value}" for label, value in rows), sys.stderr if args.json else sys.stdout)


def _remote_args(args) -> dict:
    if args.command in ("status", "today"):
        return {"json": args.json}
    if args.command == "start":
        return {"task": args.task, "type_of_work": args.type_of_work, "note": args.note, "started": args.started}
    if args.command == "edit":
        return {name: getattr(args, name) for name in EDIT_OPTIONS}
    return {}


def _print_reply(reply: dict, *, json_output: bool = False) -> int:
    for text, stream in ((reply.get("stdout"), sys.stdout), (reply.get("stderr"), sys.stderr)):
        if text:
            # JSON for scripts stays whole (it holds no control character: terminal_text.json_text).
            _say(text, stream, whole=json_output and stream is sys.stdout)
    code = reply.get("exit")
    return code if isinstance(code, int) else EXIT_FAILED


async def _one_shot(args, config) -> int:
    from .cli_commands import COMMAND_ERRORS, run_intent
    from .cli_output import error_text
    from .composition import build_core
    from .exit_codes import exit_code_for

    core = build_core(config, demo=args.demo)
    try:
        await core.restore_sign_in()
        if core.store.state.error and not core.tokens.present and args.command not in ("login", "logout"):
            # awork refused the stored sign-in (expired, revoked): say why, once, and stop here.
            _err(core.store.state.error + "\n" + translate("Cli", "Run 'awork-tray login'."))
            return EXIT_NOT_SIGNED_IN
        if args.command == "login":
            return await _login(core)
        if args.command == "logout":
            if core.tokens.source == "AWORK_API_TOKEN":
                _say(translate("Cli", "AWORK_API_TOKEN is set and used instead of a stored token; unset it to sign out."))
                return EXIT_OK
            was_signed_in = core.tokens.present
            problem = await core.sign_out()
            if problem:
                _err(problem)
                return EXIT_FAILED
            _say(translate("Cli", "Signed out: awork tray's access was revoked at awork and the stored sign-in removed.")
                 if was_signed_in else translate("Cli", "Not signed in; nothing is stored any more."))
            return EXIT_OK
        return _print_reply((await run_intent(core, args.command, _remote_args(args))).to_json(),
                            json_output=getattr(args, "json", False))
    except COMMAND_ERRORS as exc:
        _err(error_text(exc, args.command))
        return exit_code_for(exc)
    finally:
        await core.aclose()


async def _login(core) -> int:
    from .api.auth.oauth import SignInError

    if core.tokens.source == "AWORK_API_TOKEN":
        _err(translate("Cli", "AWORK_API_TOKEN is set; it is used instead of signing in. Unset it to sign in with awork."))
        return EXIT_USAGE
    problem = await core.account.keychain_problem()
    if problem:
        # Each command is its own process: a sign-in kept in memory would end with this one.
        _err(problem + "\n" + translate("Cli", "The command line cannot keep a sign-in in memory. Sign in from the tray "
                                               "icon instead (it offers “Keep me signed in for this session only”), or "
                                               "set AWORK_API_TOKEN."))
        return EXIT_FAILED

    def show(url: str) -> None:
        # Printed too, for a shell with no browser: open it in a browser on this computer.
        _say(translate("Cli", "Sign in to awork in your browser. If it does not open, open this link on this "
                              "computer:\n  {0}\nWaiting up to 5 minutes (Ctrl+C cancels)…").format(url), whole=True)

    def no_browser() -> None:
        _err(translate("Cli", "No browser could be opened; open the link above."))

    import asyncio

    try:
        user = await core.sign_in(on_url=show, on_browser_failed=no_browser)
    except SignInError as exc:
        _err(exc.user_message)
        return EXIT_NOT_SIGNED_IN
    except asyncio.CancelledError:
        _err(translate("Cli", "Sign-in cancelled."))
        raise
    ws = user.workspace.name if user.workspace else translate("Cli", "unknown workspace")
    _say(translate("Cli", "Signed in as {0} · {1}. The sign-in is kept in the system keychain.").format(
        user.display_name, ws))
    return EXIT_OK


def translate(context: str, text: str) -> str:
    """i18n.translate, imported when a command has something to say: the tray's own start never does."""
    from . import i18n

    return i18n.translate(context, text)


def _err(message: str) -> None:
    _say(f"awork-tray: {message}", sys.stderr)


def _say(text: str, stream=None, *, whole: bool = False) -> None:
    """Every line the command line prints comes through here: awork's words are data, never
    escape sequences for the terminal, never a token, never megabytes (terminal_text.py)."""
    from .terminal_text import MAX_LINE, for_terminal  # here: the tray's start-up does not need it

    print(for_terminal(text, limit=None if whole else MAX_LINE), file=stream or sys.stdout, flush=True)


def _remote_commands() -> tuple[str, ...]:
    """The commands that go through a running tray when there is one (so its icon and popover
    update at once): the core's table of them. Imported here, not at the top: the tray's own start
    never needs it, and it costs about 20 ms before the icon is painted."""
    from .core.wording import TIMER_INTENTS

    return TIMER_INTENTS
