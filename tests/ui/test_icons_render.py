"""Render checks for the tray / application SVG icons in resources/icons.

The tray icons must be distinguishable by *shape* (alpha), not only by colour,
and must render through Qt's SVG Tiny 1.2 renderer at typical tray sizes.
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # must happen before Qt is imported

import itertools
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6 import QtCore, QtGui, QtSvg

ICON_DIR = Path(__file__).resolve().parents[2] / "resources" / "icons"

STATES = ("idle", "running", "paused", "offline")
MONO_VARIANTS = {"-light": "#1f2328", "-dark": "#f5f5f5"}
TRAY_ICONS = [f"tray-{state}{variant}.svg" for state in STATES for variant in ("", *MONO_VARIANTS)]
APP_ICON = "awork-tray.svg"
ALL_ICONS = [*TRAY_ICONS, APP_ICON]
SIZES = (16, 22, 24, 32, 64)

SVG_NS = "{http://www.w3.org/2000/svg}"
# Things Qt's SVG Tiny 1.2 renderer ignores or renders inconsistently.
FORBIDDEN_ELEMENTS = {"style", "filter", "mask", "clipPath", "pattern", "text", "image", "foreignObject",
                      "script", "symbol", "marker"}
FORBIDDEN_ATTRIBUTES = {"style", "class", "filter", "mask", "clip-path"}

# A pixel counts as "different" when alpha (or luma) differs by at least half the range.
ALPHA_DIFF = 128
# At 16 px (256 pixels) two state icons must differ in at least this many pixels.
MIN_DIFFERING_PIXELS_16 = 16


# --------------------------------------------------------------------------- helpers

def _path(name: str) -> Path:
    return ICON_DIR / name


def _render(name: str, size: int, background: QtGui.QColor | None = None) -> QtGui.QImage:
    renderer = QtSvg.QSvgRenderer(str(_path(name)))
    assert renderer.isValid(), f"{name}: QSvgRenderer could not load it"
    image = QtGui.QImage(size, size, QtGui.QImage.Format.Format_ARGB32)
    image.fill(background if background is not None else QtCore.Qt.GlobalColor.transparent)
    painter = QtGui.QPainter(image)
    try:
        renderer.render(painter, QtCore.QRectF(0, 0, size, size))
    finally:
        painter.end()
    return image


def _alpha(image: QtGui.QImage) -> list[list[int]]:
    """Alpha channel as rows of ints (0..255)."""
    a8 = image.convertToFormat(QtGui.QImage.Format.Format_Alpha8)
    stride = a8.bytesPerLine()
    data = bytes(a8.constBits())
    return [list(data[y * stride:y * stride + a8.width()]) for y in range(a8.height())]


def _luma(image: QtGui.QImage) -> list[list[float]]:
    rows = []
    for y in range(image.height()):
        row = []
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            row.append(0.2126 * c.red() + 0.7152 * c.green() + 0.0722 * c.blue())
        rows.append(row)
    return rows


def _count_differing(a: list[list[float]], b: list[list[float]], threshold: float) -> int:
    return sum(1 for ra, rb in zip(a, b, strict=False) for va, vb in zip(ra, rb, strict=False) if abs(va - vb) >= threshold)


# --------------------------------------------------------------------------- static checks

def test_icon_set_is_complete():
    missing = [name for name in ALL_ICONS if not _path(name).is_file()]
    assert not missing, f"missing icons: {missing}"


@pytest.mark.parametrize("name", ALL_ICONS)
def test_svg_is_self_contained_tiny_profile(name):
    text = _path(name).read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert root.tag == f"{SVG_NS}svg"
    expected_viewbox = "0 0 256 256" if name == APP_ICON else "0 0 32 32"
    assert root.get("viewBox") == expected_viewbox

    for element in root.iter():
        local = element.tag.replace(SVG_NS, "")
        assert local not in FORBIDDEN_ELEMENTS, f"{name}: <{local}> is not safe for Qt SVG Tiny"
        for attr, value in element.attrib.items():
            attr_local = attr.split("}")[-1]
            assert attr_local not in FORBIDDEN_ATTRIBUTES, f"{name}: attribute {attr_local!r} not allowed"
            if attr_local == "href":
                assert value.startswith("#"), f"{name}: external reference {value!r}"
            for url in re.findall(r"url\(([^)]*)\)", value):
                assert url.startswith("#"), f"{name}: external reference {url!r}"


@pytest.mark.parametrize("variant,colour", sorted(MONO_VARIANTS.items()))
@pytest.mark.parametrize("state", STATES)
def test_monochrome_variants_use_a_single_colour(state, variant, colour):
    root = ET.fromstring(_path(f"tray-{state}{variant}.svg").read_text(encoding="utf-8"))
    paints = {
        value.lower()
        for element in root.iter()
        for attr in ("fill", "stroke")
        if (value := element.get(attr)) is not None and value != "none"
    }
    assert paints == {colour}, f"monochrome icon must carry shape in alpha only, found paints {paints}"


# --------------------------------------------------------------------------- rendering

@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", ALL_ICONS)
def test_icon_renders_with_reasonable_footprint(qapp, name, size):
    alpha = _alpha(_render(name, size))

    opaque = [(x, y) for y, row in enumerate(alpha) for x, value in enumerate(row) if value >= 32]
    assert opaque, f"{name}@{size}: rendered image is empty"

    xs = [x for x, _ in opaque]
    ys = [y for _, y in opaque]
    width = (max(xs) - min(xs) + 1) / size
    height = (max(ys) - min(ys) + 1) / size
    assert width >= 0.75 and height >= 0.75, f"{name}@{size}: glyph too small ({width:.2f} x {height:.2f})"

    coverage = sum(map(sum, alpha)) / (255 * size * size)
    assert 0.2 <= coverage <= 0.9, f"{name}@{size}: alpha coverage {coverage:.2f} out of range"

    # roughly centred horizontally (tray panels centre the icon box, not the glyph)
    centre_x = (max(xs) + min(xs) + 1) / 2 / size
    assert abs(centre_x - 0.5) <= 0.1, f"{name}@{size}: glyph off centre ({centre_x:.2f})"


@pytest.mark.parametrize("size", (16, 32))
@pytest.mark.parametrize("name", TRAY_ICONS)
def test_crown_is_pixel_aligned(qapp, name, size):
    """The crown (top 4 of 32 units) is made of whole-pixel rectangles at 16 and 32 px."""
    alpha = _alpha(_render(name, size))
    rows = alpha[: size * 4 // 32]
    blurry = [(x, y) for y, row in enumerate(rows) for x, value in enumerate(row) if 0 < value < 255]
    assert not blurry, f"{name}@{size}: anti-aliased crown pixels at {blurry}"


@pytest.mark.parametrize("variant", sorted(MONO_VARIANTS))
def test_pause_bars_are_crisp_at_16px(qapp, variant):
    alpha = _alpha(_render(f"tray-paused{variant}.svg", 16))
    for y in range(6, 12):
        assert [alpha[y][x] for x in range(4, 12)] == [255, 0, 0, 255, 255, 0, 0, 255], f"row {y}"


@pytest.mark.parametrize("variant", sorted(MONO_VARIANTS))
def test_states_differ_in_shape_at_16px(qapp, variant):
    """Monochrome icons: idle / running / paused (and offline) must differ in their alpha masks."""
    masks = {state: _alpha(_render(f"tray-{state}{variant}.svg", 16)) for state in STATES}
    for a, b in itertools.combinations(STATES, 2):
        differing = _count_differing(masks[a], masks[b], ALPHA_DIFF)
        assert differing >= MIN_DIFFERING_PIXELS_16, (
            f"tray-{a}{variant} vs tray-{b}{variant}: only {differing} pixels differ in alpha at 16 px"
        )


@pytest.mark.parametrize("background", ["#ffffff", "#f3f3f3", "#2b2b2b", "#000000"])
def test_colour_states_differ_in_greyscale_at_16px(qapp, background):
    """Colour icons must stay distinguishable without hue (e.g. for colour-blind users)."""
    bg = QtGui.QColor(background)
    lumas = {state: _luma(_render(f"tray-{state}.svg", 16, bg)) for state in ("idle", "running", "paused")}
    for a, b in itertools.combinations(lumas, 2):
        differing = _count_differing(lumas[a], lumas[b], 40)
        assert differing >= MIN_DIFFERING_PIXELS_16, (
            f"tray-{a} vs tray-{b} on {background}: only {differing} pixels differ in luminance at 16 px"
        )


@pytest.mark.parametrize("state", STATES)
def test_light_and_dark_variants_share_the_silhouette(qapp, state):
    for size in (16, 32):
        light = _alpha(_render(f"tray-{state}-light.svg", size))
        dark = _alpha(_render(f"tray-{state}-dark.svg", size))
        assert _count_differing(light, dark, 1) == 0
