"""Tray and window icons, loaded from the packaged SVGs and cached per state."""

from __future__ import annotations

import sys
from functools import cache, lru_cache

from PySide6.QtGui import QGuiApplication, QIcon

from ..domain.timer import TimerState
from ..resource_files import resource_file

STATES = {TimerState.IDLE: "idle", TimerState.RUNNING: "running", TimerState.PAUSED: "paused"}
# The tray_icon_style setting: "light"/"dark" name the *panel* the monochrome icon is for.
ICON_STYLES = ("auto", "colour", "light", "dark")


def icon_variant(style: str, platform: str = sys.platform) -> str:
    """The icon files' variant ("" colour, "light", "dark") for a tray_icon_style setting."""
    if style == "auto":
        # macOS recolours a template image itself (light and dark menu bars, highlighted). Other
        # desktops say nothing reliable about the panel (the app's palette is not the panel's:
        # GNOME's top bar is dark under a light theme), so the colour icon, whose dark rim and
        # coloured fill read on light and dark panels alike.
        return "light" if platform == "darwin" else ""
    return {"light": "light", "dark": "dark"}.get(style, "")


def icon_path(name: str) -> str:
    return str(resource_file("icons", name))


@cache
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


def give_windows_the_app_icon() -> None:
    """The app's icon on its windows' frames and task bar entries: set by each window as it is
    built, not at start. On X11 setting it renders the SVG at four sizes for every top-level,
    the tray icon's own hidden one too (the largest through Qt's thread pool, which starts two
    threads): ~0.5 MiB a tray that never opens a window does not need."""
    if QGuiApplication.windowIcon().isNull():
        QGuiApplication.setWindowIcon(app_icon())
