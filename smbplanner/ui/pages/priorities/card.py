"""A card on the prioritisation board: a dot coloured by portfolio and sized by TCO, with its
priority number, a marker for open high risks and (when there is room) its elided name.

Sizes and the placing of names are drawing only; the position comes from
``analysis.board.layout_board`` and every text from the page."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from smbplanner.domain.enums import Portfolio

PORTFOLIO_COLOURS = {Portfolio.RUN: QColor("#2f6f9f"), Portfolio.CHANGE: QColor("#d9822b")}
RISK_COLOUR = QColor("#c62828")
LABEL_WIDTH = 128.0  # scene units: longer names are elided
LABEL_FONT_PX = 11.0
SIDES = ("right", "left", "above", "below")


#: How much larger than LABEL_FONT_PX the names are drawn, in scene units: a small view
#: shrinks the whole board, and names at 11 px became about 7 px on a 1024×640 screen
#: (``BoardView`` sets it so that a name is at least MIN_LABEL_PX on screen).
_zoom = 1.0
MIN_LABEL_PX = 10.0
MAX_ZOOM = 1.6


def label_zoom() -> float:
    return _zoom


#: A dot's number is drawn only when it is at least MIN_NUMBER_PX on the device it is drawn
#: on (the screen, or an export's image): a crowded board seen whole shrinks three-digit
#: numbers to about 6 px, which cannot be read. The screen's scale is kept here (set by
#: ``BoardView``) so that a new number nobody could read does not repaint its dot: after a
#: drop on a board of 3,000 cards about two thirds of the numbers change.
MIN_NUMBER_PX = 7.0
_screen_scale = 1.0


def set_screen_scale(view_scale: float) -> None:
    global _screen_scale
    _screen_scale = view_scale


def number_px(look: CardLook) -> int:
    """The pixel size of a dot's number on the board: smaller for three digits and more,
    larger when the names are (a small view), but never wider than its dot."""
    size = 11 if look.radius >= 11 else 9
    if look.number >= 100:
        size -= 2
    room = 2 * look.radius / (0.7 * max(len(str(look.number)), 2))  # bold digits ≈ 0.7 em
    return max(1, round(min(size * _zoom, room)))


def number_legible(look: CardLook, scale: float) -> bool:
    """Whether the dot's number is drawn at this scale (board units → device pixels)."""
    return number_px(look) * scale >= MIN_NUMBER_PX


def set_label_zoom(view_scale: float) -> bool:
    """Names legible at this view scale; whether the zoom changed (labels to place again)."""
    global _zoom
    wanted = min(max(MIN_LABEL_PX / (LABEL_FONT_PX * max(view_scale, 0.01)), 1.0), MAX_ZOOM)
    wanted = round(wanted * 10) / 10  # steps of 0.1: a resize need not re-place every time
    changed, _zoom = wanted != _zoom, wanted
    return changed


def label_font() -> QFont:
    font = QFont()
    font.setPixelSize(round(LABEL_FONT_PX * _zoom))
    return font


_WHITE = QColor("white")
_ORIGIN = QPointF(0, 0)
_NUMBER_FONTS: dict[int, QFont] = {}


def _number_font(px: int) -> QFont:
    """The bold font of a dot's number (made once per size, not once per paint)."""
    font = _NUMBER_FONTS.get(px)
    if font is None:
        font = _NUMBER_FONTS[px] = QFont(label_font())
        font.setBold(True)
        font.setPixelSize(px)
    return font


_TEXTS: dict[tuple[str, int], QStaticText] = {}


def _static_text(text: str, px: int) -> QStaticText:
    """A number laid out once (per size): drawing it is then about half the cost of
    ``drawText``, which lays it out on every paint."""
    found = _TEXTS.get((text, px))
    if found is None:
        if len(_TEXTS) > 20_000:
            _TEXTS.clear()
        found = _TEXTS[(text, px)] = QStaticText(text)
        found.setTextFormat(Qt.TextFormat.PlainText)
        found.prepare(QTransform(), _number_font(px))
    return found


def number_box(look: CardLook) -> QRectF:
    """The rectangle, around the dot's centre, that its number's pixels fall in (with a
    margin for antialiasing): a card whose number alone changed repaints only this, not its
    whole dot, so that the crowded neighbours overlapping the dot are not all painted again."""
    static = _static_text(str(look.number), number_px(look))
    size = static.size()
    w, h = size.width() / 2 + 2, size.height() / 2 + 2
    return QRectF(-w, -h, 2 * w, 2 * h)


def _centred(painter: QPainter, centre: QPointF, text: str, px: int) -> None:
    static = _static_text(text, px)
    size = static.size()
    painter.setFont(_number_font(px))
    painter.drawStaticText(
        QPointF(centre.x() - size.width() / 2, centre.y() - size.height() / 2), static
    )


def _disc(painter: QPainter, centre: QPointF, radius: float, fill: QColor, halo: QColor,
          width: float) -> None:
    """A filled circle with a ``width`` outline, as two filled circles: an antialiased stroke
    costs several times a fill, and a large board draws thousands of dots after a drop."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(halo)
    painter.drawEllipse(centre, radius + width / 2, radius + width / 2)
    painter.setBrush(fill)
    painter.drawEllipse(centre, radius - width / 2, radius - width / 2)


@dataclass
class CardLook:
    """What a card shows (all texts already made by the page)."""

    initiative_id: int
    name: str
    number: int
    portfolio: Portfolio
    radius: float
    high_risk: bool
    tooltip: str


class CardItem(QGraphicsItem):
    """One initiative. Not movable by Qt: the view drags it (see ``priorities_view``)."""

    Type = QGraphicsItem.UserType + 51

    def __init__(self, look: CardLook, ink: QColor, halo: QColor, selection: QColor):
        super().__init__()
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable
        )
        self.setAcceptHoverEvents(True)
        # Each card drawn from a pixmap in device pixels: a region repainted (the drag's
        # shading cleared, a neighbour's number) copies the cards in it instead of calling
        # ``paint`` for each of them (about 1,000 on a board of 3,000 cards). A new number
        # that is not drawn (``number_legible``) keeps the pixmap; one that is drawn again
        # draws only its number's box into it.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.look = look
        self.ink, self.halo, self.selection = ink, halo, selection
        self.label = ""  # the elided name, "" when hidden
        self.label_side = "right"
        self.home = QPointF()  # where the layout put it (a drag starts and snaps back here)
        self.unit_home = (-1.0, -1.0)  # the layout's unit coordinates of ``home``
        self.base_z = 1.0
        self.scores = (3.0, 3.0)  # (feasibility, impact) as stored
        self.setToolTip(look.tooltip)
        self._bounds = self._measure()

    def type(self) -> int:
        return self.Type

    def set_depth(self, z: float) -> None:
        """The stacking order when not selected (a selected card is drawn on top)."""
        self.base_z = z
        self.setZValue(z + (5 if self.isSelected() else 0))

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.setZValue(self.base_z + (5 if value else 0))
        return super().itemChange(change, value)

    @property
    def initiative_id(self) -> int:
        return self.look.initiative_id

    def update_look(self, look: CardLook) -> None:
        old = self.look
        if look == old:
            return
        if look.radius != old.radius:
            self.prepareGeometryChange()
        if look.tooltip != old.tooltip:
            self.setToolTip(look.tooltip)
        self.look = look
        if look.radius != old.radius:  # the bounds depend on the radius and the label
            self._bounds = self._measure()
        if not self._looks_different(old, look):
            return
        if (old.radius, old.portfolio, old.high_risk) == (look.radius, look.portfolio,
                                                          look.high_risk):
            self.update(number_box(old).united(number_box(look)))  # only the number changed
        else:
            self.update()

    @staticmethod
    def _looks_different(old: CardLook, new: CardLook) -> bool:
        """Whether the dot drawn on screen changes: not when only a number changed that is
        too small to be drawn, before and after (nor when only the tooltip or name did)."""
        if (old.radius, old.portfolio, old.high_risk) != (new.radius, new.portfolio,
                                                          new.high_risk):
            return True
        if old.number == new.number:
            return False
        return (number_legible(old, _screen_scale) or number_legible(new, _screen_scale))

    def set_label(self, text: str, side: str = "right") -> None:
        if (text, side) != (self.label, self.label_side):
            self.prepareGeometryChange()
            self.label, self.label_side = text, side
            self._bounds = self._measure()
            self.update()

    def label_box(self, text: str, side: str) -> QRectF:
        """The label's rectangle relative to the dot's centre: right, left, above or below."""
        width = QFontMetricsF(label_font()).horizontalAdvance(text) + 8
        height = LABEL_FONT_PX * _zoom * 1.6
        r = self.look.radius
        if side == "right":
            return QRectF(r + 3, -height / 2, width, height)
        if side == "left":
            return QRectF(-r - 3 - width, -height / 2, width, height)
        y = -r - 3 - height if side == "above" else r + 3
        return QRectF(-width / 2, y, width, height)

    def _dot(self) -> QRectF:
        r = self.look.radius
        return QRectF(-r, -r, 2 * r, 2 * r)

    def _measure(self) -> QRectF:
        box = self._dot().adjusted(-4, -6, 6, 4)
        if self.label:
            box = box.united(self.label_box(self.label, self.label_side))
        return box

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addEllipse(self._dot().adjusted(-2, -2, 2, 2))
        if self.label:
            path.addRect(self.label_box(self.label, self.label_side))
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        # Drawn again for each new look (its cache is per device): after a drop that renumbers
        # most of a 3,000-card board, so pens, fonts and colours are made once, not per paint.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        look = self.look
        dot = self._dot()
        selected = self.isSelected()
        if selected or self.hasFocus():
            painter.setPen(QPen(self.selection, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(dot.adjusted(-3, -3, 3, 3))
        _disc(painter, _ORIGIN, look.radius, PORTFOLIO_COLOURS[look.portfolio], self.halo, 1.2)
        if number_legible(look, painter.worldTransform().m11()):
            painter.setPen(_WHITE)
            _centred(painter, _ORIGIN, str(look.number), number_px(look))
        if look.high_risk:
            r = look.radius
            mark = QPointF(r * 0.7 + 4, -r * 0.7)
            _disc(painter, mark, 5, RISK_COLOUR, self.halo, 1)
            painter.setPen(_WHITE)
            _centred(painter, mark, "!", 8)
        if self.label:
            box = self.label_box(self.label, self.label_side)
            back = QColor(self.halo)
            back.setAlpha(225 if selected else 190)
            painter.setPen(QPen(self.selection, 1.5) if selected else Qt.PenStyle.NoPen)
            painter.setBrush(back)
            painter.drawRoundedRect(box, 3, 3)
            painter.setFont(label_font())
            painter.setPen(self.ink)
            painter.drawText(box.adjusted(4, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter, self.label)


def place_labels(cards: list[CardItem], limit: QRectF, show_all: bool) -> None:
    """Elided names beside the dots where they fit without covering another dot or label
    (right first, then left); selected cards always get theirs. With ``show_all`` False only
    selected cards are named (a crowded board shows numbers)."""
    metrics = QFontMetricsF(label_font())
    if not show_all:
        _label_selected(cards, limit, metrics)
        return
    dots = [_dot_box(c) for c in cards]
    taken: list[QRectF] = []
    ordered = sorted(cards, key=lambda c: (not c.isSelected(), c.look.number))
    for card in ordered:
        if not (show_all or card.isSelected()):
            card.set_label("")
            continue
        text = metrics.elidedText(card.look.name, Qt.TextElideMode.ElideRight,
                                   LABEL_WIDTH * _zoom)
        best: tuple[int, str] | None = None
        for side in SIDES:
            box = card.label_box(text, side).translated(card.pos())
            hits = sum(box.intersects(t) for t in taken) + sum(
                box.intersects(d) for other, d in zip(cards, dots, strict=True) if other is not card
            )
            if not limit.contains(box):
                hits += 100
            if best is None or hits < best[0]:
                best = (hits, side)
        assert best is not None
        if best[0] == 0 or card.isSelected():  # a selected card is always named
            card.set_label(text, best[1])
            taken.append(card.label_box(text, best[1]).translated(card.pos()))
        else:
            card.set_label("")


def _label_selected(cards: list[CardItem], limit: QRectF, metrics: QFontMetricsF) -> None:
    """A crowded board: only the selected cards are named, each where its label covers the
    fewest dots and labels. The dots near a label are found through the scene's index, so
    naming one card costs what is near it, not a pass over every card on the board."""
    scene = cards[0].scene() if cards else None
    if scene is not None:  # the scene's selection, not 3,000 calls to isSelected
        selected = [c for c in scene.selectedItems() if isinstance(c, CardItem)]
    else:
        selected = [c for c in cards if c.isSelected()]
    chosen = set(selected)
    for card in cards:
        if card.label and card not in chosen:
            card.set_label("")
    taken: list[QRectF] = []
    for card in sorted(selected, key=lambda c: c.look.number):
        text = metrics.elidedText(card.look.name, Qt.TextElideMode.ElideRight,
                                   LABEL_WIDTH * _zoom)
        best: tuple[int, str] | None = None
        for side in SIDES:
            box = card.label_box(text, side).translated(card.pos())
            hits = sum(box.intersects(t) for t in taken) + sum(
                box.intersects(_dot_box(other)) for other in _cards_near(card, box, cards)
            )
            if not limit.contains(box):
                hits += 100
            if best is None or hits < best[0]:
                best = (hits, side)
        assert best is not None
        card.set_label(text, best[1])
        taken.append(card.label_box(text, best[1]).translated(card.pos()))


def _cards_near(card: CardItem, box: QRectF, cards: list[CardItem]) -> list[CardItem]:
    """The other cards whose drawing reaches into ``box`` (a superset of those whose dot
    does): from the scene's index when the card is on a scene."""
    scene = card.scene()
    if scene is None:
        return [c for c in cards if c is not card]
    found = scene.items(box, Qt.ItemSelectionMode.IntersectsItemBoundingRect)
    return [c for c in found if isinstance(c, CardItem) and c is not card]


def _dot_box(card: CardItem) -> QRectF:
    r = card.look.radius
    at = card.pos()
    return QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r)
