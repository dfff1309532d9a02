"""Builds the settings and sign-in windows in a process of their own (for QT_SCALE_FACTOR, which Qt
reads once), checks their geometry and saves what they look like.

    QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=2 python -m tests.ui.window_shots --check DIR

prints one JSON line: the scale, and per window its layout problems, whether it fits the screen and
whether content past the screen's end can be scrolled to. Screenshots go to tests/e2e/artifacts.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QDeadlineTimer, QEventLoop
from PySide6.QtWidgets import QApplication, QScrollArea

from tests.ui.window_checks import (
    ARTIFACTS,
    TAKEN,
    layout_problems,
    off_screen,
    settings_controller,
    sign_in_dialog_with_everything,
)


def _settle(app: QApplication, window, ms: int = 1500) -> None:
    """Process events until the window's layout is sound, or for `ms` at most."""
    deadline = QDeadlineTimer(ms)
    while not deadline.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if not layout_problems(window):
            return


def _report(window) -> dict:
    area = window.findChild(QScrollArea)
    content_taller = area is not None and area.widget().height() > area.viewport().height()
    reachable = not content_taller or (area.verticalScrollBar().isVisible() and area.verticalScrollBar().maximum() > 0)
    return {"problems": layout_problems(window), "fits": not off_screen(window), "reachable": reachable,
            "size": [window.width(), window.height()]}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", metavar="CONFIG_DIR", required=True)
    args = parser.parse_args(argv)
    app = QApplication([])
    scale = round(app.primaryScreen().devicePixelRatio())
    prefs = settings_controller(Path(args.check))
    prefs.set_hotkey("quick_start", TAKEN)
    windows = {"settings": prefs.open_window(), "sign-in": sign_in_dialog_with_everything()}
    found = {}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for name, window in windows.items():
        _settle(app, window)
        found[name] = _report(window)
        window.grab().save(str(ARTIFACTS / f"{name}-at-{scale}x.png"))
    print(json.dumps({"scale": scale, "windows": found}))
    prefs.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
