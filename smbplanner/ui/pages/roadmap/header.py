"""The parts of the roadmap that stay put while it scrolls: the year and quarter header (follows
horizontal scrolling only), the row labels (follow vertical scrolling only), and the legend."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

from smbplanner.analysis.timeline import Row
from smbplanner.domain.enums import Quadrant, label
from smbplanner.ui.pages.roadmap.items import (
    ARROW,
    CATEGORY_COLOURS,
    QW,
    RH,
    WARN,
    diamond,
)

GROUP_INDENT = 10


def group_fill(pal: QPalette) -> QColor:
    """The background of a group's title row, visible in light and dark palettes."""
    colour = QColor(pal.mid().color())
    colour.setAlpha(70)
    return colour


@dataclass(frozen=True)
class Line:
    """One row of the roadmap: a group title (``row`` None) or an initiative's bar."""

    title: str
    row: Row | None
    tip: str = ""


class HeaderStrip(QWidget):
    """Years over quarters; ``offset()`` gives the scene-to-widget x shift."""

    def __init__(self, offset: Callable[[], float], parent: QWidget | None = None):
        super().__init__(parent)
        self.offset = offset
        self.first_year = self.last_year = 0
        self.today: int | None = None
        self.setAccessibleName(self.tr("Years and quarters"))

    def set_range(self, first_year: int, last_year: int, today: int | None) -> None:
        self.first_year, self.last_year, self.today = first_year, last_year, today
        self.update()

    def paintEvent(self, event: object) -> None:
        p = QPainter(self)
        pal = self.palette()
        p.fillRect(self.rect(), pal.button())
        dx = self.offset()
        half = self.height() / 2
        text, muted = pal.buttonText().color(), pal.placeholderText().color()
        bold = QFont(self.font())
        bold.setBold(True)
        first_q = self.first_year * 4
        for k, year in enumerate(range(self.first_year, self.last_year + 1)):
            x = dx + k * 4 * QW
            if x > self.width() or x + 4 * QW < 0:
                continue
            p.setPen(QPen(pal.mid().color()))
            p.drawLine(QPointF(x, 0), QPointF(x, self.height()))
            p.setFont(bold)
            p.setPen(text)
            p.drawText(QRectF(x, 0, 4 * QW, half), Qt.AlignmentFlag.AlignCenter, str(year))
            p.setFont(self.font())
            for q in range(4):
                cell = QRectF(x + q * QW, half, QW, half)
                if self.today == first_q + 4 * k + q:
                    p.fillRect(cell, WARN)
                    p.setPen(QColor("white"))
                else:
                    p.setPen(muted)
                p.drawText(cell, Qt.AlignmentFlag.AlignCenter, f"Q{q + 1}")
        p.setPen(QPen(pal.mid().color()))
        p.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        p.end()


class RowLabels(QWidget):
    """Initiative names (elided; full name in the tooltip) and group titles."""

    clicked = Signal(int)
    activated = Signal(int)

    def __init__(self, offset: Callable[[], float], parent: QWidget | None = None):
        super().__init__(parent)
        self.offset = offset
        self.lines: list[Line] = []
        self.selected: int | None = None
        self.setAccessibleName(self.tr("Initiatives"))
        self.setMouseTracking(True)

    def group_font(self) -> QFont:
        bold = QFont(self.font())
        bold.setBold(True)
        return bold

    def group_metrics(self) -> QFontMetrics:
        return QFontMetrics(self.group_font())

    def set_lines(self, lines: list[Line]) -> None:
        self.lines = lines
        self.update()

    def line_at(self, y: float) -> Line | None:
        n = int((y - self.offset()) // RH)
        return self.lines[n] if 0 <= n < len(self.lines) and y >= self.offset() else None

    def paintEvent(self, event: object) -> None:
        p = QPainter(self)
        pal = self.palette()
        p.fillRect(self.rect(), pal.base())
        dy = self.offset()
        first = max(0, int(-dy // RH))
        last = min(len(self.lines), int((self.height() - dy) // RH) + 1)
        bold = self.group_font()
        plain = QFontMetrics(self.font())
        for n in range(first, last):
            line = self.lines[n]
            y = dy + n * RH
            rect = QRectF(GROUP_INDENT, y, self.width() - 16, RH)
            if line.row is None:
                # not elided: the timeline draws the rest of the title beside it
                p.fillRect(QRectF(0, y, self.width(), RH), group_fill(pal))
                p.setFont(bold)
                p.setPen(pal.text().color())
                rect.setRight(self.width() + 2000)
                text = line.title
            else:
                if line.row.initiative.id == self.selected:
                    p.fillRect(QRectF(0, y, self.width(), RH), pal.highlight())
                    p.setPen(pal.highlightedText().color())
                else:
                    if n % 2:
                        p.fillRect(QRectF(0, y, self.width(), RH), pal.alternateBase())
                    p.setPen(pal.text().color())
                p.setFont(self.font())
                rect.adjust(10, 0, 0, 0)
                text = plain.elidedText(line.title, Qt.TextElideMode.ElideRight,
                                        int(rect.width()))
            p.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        p.setPen(QPen(pal.mid().color()))
        p.drawLine(self.width() - 1, 0, self.width() - 1, self.height())
        p.end()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            line = self.line_at(e.pos().y())
            if line is not None:
                QToolTip.showText(e.globalPos(), line.tip or line.title, self)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def _id_at(self, e: QMouseEvent) -> int | None:
        line = self.line_at(e.position().y())
        return line.row.initiative.id if line is not None and line.row is not None else None

    def mousePressEvent(self, e: QMouseEvent) -> None:
        ident = self._id_at(e)
        if ident is not None:
            self.clicked.emit(ident)

    def mouseDoubleClickEvent(self, e: QMouseEvent) -> None:
        ident = self._id_at(e)
        if ident is not None:
            self.activated.emit(ident)


class Legend(QWidget):
    """Category colours, milestone, dependency, conflict and today."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.entries = [(q, self.tr(label(q))) for q in Quadrant] + [
            ("milestone", self.tr("Milestone")),
            ("arrow", self.tr("Depends on")),
            ("conflict", self.tr("Starts before a prerequisite ends")),
            ("today", self.tr("Today")),
        ]
        self.setAccessibleName(self.tr("Legend"))
        self.setAccessibleDescription(", ".join(text for _, text in self.entries))

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        width = sum(fm.horizontalAdvance(text) + 34 for _, text in self.entries)
        return QSize(width, fm.height() + 6)

    def paintEvent(self, event: object) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        fm = self.fontMetrics()
        cy = self.height() / 2
        x = 2.0
        for kind, text in self.entries:
            if isinstance(kind, Quadrant):
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(CATEGORY_COLOURS[kind])
                p.drawRoundedRect(QRectF(x, cy - 5, 18, 10), 2, 2)
            elif kind == "milestone":
                p.setPen(QPen(pal.base().color(), 1))
                p.setBrush(pal.text().color())
                p.drawPolygon(diamond(x + 9, cy, 6))
            elif kind == "arrow":
                p.setPen(QPen(ARROW, 1.2))
                p.drawLine(QPointF(x, cy), QPointF(x + 16, cy))
                p.drawLine(QPointF(x + 16, cy), QPointF(x + 12, cy - 3))
                p.drawLine(QPointF(x + 16, cy), QPointF(x + 12, cy + 3))
            elif kind == "conflict":
                p.setPen(QPen(QColor("white"), 1))
                p.setBrush(WARN)
                p.drawEllipse(QPointF(x + 9, cy), 6, 6)
                p.drawText(QRectF(x + 3, cy - 6, 12, 12), Qt.AlignmentFlag.AlignCenter, "!")
            else:
                p.setPen(QPen(WARN, 2, Qt.PenStyle.DashLine))
                p.drawLine(QPointF(x + 9, cy - 7), QPointF(x + 9, cy + 7))
            p.setPen(pal.windowText().color())
            p.drawText(QPointF(x + 23, cy + fm.ascent() / 2 - 1), text)
            x += fm.horizontalAdvance(text) + 34
        p.end()
