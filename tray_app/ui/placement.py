"""Where the popover opens: beside the tray icon when Qt knows where it is, else by the panel.

A StatusNotifierItem (KDE, GNOME's AppIndicator extension, Xfce 4.18, waybar) gives no icon
geometry, and Qt drops the point a host passes with Activate(x, y). What is left to go by:
- the panel itself: the strip between a screen and its available area (the struts a panel
  reserves); the popover opens in the corner of the available area next to that edge, at the end
  where trays sit (right of a horizontal panel, bottom of a vertical one);
- the pointer at the moment of a click on the icon, taken as the host's Activate point only when
  it lies on that panel strip (or, when no panel reserves space, close to a screen edge): a click
  from the menu, a hotkey or `awork-tray show` must not open the popover wherever the mouse is.
With no panel found and no anchor the popover opens centred on the available area. On Wayland the
compositor places windows itself and none of this applies.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QCursor, QGuiApplication

MARGIN = 4  # between the popover and the panel or the icon
EDGE_REACH = 64  # with no reserved strip: a click this close to a screen edge is on a panel there
HORIZONTAL = ("top", "bottom")


def panel_edge(screen: QRect, avail: QRect) -> str | None:
    """The screen edge a panel reserves the most room at, from screen minus available geometry."""
    gaps = {
        "top": avail.top() - screen.top(),
        "bottom": screen.bottom() - avail.bottom(),
        "left": avail.left() - screen.left(),
        "right": screen.right() - avail.right(),
    }
    edge = max(gaps, key=lambda name: gaps[name])  # ties go to top/bottom: listed first
    return edge if gaps[edge] > 0 else None


def edge_at(point: QPoint, screen: QRect, avail: QRect) -> str | None:
    """The panel edge `point` lies on: inside a reserved strip, else within reach of a screen edge."""
    if screen.contains(point) and not avail.contains(point):
        if point.y() < avail.top():
            return "top"
        if point.y() > avail.bottom():
            return "bottom"
        return "left" if point.x() < avail.left() else "right"
    if panel_edge(screen, avail) is not None:
        return None  # a panel reserves room, and the point is not on it
    distances = {
        "top": point.y() - screen.top(),
        "bottom": screen.bottom() - point.y(),
        "left": point.x() - screen.left(),
        "right": screen.right() - point.x(),
    }
    edge = min(distances, key=lambda name: distances[name])
    return edge if 0 <= distances[edge] <= EDGE_REACH else None


def position(size: QSize, screen: QRect, avail: QRect, anchor: QRect | None, *, rtl: bool = False) -> QPoint:
    """Top-left corner for a popover of `size` (already no larger than `avail`). Pure: no Qt screens."""
    width, height = min(size.width(), avail.width()), min(size.height(), avail.height())
    if anchor is not None and anchor.isValid():
        centre = anchor.center()
        edge = edge_at(centre, screen, avail) or panel_edge(screen, avail)
        if edge in HORIZONTAL or edge is None:
            x = centre.x() - width // 2
            if edge is None:  # nothing known about a panel: open towards the larger half
                edge = "top" if centre.y() < avail.center().y() else "bottom"
            if edge == "top":
                y = max(anchor.bottom() + 1, avail.top()) + MARGIN
            else:
                y = min(anchor.top(), avail.bottom() + 1) - MARGIN - height
        else:
            y = centre.y() - height // 2
            if edge == "left":
                x = max(anchor.right() + 1, avail.left()) + MARGIN
            else:
                x = min(anchor.left(), avail.right() + 1) - MARGIN - width
    else:
        edge = panel_edge(screen, avail)
        if edge is None:
            x, y = avail.center().x() - width // 2, avail.center().y() - height // 2
        else:
            # Trays sit at the end of a panel: its right (left in right-to-left layouts), or bottom.
            far_x = avail.left() + MARGIN if rtl else avail.right() + 1 - MARGIN - width
            x = {"left": avail.left() + MARGIN, "right": avail.right() + 1 - MARGIN - width}.get(edge, far_x)
            y = avail.top() + MARGIN if edge == "top" else avail.bottom() + 1 - MARGIN - height
    # Always wholly on the available area: the panel stays visible, the popover's top too.
    x = max(min(x, avail.right() - width + 1), avail.left())
    y = max(min(y, avail.bottom() - height + 1), avail.top())
    return QPoint(x, y)


def _screen_for(anchor: QRect | None):
    if anchor is not None and anchor.isValid():
        found = QGuiApplication.screenAt(anchor.center())
        if found is not None:
            return found
    # No anchor: the screen with a panel, the pointer's if it has one (the user looks there).
    at_pointer = QGuiApplication.screenAt(QCursor.pos())
    for screen in (at_pointer, QGuiApplication.primaryScreen()):
        if screen is not None and panel_edge(screen.geometry(), screen.availableGeometry()) is not None:
            return screen
    return at_pointer or QGuiApplication.primaryScreen()


def available_size(anchor: QRect | None) -> QSize:
    """The most room the popover may take: the available area of the screen it opens on."""
    return _screen_for(anchor).availableGeometry().size() - QSize(2 * MARGIN, 2 * MARGIN)


def placement(width: int, height: int, anchor: QRect | None) -> QPoint:
    """Next to the tray icon (or the click on it) when known, else by the panel; always on screen."""
    from PySide6.QtCore import Qt  # when a popover opens, not with the tray (see ui/theme.py)

    screen = _screen_for(anchor)
    rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    return position(QSize(width, height), screen.geometry(), screen.availableGeometry(), anchor, rtl=rtl)


def click_anchor(point: QPoint) -> QRect | None:
    """The pointer at a click on an icon with no geometry (SNI), as the host's Activate point:
    only when it is on a panel. On Wayland the pointer position is not ours to know."""
    if QGuiApplication.platformName().startswith("wayland"):
        return None
    screen = QGuiApplication.screenAt(point)
    if screen is None or edge_at(point, screen.geometry(), screen.availableGeometry()) is None:
        return None
    return QRect(point, QSize(1, 1))
