"""Saves what a UI test sees (an offscreen grab) to tests/ui/artifacts, for people to look at."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

ARTIFACTS = Path(__file__).parent / "artifacts"


def grab(widget: QWidget, name: str) -> Path:
    if not (widget.isWindow() and widget.isVisible()):  # an open window has the size its owner gave it
        widget.adjustSize()  # (which a window's adjustSize would cut at 2/3 of the screen)
    QApplication.processEvents()
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    widget.grab().save(str(path))
    return path
