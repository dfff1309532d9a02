"""What the command line prints: the timer as a line of text and as `status --json`, and what each
failure says.

The same words whichever process runs the command: `awork-tray` on its own, or the running tray
answering another `awork-tray` over the local socket (cli_commands runs both).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo

from .api.errors import (
    ApiError,
    AuthError,
    MalformedResponseError,
    NetworkError,
    NotSignedInError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
)
from .core.allowance import TypeOfWorkNeeded
from .core.wording import keychain_waiting_text
from .domain.timer import TimerState, describe, elapsed, format_elapsed, timer_state
from .i18n import translate

PREFIX = "awork-tray: "  # before every error line, as a shell user expects of a command


def demo_mark() -> str:
    """After what the demo workspace answers: it is not awork's timer."""
    return translate("Cli", "(demo)")


def demo_prefix() -> str:
    """Before an error line of the demo workspace's."""
    return PREFIX.replace(":", " " + demo_mark() + ":", 1)


def not_signed_in(why: str) -> str:
    return translate("Cli", "Not signed in: {0}\nRun 'awork-tray login' or check AWORK_API_TOKEN.").format(why)


def no_token(keychain_problem: str | None) -> str:
    """Nothing to sign in with at all (no stored sign-in, no AWORK_API_TOKEN)."""
    text = translate("Cli", "Not signed in. Run 'awork-tray login' or set AWORK_API_TOKEN.")
    return text + (f"\n{keychain_problem}" if keychain_problem else "")


def keychain_waiting() -> str:
    """The running tray reads the sign-in from a keychain whose password prompt is still open."""
    return keychain_waiting_text() + " " + translate("Cli", "Answer the keychain's password prompt, then try again.")


def rejected(exc: ApiError) -> str:
    if isinstance(exc, PermissionDeniedError):
        return exc.user_message  # already says what could not be done ("You cannot book time on …")
    # No status: we refused to send it (e.g. no usable time zone); awork was never asked.
    return translate("Cli", "awork rejected the request: {0}").format(exc.user_message) if exc.status else exc.user_message


def start_needs() -> str:
    return translate("Cli", "start needs --type-of-work NAME|ID, --task KEY|ID, or both")


def edit_needs() -> str:
    return translate("Cli", "edit needs at least one of --note, --type-of-work, --task, --billable, --not-billable, "
                            "--started")


def discarded_text(entry, now: datetime) -> str:
    """After `discard`: what was deleted, so a mistake can be redone by hand."""
    what = status_text(entry, now).split(" · ", 1)[-1] if entry is not None else ""
    return translate("Cli", "Discarded: {0}").format(what) if what else translate("Cli", "Discarded.")


def unknown_command(name) -> str:
    return translate("Cli", "unknown command {0}").format(repr(name))


def still_starting() -> str:
    """The running tray was asked before it had restored the sign-in, for longer than it waits."""
    return translate("Cli", "the tray is still starting; try again in a moment.")


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


def error_text(error: BaseException, command: str) -> str:
    """What the command line says about an error `exit_code_for` gives a code to."""
    if isinstance(error, (NotSignedInError, AuthError)):
        return not_signed_in(error.user_message)
    if isinstance(error, (NetworkError, ServerError, RateLimitedError, MalformedResponseError)):
        return error.user_message
    if isinstance(error, TypeOfWorkNeeded):  # nothing was sent: say which option picks another type
        return another_type(error, command)
    if isinstance(error, ApiError):
        return rejected(error)
    if isinstance(error, LookupError):
        return str(error.args[0]) if error.args else str(error)
    return str(error)


def whoami_text(user, how: str) -> str:
    workspace = user.workspace.name if user.workspace else translate("Cli", "unknown workspace")
    return translate("Cli", "{0} · {1} (signed in with {2})").format(user.display_name, workspace, how)


def busy_note(age_seconds: int) -> str:
    """Under a `status` that shows what the running tray knew, because awork is rate limiting."""
    return translate("Cli", "awork is busy (too many requests): this is the timer as the tray "
                            "knew it {0} ago.").format(format_age(age_seconds))


def format_age(seconds: int) -> str:
    if seconds < 90:
        return translate("Cli", "{0} s").format(seconds)
    return translate("Cli", "{0} min").format(round(seconds / 60))


def status_json(entry, now: datetime, zone: tzinfo = timezone.utc) -> dict:
    """The timer for scripts; `zone`: the user's, for `started_at_local`."""
    state = timer_state(entry)
    if state is TimerState.IDLE:
        return {"state": "idle", "elapsed_seconds": 0, "started_at": None, "started_at_local": None,
                "type_of_work": None, "task": None, "project": None, "note": None, "billable": None}
    project = entry.effective_project
    return {
        "state": state.value,
        "elapsed_seconds": int(elapsed(entry, now).total_seconds()),
        "started_at": entry.start.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "started_at_local": _local_iso(entry.start, zone),
        "type_of_work": {"id": entry.type_of_work.id, "name": entry.type_of_work.name} if entry.type_of_work else None,
        "task": {"id": entry.task.id, "name": entry.task.name, "key": entry.task.key} if entry.task else None,
        "project": {"id": project.id, "name": project.name} if project else None,
        "note": entry.note,
        "billable": entry.is_billable,  # None: awork did not say
    }


def _local_iso(moment: datetime, zone: tzinfo) -> str:
    """ISO 8601 with the zone's offset at that moment: 2024-05-06T08:47:00+02:00."""
    return moment.astimezone(zone).replace(microsecond=0).isoformat()


def totals_json(totals) -> dict:
    """`today_seconds` and `week_seconds` (None when awork's entries could not be read)."""
    if totals is None:
        return {"today_seconds": None, "week_seconds": None}
    return {"today_seconds": int(totals.today.total_seconds()), "week_seconds": int(totals.week.total_seconds())}


def today_json(rows, total: timedelta, day, zone: tzinfo) -> dict:
    """`today --json`: the day, its total and its entries, oldest first."""
    entries = []
    for entry, spent in rows:
        project = entry.effective_project
        entries.append({
            "id": entry.id,
            "state": timer_state(entry).value,
            "started_at": entry.start.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "started_at_local": _local_iso(entry.start, zone) if entry.start_time_known else None,
            "ended_at_local": _local_iso(entry.end, zone) if entry.end is not None else None,
            "seconds": int(spent.total_seconds()),
            "type_of_work": {"id": entry.type_of_work.id, "name": entry.type_of_work.name} if entry.type_of_work else None,
            "task": {"id": entry.task.id, "name": entry.task.name, "key": entry.task.key} if entry.task else None,
            "project": {"id": project.id, "name": project.name} if project else None,
            "note": entry.note,
            "billable": entry.is_billable,
        })
    return {"date": day.isoformat(), "total_seconds": int(total.total_seconds()), "entries": entries}


def today_text(rows, total: timedelta, zone: tzinfo) -> str:
    """`today`: one line per entry (from–to, time, what) and the total."""
    lines = []
    for entry, spent in rows:
        start = entry.start.astimezone(zone).strftime("%H:%M") if entry.start_time_known else "     "
        if entry.end is not None:
            until = entry.end.astimezone(zone).strftime("%H:%M")
        elif timer_state(entry) is TimerState.IDLE:
            until = "     "  # a manual entry made with a duration
        else:
            until = translate("Cli", "now")
        what = describe(entry) or translate("Cli", "Timer")
        if entry.task and entry.task.key:
            what = f"{entry.task.key} {what}"
        if entry.type_of_work and entry.type_of_work.name and entry.task:
            what += f" · {entry.type_of_work.name}"
        lines.append(f"{start}–{until}  {format_elapsed(spent, seconds=False):>5}  {what}")
    if not rows:
        lines.append(translate("Cli", "Nothing tracked today yet."))
    lines.append(translate("Cli", "Today: {0}").format(format_elapsed(total, seconds=False)))
    return "\n".join(lines)


def status_text(entry, now: datetime) -> str:
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
