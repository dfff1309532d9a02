"""Looks right everywhere: the tray icon variant setting, sharp icons on 2× screens, and a popover
that follows the light/dark palette with legible colours on both."""

from __future__ import annotations

import asyncio
import itertools
import json
from datetime import timedelta

import pytest
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from tray_app.core.settings import Settings, SettingsFile
from tray_app.core.state import AppState, Auth, Store
from tray_app.domain.timer import TimerState
from tray_app.platform.hotkeys.manager import HotkeyManager
from tray_app.ui.icons import ICON_STYLES, icon_path, icon_variant, state_icon, tray_icon
from tray_app.ui.settings_controller import SettingsController
from tray_app.ui.style import popover_style
from tray_app.ui.theme import (
    MIN_CONTRAST,
    apply_requested_scheme,
    contrast,
    fusion_palette,
    is_dark,
    popover_colours,
    requested_scheme,
)
from tray_app.ui.tray import Tray

from .icon_sheet import render_sheet
from helpers.factories import USER, entry_for, signed_in
from helpers.fake_platform import FakeAutostart, FakeHotkeys

STATES = ("idle", "running", "paused", "offline")
VARIANTS = ("", "light", "dark")


def _alpha_rows(image: QImage) -> list[list[int]]:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    return [[image.pixelColor(x, y).alpha() for x in range(image.width())] for y in range(image.height())]


# -- which icon --------------------------------------------------------------------------------

@pytest.mark.parametrize("style,platform,variant", [
    ("auto", "darwin", "light"),  # the template image: the menu bar recolours it
    ("auto", "linux", ""),
    ("auto", "win32", ""),
    ("colour", "darwin", ""),
    ("light", "linux", "light"),
    ("dark", "win32", "dark"),
    ("something newer", "linux", ""),
])
def test_icon_variant_for_each_style(style, platform, variant):
    assert icon_variant(style, platform) == variant


def test_the_light_panel_variant_is_a_macos_template_image(qapp):
    assert tray_icon("running", "light").isMask()
    assert not tray_icon("running").isMask() and not tray_icon("running", "dark").isMask()


def test_the_setting_defaults_to_auto_and_survives_a_round_trip(tmp_path):
    assert Settings().tray_icon_style == "auto"
    file = SettingsFile(tmp_path)
    file.save(Settings(tray_icon_style="dark"))
    assert file.load().tray_icon_style == "dark"


def test_tray_switches_variant_and_keeps_the_state(qtbot, workload):
    tray = Tray()
    try:
        tray.render(signed_in(workload, entry=entry_for(workload)))
        tray.set_icon_style("dark")
        assert tray.icon.icon().cacheKey() == state_icon(TimerState.RUNNING, "dark").cacheKey()
        tray.set_icon_style("colour")
        assert tray.icon.icon().cacheKey() == state_icon(TimerState.RUNNING).cacheKey()
    finally:
        tray.menu.deleteLater()


def test_settings_window_chooses_the_icon_style_and_it_is_saved(qtbot, tmp_path):
    store = Store(AppState(auth=Auth.SIGNED_IN, user=USER, auth_source="keychain"))
    prefs = SettingsController(SettingsFile(tmp_path), HotkeyManager(FakeHotkeys), FakeAutostart(), store,
                        spawn=asyncio.run)
    changes: list[str] = []
    prefs.tray_icon_style_changed.connect(changes.append)
    window = prefs.open_window()
    qtbot.addWidget(window)
    try:
        combo = window.tray_icon_style
        assert combo.currentData() == "auto"
        assert [combo.itemData(i) for i in range(combo.count())] == list(ICON_STYLES)
        combo.setCurrentIndex(combo.findData("light"))
        assert changes == ["light"]
        assert json.loads((tmp_path / "settings.json").read_text())["tray_icon_style"] == "light"
    finally:
        prefs.close()


# -- sharp everywhere ------------------------------------------------------------------------------

@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("state", STATES)
def test_icons_are_sharp_on_a_2x_screen(qapp, state, variant):
    """32 px on a 2× screen: drawn from the SVG at 64 device pixels, not a 32 px bitmap scaled up."""
    pixmap = tray_icon(state, variant).pixmap(QSize(32, 32), 2.0)
    assert pixmap.devicePixelRatio() == 2.0
    assert (pixmap.width(), pixmap.height()) == (64, 64)
    alpha = _alpha_rows(pixmap.toImage())
    crown = alpha[: 64 * 4 // 32]
    blurry = [(x, y) for y, row in enumerate(crown) for x, a in enumerate(row) if 0 < a < 255]
    assert not blurry, f"anti-aliased crown pixels at 2×: {blurry[:8]}"
    direct = QImage(64, 64, QImage.Format.Format_ARGB32_Premultiplied)
    direct.fill(Qt.GlobalColor.transparent)
    painter = QPainter(direct)
    QSvgRenderer(icon_path(f"tray-{state}{'-' + variant if variant else ''}.svg")).render(painter, QRectF(0, 0, 64, 64))
    painter.end()
    reference = _alpha_rows(direct)
    differing = sum(1 for ra, rb in zip(alpha, reference, strict=False) for a, b in zip(ra, rb, strict=False) if abs(a - b) > 8)
    assert differing == 0, f"{differing} pixels differ from the SVG drawn at 64 px"


@pytest.mark.parametrize("size", (22, 24))
@pytest.mark.parametrize("variant", ("light", "dark"))
def test_states_differ_in_shape_at_22_and_24_px_too(qapp, variant, size):
    masks = {s: _alpha_rows(tray_icon(s, variant).pixmap(QSize(size, size), 1.0).toImage()) for s in STATES}
    for a, b in itertools.combinations(STATES, 2):
        differing = sum(1 for ra, rb in zip(masks[a], masks[b], strict=False) for x, y in zip(ra, rb, strict=False) if abs(x - y) >= 128)
        assert differing >= 16, f"{a} vs {b} at {size} px: only {differing} pixels differ"


def test_icon_preview_sheet_renders(qapp, tmp_path):
    image = QImage(str(render_sheet(tmp_path / "tray-icons.png")))
    assert image.width() > 800 and image.height() > 300


# -- light and dark ------------------------------------------------------------------------------

@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_popover_colours_are_legible(dark):
    palette = fusion_palette(dark)
    assert is_dark(palette) is dark
    c = popover_colours(palette)
    pairs = {
        "secondary text on the window": (c.dim, c.window),
        "secondary text on the timer card": (c.dim, c.base),
        "error text": (c.error, c.window),
        "selected row": (c.highlighted_text, c.highlight),
        "paused badge": (QColor("#1f2328"), QColor("#f2a60c")),
        "demo badge": (QColor("white"), QColor("#6741d9")),
        "running badge": (QColor("white"), QColor("#1a7f37")),
    }
    for what, (fg, bg) in pairs.items():
        assert contrast(fg, bg) >= MIN_CONTRAST, f"{what}: {contrast(fg, bg):.2f}:1"


def test_error_colour_follows_the_palette():
    light, dark = popover_style(fusion_palette(False)), popover_style(fusion_palette(True))
    assert "#c62828" in light and "#c62828" not in dark


def test_requested_scheme_from_the_environment():
    assert requested_scheme({"AWORK_TRAY_COLOR_SCHEME": "Dark"}) is Qt.ColorScheme.Dark
    assert requested_scheme({"AWORK_TRAY_COLOR_SCHEME": "light"}) is Qt.ColorScheme.Light
    assert requested_scheme({"AWORK_TRAY_COLOR_SCHEME": "blue"}) is None
    assert requested_scheme({}) is None


@pytest.fixture
def restore_palette(qapp):
    palette, style = QApplication.palette(), QApplication.style().name()
    yield
    QApplication.setPalette(palette)
    QApplication.setStyle(style)


def test_forced_dark_scheme_gives_a_dark_palette(restore_palette):
    apply_requested_scheme(QApplication.instance(), {"AWORK_TRAY_COLOR_SCHEME": "dark"})
    assert is_dark(QApplication.palette())


def test_popover_follows_a_palette_change_while_open(popover, workload, restore_palette):
    popover.render(signed_in(workload, entry=entry_for(workload, paused_for=timedelta(minutes=2)), error="Nope."))
    for dark in (True, False, True):
        QApplication.setPalette(fusion_palette(dark))
        QApplication.processEvents()
        assert popover.styleSheet() == popover_style(fusion_palette(dark))
        background = popover.grab().toImage().pixelColor(popover.width() // 2, popover.height() - 4)
        assert is_dark_colour(background) is dark


def is_dark_colour(colour: QColor) -> bool:
    return colour.lightnessF() < 0.5
