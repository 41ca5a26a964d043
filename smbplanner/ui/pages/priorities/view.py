"""The board's view: drags cards with plain mouse press / move / release (testable, no QDrag),
moves the selection with the arrow keys, clears scores with Delete, walks the cards with Tab
and accepts initiatives dropped from the unscored tray.

A drag only moves the selected items and updates the tip; nothing is rebuilt until the
release, which reports the new scores through ``moved`` for the page to commit."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QMimeData, QPointF, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPixmapCache,
    QResizeEvent,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from smbplanner.analysis.board_summary import CATEGORY_NAMES
from smbplanner.analysis.quadrant import quadrant
from smbplanner.analysis.suggest import half_step
from smbplanner.ui import fmt
from smbplanner.ui.pages.priorities.card import CardItem, set_label_zoom, set_screen_scale
from smbplanner.ui.pages.priorities.scene import (
    SIDE,
    BoardScene,
    TipItem,
    board_rect,
    wanted_text_zoom,
)

MIME_TYPE = "application/x-smbplanner-initiative-ids"
SCORE_PER_UNIT = 4.5  # the drawn axis runs 0.75–5.25
_ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, 1),
    Qt.Key.Key_Down: (0, -1),
}


@dataclass
class _Dragged:
    card: CardItem
    start: QPointF
    feasibility: float
    impact: float


class BoardView(QGraphicsView):
    #: [(initiative id, feasibility, impact)] of the cards whose scores a drag changed.
    moved = Signal(list)
    #: Arrow key: (feasibility steps, impact steps) for the selected cards.
    nudged = Signal(int, int)
    cleared = Signal()
    opened = Signal(int)
    #: The category (and scores) a drag would land on; "" when the drag ends.
    drag_text = Signal(str)
    #: The names' size changed with the view's (their labels are to be placed again).
    labels_resized = Signal()

    def __init__(self, scene: BoardScene, parent: QWidget | None = None):
        super().__init__(scene, parent)
        self.board = scene
        self.cards: dict[int, CardItem] = {}
        self.drop_handler: Callable[[QMimeData, QPointF], bool] | None = None
        self.tip = TipItem(scene.colours)
        self.tip.setVisible(False)
        scene.addItem(self.tip)
        self._press: QPointF | None = None
        self._dragged: list[_Dragged] = []
        self._dragging = False
        self._landing: tuple[float, float] | None = None
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self.setAccessibleName("Priority board")
        # the cards' pixmaps (a few kB each) live in Qt's pixmap cache: room for 3,000 on a
        # large screen, so that none is evicted and drawn again
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), 64 * 1024))

    # --- geometry ------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()
        set_screen_scale(self.transform().m11())  # the view is drawn again whole after this
        if set_label_zoom(self.transform().m11()):
            for card in self.cards.values():
                card.set_label("")  # measured again with the new size
            self.labels_resized.emit()

    def fit(self) -> None:
        """The whole scene in view, its texts large enough to read at the scale that gives
        (a larger text zoom widens the margins, which shrinks the scale: a few rounds). When
        the texts must be drawn larger, the legend goes right of the board if that leaves
        the board larger (a wide view); at full size it stays below, as in the PDF."""
        below = self._fit_with(legend_right=False)
        if self.board.text_zoom > 1 and self._fit_with(legend_right=True) <= below + 0.005:
            self._fit_with(legend_right=False)

    def _fit_with(self, legend_right: bool) -> float:
        self.board.set_text_zoom(self.board.text_zoom, legend_right)
        for _ in range(4):
            self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
            if not self.board.set_text_zoom(wanted_text_zoom(self.transform().m11()),
                                            legend_right):
                break
        return self.transform().m11()

    def card_at(self, view_pos: QPointF) -> CardItem | None:
        for item in self.items(view_pos.toPoint()):
            if isinstance(item, CardItem):
                return item
        return None

    def selected_cards(self) -> list[CardItem]:
        """The selected cards in priority order (from the scene's selection, not a pass over
        every card: asked twice after each drop)."""
        return sorted((c for c in self.board.selectedItems() if isinstance(c, CardItem)),
                      key=lambda c: c.look.number)

    # --- mouse ---------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        card = self.card_at(event.position())
        if card is None or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            card.setSelected(not card.isSelected())
            return
        if not card.isSelected():
            self.board.clearSelection()
            card.setSelected(True)
        card.setFocus()
        self._press = self.mapToScene(event.position().toPoint())
        self._dragged = [_Dragged(c, QPointF(c.pos()), *c.scores) for c in self.selected_cards()]
        self._dragging = False
        self._landing = None
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            super().mouseMoveEvent(event)
            return
        here = self.mapToScene(event.position().toPoint())
        delta = here - self._press
        if not self._dragging:
            if abs(delta.x()) + abs(delta.y()) < 4:
                return
            self._dragging = True
            self.tip.setVisible(True)
        self._drag_to(delta, focus=self.scene().focusItem())

    def _drag_to(self, delta: QPointF, focus: object) -> None:
        box = board_rect()
        primary = next((d for d in self._dragged if d.card is focus), self._dragged[0])
        for d in self._dragged:
            p = d.start + delta
            d.card.setPos(min(max(p.x(), box.left()), box.right()),
                          min(max(p.y(), box.top()), box.bottom()))
        landing = self._scores_after(primary, delta)
        self.tip.setPos(primary.card.pos())
        if landing != self._landing:
            self._landing = landing
            feasibility, impact = landing
            q = quadrant(impact, feasibility)
            self.board.set_highlight(q)
            text = (f"{CATEGORY_NAMES[q]} · impact {fmt.number(impact)} · "
                    f"feasibility {fmt.number(feasibility)}")
            self.tip.set_text(text)
            self.drag_text.emit(text)

    @staticmethod
    def _scores_after(d: _Dragged, delta: QPointF) -> tuple[float, float]:
        return (half_step(d.feasibility + delta.x() / SIDE * SCORE_PER_UNIT),
                half_step(d.impact - delta.y() / SIDE * SCORE_PER_UNIT))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            super().mouseReleaseEvent(event)
            return
        delta = self.mapToScene(event.position().toPoint()) - self._press
        dragged, dragging = self._dragged, self._dragging
        self._press, self._dragged, self._dragging, self._landing = None, [], False, None
        self.tip.setVisible(False)
        self.board.set_highlight(None)
        if not dragging:
            return
        changes = []
        for d in dragged:
            feasibility, impact = self._scores_after(d, delta)
            if (feasibility, impact) != (d.feasibility, d.impact):
                changes.append((d.card.initiative_id, feasibility, impact))
        for d in dragged:  # back home until the document says otherwise
            d.card.setPos(d.card.home)
        self.drag_text.emit("")
        if changes:
            self.moved.emit(changes)

    def cancel_drag(self) -> None:
        for d in self._dragged:
            d.card.setPos(d.card.home)
        self._press, self._dragged, self._dragging, self._landing = None, [], False, None
        self.tip.setVisible(False)
        self.board.set_highlight(None)
        self.drag_text.emit("")

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        card = self.card_at(event.position())
        if card is not None:
            self.opened.emit(card.initiative_id)
            return
        super().mouseDoubleClickEvent(event)

    # --- keyboard ------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in _ARROWS and self.selected_cards():
            self.nudged.emit(*_ARROWS[key])
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.selected_cards():
            self.cleared.emit()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.scene().focusItem()
            card = focus if isinstance(focus, CardItem) else next(iter(self.selected_cards()),
                                                                   None)
            if card is not None:
                self.opened.emit(card.initiative_id)
        elif key == Qt.Key.Key_Escape:
            if self._press is not None:  # cancel the drag: every card back home
                self.cancel_drag()
            else:
                self.board.clearSelection()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusNextPrevChild(self, forward: bool) -> bool:
        """Tab / Shift+Tab walk the cards in priority order, then leave the board."""
        order = sorted(self.cards.values(), key=lambda c: c.look.number)
        order = [c for c in order if c.isVisible()]
        if not order or not self.hasFocus():
            return super().focusNextPrevChild(forward)
        focus = self.scene().focusItem()
        at = order.index(focus) if isinstance(focus, CardItem) and focus in order else -1
        nxt = at + 1 if forward else (at - 1 if at >= 0 else len(order) - 1)
        if not 0 <= nxt < len(order):
            return super().focusNextPrevChild(forward)
        self.focus_card(order[nxt])
        return True

    def focus_card(self, card: CardItem) -> None:
        self.board.clearSelection()
        card.setSelected(True)
        card.setFocus()
        self.ensureVisible(card)

    # --- drops from the tray -------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(MIME_TYPE):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(MIME_TYPE):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        handler = self.drop_handler
        at = self.mapToScene(event.position().toPoint())
        if handler is not None and handler(event.mimeData(), at):
            event.acceptProposedAction()
        else:
            event.ignore()
