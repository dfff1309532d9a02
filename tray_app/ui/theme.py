"""Light and dark: what the desktop asks for, a forced choice for desktops that report none,
and the few colours the popover needs that no palette role gives legibly on both."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QPalette

if TYPE_CHECKING:
    # Importing PySide6's Qt namespace builds all its ~90 enums (Qt.Key alone has 470 members):
    # ~1 MiB the idle tray never needs. So the modules the tray loads at start import Qt where
    # they use it (and qt_loop keeps qasync's timers from building it).
    from PySide6.QtCore import Qt

ENV = "AWORK_TRAY_COLOR_SCHEME"  # "dark" | "light"; anything else follows the system
MIN_CONTRAST = 4.5  # WCAG AA for normal-size text


def requested_scheme(env=os.environ) -> Qt.ColorScheme | None:
    wanted = env.get(ENV, "").strip().lower()
    if wanted not in ("dark", "light"):
        return None
    from PySide6.QtCore import Qt

    return Qt.ColorScheme.Dark if wanted == "dark" else Qt.ColorScheme.Light


def apply_requested_scheme(app, env=os.environ) -> None:
    scheme = requested_scheme(env)
    if scheme is None:
        return
    from PySide6.QtCore import Qt

    hints = app.styleHints()
    hints.setColorScheme(scheme)  # Qt 6.8+: honoured by platform themes that can switch (Windows, macOS, …)
    if hints.colorScheme() == scheme:
        return
    # No platform theme that can switch (bare X11, Xvfb, some Wayland desktops): Fusion with
    # Qt's own Fusion colours for that scheme, so it looks like the real thing.
    app.setStyle("Fusion")
    app.setPalette(fusion_palette(dark=scheme == Qt.ColorScheme.Dark))


def fusion_palette(dark: bool) -> QPalette:
    """Qt's Fusion palette (qt_fusionPalette in qtbase), which Qt only builds when the platform says dark."""
    from PySide6.QtCore import Qt

    window_text = QColor(240, 240, 240) if dark else QColor(Qt.GlobalColor.black)
    window = QColor(50, 50, 50) if dark else QColor(239, 239, 239)
    mid = window.darker(130)
    dark_role = window.darker(150)
    base = window.darker(140) if dark else QColor(Qt.GlobalColor.white)
    palette = QPalette(window_text, window, window.lighter(150), dark_role, mid, window_text, base)
    palette.setColor(QPalette.ColorRole.Midlight, mid.lighter(110))
    palette.setColor(QPalette.ColorRole.Button, window)
    palette.setColor(QPalette.ColorRole.ButtonText, window_text)
    palette.setColor(QPalette.ColorRole.Shadow, dark_role.darker(135))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(48, 140, 198))
    palette.setColor(QPalette.ColorRole.HighlightedText, window_text if dark else QColor(Qt.GlobalColor.white))
    placeholder = QColor(window_text)
    placeholder.setAlpha(128)
    palette.setColor(QPalette.ColorRole.PlaceholderText, placeholder)
    if dark:
        palette.setColor(QPalette.ColorRole.Link, QColor(48, 140, 198))
    disabled = QColor(130, 130, 130) if dark else QColor(190, 190, 190)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, window)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Highlight, QColor(145, 145, 145))
    return palette


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def mix(a: QColor, b: QColor, share_of_a: float) -> QColor:
    s = share_of_a
    return QColor.fromRgbF(a.redF() * s + b.redF() * (1 - s), a.greenF() * s + b.greenF() * (1 - s),
                           a.blueF() * s + b.blueF() * (1 - s))


def readable_on(background: QColor, foreground: QColor) -> QColor:
    """`background` moved away from `foreground` until text in `foreground` reads on it (AA).

    Desktop accents are often too light for white text (Fusion's blue is 3.7:1, Breeze's 2.4:1).
    """
    colour = QColor(background)
    darken = luminance(foreground) > 0.5
    for _ in range(20):
        if contrast(colour, foreground) >= MIN_CONTRAST:
            break
        colour = colour.darker(110) if darken else colour.lighter(110)
    return colour


@dataclass(frozen=True)
class PopoverColours:
    window: QColor
    base: QColor
    text: QColor
    dim: QColor  # secondary text: subtitles, "KEY · Project", who is signed in
    border: QColor
    card_border: QColor
    highlight: QColor
    highlighted_text: QColor
    error: QColor


def popover_colours(palette: QPalette) -> PopoverColours:
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    dark = is_dark(palette)
    highlighted_text = palette.color(QPalette.ColorRole.HighlightedText)
    return PopoverColours(
        window=window,
        base=palette.color(QPalette.ColorRole.Base),
        text=text,
        # Dimmer than the text, never as faint as the placeholder role (alpha 50 %: 4:1 on light grey).
        dim=mix(text, window, 0.68),
        border=palette.color(QPalette.ColorRole.Mid),
        card_border=palette.color(QPalette.ColorRole.Midlight),
        highlight=readable_on(palette.color(QPalette.ColorRole.Highlight), highlighted_text),
        highlighted_text=highlighted_text,
        # Material red 800 on light, red A100 on dark: both ≥ 4.5:1 on the window colour.
        error=QColor("#ff8a80") if dark else QColor("#c62828"),
    )
