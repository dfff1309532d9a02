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
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from ..api.errors import NetworkError
from ..api.v1_time import parse_datetime
from ..i18n import translate
from ..storage import keep_aside, write_json
from .wording import action_name

log = logging.getLogger(__name__)
KINDS = ("start", "pause", "resume", "stop")


@dataclass(frozen=True)
class Pending:
    kind: str
    at: datetime  # when the user acted (UTC)
    form: dict | None = None  # the StartTimeTrackingForm, for a start
    label: str = ""  # what it was about, for messages ("Sitemap entwerfen")
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    # `at` is this computer's time, not awork's: queued before awork's clock was known.
    local_time: bool = False

    def to_json(self) -> dict:
        data = asdict(self)
        data["at"] = self.at.isoformat()
        return data

    @classmethod
    def from_json(cls, data: dict) -> "Pending":
        """Raises ValueError or TypeError for anything but a whole, well-typed action."""
        if not isinstance(data, dict):
            raise TypeError("an action is not an object")
        if data.get("kind") not in KINDS:
            raise ValueError(f"unknown action {data.get('kind')!r}")
        form, label, item_id, at = data.get("form"), data.get("label", ""), data.get("id"), data.get("at")
        if not (isinstance(item_id, str) and isinstance(at, str) and isinstance(label, str)
                and (form is None or isinstance(form, dict))):
            raise TypeError("an action with a missing or mistyped field")
        return cls(data["kind"], parse_datetime(at), form, label, item_id, data.get("local_time") is True)


class NotQueued(NetworkError):
    """awork could not be reached and the action could not be kept on disk either: it was not done."""

    def __init__(self, kind: str, reason: OSError):
        super().__init__(translate(
            "Outbox", "awork could not be reached, and your {0} could not be saved for later ({1}), so it was "
            "not done. Free some disk space, or try again when awork can be reached.").format(
                action_name(kind), reason.strerror or reason))
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
        # What awork held when the first action was queued (domain.changes.fingerprint): a
        # different one at replay time means the timer was changed elsewhere meanwhile.
        self.baseline: tuple | None = None
        # The action being handed to awork right now: after a crash, awork may already hold it.
        self.sending: str | None = None
        # Where the file was kept aside when this load found it damaged (told to the user).
        self.damaged: Path | None = None
        self._load()

    def __len__(self) -> int:
        return len(self._items)

    def items(self) -> list[Pending]:
        return list(self._items)

    def append(self, item: Pending, baseline: tuple | None) -> None:
        """Raises NotQueued, and holds nothing more, when the queue cannot be written."""
        before = (list(self._items), self.baseline)
        if not self._items:
            self.baseline = baseline
        self._items.append(item)
        try:
            self._save()
        except OSError as exc:
            self._items, self.baseline = before
            log.error("could not queue a %s: %s", item.kind, exc)
            raise NotQueued(item.kind, exc) from exc

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
            kind = next((i.kind for i in self._items if i.id == item_id), "action")
            log.error("could not write the offline queue: %s", exc)
            raise NotQueued(kind, exc) from exc

    def remove(self, item_id: str, baseline: tuple | None = None) -> None:
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
        if base is not None and not (isinstance(base, list) and len(base) == 4):
            problems.append(ValueError("unreadable baseline"))
            base = None
        if sending is not None and not isinstance(sending, str):
            problems.append(ValueError("unreadable sending mark"))
            sending = None
        self.baseline = tuple(base) if base and self._items else None
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
