"""Tray and window icons, loaded from the packaged SVGs and cached per state."""

from __future__ import annotations

import importlib.resources
from functools import lru_cache

from PySide6.QtGui import QIcon

from ..domain.timer import TimerState

STATES = {TimerState.IDLE: "idle", TimerState.RUNNING: "running", TimerState.PAUSED: "paused"}


def icon_path(name: str) -> str:
    return str(importlib.resources.files("tray_app.resources") / "icons" / name)


@lru_cache(maxsize=None)
def tray_icon(state: str, variant: str = "") -> QIcon:
    """`state` is idle|running|paused|offline; `variant` "" (colour), "light" or "dark" panel."""
    suffix = f"-{variant}" if variant else ""
    icon = QIcon(icon_path(f"tray-{state}{suffix}.svg"))
    if variant == "light":
        icon.setIsMask(True)  # macOS template image: the menu bar recolours it
    return icon


def state_icon(state: TimerState, variant: str = "") -> QIcon:
    return tray_icon(STATES[state], variant)


@lru_cache(maxsize=1)
def app_icon() -> QIcon:
    return QIcon(icon_path("awork-tray.svg"))
