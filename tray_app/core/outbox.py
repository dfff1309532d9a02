"""Timer actions taken while awork could not be reached, kept on disk until awork has them.

Each action records when the user acted. The file is rewritten atomically (and fsynced) on every
change, so it survives quitting, a crash and a reboot, and is readable by the user only.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import uuid
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from ..api.parse import parse_datetime
from ..config import private_dir

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
        if data.get("kind") not in KINDS:
            raise ValueError(f"unknown action {data.get('kind')!r}")
        return cls(data["kind"], parse_datetime(data["at"]), data.get("form"), data.get("label", ""), data["id"],
                   data.get("local_time") is True)


class Outbox:
    def __init__(self, path: Path | None):
        self.path = path  # None: memory only (one-shot CLI commands never queue)
        self._items: list[Pending] = []
        # What awork held when the first action was queued (domain.changes.fingerprint): a
        # different one at replay time means the timer was changed elsewhere meanwhile.
        self.baseline: tuple | None = None
        # The action being handed to awork right now: after a crash, awork may already hold it.
        self.sending: str | None = None
        self._load()

    def __len__(self) -> int:
        return len(self._items)

    def items(self) -> list[Pending]:
        return list(self._items)

    def append(self, item: Pending, baseline: tuple | None) -> None:
        if not self._items:
            self.baseline = baseline
        self._items.append(item)
        self._save()

    def replace(self, item: Pending) -> None:
        """The same action, changed (its time moved to awork's clock)."""
        self._items = [item if i.id == item.id else i for i in self._items]
        self._save()

    def mark_sending(self, item_id: str | None) -> None:
        self.sending = item_id
        self._save()

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
        self._save()

    def clear(self) -> None:
        self._items, self.baseline, self.sending = [], None, None
        self._save()

    def _load(self) -> None:
        if self.path is None:
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self._items = [Pending.from_json(i) for i in data.get("items", ())]
            base = data.get("baseline")
            self.baseline = tuple(base) if base else None
            self.sending = data.get("sending")
        except FileNotFoundError:
            return
        # (AttributeError: valid JSON that is not an object, e.g. a list or null)
        except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
            self._items, self.baseline, self.sending = [], None, None
            # Never silently drop what the user did: keep the damaged file for a human to read.
            damaged = self.path.with_suffix(".damaged.json")
            log.error("offline queue %s is unreadable (%s); kept as %s", self.path, exc, damaged)
            try:
                os.replace(self.path, damaged)
            except OSError:
                pass

    def _save(self) -> None:
        if self.path is None:
            return
        private_dir(self.path.parent)
        data = {
            "items": [i.to_json() for i in self._items],
            "baseline": list(self.baseline) if self.baseline else None,
            "sending": self.sending,
        }
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".outbox-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path)
        except OSError:
            Path(tmp).unlink(missing_ok=True)
            raise
