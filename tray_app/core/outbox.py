"""Timer actions taken while awork could not be reached, kept on disk until awork has them.

Each action records when the user acted. The file is rewritten atomically (and fsynced) on every
change, so it survives quitting, a crash and a reboot, and is readable by the user only.

What cannot be written is not queued: the action is refused (`NotQueued`) rather than kept in memory,
reported as failed and then sent after all. A damaged file loses nothing: every readable action is
kept, and the file as it was is kept aside (tray_app.storage) for a person to read.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..api.errors import NetworkError
from ..api.v1_time import parse_datetime
from ..domain.actions import EntryChange, QueuedEdit, QueuedStart, TimerAction
from ..domain.changes import Fingerprint
from ..domain.entities import Project, StartRequest, Task, TypeOfWork
from ..domain.timer import TimerState
from ..i18n import translate
from ..storage import keep_aside, write_json
from .wording import action_name

log = logging.getLogger(__name__)


def _new_id() -> str:
    import uuid  # (and the platform module it loads) once something is queued: most sessions queue nothing

    return uuid.uuid4().hex


@dataclass(frozen=True)
class Pending:
    action: TimerAction
    at: datetime  # when the user acted (UTC)
    start: QueuedStart | None = None  # for a start: the request, and what it is about
    id: str = field(default_factory=_new_id)
    # `at` is this computer's time, not awork's: queued before awork's clock was known.
    local_time: bool = False
    edit: QueuedEdit | None = None  # for an edit or a discard: the entry, and what changes

    @property
    def label(self) -> str:
        """What it was about, for messages ("Sitemap entwerfen")."""
        return self.start.label if self.start is not None else ""

    def to_json(self) -> dict:
        # "kind", "form" (awork's StartTimeTrackingForm) and "label" are the format every
        # version reads; "about" adds what a start is about, for the card (older versions ignore it).
        data = {"kind": self.action.value, "at": self.at.isoformat(),
                "form": self.start.request.to_form() if self.start else None, "label": self.label,
                "id": self.id, "local_time": self.local_time}
        if self.start is not None:
            data["about"] = _about_json(self.start)
        if self.edit is not None:  # kinds "edit" and "discard" came later: older versions keep them aside
            data["edit"] = _edit_json(self.edit)
        return data

    @classmethod
    def from_json(cls, data: dict) -> Pending:
        """Raises ValueError or TypeError for anything but a whole, well-typed action."""
        if not isinstance(data, dict):
            raise TypeError("an action is not an object")
        try:
            action = TimerAction(data.get("kind"))
        except ValueError:
            raise ValueError(f"unknown action {data.get('kind')!r}") from None
        form, label, item_id, at = data.get("form"), data.get("label", ""), data.get("id"), data.get("at")
        if not (isinstance(item_id, str) and isinstance(at, str) and isinstance(label, str)
                and (form is None or isinstance(form, dict))):
            raise TypeError("an action with a missing or mistyped field")
        start = _queued_start(form, label, data.get("about")) if action is TimerAction.START else None
        edit = _queued_edit(data.get("edit")) if action in (TimerAction.EDIT, TimerAction.DISCARD) else None
        return cls(action, parse_datetime(at), start, item_id, data.get("local_time") is True, edit)


def _queued_start(form: dict | None, label: str, about) -> QueuedStart:
    """A start as it was queued: the request from awork's form, what it is about from "about"
    (or, in a file an earlier version wrote, from the label, which names the task or the type)."""
    if not (form and isinstance(form.get("typeOfWorkId"), str) and isinstance(form.get("timezone"), str)):
        raise ValueError("a start without its type of work or time zone")
    for key in ("taskId", "projectId", "note"):
        if form.get(key) is not None and not isinstance(form[key], str):
            raise TypeError(f"a start with a mistyped {key}")
    billable = form.get("isBillable")
    request = StartRequest(type_of_work_id=form["typeOfWorkId"], timezone=form["timezone"], task_id=form.get("taskId"),
                           project_id=form.get("projectId"), note=form.get("note"),
                           is_billable=billable if isinstance(billable, bool) else None)
    if isinstance(about, dict):
        try:
            return QueuedStart(request, _task(about.get("task")), _type_of_work(about.get("type_of_work")),
                               _project(about.get("project")))
        except (TypeError, ValueError) as exc:  # what it was about is only for show: the action still goes
            log.warning("offline queue: a start's description is unreadable (%s)", exc)
    task = Task(request.task_id, label, type_of_work_id=request.type_of_work_id) if request.task_id else None
    return QueuedStart(request, task, TypeOfWork(request.type_of_work_id, "" if task else label))


def _edit_json(edit: QueuedEdit) -> dict:
    change = edit.change
    data: dict = {"entry_id": edit.entry_id}
    if change is not None:
        task = change.task
        data["change"] = {
            "note": change.note,
            "type_of_work": None if change.type_of_work is None else {"id": change.type_of_work.id,
                                                                      "name": change.type_of_work.name},
            "task": None if task is None else {"id": task.id, "name": task.name, "key": task.key,
                                               "type_of_work_id": task.type_of_work_id,
                                               "project": _project_json(task.project)},
            "is_billable": change.is_billable,
            "start": change.start.isoformat() if change.start is not None else None,
        }
    return data


def _queued_edit(value) -> QueuedEdit:
    """An edit or a discard as it was queued; raises for anything incomplete (it is kept aside)."""
    value = _obj(value)
    if value is None:
        raise ValueError("an edit without its entry")
    entry_id = _text(value, "entry_id")
    raw = _obj(value.get("change"))
    if raw is None:
        return QueuedEdit(entry_id)
    billable, start = raw.get("is_billable"), _text(raw, "start", optional=True)
    if billable is not None and not isinstance(billable, bool):
        raise TypeError("is_billable: expected true or false")
    return QueuedEdit(entry_id, EntryChange(
        note=_text(raw, "note", optional=True), type_of_work=_type_of_work(raw.get("type_of_work")),
        task=_task(raw.get("task")), is_billable=billable,
        start=parse_datetime(start) if start is not None else None))


def _about_json(start: QueuedStart) -> dict:
    task, tow, project = start.task, start.type_of_work, start.project
    return {
        "task": None if task is None else {"id": task.id, "name": task.name, "key": task.key,
                                           "type_of_work_id": task.type_of_work_id,
                                           "project": _project_json(task.project)},
        "type_of_work": None if tow is None else {"id": tow.id, "name": tow.name},
        "project": _project_json(project),
    }


def _project_json(project: Project | None) -> dict | None:
    return None if project is None else {"id": project.id, "name": project.name, "key": project.key}


def _text(data: dict, key: str, *, optional: bool = False) -> str | None:
    value = data.get(key)
    if isinstance(value, str) or (optional and value is None):
        return value
    raise TypeError(f"{key}: expected text")


def _obj(value) -> dict | None:
    if value is not None and not isinstance(value, dict):
        raise TypeError("expected an object")
    return value


def _project(value) -> Project | None:
    value = _obj(value)
    return None if value is None else Project(_text(value, "id"), _text(value, "name"), _text(value, "key", optional=True))


def _task(value) -> Task | None:
    value = _obj(value)
    if value is None:
        return None
    return Task(_text(value, "id"), _text(value, "name"), key=_text(value, "key", optional=True),
                project=_project(value.get("project")),
                type_of_work_id=_text(value, "type_of_work_id", optional=True))


def _type_of_work(value) -> TypeOfWork | None:
    value = _obj(value)
    return None if value is None else TypeOfWork(_text(value, "id"), _text(value, "name"))


class NotQueued(NetworkError):
    """awork could not be reached and the action could not be kept on disk either: it was not done."""

    def __init__(self, action: TimerAction | str, reason: OSError):
        super().__init__(translate(
            "Outbox", "awork could not be reached, and your {0} could not be saved for later ({1}), so it was "
            "not done. Free some disk space, or try again when awork can be reached.").format(
                action_name(action), reason.strerror or reason))
        self.reason = reason


def damaged_queue_text(copy: Path) -> str:
    """For the popover and `status`: where what could not be read is kept."""
    return translate("Outbox", "Part of the offline queue could not be read and was not sent to awork; it is kept "
                               "in {0}. Check it, then delete the file.").format(copy)


class Outbox:
    def __init__(self, path: Path | None, *, read_only: bool = False):
        self.path = path  # None: memory only (one-shot CLI commands never queue)
        self._read_only = read_only  # only look (`status --verbose`): the running tray owns the file
        self._items: list[Pending] = []
        # What awork held when the first action was queued: a different one at replay time means
        # the timer was changed elsewhere meanwhile.
        self.baseline: Fingerprint | None = None
        # The action being handed to awork right now: after a crash, awork may already hold it.
        self.sending: str | None = None
        # Where the file was kept aside when this load found it damaged (told to the user).
        self.damaged: Path | None = None
        self._load()

    def __len__(self) -> int:
        return len(self._items)

    def items(self) -> list[Pending]:
        return list(self._items)

    def append(self, item: Pending, baseline: Fingerprint | None) -> None:
        """Raises NotQueued, and holds nothing more, when the queue cannot be written."""
        before = (list(self._items), self.baseline)
        if not self._items:
            self.baseline = baseline
        self._items.append(item)
        try:
            self._save()
        except OSError as exc:
            self._items, self.baseline = before
            log.error("could not queue a %s: %s", item.action.value, exc)
            raise NotQueued(item.action, exc) from exc

    def replace(self, item: Pending) -> None:
        """The same action, changed (its time moved to awork's clock)."""
        self._items = [item if i.id == item.id else i for i in self._items]
        self._save()

    def mark_sending(self, item_id: str | None) -> None:
        """Raises NotQueued when the mark cannot be written: then nothing may be sent (after a
        crash it could not be told apart from an action awork never got)."""
        previous, self.sending = self.sending, item_id
        try:
            self._save()
        except OSError as exc:
            self.sending = previous
            kind = next((i.action for i in self._items if i.id == item_id), "action")
            log.error("could not write the offline queue: %s", exc)
            raise NotQueued(kind, exc) from exc

    def remove(self, item_id: str, baseline: Fingerprint | None = None) -> None:
        """`baseline`: what awork holds once this action is applied. Later actions compare with it,
        or our own change would look like one made elsewhere and drop them."""
        self._items = [i for i in self._items if i.id != item_id]
        if self.sending == item_id:
            self.sending = None
        if not self._items:
            self.baseline = None
        elif baseline is not None:
            self.baseline = baseline
        self._save_or_log()

    def clear(self) -> None:
        self._items, self.baseline, self.sending = [], None, None
        self._save_or_log()

    def _save_or_log(self) -> None:
        # awork has the action already; the file still marks it as being sent, so after a
        # restart the replay recognises it instead of sending it twice.
        try:
            self._save()
        except OSError as exc:
            log.error("could not write the offline queue: %s", exc)

    def _load(self) -> None:
        if self.path is None:
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            self._keep_damaged(exc)
            return
        items = data.get("items") if isinstance(data, dict) else None
        if not isinstance(items, list):
            self._keep_damaged(ValueError("not an offline queue"))
            return
        problems = []
        for raw in items:
            try:
                self._items.append(Pending.from_json(raw))
            except (ValueError, TypeError) as exc:  # one bad action never costs the others
                problems.append(exc)
        base, sending = data.get("baseline"), data.get("sending")
        if base is not None and not (isinstance(base, list) and len(base) == 4
                                     and base[2] in {s.value for s in TimerState} and isinstance(base[3], int)):
            problems.append(ValueError("unreadable baseline"))
            base = None
        if sending is not None and not isinstance(sending, str):
            problems.append(ValueError("unreadable sending mark"))
            sending = None
        self.baseline = Fingerprint(*base) if base and self._items else None
        self.sending = sending
        if problems:
            self._keep_damaged(problems[0], len(problems))
            if self.damaged is not None:
                self._save_or_log()  # the readable actions, without what could not be read

    def _keep_damaged(self, exc: Exception, unreadable: int | None = None) -> None:
        """Never silently drop what the user did: keep the file as it was for a human to read."""
        if self._read_only:
            return
        try:
            self.damaged = keep_aside(self.path)
        except OSError as err:
            log.error("offline queue %s is damaged (%s) and could not be kept aside: %s", self.path, exc, err)
            return
        what = f"{unreadable} unreadable action(s)" if unreadable else "unreadable"
        log.error("offline queue %s: %s (%s); kept as %s", self.path, what, exc, self.damaged)

    def _save(self) -> None:
        if self.path is None:
            return
        data = {
            "items": [i.to_json() for i in self._items],
            "baseline": list(self.baseline) if self.baseline else None,
            "sending": self.sending,
        }
        write_json(self.path, data)
