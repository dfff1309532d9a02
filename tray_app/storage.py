"""How our files reach the disk: whole or not at all, readable by the user only; damaged ones kept aside.

Every file the app writes (settings, the offline queue, the workload cache) goes through
`write_atomic`: a temporary file in the same folder, written, flushed and fsynced, then renamed over
the old one, and the folder fsynced so the rename itself survives a power cut. A failure (a full
disk, a read-only folder) leaves the previous file as it was and no temporary file behind.

A file we cannot read is never overwritten: `keep_aside` moves it to `<name>.damaged-<time><ext>`,
under a name no earlier damaged copy has, so a person can still read what was in it.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .config import private_dir

DAMAGED = "damaged"


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` (mode 0600) or raise OSError and leave it as it was."""
    folder = private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.stem}-", suffix=".tmp")  # created 0600
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_folder(folder)


def write_json(path: Path, data: Any, *, indent: int | None = None) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=indent, separators=None if indent else (",", ":"))
    write_atomic(path, text.encode("utf-8"))


def _fsync_folder(folder: Path) -> None:
    # The rename is only durable once the folder's entry is on disk. Windows cannot open a
    # folder for this (and its rename is journalled by NTFS); some file systems refuse it.
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def keep_aside(path: Path, now: datetime | None = None) -> Path:
    """Move the unreadable `path` to a new `<stem>.damaged-<time><suffix>` beside it; returns where.

    Never replaces an earlier damaged copy. Raises OSError when the folder cannot be changed."""
    when = (now or datetime.now(UTC)).astimezone()
    stamp = when.strftime("%Y%m%d-%H%M%S")
    for n in range(1000):
        target = path.with_name(f"{path.stem}.{DAMAGED}-{stamp}{f'-{n}' if n else ''}{path.suffix}")
        try:
            os.link(path, target)  # fails when the name is taken: never overwrites
        except FileExistsError:
            continue
        except OSError:
            # No hard links here (FAT, some network shares): a checked rename instead.
            if target.exists():
                continue
            os.replace(path, target)
            return target
        os.unlink(path)
        return target
    raise FileExistsError(f"too many damaged copies of {path.name}")


def damaged_copies(path: Path) -> list[Path]:
    """The damaged copies `keep_aside` made of `path`, oldest first."""
    try:
        found = path.parent.glob(f"{path.stem}.{DAMAGED}-*{path.suffix}")
        return sorted(found, key=lambda p: (len(p.name), p.name))  # "-10" after "-9"
    except OSError:
        return []
