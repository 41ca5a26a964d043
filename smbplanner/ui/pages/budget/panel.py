"""The Budget tab of "Roadmap & budget": the Run and Change budget per year (editable), the
planned spend against it as a chart and a table, the Run share against the owner's target,
and "Fit to budget…". Every figure comes from ``analysis.budget``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.budget import budget_rows, next_budget_year
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.budget.chart import BudgetChart
from smbplanner.ui.pages.budget.fit import FitDialog
from smbplanner.ui.pages.budget.table import BudgetFiguresModel
from smbplanner.ui.pages.budget.years import BudgetYearModel
from smbplanner.ui.refresh import FIGURES, watch
from smbplanner.ui.shared.widgets import TablePanel
from smbplanner.ui.theme import error_red


class BudgetPanel(QWidget):
    title = "Budget"

    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.fit_dialog: FitDialog | None = None

        self.target = QSpinBox()
        self.target.setRange(-1, 100)
        self.target.setSpecialValueText(self.tr("no target"))
        self.target.setSuffix(" %")
        self.target.setAccessibleName(self.tr("Target Run share"))
        self.target.setToolTip(self.tr(
            "The share of planned spend you want on Run (keeping the business running); "
            "the rest goes to Change. Go below 0 for “no target”."))
        self.target.setKeyboardTracking(False)
        self.target.valueChanged.connect(self._target_changed)
        target_label = QLabel(self.tr("&Target Run share:"))
        target_label.setBuddy(self.target)
        self.on_hold = QCheckBox(self.tr("Count initiatives &on hold"))
        self.on_hold.setChecked(False)
        self.on_hold.setToolTip(self.tr(
            "Initiatives on hold are not planned spend (as in the board pack). Tick to see "
            "what the budget would look like if they went ahead."))
        self.on_hold.toggled.connect(self.refresh)
        self.fit_button = QPushButton(self.tr("&Fit to budget…"))
        self.fit_button.setAccessibleName(self.tr("Fit to budget"))
        self.fit_button.clicked.connect(self.open_fit_dialog)
        self.status = QLabel()
        self.status.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(target_label)
        bar.addWidget(self.target)
        bar.addSpacing(16)
        bar.addWidget(self.on_hold)
        bar.addStretch(1)
        bar.addWidget(self.fit_button)

        self.years_model = BudgetYearModel(document)
        self.years = TablePanel(self.tr("Budget per year"), self.years_model,
                                on_add=self.add_year, add_text=self.tr("Add year"))
        self.years_hint = QLabel()
        self.years_hint.setWordWrap(True)
        years_layout = self.years.layout()
        assert isinstance(years_layout, QVBoxLayout)
        years_layout.insertWidget(1, self.years_hint)
        self.chart = BudgetChart()
        self.figures_model = BudgetFiguresModel(self)
        self.figures = QTableView()
        self.figures.setModel(self.figures_model)
        self.figures.setAccessibleName(self.tr("Spend against budget per year"))
        self.figures.verticalHeader().setVisible(False)
        self.figures.setAlternatingRowColors(True)
        self.figures.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.figures.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.figures.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)  # "Over budget"
        figures_box = QWidget()
        figures_layout = QVBoxLayout(figures_box)
        figures_layout.setContentsMargins(0, 0, 0, 0)
        figures_layout.addWidget(QLabel(f"<b>{self.tr('Spend against budget')}</b>"))
        figures_layout.addWidget(self.status)
        figures_layout.addWidget(self.figures)

        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.years)
        top.addWidget(self.chart)
        top.setStretchFactor(0, 2)
        top.setStretchFactor(1, 5)
        top.setSizes([400, 640])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(figures_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split, 1)
        watch(self, document, self.refresh,
              FIGURES | {"budget_year", "system"})  # now when shown, else when next shown
        self.refresh()

    def refresh(self) -> None:
        self._stale = False
        plan = self.document.plan()
        currency = plan.business.currency
        rows = budget_rows(plan, include_on_hold=self.on_hold.isChecked())
        self.figures_model.set_rows(rows, currency)
        self.chart.set_rows(rows, currency)
        bp = plan.business.target_run_share_bp
        self.target.blockSignals(True)
        self.target.setValue(-1 if bp is None else round(bp / 100))
        self.target.blockSignals(False)
        writable = not self.document.readonly
        self.target.setEnabled(writable)
        self.fit_button.setEnabled(writable)
        self.years.delete_button.setEnabled(writable and bool(plan.budget_years))
        self.years_hint.setText(self.tr(
            "No budget yet. Click “Add year”, then type the Run budget (keeping the business "
            "running) and the Change budget (growth and innovation) for each year."))
        self.years_hint.setVisible(not plan.budget_years)
        over = [r for r in rows if r.is_over]
        if over:
            self.status.setText(self.tr("Over budget in {0}.").format(", ".join(
                f"{r.year} ({self.figures_model.over_text(r)})" for r in over)))
        elif plan.budget_years:
            self.status.setText(self.tr("Planned spend is within budget in every year."))
        else:
            self.status.setText("")
        self.status.setVisible(bool(self.status.text()))
        self.status.setStyleSheet(f"color: {error_red(self.palette())};" if over else "")

    def _target_changed(self, value: int) -> None:
        bp = None if value < 0 else value * 100
        if bp == self.document.plan().business.target_run_share_bp:
            return
        text = (self.tr("Remove the target Run share") if bp is None
                else self.tr("Set the target Run share to {0} %").format(value))
        if not self.document.update_business(text, target_run_share_bp=bp):
            self.refresh()

    def add_year(self) -> int | None:
        entry = next_budget_year(self.document.plan())
        text = self.tr("Add budget year {0}").format(entry.year)
        return self.document.add(entry, text=text).value

    def open_fit_dialog(self) -> FitDialog:
        """Show the proposal (window-modal, so tests can drive it); returns the dialog."""
        self.fit_dialog = FitDialog(self.document, self)
        self.fit_dialog.open()
        return self.fit_dialog

    def money(self, cents: int) -> str:
        return fmt.money(cents, self.document.plan().business.currency)
