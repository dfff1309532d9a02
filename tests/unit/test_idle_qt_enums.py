"""The modules the idle tray loads, and its tray icon, do not build PySide6's Qt namespace enums:
the first `from PySide6.QtCore import Qt` builds all ~90 of them (Qt.Key alone has 470 members),
~1 MiB kept for the life of the tray. (The loop's timers: tests/integration/test_qt_loop_timers.py.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import enum, gc, json
from PySide6.QtWidgets import QApplication
app = QApplication([])
import tray_app.composition, tray_app.ui.tray_controller, tray_app.ui.remote_control, tray_app.ui.settings_controller
import tray_app.ui.away_controller, tray_app.ui.reminder_controller, tray_app.ui.language, tray_app.logs
from tray_app.ui.theme import apply_requested_scheme
from tray_app.ui.tray import Tray
apply_requested_scheme(app, env={})
tray = Tray()
tray.show()
app.processEvents()
print(json.dumps([c.__qualname__ for c in gc.get_objects() if isinstance(c, type) and issubclass(c, enum.Enum)]))
"""


def test_no_qt_namespace_enums_at_idle():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, timeout=60,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert out.returncode == 0, out.stderr[-2000:]
    built = json.loads(out.stdout.strip().splitlines()[-1])
    assert "Qt.Key" not in built
