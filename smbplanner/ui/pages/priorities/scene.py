"""The board's scene: the shaded regions, bands, axes and legend (drawn as the background, so
that exports include them), the ghost of a suggested position and the tip shown while
dragging. Layout rules come from ``analysis.board``; this module only draws them.

Scene coordinates: the board is the square (0, 0)–(SIDE, SIDE); x grows with feasibility
(Hard → Easy) and y grows downwards, so impact High is at the top."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from smbplanner.analysis.board import FEASIBILITY_BANDS, IMPACT_BANDS, REGIONS, Region, to_unit
from smbplanner.domain.enums import Portfolio, Quadrant
from smbplanner.ui.pages.priorities.card import PORTFOLIO_COLOURS, RISK_COLOUR
from smbplanner.ui.theme import is_dark

SIDE = 600.0
#: The texts around the board (axes, legend, region titles) are drawn TEXT_ZOOM times their
#: size when the view shows the board small, so that they stay MIN_TEXT_PX on screen (at
#: 1024×640 the board is drawn at about 0.6 and they were about 7 px); the margins that
#: hold them grow with them. The smallest is the axes' scores (10 px at zoom 1).
MIN_TEXT_PX = 10.0
SMALLEST_TEXT_PX = 10.0
MAX_TEXT_ZOOM = 2.0


def scene_rect(zoom: float = 1.0, legend_width: float = 0.0) -> QRectF:
    """The board and its margins: the axes left and below, and the legend — below in two
    lines, or (``legend_width`` > 0) in a column of that width on the right."""
    if legend_width > 0:
        return QRectF(-70 * zoom, -12, SIDE + 24 + 70 * zoom + legend_width,
                      SIDE + 12 + 54 * zoom)
    return QRectF(-70 * zoom, -12, SIDE + 12 + 70 * zoom, SIDE + 12 + 92 * zoom)


SCENE_RECT = scene_rect()


def wanted_text_zoom(view_scale: float) -> float:
    """The zoom that keeps the smallest text MIN_TEXT_PX on screen at this view scale (in
    steps of 0.1, at least 1)."""
    wanted = MIN_TEXT_PX / (SMALLEST_TEXT_PX * max(view_scale, 0.01))
    return round(min(max(wanted, 1.0), MAX_TEXT_ZOOM) * 10) / 10
REGION_TITLES = {
    Quadrant.QUICK_WIN: "QUICK WINS",
    Quadrant.STRATEGIC_BET: "STRATEGIC BETS",
    Quadrant.BACK_BURNER: "BACK BURNER",
}


def scene_point(feasibility: float, impact: float) -> QPointF:
    """The centre of a score pair on the board."""
    return QPointF(to_unit(feasibility) * SIDE, (1 - to_unit(impact)) * SIDE)


def unit_of(point: QPointF) -> tuple[float, float]:
    """(x, y) unit coordinates of a scene point: feasibility and impact axes."""
    return point.x() / SIDE, 1 - point.y() / SIDE


def board_rect() -> QRectF:
    return QRectF(0, 0, SIDE, SIDE)


def region_rect(region: Region) -> QRectF:
    """A region of the board in scene coordinates."""
    return QRectF(region.x0 * SIDE, (1 - region.y1) * SIDE,
                  (region.x1 - region.x0) * SIDE, (region.y1 - region.y0) * SIDE)


@dataclass(frozen=True)
class BoardColours:
    dark: bool
    fills: dict[Quadrant, QColor]
    ink: dict[Quadrant, QColor]
    lines: QColor
    text: QColor
    muted: QColor
    halo: QColor
    selection: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> BoardColours:
        dark = is_dark(palette)
        if dark:
            fills = {Quadrant.QUICK_WIN: "#26412e", Quadrant.STRATEGIC_BET: "#2a3550",
                     Quadrant.BACK_BURNER: "#34373c"}
            ink = {Quadrant.QUICK_WIN: "#9ad7a8", Quadrant.STRATEGIC_BET: "#a9bff0",
                   Quadrant.BACK_BURNER: "#b4b8be"}
            lines, muted, halo = "#202226", "#a0a4aa", "#25282c"
        else:
            fills = {Quadrant.QUICK_WIN: "#e3f2e6", Quadrant.STRATEGIC_BET: "#e6ecf7",
                     Quadrant.BACK_BURNER: "#f2f2f2"}
            ink = {Quadrant.QUICK_WIN: "#2c6e3f", Quadrant.STRATEGIC_BET: "#34508a",
                   Quadrant.BACK_BURNER: "#5f5f5f"}
            lines, muted, halo = "#ffffff", "#5f6368", "#ffffff"
        return cls(
            dark,
            {q: QColor(c) for q, c in fills.items()},
            {q: QColor(c) for q, c in ink.items()},
            QColor(lines),
            palette.color(QPalette.ColorRole.WindowText),
            QColor(muted),
            QColor(halo),
            palette.color(QPalette.ColorRole.Highlight).lighter(160 if dark else 100),
        )


def _font(px: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(round(px))
    font.setBold(bold)
    return font


class BoardScene(QGraphicsScene):
    """Background drawing plus the state it needs (legend texts, the highlighted region,
    the empty-board message)."""

    def __init__(self, colours: BoardColours, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSceneRect(SCENE_RECT)
        self.colours = colours
        self.highlight: Quadrant | None = None
        self.legend_sizes: list[tuple[float, str]] = []  # (radius, TCO text)
        self.message = ""
        self.crowded = False  # many cards: region titles get a veil
        self.text_zoom = 1.0
        self.legend_right = False  # the legend in a column right of the board

    def set_text_zoom(self, zoom: float, legend_right: bool = False) -> bool:
        """Texts drawn ``zoom`` times their size, in margins as much larger, the legend below
        the board or on its right; whether anything changed (the scene's rectangle then
        changed: the view fits it again)."""
        if (zoom, legend_right) == (self.text_zoom, self.legend_right):
            return False
        self.text_zoom, self.legend_right = zoom, legend_right
        self._fit_rect()
        return True

    def legend_column_width(self) -> float:
        return max(e[2] for e in self.legend_entries())

    def _fit_rect(self) -> None:
        width = self.legend_column_width() if self.legend_right else 0.0
        self.setSceneRect(scene_rect(self.text_zoom, width))
        self.invalidate(self.sceneRect(), QGraphicsScene.SceneLayer.AllLayers)

    def set_highlight(self, quadrant: Quadrant | None) -> None:
        """Shade the region a drag would land in; only the regions whose shade changes are
        drawn again (with every card over them), not the whole board."""
        if quadrant != self.highlight:
            for region in REGIONS:
                if region.quadrant in (quadrant, self.highlight):
                    self.invalidate(region_rect(region), QGraphicsScene.SceneLayer.BackgroundLayer)
            self.highlight = quadrant

    def set_legend(self, sizes: list[tuple[float, str]], message: str) -> None:
        if (sizes, message) != (self.legend_sizes, self.message):
            self.legend_sizes, self.message = sizes, message
            if self.legend_right:  # the column's width follows its texts
                self._fit_rect()
            self.invalidate(self.sceneRect(), QGraphicsScene.SceneLayer.BackgroundLayer)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        c = self.colours
        # the view caches the background and repaints only what was invalidated, onto the
        # old pixels: clear them first, or new legend text is drawn over the old
        painter.fillRect(rect, self.palette().color(QPalette.ColorRole.Base))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for region in REGIONS:
            box = region_rect(region)
            fill = QColor(c.fills[region.quadrant])
            if region.quadrant == self.highlight:
                fill = fill.lighter(125) if c.dark else fill.darker(112)
            painter.fillRect(box, fill)
        painter.setPen(QPen(c.lines, 2))
        for k in (1, 2):
            painter.drawLine(QLineF(k * SIDE / 3, 0, k * SIDE / 3, SIDE))
            painter.drawLine(QLineF(0, k * SIDE / 3, SIDE, k * SIDE / 3))
        self._draw_axes(painter)
        self._draw_legend(painter)
        if self.message:
            painter.setFont(_font(14 * self.text_zoom))
            painter.setPen(c.text)
            box = QRectF(SIDE * 0.14, SIDE * 0.4, SIDE * 0.72, SIDE * 0.2)
            painter.setBrush(c.halo)
            painter.setPen(QPen(c.muted, 1))
            painter.drawRoundedRect(box, 8, 8)
            painter.setPen(c.text)
            painter.drawText(box.adjusted(12, 8, -12, -8),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.message)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        """The regions' titles, over the cards (on a veil when the board is crowded)."""
        c = self.colours
        z = self.text_zoom
        font = _font(12 * z, True)
        painter.setFont(font)
        for region in REGIONS:
            at = QPointF(region.x0 * SIDE + 8, (1 - region.y1) * SIDE + 17 * z)
            title = REGION_TITLES[region.quadrant]
            room = (region.x1 - region.x0) * SIDE - 28  # a clear gap to the next title
            if painter.fontMetrics().horizontalAdvance(title) > room:  # smaller, to fit
                painter.setFont(_font(12 * z * room / painter.fontMetrics().horizontalAdvance(
                    title), True))
            else:
                painter.setFont(font)
            if self.crowded:
                width = painter.fontMetrics().horizontalAdvance(title)
                veil = QColor(c.fills[region.quadrant])
                veil.setAlpha(215)
                painter.fillRect(QRectF(at.x() - 4, at.y() - 13 * z, width + 8, 17 * z), veil)
            painter.setPen(c.ink[region.quadrant])
            painter.drawText(at, title)

    def _draw_axes(self, painter: QPainter) -> None:
        c = self.colours
        z = self.text_zoom
        painter.setPen(c.muted)
        painter.setFont(_font(SMALLEST_TEXT_PX * z))
        for score in (1, 2, 3, 4, 5):
            at = to_unit(score) * SIDE
            painter.drawText(QRectF(at - 10 * z, SIDE + 2 * z, 20 * z, 14 * z),
                             Qt.AlignmentFlag.AlignCenter, str(score))
            painter.drawText(QRectF(-22 * z, SIDE - at - 7 * z, 16 * z, 14 * z),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             str(score))
        painter.setFont(_font(12 * z, True))
        for name, centre in FEASIBILITY_BANDS:
            painter.drawText(QRectF(centre * SIDE - 60 * z, SIDE + 16 * z, 120 * z, 16 * z),
                             Qt.AlignmentFlag.AlignCenter, name)
        painter.setFont(_font(12 * z))
        painter.drawText(QRectF(0, SIDE + 33 * z, SIDE, 16 * z), Qt.AlignmentFlag.AlignCenter,
                         "Feasibility: Hard → Easy")
        for name, centre in IMPACT_BANDS:
            self._vertical(painter, name, -34 * z, (1 - centre) * SIDE, True)
        self._vertical(painter, "Impact: Low → High", -58 * z, SIDE / 2, False)

    def _vertical(self, painter: QPainter, text: str, x: float, y: float, bold: bool) -> None:
        z = self.text_zoom
        painter.save()
        painter.translate(x, y)
        painter.rotate(-90)
        painter.setFont(_font(12 * z, bold))
        painter.drawText(QRectF(-100 * z, -8 * z, 200 * z, 16 * z),
                         Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def legend_entries(self) -> list[tuple[float, str, float]]:
        """The legend's entries as (dot radius, text, width), in order: Run, Change, the size
        key, the two reference sizes, open high risk (a radius of 0: no dot)."""
        z = self.text_zoom
        advance = QFontMetricsF(_font(11 * z)).horizontalAdvance
        entries = [(6 * z, "Run", 0.0), (6 * z, "Change", 0.0)]
        if self.legend_sizes:
            entries.append((0.0, "Size = TCO:", 0.0))
            entries += [(radius, text, 0.0) for radius, text in self.legend_sizes]
        entries.append((6 * z, "open high risk", 0.0))
        return [(r, text, 2 * r + (5 * z if r else 0) + advance(text) + 12 * z)
                for r, text, _ in entries]

    def legend_lines(self) -> list[list[tuple[float, str, float]]]:
        """The entries on one line below the board, on two when one would run past it; one
        entry a line in a column on the right."""
        entries = self.legend_entries()
        if self.legend_right:
            return [[e] for e in entries]
        room = self.sceneRect().width() - 6
        if sum(e[2] for e in entries) <= room:
            return [entries]
        return [entries[:2], entries[2:]]  # Run, Change | the sizes and the risk

    def _draw_legend(self, painter: QPainter) -> None:
        c = self.colours
        z = self.text_zoom
        risk = len(self.legend_entries()) - 1
        index = 0
        lines = self.legend_lines()
        heights = [max(2 * line[0][0], 16 * z) + 8 * z for line in lines]
        for row, line in enumerate(lines):
            if self.legend_right:  # a column ending at the board's foot
                x = SIDE + 20
                y = SIDE - sum(heights[row:]) + heights[row] / 2
            else:
                y = SIDE + (62 + 20 * row) * z
                # under the board; from the left margin when that is too short
                x = 0.0 if sum(e[2] for e in line) <= SIDE + 12 else self.sceneRect().left() + 6
            for radius, text, width in line:
                painter.setFont(_font(11 * z))
                if index == risk:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(RISK_COLOUR)
                    painter.drawEllipse(QPointF(x + radius, y), radius, radius)
                    painter.setPen(QColor("white"))
                    painter.setFont(_font(9 * z, True))
                    painter.drawText(QRectF(x, y - radius, 2 * radius, 2 * radius),
                                     Qt.AlignmentFlag.AlignCenter, "!")
                    painter.setFont(_font(11 * z))
                elif index < 2:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(PORTFOLIO_COLOURS[(Portfolio.RUN, Portfolio.CHANGE)[index]])
                    painter.drawEllipse(QPointF(x + radius, y), radius, radius)
                elif radius:
                    painter.setPen(QPen(c.muted, 1.2))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawEllipse(QPointF(x + radius, y), radius, radius)
                painter.setPen(c.text)
                ascent = painter.fontMetrics().ascent() - painter.fontMetrics().descent()
                painter.drawText(QPointF(x + 2 * radius + (5 * z if radius else 0),
                                         y + ascent / 2), text)
                x += width
                index += 1


class GhostItem(QGraphicsItem):
    """A dashed outline where the suggestion would put a card, joined to the card."""

    def __init__(self, colours: BoardColours):
        super().__init__()
        self.colours = colours
        self.radius = 12.0
        self.source: QPointF | None = None  # the card's centre, relative to the ghost
        self.setZValue(-1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def place(self, at: QPointF, radius: float, card: QPointF | None) -> None:
        self.prepareGeometryChange()
        self.setPos(at)
        self.radius = radius
        self.source = None if card is None else card - at
        self.update()

    def boundingRect(self) -> QRectF:
        r = self.radius + 4
        box = QRectF(-r, -r, 2 * r, 2 * r + 18).adjusted(-40, 0, 40, 0)
        if self.source is not None:
            box = box.united(QRectF(self.source, QPointF(0, 0)).normalized().adjusted(-2, -2, 2, 2))
        return box

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.colours.selection, 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        if self.source is not None:
            painter.drawLine(QLineF(self.source, QPointF(0, 0)))
        painter.setBrush(self.colours.halo)
        painter.drawEllipse(QPointF(0, 0), self.radius, self.radius)
        painter.setFont(_font(10, True))
        painter.setPen(self.colours.selection)
        painter.drawText(QRectF(-50, self.radius + 2, 100, 14), Qt.AlignmentFlag.AlignCenter,
                         "suggested")


class TipItem(QGraphicsItem):
    """The category and scores a dragged card would land on, above the pointer."""

    def __init__(self, colours: BoardColours):
        super().__init__()
        self.colours = colours
        self.text = ""
        self.setZValue(10)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_text(self, text: str) -> None:
        if text != self.text:
            self.prepareGeometryChange()
            self.text = text
            self.update()

    def boundingRect(self) -> QRectF:
        width = 16 + QFontMetricsF(_font(12, True)).horizontalAdvance(self.text)
        return QRectF(-width / 2, -48, width, 24)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = self.boundingRect()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(30, 34, 40, 230))
        painter.drawRoundedRect(box, 5, 5)
        painter.setFont(_font(12, True))
        painter.setPen(QColor("white"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.text)
