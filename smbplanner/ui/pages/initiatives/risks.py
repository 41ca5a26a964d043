"""The Risks tab: the selected initiative's risk register (score = likelihood × impact) and,
beside it, the plan-wide heat map with the top risks (or the risks of the chosen cell)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.risks import PlanRisk, band, cell_risks, heat_map, top_risks
from smbplanner.domain.enums import RiskCategory, RiskStatus
from smbplanner.domain.model import Initiative, Plan, Risk
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.heatmap import HUES, RiskHeatMap
from smbplanner.ui.pages.kpis.tables import PlanTableModel
from smbplanner.ui.refresh import watch
from smbplanner.ui.shared.people import PeopleDelegate
from smbplanner.ui.shared.tablemodel import Column
from smbplanner.ui.shared.widgets import TablePanel

Index = QModelIndex | QPersistentModelIndex


def _score(risk: Risk, plan: Plan) -> str:
    return str(risk.score)


RISK_COLUMNS = [
    Column("category", "Category", "enum", RiskCategory),
    Column("description", "Description"),
    Column("likelihood", "Likelihood", "int", optional=False, tooltip="1 rare … 5 almost certain"),
    Column("impact", "Impact", "int", optional=False, tooltip="1 minor … 5 severe"),
    Column("score", "Score", "computed", getter=_score, tooltip="Likelihood × impact (1–25)"),
    Column("mitigation", "Mitigation"),
    Column("owner", "Owner"),
    Column("status", "Status", "enum", RiskStatus),
]
SCORE = [c.field for c in RISK_COLUMNS].index("score")


class RiskTableModel(PlanTableModel):
    """Risks with the score cell tinted by its band (translucent, for both palettes)."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == SCORE:
            risk = self.rows[index.row()]
            if role == Qt.ItemDataRole.BackgroundRole:
                return QColor.fromHsv(HUES[band(risk.score)], 200, 230, 120)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignCenter)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Likelihood {0} × impact {1} = {2} ({3})").format(
                    risk.likelihood, risk.impact, risk.score, band(risk.score)
                )
        return super().data(index, role)


class RisksPanel(QWidget):
    #: An initiative picked from the top risks (or a heat-map cell's risks).
    initiative_activated = Signal(int)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.initiative_id: int | None = None
        self.model = RiskTableModel(document, Risk, RISK_COLUMNS, self._risks)
        self.register = TablePanel(
            self.tr("Risk register"), self.model, on_add=self.add_risk,
            add_text=self.tr("Add risk"),
        )
        self.register.view.setItemDelegateForColumn(
            [c.field for c in RISK_COLUMNS].index("owner"),
            PeopleDelegate(document, parent=self.register.view))
        header = self.register.view.horizontalHeader()
        for column, width in enumerate((105, 180, 70, 55, 45, 170, 110, 70)):
            header.resizeSection(column, width)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        register_layout = self.register.layout()
        assert isinstance(register_layout, QVBoxLayout)
        register_layout.insertWidget(1, self.hint)

        self.heat = RiskHeatMap()
        self.heat.cell_chosen.connect(self._show_cell)
        self.heat_title = QLabel(self.tr("<b>All initiatives: open risks</b>"))
        self.heat_title.setToolTip(
            self.tr("Closed risks and risks of done or cancelled initiatives are not counted")
        )
        self.list_title = QLabel()
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Top risks"))
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._activated)
        self.list.itemDoubleClicked.connect(self._activated)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.heat_title)
        side_layout.addWidget(self.heat, 3)
        side_layout.addWidget(self.list_title)
        side_layout.addWidget(self.list, 2)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.register)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([730, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split)
        watch(self, document, self.refresh, {"initiative", "risk"})
        self.refresh()

    def _find(self, plan: Plan) -> Initiative | None:
        return None if self.initiative_id is None else plan.initiative(self.initiative_id)

    def _risks(self, plan: Plan) -> list[Risk]:
        initiative = self._find(plan)
        return initiative.risks if initiative else []

    def set_initiative(self, initiative_id: int | None) -> None:
        if initiative_id != self.initiative_id:
            self.register.error.show_message("")
        self.initiative_id = initiative_id
        self.model.refresh()
        self.refresh()

    def refresh(self) -> None:
        plan = self.document.plan()
        initiative = self._find(plan)
        writable = initiative is not None and not self.document.readonly
        self.register.add_button.setEnabled(writable)
        self.register.delete_button.setEnabled(
            writable and initiative is not None and bool(initiative.risks)
        )
        if initiative is None:
            self.hint.setText(self.tr("Select an initiative to see and edit its risks."))
        elif not initiative.risks:
            self.hint.setText(
                self.tr(
                    "No risks yet. Click “Add risk” and say what could go wrong, how likely "
                    "(1–5) and how bad (1–5) it would be, and what you will do about it."
                )
            )
        self.hint.setVisible(initiative is None or not initiative.risks)
        self.heat.set_counts(heat_map(plan))
        if self.heat.selected is None:
            self._show_top(plan)
        else:
            self._show_cell(*self.heat.selected)

    def _show_top(self, plan: Plan) -> None:
        risks = top_risks(plan)
        self.list_title.setText(
            self.tr("<b>Top risks</b> (click a cell to list its risks)")
            if risks
            else self.tr("No open risks in the plan.")
        )
        self._fill(risks)

    def _show_cell(self, likelihood: int, impact: int) -> None:
        risks = cell_risks(self.document.plan(), likelihood, impact)
        self.list_title.setText(
            self.tr("<b>Likelihood {0} × impact {1}</b>: {2}").format(
                likelihood, impact, fmt.count(len(risks), "open risk")
            )
        )
        self._fill(risks)

    def _fill(self, risks: list[PlanRisk]) -> None:
        self.list.clear()
        for entry in risks:
            name = entry.initiative_name
            short = name if len(name) <= 40 else name[:39] + "…"
            item = QListWidgetItem(f"{entry.score} · {entry.risk.description} — {short}")
            item.setToolTip(f"{entry.risk.description}\n{name}")
            item.setData(Qt.ItemDataRole.UserRole, entry.initiative_id)
            self.list.addItem(item)
        self.list.setVisible(bool(risks))

    def _activated(self, item: QListWidgetItem) -> None:
        initiative_id = item.data(Qt.ItemDataRole.UserRole)
        if initiative_id is not None:
            self.initiative_activated.emit(int(initiative_id))

    def add_risk(self) -> int | None:
        initiative = self._find(self.document.plan())
        if initiative is None:
            return None
        text = self.tr("Add risk to '{0}'").format(initiative.name)
        risk = Risk(self.tr("New risk"))
        return self.document.add(risk, parent_id=initiative.id, text=text).value
