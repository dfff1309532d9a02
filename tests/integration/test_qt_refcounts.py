"""The Qt binding must not drop references it never took.

PySide6-Essentials 6.12.0 on CPython 3.11 does: each call of a Qt method returning None
decrements None's reference count, and each signal disconnect decrements True's. A Qt process
(the tray, or qasync's loop, which disconnects socket notifiers for every connection) then
aborts with "Fatal Python error: none_dealloc" after a few thousand calls. 6.11 is fine, and
pyproject.toml keeps 6.12 away from Python 3.11. (500 calls are too few to abort this test.)
"""

from __future__ import annotations

import gc
import sys

from PySide6 import QtCore

CALLS = 500


def _delta(obj, action) -> int:
    gc.collect()
    before = sys.getrefcount(obj)
    for _ in range(CALLS):
        action()
    gc.collect()
    return sys.getrefcount(obj) - before


def test_void_qt_calls_keep_none_alive(qapp):
    obj = QtCore.QObject()
    assert abs(_delta(None, lambda: obj.setObjectName("x"))) < CALLS // 10, QtCore.__version__


def test_signal_disconnect_keeps_true_alive(qapp):
    timer = QtCore.QTimer()

    def connect_and_disconnect():
        timer.timeout.connect(print)
        timer.timeout.disconnect(print)

    assert abs(_delta(True, connect_and_disconnect)) < CALLS // 10, QtCore.__version__
