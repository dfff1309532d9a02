"""A preview of the tray icons as the app draws them (QIcon from the real SVGs), on a light and a dark
panel, at 16, 22, 24 and 32 px and at 32 px on a 2× screen. Regenerate the README's picture with:

    .venv/bin/python tests/ui/icon_sheet.py docs/screenshots/tray-icons.png
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

SIZES = (16, 22, 24, 32)
STATES = ("idle", "running", "paused", "offline")
PANELS = (("Light panel", "#f0f0f0", "#1f2328", ("", "light")), ("Dark panel", "#2b2b2b", "#f5f5f5", ("", "dark")))
VARIANT_NAMES = {"": "colour", "light": "monochrome\n(the macOS template)", "dark": "monochrome"}
GAP, LABEL_W, ROW_H, TITLE_H = 12, 170, 84, 24


def render_sheet(path: Path) -> Path:
    from PySide6.QtCore import QRect, QSize, Qt
    from PySide6.QtGui import QColor, QFont, QImage, QPainter

    from tray_app.ui.icons import tray_icon

    group_w = sum(SIZES) + 64 + GAP * len(SIZES)
    width = LABEL_W + len(STATES) * (group_w + 2 * GAP)
    height = 2 * TITLE_H + len(PANELS) * (TITLE_H + 2 * ROW_H)
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    font = QFont(painter.font())
    font.setPixelSize(13)
    painter.setFont(font)
    painter.setPen(QColor("#1f2328"))
    for n, state in enumerate(STATES):
        left = LABEL_W + n * (group_w + 2 * GAP)
        painter.drawText(QRect(left, 0, group_w, TITLE_H), Qt.AlignmentFlag.AlignCenter, state)
        for size in (*SIZES, 64):
            caption = "32 @2×" if size == 64 else str(size)
            painter.drawText(QRect(left - GAP // 2, TITLE_H, size + GAP, TITLE_H), Qt.AlignmentFlag.AlignCenter, caption)
            left += size + GAP
    painter.drawText(QRect(GAP, TITLE_H, LABEL_W, TITLE_H), Qt.AlignmentFlag.AlignVCenter, "px")
    top = 2 * TITLE_H
    for title, background, ink, variants in PANELS:
        painter.fillRect(0, top, width, TITLE_H + 2 * ROW_H, QColor(background))
        painter.setPen(QColor(ink))
        painter.drawText(QRect(GAP, top, width, TITLE_H), Qt.AlignmentFlag.AlignVCenter, title)
        top += TITLE_H
        for variant in variants:
            painter.drawText(QRect(GAP, top, LABEL_W - GAP, ROW_H), Qt.AlignmentFlag.AlignVCenter,
                             VARIANT_NAMES[variant])
            for n, state in enumerate(STATES):
                x = LABEL_W + n * (group_w + 2 * GAP)
                icon = tray_icon(state, variant)
                for size in (*SIZES, 64):
                    # 64 = 32 logical px at device pixel ratio 2, shown pixel for pixel.
                    logical, ratio = (32, 2.0) if size == 64 else (size, 1.0)
                    pixmap = icon.pixmap(QSize(logical, logical), ratio)
                    pixmap.setDevicePixelRatio(1.0)
                    painter.drawPixmap(x, top + (ROW_H - size) // 2, pixmap)
                    x += size + GAP
            top += ROW_H
    painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(path))
    return path


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    print(render_sheet(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots/tray-icons.png")))
