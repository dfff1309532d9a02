"""A lock left by a killed tray whose process id now belongs to another Python process."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tray_app.platform.instance import InstanceLock
from tray_app.platform.instance_client import InstanceAddress


@pytest.fixture
def other_python():
    """A live Python process that is not a tray (its executable is the same as a tray's)."""
    proc = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    yield proc.pid
    proc.stdin.close()
    proc.wait(timeout=30)


def test_a_stale_lock_naming_another_python_process_is_taken_over(address, other_python):
    code = ("import sys; from PySide6.QtCore import QLockFile; l = QLockFile(sys.argv[1]); "
            "assert l.tryLock(0); import os; os._exit(0)")  # a tray killed with SIGKILL
    subprocess.run([sys.executable, "-c", code, str(address.lock_path)], check=True, timeout=60)
    lines = address.lock_path.read_text().split("\n")
    lines[0] = str(other_python)  # its process id was given to another Python program since
    address.lock_path.write_text("\n".join(lines))
    lock = InstanceLock(address)
    assert lock.acquire()
    assert not InstanceLock(address).acquire()  # and now it is ours, held
    lock.release()


def test_a_live_owner_keeps_its_lock(address):
    code = ("import sys; from PySide6.QtCore import QLockFile; l = QLockFile(sys.argv[1]); "
            "assert l.tryLock(0); print('locked', flush=True); sys.stdin.read()")
    owner = subprocess.Popen([sys.executable, "-c", code, str(address.lock_path)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert owner.stdout.readline().strip() == "locked"
        assert not InstanceLock(address).acquire()  # starting, not answering yet: still alive
    finally:
        owner.stdin.close()
        owner.wait(timeout=30)
        owner.stdout.close()
