"""How a two-line task row is drawn: the task's name in the text colour, "KEY · Project" dimmer,
so the eye finds the names first. Everything else is drawn by the style as usual.

The first row of a section carries the section's title (SECTION_ROLE) and is drawn taller, the
title above it: the title looks like a row of its own but is none, so a screen reader neither
lands on it nor counts it.

A pinned row (PINNED_ROLE) has a pin drawn at its end, where the eye scans for it; its words
("pinned") are in the row's accessible text, for whoever does not see it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from .theme import popover_colours

SECTION_ROLE = Qt.ItemDataRole.UserRole + 1
PINNED_ROLE = Qt.ItemDataRole.UserRole + 2
SECTION_HEIGHT = 22
PIN_WIDTH = 18  # the room the pin takes at the row's end


class RowDelegate(QStyledItemDelegate):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_colours(QApplication.palette())

    def set_colours(self, palette: QPalette) -> None:
        colours = popover_colours(palette)
        self.text, self.dim, self.selected_text = colours.text, colours.dim, colours.highlighted_text
        self.forget_sizes()  # a new palette comes with a new style sheet (its paddings)

    def forget_sizes(self) -> None:
        """The font or the style changed: measure the row shapes again."""
        self._heights: dict[tuple[bool, bool], int] = {}

    def sizeHint(self, option, index) -> QSize:
        # The view asks for every row at each rebuild (every keystroke): measured once per shape
        # (one or two lines, a section title above or not), the style's text layout is not redone.
        section = bool(index.data(SECTION_ROLE))
        shape = ("\n" in (index.data(Qt.ItemDataRole.DisplayRole) or ""), section)
        height = self._heights.get(shape)
        if height is None:
            height = super().sizeHint(option, index).height() + (SECTION_HEIGHT if section else 0)
            self._heights[shape] = height
        # No width of its own: the row is as wide as the list and a long name ends in "…" (its
        # tooltip has it whole), instead of widening every row and scrolling sideways to it.
        return QSize(1, height)

    def paint(self, painter, option, index) -> None:
        section = index.data(SECTION_ROLE)
        if section:
            self._paint_section(painter, option, section)
            option = QStyleOptionViewItem(option)
            option.rect = option.rect.adjusted(0, SECTION_HEIGHT, 0, 0)
        name, two_lines, detail = (index.data(Qt.ItemDataRole.DisplayRole) or "").partition("\n")
        if not two_lines:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        opt.text = ""  # the style draws the background, selection and focus; we draw the text
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        # The same inset the style gives its own text, so one- and two-line rows line up.
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        rect = text_rect.adjusted(margin, 0, -margin, 0)
        if index.data(PINNED_ROLE):
            rect.setRight(rect.right() - PIN_WIDTH)
            colour = QColor(self.selected_text if selected else self.dim)
            _paint_pin(painter, QRect(rect.right() + 4, rect.top(), PIN_WIDTH - 4, rect.height()), colour)
        metrics = opt.fontMetrics
        line = metrics.lineSpacing()
        top = rect.top() + (rect.height() - 2 * line) // 2
        painter.save()
        painter.setFont(opt.font)
        for n, (text, colour) in enumerate(((name, self.text), (detail, self.dim))):
            painter.setPen(QColor(self.selected_text if selected else colour))
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(QRect(rect.left(), top + n * line, rect.width(), line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
        painter.restore()

    def _paint_section(self, painter, option, title: str) -> None:
        font = QFont(option.font)
        font.setPointSizeF(max(font.pointSizeF() * 0.8, 7.0))
        font.setBold(True)
        painter.save()
        painter.setFont(font)
        painter.setPen(QColor(self.dim))
        strip = QRect(option.rect.left() + 6, option.rect.top(), option.rect.width() - 12, SECTION_HEIGHT)
        painter.drawText(strip, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title.upper())
        painter.restore()


def _paint_pin(painter: QPainter, box: QRect, colour: QColor) -> None:
    """A push pin, head up and leaning, drawn (not an emoji: a desktop may have no emoji font)."""
    size = min(box.width(), 14)
    centre = QPointF(box.center())
    head = QPointF(centre.x() + size * 0.15, centre.y() - size * 0.2)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour, 1.4)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.drawLine(head, QPointF(head.x() - size * 0.45, head.y() + size * 0.6))  # the needle
    painter.setBrush(colour)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(head, size * 0.28, size * 0.28)  # the head
    painter.restore()
