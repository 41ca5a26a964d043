"""The Tracking tab: what really happened to the selected initiative — its actual start and
finish, percent complete, status colour (RAG) and its reason, the owner's estimate of the cost
at completion, actual spend per year and cost category, realised benefits per year and benefit
category with their evidence — and where it stands against its plan (``analysis.tracking``,
said by ``analysis.tracking_text``). Every field and cell is one edit, one undo step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.tracking import initiative_tracking, tracking_year
from smbplanner.analysis.tracking_text import tracking_sentences
from smbplanner.domain.enums import BenefitCategory, CostCategory, Rag, label
from smbplanner.domain.model import ActualBenefit, ActualCost, Initiative, Plan
from smbplanner.domain.money import MoneyError
from smbplanner.domain.validation import Problem
from smbplanner.ui import fmt
from smbplanner.ui.document import Outcome, PlanDocument
from smbplanner.ui.pages.kpis.tables import PlanTableModel
from smbplanner.ui.refresh import FIGURES, watch
from smbplanner.ui.shared.datefield import DateField
from smbplanner.ui.shared.forms import Binding
from smbplanner.ui.shared.tablemodel import Column
from smbplanner.ui.shared.widgets import ErrorLine, TablePanel

#: What the tab shows: the figures, and every initiative's actuals (the tracking year is the
#: plan's, so another initiative's actuals can move it).
TABLES = FIGURES | {"actual_cost", "actual_benefit"}

#: Status colours, readable in light and dark palettes.
RAG_COLOURS = {Rag.GREEN: "#2e9d4f", Rag.AMBER: "#e0a100", Rag.RED: "#d64541"}

SPEND_COLUMNS = [
    Column("year", "Year", "int", optional=False),
    Column("category", "Category", "enum", CostCategory),
    Column("amount_cents", "Amount", "money", tooltip="What was really paid in that year"),
    Column("note", "Note", tooltip="Where it comes from: an invoice, the accounts"),
]
BENEFIT_COLUMNS = [
    Column("year", "Year", "int", optional=False),
    Column("category", "Category", "enum", BenefitCategory),
    Column("amount_cents", "Amount", "money", tooltip="What the business really gained"),
    Column("evidence", "Evidence", tooltip="How you know: till reports, timesheets, a bill"),
]


class TrackingPanel(QWidget):
    def __init__(
        self,
        document: PlanDocument,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ):
        super().__init__(parent)
        self.document = document
        self.today = today
        self.initiative_id: int | None = None
        self.error = ErrorLine()

        self.actual_start = DateField()  # typed or picked from its calendar
        self.actual_start.setToolTip(self.tr("When the work really started; empty: not yet"))
        self.actual_finish = DateField()
        self.actual_finish.setToolTip(self.tr("When the work really finished; empty: not yet"))
        self.percent = QSpinBox()
        self.percent.setRange(-1, 100)
        self.percent.setSpecialValueText(self.tr("Not reported"))
        self.percent.setSuffix(" %")
        self.rag = QComboBox()
        self.rag.addItem(self.tr("Not set"), "")
        for member in Rag:
            self.rag.addItem(label(member), member.value)
            self.rag.setItemData(
                self.rag.count() - 1, QColor(RAG_COLOURS[member]), Qt.ItemDataRole.DecorationRole
            )
        self.rag_reason = QLineEdit()
        self.rag_reason.setPlaceholderText(self.tr("Why this colour, in a sentence"))
        self.forecast = QLineEdit()
        self.forecast.setPlaceholderText(self.tr("from the plan"))
        self.forecast.setToolTip(self.tr(
            "Your own estimate of the total cost when it is done. Empty: what was spent to "
            "date plus the rest of the plan."))
        self.finished = QPushButton(self.tr("Finished today"))
        self.finished.setToolTip(self.tr(
            "Record today as the actual finish and 100 % complete (after the actual start)"))
        self.finished.clicked.connect(self.mark_finished)
        for edit in (self.actual_start, self.actual_finish, self.forecast):
            edit.setMaximumWidth(190)
        for widget, name in (
            (self.actual_start, self.tr("Actual start")),
            (self.actual_finish, self.tr("Actual finish")),
            (self.percent, self.tr("Percent complete")),
            (self.rag, self.tr("Status colour")),
            (self.rag_reason, self.tr("Reason for the status colour")),
            (self.forecast, self.tr("Estimate at completion")),
        ):
            widget.setAccessibleName(name)

        self.bindings = [
            self._bind(self.actual_start, "actual_start", self.tr("Actual start"),
                       fmt.day, fmt.parse_day),
            self._bind(self.actual_finish, "actual_finish", self.tr("Actual finish"),
                       fmt.day, fmt.parse_day),
            self._bind(self.percent, "percent_complete", self.tr("Percent complete"),
                       lambda v: -1 if v is None else v, lambda v: None if v < 0 else v),
            self._bind(self.rag, "rag", self.tr("Status colour"),
                       lambda v: "" if v is None else v.value, lambda v: Rag(v) if v else None),
            self._bind(self.rag_reason, "rag_reason", self.tr("Reason"), str, str.strip),
            self._bind(self.forecast, "forecast_cost_cents", self.tr("Estimate at completion"),
                       lambda v: "" if v is None else fmt.money_edit(v),
                       lambda v: fmt.parse_money(v) if v.strip() else None),
        ]

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.swatch = QLabel()
        self.swatch.setFixedSize(14, 14)

        self.spend_model = PlanTableModel(document, ActualCost, SPEND_COLUMNS, self._spent)
        self.spend = TablePanel(self.tr("Actual spend"), self.spend_model,
                                on_add=self.add_spend, add_text=self.tr("Add spend"))
        self.benefit_model = PlanTableModel(
            document, ActualBenefit, BENEFIT_COLUMNS, self._realised
        )
        self.benefits = TablePanel(self.tr("Realised benefits"), self.benefit_model,
                                   on_add=self.add_benefit, add_text=self.tr("Add benefit"))
        for table in (self.spend, self.benefits):
            table.view.setMinimumHeight(110)

        form = QGridLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self._label(self.tr("Actual &start"), self.actual_start), 0, 0)
        form.addWidget(self.actual_start, 0, 1)
        form.addWidget(self._label(self.tr("Actual &finish"), self.actual_finish), 0, 2)
        finish = QHBoxLayout()
        finish.addWidget(self.actual_finish, 1)
        finish.addWidget(self.finished)
        finish.addStretch(1)
        form.addLayout(finish, 0, 3)
        form.addWidget(self._label(self.tr("Status &colour"), self.rag), 1, 0)
        colour = QHBoxLayout()
        colour.addWidget(self.swatch)
        colour.addWidget(self.rag, 1)
        form.addLayout(colour, 1, 1)
        form.addWidget(self._label(self.tr("&Reason"), self.rag_reason), 1, 2)
        form.addWidget(self.rag_reason, 1, 3)
        form.addWidget(self._label(self.tr("&Estimate at completion"), self.forecast), 2, 0)
        form.addWidget(self.forecast, 2, 1)
        # on the third row, so that a whole date fits the first at 1024 px
        form.addWidget(self._label(self.tr("&Complete"), self.percent), 2, 2)
        complete = QHBoxLayout()
        complete.addWidget(self.percent)
        complete.addStretch(1)
        form.addLayout(complete, 2, 3)
        form.setColumnStretch(3, 1)
        tables = QHBoxLayout()
        tables.addWidget(self.spend, 1)
        tables.addWidget(self.benefits, 1)

        self.none = QLabel(self.tr("Select an initiative to record what really happened."))
        self.fields = QWidget()
        inner = QVBoxLayout(self.fields)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(form)
        inner.addWidget(self.error)
        inner.addWidget(self.summary)
        inner.addLayout(tables, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.none)
        layout.addWidget(self.fields, 1)
        watch(self, document, self.refresh, TABLES)
        self.set_initiative(None)

    # --- fields --------------------------------------------------------------------------
    def _label(self, text: str, buddy: QWidget) -> QLabel:
        caption = QLabel(text)
        caption.setBuddy(buddy)
        return caption

    def _bind(
        self,
        widget: QWidget,
        field: str,
        caption: str,
        shown: Callable[[Any], Any],
        parse: Callable[[Any], Any],
    ) -> Binding:
        blank = -1 if isinstance(widget, QSpinBox) else ""

        def read(plan: Plan) -> Any:
            initiative = self._find(plan)
            return blank if initiative is None else shown(getattr(initiative, field))

        def write(value: Any) -> Outcome[None] | bool:
            initiative = self._find(self.document.plan())
            if initiative is None or initiative.id is None:
                return False
            try:
                new = parse(value)
            except (MoneyError, ValueError) as e:
                return Outcome(refusal=Problem(field, str(e)))
            text = self.tr("Change initiative '{0}' {1}").format(initiative.name, caption.lower())
            return self.document.update(Initiative, initiative.id, text, **{field: new})

        return Binding(self.document, widget, self.error, read, write, caption)

    def _find(self, plan: Plan) -> Initiative | None:
        return None if self.initiative_id is None else plan.initiative(self.initiative_id)

    def _spent(self, plan: Plan) -> list[ActualCost]:
        initiative = self._find(plan)
        return initiative.actual_costs if initiative else []

    def _realised(self, plan: Plan) -> list[ActualBenefit]:
        initiative = self._find(plan)
        return initiative.actual_benefits if initiative else []

    # --- selection and refresh -----------------------------------------------------------
    def set_initiative(self, initiative_id: int | None) -> None:
        if initiative_id != self.initiative_id:
            for error in (self.error, self.spend.error, self.benefits.error):
                error.show_message("")
        self.initiative_id = initiative_id
        for binding in self.bindings:
            binding.load()
        self.spend_model.refresh()
        self.benefit_model.refresh()
        self.refresh()

    def refresh(self) -> None:
        plan = self.document.plan()
        initiative = self._find(plan)
        self.none.setVisible(initiative is None)
        self.fields.setVisible(initiative is not None)
        if initiative is None:
            return
        writable = not self.document.readonly
        self.finished.setEnabled(writable and initiative.actual_finish is None)
        for table, rows in ((self.spend, initiative.actual_costs),
                            (self.benefits, initiative.actual_benefits)):
            table.add_button.setEnabled(writable)
            table.delete_button.setEnabled(writable and bool(rows))
        colour = "transparent" if initiative.rag is None else RAG_COLOURS[initiative.rag]
        self.swatch.setStyleSheet(f"background: {colour}; border-radius: 7px;")
        tracking = initiative_tracking(initiative, plan.business, tracking_year(plan))
        lines = tracking_sentences(
            initiative, tracking, plan.business.currency, self.today(), fmt.style()
        )
        self.summary.setText("\n".join(lines))

    # --- actions -------------------------------------------------------------------------
    def _year(self, plan: Plan, initiative: Initiative) -> int:
        """A new row's year: the plan's tracking year, else this year within the plan."""
        year = tracking_year(plan)
        if year is None:
            year = max(min(self.today().year, plan.business.end_year), initiative.start_year)
        return year

    def add_spend(self) -> int | None:
        plan = self.document.plan()
        initiative = self._find(plan)
        if initiative is None:
            return None
        spent = ActualCost(self._year(plan, initiative), CostCategory.PURCHASE, 0)
        text = self.tr("Add actual spend to '{0}'").format(initiative.name)
        return self.document.add(spent, parent_id=initiative.id, text=text).value

    def add_benefit(self) -> int | None:
        plan = self.document.plan()
        initiative = self._find(plan)
        if initiative is None:
            return None
        gained = ActualBenefit(self._year(plan, initiative), BenefitCategory.COST_SAVINGS, 0)
        text = self.tr("Add realised benefit to '{0}'").format(initiative.name)
        return self.document.add(gained, parent_id=initiative.id, text=text).value

    def mark_finished(self) -> bool:
        """Today as the actual finish and 100 % complete: one edit, one undo step. The
        actual start must be recorded first (it is not guessed)."""
        initiative = self._find(self.document.plan())
        if initiative is None or initiative.id is None:
            return False
        if initiative.actual_start is None:
            self.error.show_message(self.tr(
                "Actual start: record when the work started before marking it finished"))
            return False
        changes: dict[str, Any] = {"actual_finish": self.today(), "percent_complete": 100}
        text = self.tr("Mark initiative '{0}' finished").format(initiative.name)
        outcome = self.document.update(Initiative, initiative.id, text, **changes)
        self.error.show_message("" if outcome else outcome.message(self.tr("Actual finish")))
        return bool(outcome)
