"""Where the popover opens: beside the tray icon, else at the cursor, always on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QCursor, QGuiApplication

from tray_app.ui.popover import placement

W, H = 400, 500


@pytest.fixture
def avail(qapp) -> QRect:
    return QGuiApplication.primaryScreen().availableGeometry()


def assert_on_screen(point: QPoint, avail: QRect, width: int = W, height: int = H) -> None:
    assert avail.contains(QRect(point.x(), point.y(), width, height)), (point, avail)


def test_bottom_right_tray_opens_above_the_icon(avail):
    assert avail.height() >= H + 40, "the offscreen screen is 800 px high; this layout needs the room"
    anchor = QRect(avail.right() - 60, avail.bottom() - 23, 24, 24)  # an icon in a bottom panel
    point = placement(W, H, anchor)
    assert point.y() + H <= anchor.top()  # above the icon, not covering it
    assert anchor.top() - (point.y() + H) <= 12  # and close to it
    assert point.x() + W - 1 == avail.right()  # pushed left to stay on screen
    assert_on_screen(point, avail)


def test_top_panel_opens_below_the_icon(avail):
    anchor = QRect(avail.center().x(), avail.top(), 24, 24)
    point = placement(W, H, anchor)
    assert point.y() >= anchor.bottom()
    assert abs(point.x() + W // 2 - anchor.center().x()) <= 1  # centred under the icon
    assert_on_screen(point, avail)


def test_anchor_beyond_the_screen_is_clamped(avail):
    anchor = QRect(avail.right() + 500, avail.bottom() + 500, 22, 22)
    assert_on_screen(placement(W, H, anchor), avail)


def test_top_left_corner_is_clamped(avail):
    anchor = QRect(avail.left(), avail.top(), 22, 22)
    point = placement(W, H, anchor)
    assert point.x() == avail.left()
    assert_on_screen(point, avail)


@pytest.mark.parametrize("anchor", [QRect(), None, QRect(0, 0, 0, 0)])
def test_no_anchor_falls_back_to_the_cursor(avail, anchor):
    cursor = QPoint(avail.center().x(), avail.center().y() + 100)  # lower half: opens above it
    QCursor.setPos(cursor)
    assert QCursor.pos() == cursor, "the offscreen platform moves the cursor; this one did not"
    point = placement(W, 200, anchor)
    assert abs(point.x() + W // 2 - cursor.x()) <= 1
    assert point.y() + 200 <= cursor.y()
    assert_on_screen(point, avail, height=200)


def test_cursor_in_a_corner_still_keeps_the_popover_on_screen(avail):
    QCursor.setPos(avail.bottomRight())
    assert QCursor.pos() == avail.bottomRight(), "the offscreen platform moves the cursor; this one did not"
    assert_on_screen(placement(W, H, QRect()), avail)
