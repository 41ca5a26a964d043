"""Phase 2, Assessment: the SWOT board, the systems inventory and stakeholder feedback."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.assessment import (
    end_of_life_reason,
    overall_satisfaction,
    satisfaction_by_department,
    system_totals,
)
from smbplanner.domain import numbers
from smbplanner.domain.enums import Criticality, SystemAction
from smbplanner.domain.model import Feedback, Plan, System
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.assessment.swot_board import SwotBoard
from smbplanner.ui.pages.assessment.systems import (
    REPLACED_BY,
    InitiativeDelegate,
    SystemTableModel,
    replacement_sentence,
)
from smbplanner.ui.refresh import watch
from smbplanner.ui.shared.tablemodel import Column, EntityTableModel
from smbplanner.ui.shared.widgets import TablePanel
from smbplanner.ui.theme import error_red

EOL_TIP = (
    "The last year the vendor supports it. A row is highlighted when this year is before "
    "the plan's start year (set on the Destination page): the plan begins with it unsupported."
)
SYSTEM_COLUMNS = [
    Column("name", "System"),
    Column("category", "Category"),
    Column("vendor", "Vendor"),
    Column("annual_run_cost_cents", "Run cost a year", "money", tooltip="Licences, support, "
           "hosting and connection costs per year"),
    Column("year_installed", "Installed", "int"),
    Column("end_of_life_year", "End of life", "int", tooltip=EOL_TIP),
    Column("condition", "Condition", "int", optional=False, tooltip="1 poor … 5 excellent"),
    Column("criticality", "Criticality", "enum", Criticality,
           tooltip="How much the business suffers when it stops"),
    Column("action", "Action", "enum", SystemAction,
           tooltip="Keep as it is, invest in it, replace it, or retire it"),
    REPLACED_BY,
    Column("notes", "Notes"),
]  # fmt: skip
FEEDBACK_COLUMNS = [
    Column("department", "Department"),
    Column("satisfaction", "Satisfaction (1–5)", "int", optional=False,
           tooltip="How well IT serves this department: 1 poor … 5 excellent"),
    Column("pain_point", "Pain point"),
]  # fmt: skip
MAX_COLUMN_WIDTH = 170


def _hint(panel: TablePanel, text: str) -> QLabel:
    """A line under the panel's title bar saying what to do while the table is empty."""
    hint = QLabel(text)
    hint.setWordWrap(True)
    layout = panel.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(1, hint)
    return hint


def _cap_widths(panel: TablePanel) -> None:
    for column in range(panel.model.columnCount()):
        width = panel.view.columnWidth(column)
        panel.view.setColumnWidth(column, min(width + 12, MAX_COLUMN_WIDTH))


def _eol(system: System, plan: Plan) -> str | None:
    return end_of_life_reason(system, plan.business.start_year)


class SystemsTab(QWidget):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        model = SystemTableModel(
            document, System, SYSTEM_COLUMNS, lambda plan: plan.systems, highlight=_eol
        )
        self.panel = TablePanel(
            self.tr("Current IT systems"), model, on_add=self._add, add_text=self.tr("Add system")
        )
        self.panel.add_button.clicked.connect(self.panel.view.setFocus)
        self.panel.view.setItemDelegateForColumn(
            SYSTEM_COLUMNS.index(REPLACED_BY), InitiativeDelegate(document, self.panel.view))
        _cap_widths(self.panel)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName(self.tr("Selected system"))
        self.panel.view.selectionModel().currentRowChanged.connect(self._show_detail)
        self.hint = _hint(
            self.panel,
            self.tr(
                "No systems yet. List every system the business pays for or depends on "
                "(tills, accounting, email, servers, Wi-Fi, website), then click 'Add system'."
            ),
        )
        self.total_label, self.eol_label, self.outgoing_label = QLabel(), QLabel(), QLabel()
        self.outgoing_label.setToolTip(
            self.tr("Annual run cost of the systems whose action is replace or retire, or that "
                    "an initiative replaces")
        )
        totals = QHBoxLayout()
        totals.setSpacing(24)
        for widget in (self.total_label, self.eol_label, self.outgoing_label):
            widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            totals.addWidget(widget)
        totals.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel, 1)
        layout.addWidget(self.detail)
        layout.addLayout(totals)
        watch(self, document, self.refresh)
        self.refresh()

    def _add(self) -> int | None:
        return self.document.add(System(self.tr("New system")), text=self.tr("Add system")).value

    def _show_detail(self) -> None:
        """The selected system's notes and end-of-life reason, in full."""
        index = self.panel.view.currentIndex()
        if not index.isValid():
            self.detail.setText(self.tr("Select a system to read its notes in full."))
            return
        system = self.panel.model.entity(index.row())
        plan = self.document.plan()
        parts = [f"<b>{escape(system.name)}</b>"]
        reason = end_of_life_reason(system, plan.business.start_year)
        if reason:
            red = error_red(self.palette())
            parts.append(f"<span style='color:{red}'>{escape(reason)}.</span>")
        if replaced := replacement_sentence(system, plan):
            parts.append(escape(replaced))
        parts.append(escape(system.notes) or self.tr("No notes."))
        self.detail.setText(" ".join(parts))

    def refresh(self) -> None:
        self._show_detail()
        plan = self.document.plan()
        start, currency = plan.business.start_year, plan.business.currency
        totals = system_totals(plan.systems, start)
        self.hint.setVisible(totals.count == 0)
        self.detail.setVisible(totals.count > 0)
        self.total_label.setText(
            self.tr("Total run cost: <b>{0}</b> a year").format(
                fmt.money(totals.run_cost_cents, currency)
            )
        )
        self.eol_label.setText(
            self.tr("Past end of life: <b>{0}</b>").format(totals.past_end_of_life)
        )
        self.eol_label.setToolTip(
            self.tr("Systems whose end-of-life year is before the plan's start year ({0})").format(
                start
            )
        )
        self.outgoing_label.setText(
            self.tr("To replace or retire: <b>{0}</b> a year").format(
                fmt.money(totals.outgoing_run_cost_cents, currency)
            )
        )


class FeedbackTab(QWidget):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        model = EntityTableModel(document, Feedback, FEEDBACK_COLUMNS, lambda plan: plan.feedback)
        self.panel = TablePanel(
            self.tr("What each department says"),
            model,
            on_add=self._add,
            add_text=self.tr("Add feedback"),
        )
        self.panel.add_button.clicked.connect(self.panel.view.setFocus)
        self.panel.view.setWordWrap(True)
        self.panel.view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        _cap_widths(self.panel)
        self.hint = _hint(
            self.panel,
            self.tr(
                "No feedback yet. Ask each department how well IT serves them (1 poor … "
                "5 excellent) and what gets in their way, then click 'Add feedback'."
            ),
        )
        self.averages = QTableWidget(0, 3)
        self.averages.setAccessibleName(self.tr("Average satisfaction per department"))
        self.averages.setHorizontalHeaderLabels(
            [self.tr("Department"), self.tr("Responses"), self.tr("Average")]
        )
        self.averages.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.averages.verticalHeader().setVisible(False)
        header = self.averages.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.overall = QLabel()
        side = QVBoxLayout()
        side_title = QLabel(self.tr("<b>Average satisfaction</b>"))
        side_title.setMinimumHeight(self.panel.add_button.sizeHint().height())
        side.addWidget(side_title)
        side.addWidget(self.averages, 1)
        side.addWidget(self.overall)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel, 2)
        layout.addLayout(side, 1)
        watch(self, document, self.refresh)
        self.refresh()

    def _add(self) -> int | None:
        entry = Feedback(self.tr("New department"), satisfaction=3)
        return self.document.add(entry, text=self.tr("Add feedback")).value

    def refresh(self) -> None:
        feedback = self.document.plan().feedback
        rows = satisfaction_by_department(feedback)
        self.hint.setVisible(not feedback)
        self.averages.setRowCount(len(rows))
        for row, entry in enumerate(rows):
            cells = [entry.department, str(entry.responses), _one_decimal(entry.average)]
            for column, text in enumerate(cells):
                self.averages.setItem(row, column, _cell(text, right=column > 0))
        overall = overall_satisfaction(feedback)
        if overall is None:
            self.overall.setText(self.tr("Overall: no responses yet"))
        else:
            self.overall.setText(
                self.tr("Overall: <b>{0}</b> out of 5 from {1}").format(
                    _one_decimal(overall), fmt.count(len(feedback), "response")
                )
            )


def _one_decimal(value: float) -> str:
    return numbers.decimal(value, 1, fmt.style())


def _cell(text: str, *, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class AssessmentPage(QWidget):
    """Where IT stands today: SWOT through a business lens, systems, and what staff say."""

    title = "Assessment"

    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.swot = SwotBoard(document)
        self.systems = SystemsTab(document)
        self.feedback = FeedbackTab(document)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.swot, self.tr("&SWOT"))
        self.tabs.addTab(self.systems, self.tr("S&ystems inventory"))
        self.tabs.addTab(self.feedback, self.tr("Stakeholder &feedback"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
