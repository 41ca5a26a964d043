"""The list of phases at the window's left: roomy rows in a larger font.

Drawn by a small delegate rather than a style sheet: the first style sheet of an app costs
about 8 ms of its start-up, and this list is on screen from the first paint.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QListWidget, QStyledItemDelegate, QStyleOptionViewItem, QWidget

PAD_X, PAD_Y = 8, 7  # pixels around each title
POINT_SIZE = 11


class _RoomyRows(QStyledItemDelegate):
    """Rows padded by PAD_X and PAD_Y; the selection still spans the whole row."""

    _without_text = False

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 2 * PAD_X, size.height() + 2 * PAD_Y)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self._without_text = True  # the style draws the background, selection and focus
        try:
            super().paint(painter, option, index)
        finally:
            self._without_text = False
        view = self.parent()
        selected = isinstance(view, QListWidget) and view.selectionModel().isSelected(index)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = option.rect.adjusted(PAD_X, 0, -PAD_X, 0)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        painter.save()
        painter.setFont(option.font)
        painter.setPen(option.palette.color(role))
        elided = option.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
        painter.restore()

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if self._without_text:
            option.text = ""


class PhaseList(QListWidget):
    def __init__(self, titles: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        font = self.font()
        font.setPointSizeF(POINT_SIZE)
        self.setFont(font)
        self.setItemDelegate(_RoomyRows(self))
        self.addItems(titles)
