"""How a two-line task row is drawn: the task's name in the text colour, "KEY · Project" dimmer,
so the eye finds the names first. Everything else is drawn by the style as usual."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from .theme import popover_colours


class RowDelegate(QStyledItemDelegate):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.set_colours(QApplication.palette())

    def set_colours(self, palette: QPalette) -> None:
        colours = popover_colours(palette)
        self.text, self.dim, self.selected_text = colours.text, colours.dim, colours.highlighted_text

    def paint(self, painter, option, index) -> None:
        name, two_lines, detail = (index.data(Qt.ItemDataRole.DisplayRole) or "").partition("\n")
        if not index.flags() & Qt.ItemFlag.ItemIsEnabled:
            # Section headers are disabled rows; the disabled grey is 1.5:1 on light windows.
            opt = QStyleOptionViewItem(option)
            opt.palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, self.dim)
            super().paint(painter, opt, index)
            return
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
