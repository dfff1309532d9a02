"""Windows that hold their content: the window's height follows what it shows (a message that
appears, a part that opens), up to the screen's available height; past that its content scrolls.

Qt sizes a top-level window from its layout's minimum, which knows nothing of word-wrapped text
(whose height depends on the width): a long message would overlap the lines below it and squash
the fields under it. Here the content sits in a scroll area and the window's height is set from the
content's height for the width it has, whenever the content's layout changes or the width does.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


def scrolling(content: QWidget) -> QScrollArea:
    """`content` in a frameless scroll area that only ever scrolls vertically when the screen is too small."""
    area = QScrollArea(objectName="scrollArea")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls; the area follows the focus
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(content)
    return area


class FitToContent(QObject):
    """Keeps `window` as tall as `area`'s content needs at the window's width (within the screen),
    and at least `width` wide where the screen has room."""

    def __init__(self, window: QWidget, area: QScrollArea, width: int = 0):
        super().__init__(window)  # the window's child: it holds no reference to the window
        self.area = area
        self.width = width
        self._widened = False
        self._timer = QTimer(self, singleShot=True, interval=0)  # many changes at once: fit once
        self._timer.timeout.connect(self.fit)
        for watched in (window, area.widget()):  # the window for its width, the content for its height
            watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Show) or (
                event.type() == QEvent.Type.Resize and watched is self.parent()):
            self._timer.start()
        return False

    def needed_height(self, viewport_width: int) -> int:
        content = self.area.widget()
        layout = content.layout()
        layout.activate()
        # What the scroll area gives its content: the height for this width, but never under its minimum.
        if layout.hasHeightForWidth():
            return max(layout.totalHeightForWidth(viewport_width), layout.totalMinimumSize().height())
        return layout.totalSizeHint().height()

    def fit(self) -> None:
        window, area = self.parent(), self.area
        screen = (window.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        frame = window.frameGeometry()
        room_w = screen.width() - (frame.width() - window.width())
        room_h = screen.height() - (frame.height() - window.height())
        content = area.widget()
        # The narrowest the window can be: the content's widest line that cannot wrap (or the screen).
        min_width = min(content.minimumSizeHint().width() + window.width() - area.viewport().width(), room_w)
        if window.minimumWidth() != min_width:
            window.setMinimumWidth(min_width)
        width = window.width()
        if not self._widened:  # the width it opens with, where the screen has room; then the user's
            self._widened = True
            width = max(width, min(self.width, room_w))
        width = max(min(width, room_w), min_width)
        viewport_width = area.viewport().width() + width - window.width()
        if area.verticalScrollBar().isVisible():
            viewport_width += area.verticalScrollBar().width()  # it would go away if everything fitted
        around = window.height() - area.viewport().height()  # what is outside the scrolled part
        height = min(self.needed_height(viewport_width) + around, room_h)
        if (width, height) == (window.width(), window.height()):
            return
        window.resize(width, height)
        # Grown past the bottom of the screen: move up, so the whole window stays in view.
        frame = window.frameGeometry()
        if window.isVisible() and frame.bottom() > screen.bottom():
            window.move(window.x(), max(screen.top(), screen.bottom() - frame.height() + 1))
