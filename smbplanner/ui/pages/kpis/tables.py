"""The KPI and measurement tables of the KPIs page: columns, a model with readable undo names
and a goal column, the goal combo delegate and a progress-bar delegate."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from smbplanner.analysis.kpis import bar_percent, latest, progress, target_conflict
from smbplanner.domain.enums import KpiDirection
from smbplanner.domain.model import Kpi, Plan
from smbplanner.domain.money import MoneyError
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.shared.tablemodel import DATE_TIP, Column, EntityTableModel
from smbplanner.ui.shared.widgets import ChoiceDelegate

Index = QModelIndex | QPersistentModelIndex

#: Item data role holding a progress value (float per cent, or None) for ProgressDelegate.
PROGRESS_ROLE = int(Qt.ItemDataRole.UserRole) + 1


def percent(value: float | None) -> str:
    return "—" if value is None else f"{fmt.number(value, 0)} %"


def _goal_title(kpi: Kpi, plan: Plan) -> str:
    goal = plan.goal(kpi.goal_id)
    return goal.title if goal else ""


def _latest_text(kpi: Kpi, plan: Plan) -> str:
    last = latest(kpi)
    return "" if last is None else fmt.number(last.value)


def _progress_text(kpi: Kpi, plan: Plan) -> str:
    return percent(progress(kpi))


KPI_COLUMNS = [
    Column("goal_id", "Goal", "goal", getter=_goal_title, tooltip="The goal this KPI measures"),
    Column("name", "KPI"),
    Column("unit", "Unit", tooltip="e.g. %, minutes, orders a week"),
    Column(
        "direction",
        "Direction",
        "enum",
        KpiDirection,
        tooltip="Increase: better when it rises. Decrease: better when it falls.",
    ),
    Column("baseline", "Baseline", "number", tooltip="Where the KPI stood when you started"),
    Column("target", "Target", "number"),
    Column(
        "latest",
        "Latest actual",
        "computed",
        getter=_latest_text,
        tooltip="The most recent measurement",
    ),
    Column(
        "progress",
        "Progress",
        "computed",
        getter=_progress_text,
        tooltip="How far the latest actual has come from baseline to target",
    ),
    Column("target_date", "Target date", "date", tooltip=DATE_TIP),
    Column(
        "replaces_it_metric",
        "Instead of this IT metric",
        tooltip="The IT-activity measure this business outcome replaces, e.g. server uptime",
    ),
]

MEASUREMENT_COLUMNS = [
    Column("date", "Date", "date", optional=False, tooltip=DATE_TIP),
    Column("value", "Value", "number"),
    Column("note", "Note"),
]

#: How an edit of each field is named on the undo stack (default: the column header).
UNDO_NAMES = {"goal_id": "goal", "replaces_it_metric": "IT metric it replaces"}


class PlanTableModel(EntityTableModel):
    """EntityTableModel with a goal column (stores a goal id), right-aligned figures, a
    progress role and undo names that say which entity changed."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entity, column = self.rows[index.row()], self.columns[index.column()]
        if column.field == "progress":
            if role == PROGRESS_ROLE:
                return progress(entity)
            if role == Qt.ItemDataRole.ToolTipRole and progress(entity) is None:
                if latest(entity) is None:
                    return self.tr("No measurement yet")
                return self.tr("The baseline equals the target: set a target to measure progress")
        if column.kind == "goal" and role == Qt.ItemDataRole.EditRole:
            return getattr(entity, column.field)
        if column.field == "latest" and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)

    def parse(self, column: Column, value: Any) -> Any:
        if column.kind == "goal":
            goals = {g.id for g in self.document.plan().goals}
            if isinstance(value, bool) or not isinstance(value, int) or value not in goals:
                raise MoneyError("choose one of the plan's goals")
            return value
        return super().parse(column, value)

    def undo_text(self, entity: Any, column: Column, value: Any) -> str:
        name = self.kind.label(entity)
        if column.field == "name":
            return f"Rename {self.kind.name} '{name}' to '{value}'"
        what = UNDO_NAMES.get(column.field, column.header.lower())
        return f"Change {self.kind.name} '{name}' {what}"


def kpi_highlight(kpi: Kpi, plan: Plan) -> str | None:
    return target_conflict(kpi)


class GoalDelegate(ChoiceDelegate):
    """A combo of the plan's goal titles for a column that stores a goal id."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent=parent, name="Goal", min_chars=28)
        self.document = document

    def items(self) -> list[tuple[Any, str]]:
        return [(g.id, g.title) for g in self.document.plan().goals]


class ProgressDelegate(QStyledItemDelegate):
    """Draws a small bar (clamped to 0..100 %) followed by the honest value ("130 %"), for
    items holding a value in PROGRESS_ROLE; other items are drawn as usual."""

    TEXT_WIDTH = 44

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), 24))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        value = index.data(PROGRESS_ROLE)
        if value is None:
            super().paint(painter, option, index)
            return
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, widget)

        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        ink = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        rect: QRect = option.rect
        groove = QRectF(rect.adjusted(4, 0, -self.TEXT_WIDTH, 0))
        groove.setTop(rect.center().y() - 4)
        groove.setHeight(9)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(ink if selected else palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(groove, 3, 3)
        filled = QRectF(groove)
        filled.setWidth(groove.width() * bar_percent(value) / 100)
        if filled.width() > 0:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(ink if selected else palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(filled, 3, 3)
        painter.setPen(ink)
        text_rect = rect.adjusted(rect.width() - self.TEXT_WIDTH, 0, -4, 0)
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(text_rect, int(align), percent(value))
        painter.restore()
