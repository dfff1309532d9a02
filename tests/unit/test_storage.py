"""The one way files reach the disk: atomic, private, nothing left behind; damaged copies kept apart."""

from __future__ import annotations

import errno
import os
import stat
from datetime import UTC, datetime

import pytest

from tray_app import storage
from tray_app.storage import damaged_copies, keep_aside, write_atomic, write_json

from helpers.unwritable import full_folder, read_only_folder

NOW = datetime(2024, 5, 6, 7, 0, tzinfo=UTC)


def test_writes_whole_private_files_and_fsyncs_file_and_folder(tmp_path, monkeypatch):
    synced = []
    real_fsync = os.fsync
    monkeypatch.setattr(storage.os, "fsync", lambda fd: (synced.append(stat.S_ISDIR(os.fstat(fd).st_mode)), real_fsync(fd)))
    path = tmp_path / "cfg" / "x.json"
    write_json(path, {"a": "ä"})
    assert path.read_text(encoding="utf-8") == '{"a":"ä"}'
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert synced == [False, True]  # the file, then the folder holding the rename
    assert [p.name for p in path.parent.iterdir()] == ["x.json"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "x.json"
    write_atomic(path, b"old")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(storage.os, "fsync", full)
    with pytest.raises(OSError):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["x.json"]


def test_a_really_full_disk_keeps_the_old_file(tmp_path, monkeypatch):
    folder = tmp_path / "full"
    with full_folder(folder, monkeypatch, prepare=lambda p: write_atomic(p / "x.json", b"old")) as place:
        with pytest.raises(OSError) as raised:
            write_atomic(place.path / "x.json", b"new" * 10_000)
        assert raised.value.errno == errno.ENOSPC
        assert (place.path / "x.json").read_bytes() == b"old"
        assert sorted(p.name for p in place.path.iterdir() if p.name != ".filler") == ["x.json"]


def test_a_read_only_folder_raises_and_changes_nothing(tmp_path):
    with read_only_folder(tmp_path / "ro", prepare=lambda p: (p / "x.json").write_bytes(b"old")) as place:
        with pytest.raises(OSError):
            write_atomic(place.path / "x.json", b"new")
        assert (place.path / "x.json").read_bytes() == b"old"


def test_damaged_copies_never_overwrite_each_other(tmp_path):
    path = tmp_path / "outbox.json"
    kept = []
    for content in (b"first", b"second", b"third"):
        path.write_bytes(content)
        kept.append(keep_aside(path, NOW))  # the same second each time
    assert len(set(kept)) == 3 and not path.exists()
    assert [p.read_bytes() for p in kept] == [b"first", b"second", b"third"]
    assert damaged_copies(path) == kept
    assert all(p.name.startswith("outbox.damaged-") and p.suffix == ".json" for p in kept)


def test_without_hard_links_the_copy_still_never_overwrites(tmp_path, monkeypatch):
    def no_links(src, dst):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(storage.os, "link", no_links)
    path = tmp_path / "settings.json"
    path.write_bytes(b"one")
    first = keep_aside(path, NOW)
    path.write_bytes(b"two")
    second = keep_aside(path, NOW)
    assert first != second and first.read_bytes() == b"one" and second.read_bytes() == b"two"
