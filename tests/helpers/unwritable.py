"""Folders the app cannot write: a real full or read-only tmpfs where the test may mount one.

Mounting needs root (CAP_SYS_ADMIN), as in the CI container. Elsewhere each fixture falls back to a
documented simulation, and says which it used (`.real`), so no test is skipped:
- full: `os.fsync` (the last step before the rename in tray_app.storage) raises ENOSPC;
- read-only: the folder is chmod 0500 (this stops a non-root user, which is who runs without mount).
Each mount is undone when the test ends, whatever happens in it.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


class Place:
    def __init__(self, path: Path, real: bool):
        self.path = path
        self.real = real  # a real tmpfs, not a simulation


def _mount(*args: str) -> bool:
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    return subprocess.run(["mount", *args], capture_output=True, check=False).returncode == 0


def _umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)


@contextmanager
def full_folder(path: Path, monkeypatch: pytest.MonkeyPatch, *, prepare=None) -> Iterator[Place]:
    """`path` on a tiny tmpfs filled to the last byte; `prepare(path)` runs before it is filled."""
    path.mkdir(parents=True, exist_ok=True)
    if _mount("-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", str(path)):
        try:
            if prepare:
                prepare(path)
            with open(path / ".filler", "wb", buffering=0) as filler:
                try:
                    while True:
                        filler.write(b"\0" * 512)
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC
            yield Place(path, True)
        finally:
            _umount(path)
        return
    if prepare:
        prepare(path)

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    import tray_app.storage

    monkeypatch.setattr(tray_app.storage.os, "fsync", no_space)
    yield Place(path, False)


@contextmanager
def read_only_folder(path: Path, *, prepare=None) -> Iterator[Place]:
    """`path` read-only (a tmpfs remounted ro); `prepare(path)` fills it first."""
    path.mkdir(parents=True, exist_ok=True)
    if _mount("-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(path)):
        try:
            if prepare:
                prepare(path)
            assert _mount("-o", "remount,ro", str(path))
            yield Place(path, True)
        finally:
            _umount(path)
        return
    if prepare:
        prepare(path)
    path.chmod(0o500)
    try:
        yield Place(path, False)
    finally:
        path.chmod(0o700)
