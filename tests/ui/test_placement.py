"""Where the popover opens: beside the tray icon, else by the panel (never at a stray pointer), always on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QCursor, QGuiApplication

from tray_app.ui.placement import click_anchor, edge_at, panel_edge, placement, position

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
def test_no_anchor_and_no_panel_opens_centred_not_at_the_pointer(avail, anchor):
    cursor = QPoint(avail.left() + 10, avail.bottom() - 10)  # bottom left, where `awork-tray show` met it
    QCursor.setPos(cursor)
    assert QCursor.pos() == cursor, "the offscreen platform moves the cursor; this one did not"
    point = placement(W, 200, anchor if anchor is None or anchor.isValid() else None)
    assert abs(point.x() + W // 2 - avail.center().x()) <= 1
    assert_on_screen(point, avail, height=200)


SCREEN = QRect(0, 0, 1280, 800)
TOP = QRect(0, 29, 1280, 771)  # Xfce's default: a 29 px panel at the top
BOTTOM = QRect(0, 0, 1280, 760)
LEFT = QRect(48, 0, 1232, 800)
RIGHT = QRect(0, 0, 1232, 800)
SIZE = QSize(W, H)


@pytest.mark.parametrize(("avail", "edge"), [(TOP, "top"), (BOTTOM, "bottom"), (LEFT, "left"), (RIGHT, "right"),
                                             (SCREEN, None)])
def test_the_panel_edge_is_where_the_screen_is_not_available(avail, edge):
    assert panel_edge(SCREEN, avail) == edge


def test_a_top_and_a_bottom_panel_count_the_larger_one():
    assert panel_edge(SCREEN, QRect(0, 26, 1280, 726)) == "bottom"  # 26 px on top, 48 px below


@pytest.mark.parametrize(("avail", "expected"), [
    (TOP, QPoint(1280 - 4 - W, 29 + 4)),  # top right, below the panel
    (BOTTOM, QPoint(1280 - 4 - W, 760 - 4 - H)),  # bottom right, above the panel
    (LEFT, QPoint(48 + 4, 800 - 4 - H)),  # bottom left, beside the panel
    (RIGHT, QPoint(1232 - 4 - W, 800 - 4 - H)),  # bottom right, beside the panel
])
def test_no_anchor_opens_in_the_corner_by_the_panel(avail, expected):
    point = position(SIZE, SCREEN, avail, None)
    assert point == expected
    assert avail.contains(QRect(point, SIZE))


def test_right_to_left_layouts_open_at_the_left_end_of_a_horizontal_panel():
    assert position(SIZE, SCREEN, TOP, None, rtl=True) == QPoint(4, 33)


def test_a_click_on_a_top_panel_opens_below_it_under_the_click():
    click = QRect(900, 12, 1, 1)
    point = position(SIZE, SCREEN, TOP, click)
    assert point.y() == 29 + 4
    assert point.x() + W // 2 == 900


def test_a_click_on_a_vertical_panel_opens_beside_it():
    click = QRect(1250, 300, 1, 1)
    point = position(SIZE, SCREEN, RIGHT, click)
    assert point.x() + W == 1232 - 4
    assert RIGHT.contains(QRect(point, SIZE))


def test_a_popover_taller_than_the_screen_is_cut_to_it_and_starts_at_its_top():
    small = QRect(0, 15, 640, 345)  # 1280x720 at 2x, with a panel on top
    for anchor in (None, QRect(600, 5, 22, 10), QRect(600, 330, 22, 22)):
        point = position(QSize(400, 395), QRect(0, 0, 640, 360), small, anchor)
        assert point.y() == 15, anchor  # the panel stays visible, the popover's top too


@pytest.mark.parametrize(("point", "edge"), [
    (QPoint(900, 12), "top"),  # on the panel's strip
    (QPoint(900, 400), None),  # in the middle of the screen
    (QPoint(900, 40), None),  # just below the panel: not on it
])
def test_a_point_counts_as_on_the_panel_only_inside_its_strip(point, edge):
    assert edge_at(point, SCREEN, TOP) == edge


@pytest.mark.parametrize(("point", "edge"), [(QPoint(1270, 400), "right"), (QPoint(640, 790), "bottom"),
                                             (QPoint(640, 400), None)])
def test_with_no_strip_reserved_a_point_near_an_edge_counts(point, edge):
    assert edge_at(point, SCREEN, SCREEN) == edge


def test_the_pointer_counts_as_the_click_point_only_near_a_panel(avail):
    assert click_anchor(QPoint(avail.center())) is None  # a menu entry or hotkey: not a click on the icon
    near = QPoint(avail.right() - 5, avail.bottom() - 5)
    assert click_anchor(near) == QRect(near, QSize(1, 1))
