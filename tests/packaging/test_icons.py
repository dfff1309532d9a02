"""packaging/icons.py: the app icon in every size the desktops ask for, and .ico/.icns files that
Qt's own image readers (the formats' reference here) read back at those sizes."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QImage, QImageReader

from .conftest import APP_ID, ROOT

pytestmark = pytest.mark.packaging

sys.path.insert(0, str(ROOT / "packaging"))
import icons  # noqa: E402

sys.path.remove(str(ROOT / "packaging"))


def read_all(path) -> list[tuple[int, int]]:
    reader = QImageReader(str(path))
    sizes = []
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        sizes.append((image.width(), image.height()))
    return sizes


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("icons")
    icons.build(out)
    return out


def test_hicolor_theme_sizes(rendered):
    hicolor = rendered / "hicolor"
    assert (hicolor / "scalable" / "apps" / f"{APP_ID}.svg").read_bytes() == icons.SOURCE.read_bytes()
    for size in (16, 22, 24, 32, 48, 64, 128, 256):
        image = QImage(str(hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel() and image.pixelColor(0, 0).alpha() == 0  # rounded corners stay clear
        assert image.pixelColor(size // 2, size // 2).alpha() == 255


def test_windows_ico(rendered):
    assert read_all(rendered / f"{APP_ID}.ico") == [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]


def test_macos_icns(rendered):
    sizes = read_all(rendered / f"{APP_ID}.icns")
    assert {w for w, _ in sizes} == {16, 32, 64, 128, 256, 512, 1024}
    assert (rendered / f"{APP_ID}.icns").read_bytes()[:4] == b"icns"
