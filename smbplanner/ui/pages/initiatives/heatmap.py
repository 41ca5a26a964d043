"""The plan-wide risk heat map: a 5 × 5 likelihood × impact grid painted with the number of
open risks in each cell, coloured by the cell's band (``analysis.risks.band``) from green to
red in both palettes. Arrow keys move between cells, a click or Enter picks one."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from smbplanner.analysis.risks import BANDS, LEVELS, band
from smbplanner.ui import fmt
from smbplanner.ui.theme import is_dark

#: Hue of each band (green, yellow, orange, red).
HUES = dict(zip(BANDS, (120, 55, 30, 0), strict=True))
AXIS = 34  # room for the axis labels, px


def band_colour(likelihood: int, impact: int, *, dark: bool, filled: bool = True) -> QColor:
    """The cell's colour: strong when it holds risks, a pale tint when it is empty."""
    hue = HUES[band(likelihood * impact)]
    if dark:
        return QColor.fromHsv(hue, 190, 150 if filled else 70)
    return QColor.fromHsv(hue, 170 if filled else 45, 235 if filled else 250)


class RiskHeatMap(QWidget):
    #: (likelihood, impact) of the cell the user picked.
    cell_chosen = Signal(int, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.counts = [[0] * LEVELS for _ in range(LEVELS)]
        self.selected: tuple[int, int] | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(QSize(200, 200))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Risk heat map"))

    def sizeHint(self) -> QSize:
        return QSize(280, 260)

    def set_counts(self, counts: list[list[int]]) -> None:
        self.counts = [list(row) for row in counts]
        total = sum(map(sum, counts))
        self.setAccessibleDescription(
            self.tr("{0} by likelihood and impact").format(fmt.count(total, "open risk"))
        )
        self.update()

    # --- geometry ------------------------------------------------------------------------
    def _cell_size(self) -> float:
        width = self.width() - AXIS - 4
        height = self.height() - AXIS - 4
        return max(min(width, height) / LEVELS, 8.0)

    def cell_rect(self, likelihood: int, impact: int) -> QRectF:
        size = self._cell_size()
        left = AXIS + (impact - 1) * size
        top = 4 + (LEVELS - likelihood) * size
        return QRectF(left, top, size, size)

    def cell_at(self, point: QPoint) -> tuple[int, int] | None:
        size = self._cell_size()
        column = int((point.x() - AXIS) // size)
        row = int((point.y() - 4) // size)
        if 0 <= column < LEVELS and 0 <= row < LEVELS and point.x() >= AXIS and point.y() >= 4:
            return LEVELS - row, column + 1
        return None

    # --- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        dark = is_dark(palette)
        ink = palette.color(QPalette.ColorRole.WindowText)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bold = QFont(self.font())
        bold.setBold(True)
        bold.setPointSizeF(max(self.font().pointSizeF() * 1.25, 9))
        for likelihood in range(1, LEVELS + 1):
            for impact in range(1, LEVELS + 1):
                count = self.counts[likelihood - 1][impact - 1]
                rect = self.cell_rect(likelihood, impact).adjusted(1.5, 1.5, -1.5, -1.5)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(band_colour(likelihood, impact, dark=dark, filled=count > 0))
                painter.drawRoundedRect(rect, 3, 3)
                if count:
                    painter.setFont(bold)
                    painter.setPen(QColor(255, 255, 255) if dark else QColor(20, 20, 20))
                    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(count))
        if self.selected is not None:
            rect = self.cell_rect(*self.selected).adjusted(0.5, 0.5, -0.5, -0.5)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            width = 3 if self.hasFocus() else 2
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), width))
            painter.drawRoundedRect(rect, 3, 3)
        painter.setFont(self.font())
        painter.setPen(ink)
        size = self._cell_size()
        for level in range(1, LEVELS + 1):
            row = self.cell_rect(level, 1)
            painter.drawText(
                QRectF(AXIS - 16, row.top(), 14, size),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(level),
            )
            column = self.cell_rect(1, level)
            painter.drawText(
                QRectF(column.left(), column.bottom() + 1, size, 16),
                int(Qt.AlignmentFlag.AlignCenter),
                str(level),
            )
        grid_bottom = self.cell_rect(1, 1).bottom()
        painter.drawText(
            QRectF(AXIS, grid_bottom + 16, size * LEVELS, 16),
            int(Qt.AlignmentFlag.AlignCenter),
            self.tr("Impact →"),
        )
        painter.save()
        painter.translate(12, 4 + size * LEVELS / 2)
        painter.rotate(-90)
        painter.drawText(
            QRect(int(-size * LEVELS / 2), -8, int(size * LEVELS), 16),
            int(Qt.AlignmentFlag.AlignCenter),
            self.tr("Likelihood →"),
        )
        painter.restore()
        painter.end()

    # --- interaction ---------------------------------------------------------------------
    def choose(self, likelihood: int, impact: int) -> None:
        self.selected = (likelihood, impact)
        self.update()
        self.cell_chosen.emit(likelihood, impact)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position().toPoint())
        if cell is not None:
            self.setFocus()
            self.choose(*cell)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        moves = {
            Qt.Key.Key_Up: (1, 0),
            Qt.Key.Key_Down: (-1, 0),
            Qt.Key.Key_Left: (0, -1),
            Qt.Key.Key_Right: (0, 1),
        }
        likelihood, impact = self.selected or (LEVELS, LEVELS)
        key = Qt.Key(event.key())
        if key in moves and self.selected is not None:
            dl, di = moves[key]
            likelihood = min(max(likelihood + dl, 1), LEVELS)
            impact = min(max(impact + di, 1), LEVELS)
            self.choose(likelihood, impact)
        elif key in moves or key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.choose(likelihood, impact)
        else:
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            cell = self.cell_at(event.pos())
            if cell is None:
                QToolTip.hideText()
            else:
                likelihood, impact = cell
                count = self.counts[likelihood - 1][impact - 1]
                score = likelihood * impact
                text = self.tr(
                    "Likelihood {0} × impact {1} = {2} ({3}): {4}"
                ).format(likelihood, impact, score, band(score), fmt.count(count, "open risk"))
                QToolTip.showText(event.globalPos(), text, self)
            return True
        return super().event(event)
