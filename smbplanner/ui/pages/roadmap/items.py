"""The drawn pieces of the roadmap: bars, milestone diamonds, dependency arrows and conflict
flags, with the sizes and colours they share. Items are passive: the view handles the mouse."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsRectItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from smbplanner.analysis.timeline import Row
from smbplanner.domain.enums import Quadrant

QW = 36.0  # pixels per quarter
RH = 26.0  # pixels per row
BAR_H = 14.0
HANDLE = 7.0  # the right end of a bar this wide resizes instead of moving
LABEL_W = 270
HEADER_H = 40

CATEGORY_COLOURS = {
    Quadrant.QUICK_WIN: QColor("#3b9a5a"),
    Quadrant.STRATEGIC_BET: QColor("#4a72c0"),
    Quadrant.BACK_BURNER: QColor("#9a8f7c"),
    Quadrant.UNSCORED: QColor("#a7adb4"),
}
WARN = QColor("#d1453b")
ARROW = QColor(138, 147, 156, 190)
SELECTED = QColor("#f0b429")

#: Items stack in the order they are added (today, arrows, bars, milestones: fewer Qt calls
#: than a z value each); the drag feedback label goes on top.
Z_FEEDBACK = 5.0


def x_of(quarter: float, first_quarter: int) -> float:
    return (quarter - first_quarter) * QW


class BarItem(QGraphicsRectItem):
    """One initiative's bar; ``start``/``end`` are quarter indexes (end exclusive)."""

    def __init__(self, row: Row, y: float, first_quarter: int, colour: QColor, tip: str):
        super().__init__()
        self.row = row
        self.initiative_id: int = row.initiative.id or 0
        self.name = row.initiative.name
        self.first_quarter = first_quarter
        self.y_centre = y + RH / 2
        self.start, self.end = row.start, row.end
        self.colour = colour
        self.base_tip = tip
        self.conflict: list[str] = []
        self.selected = False
        self.set_span(row.start, row.end)
        self.setToolTip(tip)

    def set_span(self, start: int, end: int) -> None:
        self.start, self.end = start, end
        x0, x1 = x_of(start, self.first_quarter), x_of(end, self.first_quarter)
        self.setRect(QRectF(x0 + 1, self.y_centre - BAR_H / 2, x1 - x0 - 2, BAR_H))

    def set_conflict(self, reasons: list[str]) -> None:
        self.conflict = reasons
        tip = self.base_tip
        if reasons:
            tip += "\n\n⚠ " + "\n⚠ ".join(reasons)
        self.setToolTip(tip)
        self.update()

    def set_selected(self, selected: bool) -> None:
        self.selected = selected
        self.update()

    def on_handle(self, scene_x: float) -> bool:
        return scene_x >= self.rect().right() - HANDLE

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self.rect()
        painter.setBrush(QBrush(self.colour))
        if self.selected:
            painter.setPen(QPen(SELECTED, 3))
        elif self.conflict:
            painter.setPen(QPen(WARN, 2))
        else:
            painter.setPen(QPen(self.colour.darker(130), 1))
        painter.drawRoundedRect(rect, 3, 3)
        # the grip of the resize handle
        painter.setPen(QPen(QColor(255, 255, 255, 170), 1))
        gx = rect.right() - 3.5
        if rect.width() > 12:
            painter.drawLine(QPointF(gx, rect.top() + 4), QPointF(gx, rect.bottom() - 4))
        if self.conflict:
            self._paint_flag(painter, rect)

    def _paint_flag(self, painter: QPainter, rect: QRectF) -> None:
        r = 6.0
        centre = QPointF(rect.left() + r + 1, rect.center().y())
        painter.setPen(QPen(QColor("white"), 1.2))
        painter.setBrush(QBrush(WARN))
        painter.drawEllipse(centre, r, r)
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(10)
        painter.setFont(font)
        painter.drawText(QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r),
                         Qt.AlignmentFlag.AlignCenter, "!")


def diamond(cx: float, cy: float, r: float) -> QPolygonF:
    return QPolygonF([QPointF(cx, cy - r), QPointF(cx + r * 0.8, cy), QPointF(cx, cy + r),
                      QPointF(cx - r * 0.8, cy)])


class MilestoneItem(QGraphicsPolygonItem):
    def __init__(self, quarter: int, y_centre: float, first_quarter: int, ink: QColor,
                 edge: QColor, tip: str):
        super().__init__(diamond(x_of(quarter + 0.5, first_quarter), y_centre, 7))
        self.quarter = quarter
        self.ink, self.edge = ink, edge
        self.setToolTip(tip)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.edge, 1.2))
        painter.setBrush(QBrush(self.ink))
        painter.drawPolygon(self.polygon())


class ArrowItem(QGraphicsPathItem):
    """From the end of ``source``'s bar to the start of ``target``'s, with an elbow."""

    def __init__(self, source: BarItem, target: BarItem):
        super().__init__()
        self.source, self.target = source, target
        self.setToolTip(f"'{target.name}' depends on '{source.name}'")
        self.refresh()

    @property
    def late(self) -> bool:
        return self.target.start < self.source.end

    def refresh(self) -> None:
        x1, y1 = self.source.rect().right() + 1, self.source.y_centre
        x2, y2 = self.target.rect().left() - 1, self.target.y_centre
        bend = x2 - 6 if self.late else max(x1 + 4, x2 - 6)
        path = QPainterPath(QPointF(x1, y1))
        path.lineTo(bend, y1)
        path.lineTo(bend, y2)
        path.lineTo(x2 - 1, y2)
        self.head = QPolygonF([QPointF(x2, y2), QPointF(x2 - 7, y2 - 4), QPointF(x2 - 7, y2 + 4)])
        path.addPolygon(self.head)
        self.colour = WARN if self.late else ARROW
        self.width = 1.6 if self.late else 1.0
        self.setPath(path)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.colour, self.width))
        painter.drawPath(self.path())
        painter.setBrush(QBrush(self.colour))
        painter.drawPolygon(self.head)
