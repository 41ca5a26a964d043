"""Phase 5, Measure: KPIs tied to goals, their measurements and trend, and the balanced
scorecard. Figures (latest actual, progress, scorecard groups) come from analysis.kpis."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.kpis import latest, measurements_by_date, scorecard
from smbplanner.domain.model import Kpi, Measurement, Plan
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.kpis.chart import KpiChart
from smbplanner.ui.pages.kpis.scorecard import ScorecardView
from smbplanner.ui.pages.kpis.tables import (
    KPI_COLUMNS,
    MEASUREMENT_COLUMNS,
    GoalDelegate,
    PlanTableModel,
    ProgressDelegate,
    kpi_highlight,
)
from smbplanner.ui.refresh import watch
from smbplanner.ui.shared.widgets import TablePanel

INTRO = (
    "Measure business outcomes, not IT activity: each KPI belongs to a goal, moves from a "
    "baseline to a target, and says which IT metric it replaces."
)


class KpisPage(QWidget):
    title = "KPIs & scorecard"

    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self._kpi_id: int | None = None
        self._column = 1  # the KPI table's current column, kept across reloads

        self.kpi_model = PlanTableModel(
            document, Kpi, KPI_COLUMNS, lambda plan: plan.kpis, highlight=kpi_highlight
        )
        self.kpis = TablePanel(
            self.tr("KPIs per goal"),
            self.kpi_model,
            on_add=self._add_kpi,
            add_text=self.tr("Add KPI"),
        )
        view = self.kpis.view
        view.setItemDelegateForColumn(0, GoalDelegate(document, view))
        fields = [c.field for c in KPI_COLUMNS]
        view.setItemDelegateForColumn(fields.index("progress"), ProgressDelegate(view))
        self.kpi_hint = QLabel()
        self.kpi_hint.setWordWrap(True)
        self.kpis.layout().insertWidget(1, self.kpi_hint)

        self.measurement_model = PlanTableModel(
            document, Measurement, MEASUREMENT_COLUMNS, self._measurements
        )
        self.measurements = TablePanel(
            self.tr("Measurements"),
            self.measurement_model,
            on_add=self._add_measurement,
            add_text=self.tr("Add measurement"),
        )
        self.chart = KpiChart()

        intro = QLabel(self.tr(INTRO))
        intro.setWordWrap(True)
        bottom = QSplitter(Qt.Orientation.Horizontal)
        bottom.addWidget(self.measurements)
        bottom.addWidget(self.chart)
        bottom.setStretchFactor(0, 2)
        bottom.setStretchFactor(1, 3)
        bottom.setSizes([420, 600])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.kpis)
        split.addWidget(bottom)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        kpi_tab = QWidget()
        kpi_layout = QVBoxLayout(kpi_tab)
        kpi_layout.addWidget(intro)
        kpi_layout.addWidget(split, 1)

        self.scorecard = ScorecardView()
        self.scorecard.kpi_activated.connect(self.select_kpi)
        self.tabs = QTabWidget()
        self.tabs.addTab(kpi_tab, self.tr("KPIs and measurements"))
        self.tabs.addTab(self.scorecard, self.tr("Balanced scorecard"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.kpi_model.modelAboutToBeReset.connect(self._remember_column)
        self.kpi_model.modelReset.connect(self._reselect)
        watch(self, document, self.refresh)
        self._reselect()
        self._size_columns()
        self.refresh()

    # --- state ---------------------------------------------------------------------------
    def current_kpi(self) -> Kpi | None:
        plan = self.document.plan()
        return next((k for k in plan.kpis if k.id == self._kpi_id), None)

    def _measurements(self, plan: Plan) -> list[Measurement]:
        kpi = next((k for k in plan.kpis if k.id == self._kpi_id), None)
        return measurements_by_date(kpi) if kpi is not None else []

    def select_kpi(self, kpi_id: int) -> None:
        """Show a KPI: switch to the KPI tab and select its row."""
        self.tabs.setCurrentIndex(0)
        self.kpis.select_id(kpi_id)
        self.kpis.view.setFocus()

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        kpi_id = self.kpi_model.entity(current.row()).id if current.isValid() else None
        if kpi_id != self._kpi_id:
            self._kpi_id = kpi_id
            self.measurements.error.show_message("")
            self.measurement_model.refresh()
            self._show_kpi()

    def _remember_column(self) -> None:
        current = self.kpis.view.currentIndex()
        self._column = current.column() if current.isValid() else 1

    def _reselect(self) -> None:
        """After the KPI table reloads, select the same KPI and cell again (else the first
        KPI), so that keyboard editing carries on where it was."""
        row = self.kpi_model.row_of(self._kpi_id)
        if row < 0 and self.kpi_model.rowCount():
            row = 0
        if row >= 0:
            self.kpis.view.setCurrentIndex(self.kpi_model.index(row, self._column))
        elif self._kpi_id is not None:
            self._kpi_id = None
            self.measurement_model.refresh()

    def refresh(self) -> None:
        plan = self.document.plan()
        writable = not self.document.readonly
        has_goals = bool(plan.goals)
        self.kpis.add_button.setEnabled(writable and has_goals)
        self.kpis.delete_button.setEnabled(writable and bool(plan.kpis))
        self.kpis.add_button.setToolTip(
            "" if has_goals else self.tr("Add a goal on the Destination page first")
        )
        if not has_goals:
            self.kpi_hint.setText(
                self.tr(
                    "No goals yet. Add your business goals on the Destination page, then come "
                    "back to say how you will measure each one."
                )
            )
        elif not plan.kpis:
            self.kpi_hint.setText(
                self.tr("No KPIs yet. Click “Add KPI”, then type its name, baseline and target.")
            )
        self.kpi_hint.setVisible(not plan.kpis or not has_goals)
        self.chart.none_text = (
            self.tr("Select a KPI in the table above to see its trend.")
            if plan.kpis
            else self.tr("Add a KPI above to see its trend here.")
        )
        self._show_kpi()
        self.scorecard.show_cards(scorecard(plan))

    def _show_kpi(self) -> None:
        kpi = self.current_kpi()
        writable = not self.document.readonly
        self.measurements.add_button.setEnabled(writable and kpi is not None)
        self.measurements.delete_button.setEnabled(writable and bool(kpi and kpi.measurements))
        self.measurements.add_button.setToolTip("" if kpi else self.tr("Select a KPI first"))
        if kpi is None:
            self.measurements.title.setText(f"<b>{self.tr('Measurements')}</b>")
        else:
            name = kpi.name if len(kpi.name) <= 30 else kpi.name[:29] + "…"
            self.measurements.title.setText(
                f"<b>{self.tr('Measurements')}</b> — {html.escape(name)}"
            )
            self.measurements.title.setToolTip(kpi.name)
        self.chart.set_kpi(kpi)

    # --- adding --------------------------------------------------------------------------
    def _add_kpi(self) -> int | None:
        plan = self.document.plan()
        if not plan.goals:
            return None
        current = self.current_kpi()
        goal_id = current.goal_id if current is not None else plan.goals[0].id
        assert goal_id is not None
        return self.document.add(Kpi(goal_id, self.tr("New KPI")), text=self.tr("Add KPI")).value

    def _add_measurement(self) -> int | None:
        kpi = self.current_kpi()
        if kpi is None:
            return None
        last = latest(kpi)
        value = last.value if last is not None else kpi.baseline
        text = self.tr("Add measurement of '{0}'").format(kpi.name)
        measurement = Measurement(date.today(), value)
        return self.document.add(measurement, parent_id=kpi.id, text=text).value

    def _size_columns(self) -> None:
        header = self.kpis.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        widths = [150, 180, 75, 75, 65, 60, 95, 95, 85, 180]
        for column, width in enumerate(widths):
            header.resizeSection(column, width)
        header = self.measurements.view.horizontalHeader()
        for column, width in enumerate((100, 90, 120)):
            header.resizeSection(column, width)
