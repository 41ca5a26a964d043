"""A date field an owner can type into (in their locale's format, or YYYY-MM-DD) or pick
from a calendar: the calendar button at its right end, or Alt+Down / F4."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeyEvent, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QLineEdit, QWidget

from smbplanner.domain.money import MoneyError
from smbplanner.ui import fmt


def calendar_icon(colour: QPalette) -> QIcon:
    """A small drawn calendar (no icon theme is needed)."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    ink = colour.color(QPalette.ColorRole.Text)
    painter.setPen(ink)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(QRectF(4, 6, 24, 22), 3, 3)
    painter.fillRect(QRectF(4, 6, 24, 6), ink)
    for row in range(2):
        for col in range(3):
            painter.fillRect(QRectF(8 + col * 7, 15 + row * 6, 3, 3), ink)
    painter.end()
    return QIcon(pixmap)


class DateField(QLineEdit):
    """A line edit for a date with a calendar popup; ``picked`` when a date is chosen in
    the calendar (the text is then that date in the locale's format)."""

    picked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(fmt.day(date(2027, 6, 30)))
        self.setAccessibleName("Date")
        self.calendar_action = QAction(calendar_icon(self.palette()), "Pick from a calendar", self)
        self.calendar_action.setToolTip("Pick from a calendar (Alt+Down)")
        self.calendar_action.triggered.connect(self.open_calendar)
        self.addAction(self.calendar_action, QLineEdit.ActionPosition.TrailingPosition)
        # a child popup: focus moving into it does not end the cell's editing
        self.calendar = QCalendarWidget(self)
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setGridVisible(True)
        self.calendar.setAccessibleName("Calendar")
        self.calendar.clicked.connect(self._choose)
        self.calendar.activated.connect(self._choose)

    def minimumSizeHint(self) -> QSize:
        """Room for a whole date and the calendar button: a layout short of width squeezed
        the field to "202" (the Tracking tab at 1024 px)."""
        hint = super().minimumSizeHint()
        text = fmt.day(date(2027, 12, 28)) + "0"
        width = self.fontMetrics().horizontalAdvance(text) + self.height() + 12
        return QSize(max(hint.width(), width), hint.height())

    def value(self) -> date | None:
        """The typed date, or None when empty or not a date."""
        try:
            return fmt.parse_day(self.text())
        except MoneyError:
            return None

    def open_calendar(self) -> None:
        current = self.value() or date.today()
        self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        self.calendar.adjustSize()
        self.calendar.move(self.mapToGlobal(QPoint(0, self.height())))
        self.calendar.show()
        self.calendar.setFocus()

    def _choose(self, chosen: QDate) -> None:
        self.calendar.hide()
        self.setText(fmt.day(date(chosen.year(), chosen.month(), chosen.day())))
        self.setFocus()
        self.picked.emit()
        self.editingFinished.emit()  # a form field (Binding) stores it at once

    def keyPressEvent(self, event: QKeyEvent) -> None:
        opens = event.key() == Qt.Key.Key_F4 or (
            event.key() == Qt.Key.Key_Down
            and event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if opens:
            self.open_calendar()
            return
        super().keyPressEvent(event)
