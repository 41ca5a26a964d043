"""The roadmap's timeline: a QGraphicsView of quarter columns and one row per initiative, with
the header and row labels kept in its margins so they stay visible while it scrolls.

Dragging is done here with plain mouse press/move/release (not QDrag): the bar, its arrows and
the conflict flags follow the mouse snapped to quarters, and only on release is one edit asked
for (``moved`` / ``resized``); the owner of the view then stores it and calls ``build`` again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QLabel,
    QWidget,
)

from smbplanner.analysis.quadrant import initiative_quadrant
from smbplanner.analysis.schedule import (
    MAX_DURATION,
    Span,
    conflicts,
    snap_duration,
    snap_move,
    span_text,
    spans,
    today_position,
    today_quarter,
)
from smbplanner.analysis.timeline import Row, Timeline, quarter_label
from smbplanner.domain.enums import label
from smbplanner.ui.pages.roadmap.header import (
    GROUP_INDENT,
    HeaderStrip,
    Line,
    RowLabels,
    group_fill,
)
from smbplanner.ui.pages.roadmap.items import (
    CATEGORY_COLOURS,
    HEADER_H,
    LABEL_W,
    QW,
    RH,
    WARN,
    Z_FEEDBACK,
    ArrowItem,
    BarItem,
    MilestoneItem,
    x_of,
)


@dataclass
class _Drag:
    bar: BarItem
    resize: bool
    press_x: float
    start: int
    end: int


class RoadmapView(QGraphicsView):
    #: (initiative id, new start quarter index) when a bar was dragged or moved by key.
    moved = Signal(int, int)
    #: (initiative id, new duration in quarters).
    resized = Signal(int, int)
    #: Enter or double-click on a bar.
    activated = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setViewportMargins(LABEL_W, HEADER_H, 0, 0)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Roadmap timeline"))
        self.viewport().setMouseTracking(True)
        self.header = HeaderStrip(self._origin_x, self)
        self.labels = RowLabels(self._origin_y, self)
        self.labels.clicked.connect(self._label_clicked)
        self.labels.activated.connect(self.activated)
        self.corner = QLabel(self.tr("Initiative"), self)
        self.corner.setIndent(10)
        self.corner.setAutoFillBackground(True)
        self.corner.setBackgroundRole(self.corner.backgroundRole().Button)
        self.editable = True
        self.first_quarter = self.end_quarter = 0
        self.bars: dict[int, BarItem] = {}
        self.order: list[int] = []  # bar ids top to bottom
        self.arrows_of: dict[int, list[ArrowItem]] = {}
        self.arrows: list[ArrowItem] = []
        #: Every dependency arrow, or only the selected bar's and the late (red) ones.
        self.all_arrows = True
        self.dependents: dict[int, list[int]] = {}
        self.spans: dict[int, Span] = {}
        self.lines: list[Line] = []
        self.selected: int | None = None
        self.today_line: QGraphicsLineItem | None = None
        self.feedback: QGraphicsSimpleTextItem | None = None
        self.drag: _Drag | None = None

    # --- building ----------------------------------------------------------------------
    def build(self, lines: list[Line], line: Timeline, today: date) -> None:
        """Draw ``lines`` (grouped rows of ``line``) anew, keeping scroll and selection."""
        h, v = self.horizontalScrollBar().value(), self.verticalScrollBar().value()
        self.drag = None
        # drop every Python reference to the old items before Qt deletes them
        self.today_line = self.feedback = None
        self.bars, self.arrows_of, self.arrows = {}, {}, []
        scene = self.scene()
        scene.clear()
        self.lines = lines
        self.first_quarter, self.end_quarter = line.first_quarter, line.end_quarter
        width = (self.end_quarter - self.first_quarter) * QW
        scene.setSceneRect(QRectF(0, 0, width, max(len(lines), 1) * RH))
        names = {r.initiative.id: r.initiative.name for r in line.rows}
        self.bars, self.order, self.arrows_of, self.dependents = {}, [], {}, {}
        pal = self.palette()
        ink, edge = pal.text().color(), pal.base().color()
        milestones: list[MilestoneItem] = []
        for n, entry in enumerate(lines):
            row = entry.row
            if row is None:
                continue
            i = row.initiative
            colour = CATEGORY_COLOURS[initiative_quadrant(i)]
            bar = BarItem(row, n * RH, self.first_quarter, colour, _bar_tip(row, names))
            self.bars[bar.initiative_id] = bar
            self.order.append(bar.initiative_id)
            for milestone, q in row.milestones:
                tip = f"◆ {milestone.name}\n{quarter_label(q)} · {i.name}"
                milestones.append(
                    MilestoneItem(q, bar.y_centre, self.first_quarter, ink, edge, tip))
        for ident, bar in self.bars.items():
            for dep in dict.fromkeys(bar.row.initiative.depends_on):
                source = self.bars.get(dep)
                if source is None or dep == ident:
                    continue
                arrow = ArrowItem(source, bar)
                self.arrows.append(arrow)
                self.arrows_of.setdefault(ident, []).append(arrow)
                self.arrows_of.setdefault(dep, []).append(arrow)
                self.dependents.setdefault(dep, []).append(ident)
        self.spans = spans(line.rows)
        for ident, reasons in conflicts(self.spans).items():
            self.bars[ident].set_conflict(reasons)
        # stacking follows the order of adding: today, arrows, bars, milestones, feedback
        self._add_today(today, scene.sceneRect().height())
        for item in [*self.arrows, *self.bars.values(), *milestones]:
            scene.addItem(item)
        self._add_feedback()
        self.header.set_range(line.first_year, line.last_year, today_quarter(today))
        self.labels.set_lines(lines)
        if self.selected not in self.bars:
            self.selected = None
        self.select(self.selected)
        self._show_arrows(self.arrows)
        self.horizontalScrollBar().setValue(h)
        self.verticalScrollBar().setValue(v)

    def _add_today(self, today: date, height: float) -> None:
        position = today_position(today)
        self.today_line = None
        if not self.first_quarter <= position <= self.end_quarter:
            return
        x = x_of(position, self.first_quarter)
        item = QGraphicsLineItem(x, 0, x, height)
        item.setPen(QPen(WARN, 2, Qt.PenStyle.DashLine))
        item.setToolTip(self.tr("Today: {0}").format(quarter_label(today_quarter(today))))
        self.scene().addItem(item)
        self.today_line = item

    def _add_feedback(self) -> None:
        back = QGraphicsRectItem()
        back.setBrush(QBrush(self.palette().toolTipBase()))
        back.setPen(QPen(self.palette().mid().color()))
        back.setZValue(Z_FEEDBACK)
        back.hide()
        self.feedback = QGraphicsSimpleTextItem(back)
        self.feedback.setBrush(QBrush(self.palette().toolTipText()))
        self.scene().addItem(back)

    # --- frozen header and labels ------------------------------------------------------------
    def _origin_x(self) -> float:
        """Where the scene's x = 0 is in the viewport (the header follows it)."""
        return float(self.mapFromScene(QPointF(0, 0)).x())

    def _origin_y(self) -> float:
        return float(self.mapFromScene(QPointF(0, 0)).y())

    def _label_clicked(self, ident: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.select(ident, scroll=True)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        r = self.viewport().geometry()
        self.header.setGeometry(r.x(), r.y() - HEADER_H, r.width(), HEADER_H)
        self.labels.setGeometry(r.x() - LABEL_W, r.y(), LABEL_W, r.height())
        self.corner.setGeometry(r.x() - LABEL_W, r.y() - HEADER_H, LABEL_W, HEADER_H)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.header.update()
        self.labels.update()

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        rect = QRectF(rect)
        pal = self.palette()
        painter.fillRect(rect, pal.base())
        scene_rect = self.sceneRect()
        width = scene_rect.width()
        first = max(0, int(rect.top() // RH))
        last = min(len(self.lines), int(rect.bottom() // RH) + 1)
        for n in range(first, last):
            if self.lines[n].row is None:
                painter.fillRect(QRectF(0, n * RH, width, RH), group_fill(pal))
            elif n % 2:
                painter.fillRect(QRectF(0, n * RH, width, RH), pal.alternateBase())
        light = QColor(pal.mid().color())
        light.setAlpha(90)
        q0 = max(0, int(rect.left() // QW))
        q1 = min(self.end_quarter - self.first_quarter, int(rect.right() // QW) + 1)
        bottom = scene_rect.height()
        for q in range(q0, q1 + 1):
            year_line = (self.first_quarter + q) % 4 == 0
            painter.setPen(QPen(pal.mid().color() if year_line else light, 1))
            painter.drawLine(QPointF(q * QW, 0), QPointF(q * QW, bottom))

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """Group titles run on from the row labels into the timeline, so long goal titles
        can be read in full (the labels draw the same text, clipped at their edge)."""
        rect = QRectF(rect)
        left = self.mapToScene(QPoint(0, 0)).x()
        first = max(0, int(rect.top() // RH))
        last = min(len(self.lines), int(rect.bottom() // RH) + 1)
        fm = self.labels.group_metrics()
        painter.setFont(self.labels.group_font())
        for n in range(first, last):
            line = self.lines[n]
            if line.row is not None:
                continue
            x = left - LABEL_W + GROUP_INDENT
            end = x + fm.horizontalAdvance(line.title) + 8
            if end <= left:
                continue
            band = QRectF(left, n * RH + 2, end - left, RH - 4)
            painter.fillRect(band, self.palette().base())
            painter.fillRect(band, group_fill(self.palette()))
            painter.setPen(self.palette().text().color())
            painter.drawText(QRectF(x, n * RH, end - x, RH),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             line.title)

    # --- selection and keys ----------------------------------------------------------------
    def set_all_arrows(self, on: bool) -> None:
        self.all_arrows = on
        self._show_arrows(self.arrows)

    def _show_arrows(self, arrows: list[ArrowItem]) -> None:
        chosen = self.selected
        for arrow in arrows:
            show = self.all_arrows or arrow.late or chosen in (
                arrow.source.initiative_id, arrow.target.initiative_id)
            if arrow.isVisible() != show:
                arrow.setVisible(show)

    def select(self, ident: int | None, scroll: bool = False) -> None:
        for other, bar in self.bars.items():
            if bar.selected != (other == ident):
                bar.set_selected(other == ident)
        before, self.selected = self.selected, ident
        if not self.all_arrows:
            self._show_arrows([arrow for k in (before, ident) if k is not None
                               for arrow in self.arrows_of.get(k, [])])
        self.labels.selected = ident
        self.labels.update()
        chosen = self.bars.get(ident) if ident is not None else None
        if chosen is not None:
            self.setAccessibleDescription(chosen.toolTip())
            if scroll:
                self.ensureVisible(chosen.rect(), 40, 20)

    def bar_at(self, pos: QPoint) -> BarItem | None:
        return next((i for i in self.items(pos) if isinstance(i, BarItem)), None)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        key, shift = e.key(), bool(e.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Escape and self.drag is not None:
            d, self.drag = self.drag, None
            self._follow(d.bar, d.start, d.end)
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.order:
            at = self.order.index(self.selected) if self.selected in self.order else -1
            step = 1 if key == Qt.Key.Key_Down else -1
            at = max(0, min(len(self.order) - 1, at + step if at >= 0 else 0))
            self.select(self.order[at], scroll=True)
            return
        bar = self.bars.get(self.selected) if self.selected is not None else None
        if bar is None:
            super().keyPressEvent(e)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated.emit(bar.initiative_id)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.editable:
            step = 1 if key == Qt.Key.Key_Right else -1
            if shift:
                duration = bar.end - bar.start + step
                if 1 <= duration <= MAX_DURATION:
                    self.resized.emit(bar.initiative_id, duration)
            else:
                start = snap_move(bar.start, step, self.first_quarter, self.end_quarter - 1)
                if start != bar.start:
                    self.moved.emit(bar.initiative_id, start)
        else:
            super().keyPressEvent(e)

    # --- dragging ----------------------------------------------------------------------------
    def mousePressEvent(self, e: QMouseEvent) -> None:
        bar = self.bar_at(e.position().toPoint())
        if bar is None or e.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(e)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.select(bar.initiative_id)
        if self.editable:
            x = self.mapToScene(e.position().toPoint()).x()
            self.drag = _Drag(bar, bar.on_handle(x), x, bar.start, bar.end)

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        pos = e.position().toPoint()
        d = self.drag
        if d is None:
            bar = self.bar_at(pos)
            x = self.mapToScene(pos).x()
            shape = (Qt.CursorShape.ArrowCursor if bar is None or not self.editable
                     else Qt.CursorShape.SizeHorCursor if bar.on_handle(x)
                     else Qt.CursorShape.OpenHandCursor)
            self.viewport().setCursor(shape)
            super().mouseMoveEvent(e)
            return
        shift = (self.mapToScene(pos).x() - d.press_x) / QW
        if d.resize:
            start, end = d.start, d.start + snap_duration(d.start, d.end + shift)
        else:
            start = snap_move(d.start, shift, self.first_quarter, self.end_quarter - 1)
            end = start + d.end - d.start
        if (start, end) != (d.bar.start, d.bar.end):
            self._follow(d.bar, start, end)
        self._show_feedback(d)

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        d = self.drag
        if d is None:
            super().mouseReleaseEvent(e)
            return
        self.drag = None
        if self.feedback is not None:
            self.feedback.parentItem().hide()
        ident, start, end = d.bar.initiative_id, d.bar.start, d.bar.end
        # after these signals the scene is rebuilt: no item may be touched any more
        if d.resize and end - start != d.end - d.start:
            self.resized.emit(ident, end - start)
        elif not d.resize and start != d.start:
            self.moved.emit(ident, start)

    def mouseDoubleClickEvent(self, e: QMouseEvent) -> None:
        bar = self.bar_at(e.position().toPoint())
        if bar is not None:
            self.activated.emit(bar.initiative_id)
        else:
            super().mouseDoubleClickEvent(e)

    def _follow(self, bar: BarItem, start: int, end: int) -> None:
        """Move a bar while it is dragged: its arrows and the conflict flags follow."""
        bar.set_span(start, end)
        ident = bar.initiative_id
        self.spans[ident] = replace(self.spans[ident], start=start, end=end)
        found = conflicts(self.spans)
        for other in (ident, *self.dependents.get(ident, [])):
            self.bars[other].set_conflict(found.get(other, []))
        arrows = self.arrows_of.get(ident, [])
        for arrow in arrows:
            arrow.refresh()
        self._show_arrows(arrows)

    def _show_feedback(self, d: _Drag) -> None:
        if self.feedback is None:
            return
        bar = d.bar
        self.feedback.setText(span_text(bar.start, bar.end))
        back = self.feedback.parentItem()
        text = self.feedback.boundingRect()
        assert isinstance(back, QGraphicsRectItem)
        back.setRect(QRectF(0, 0, text.width() + 10, text.height() + 4))
        self.feedback.setPos(5, 2)
        x = bar.rect().right() - text.width() - 10 if d.resize else bar.rect().left()
        y = bar.rect().top() - text.height() - 8
        back.setPos(max(0.0, x), y if y > 0 else bar.rect().bottom() + 4)
        back.show()


def _bar_tip(row: Row, names: dict[int | None, str]) -> str:
    i = row.initiative
    lines = [i.name, span_text(row.start, row.end),
             f"{label(initiative_quadrant(i))} · {label(i.portfolio)} · {label(i.status)}"]
    deps = [f"'{names[d]}'" for d in dict.fromkeys(i.depends_on) if d in names]
    if deps:
        lines.append("Depends on " + ", ".join(deps))
    return "\n".join(lines)
