"""The "Fit to budget…" dialog: shows the proposal of ``analysis.fit_budget`` with one
sentence per initiative; nothing changes until the owner clicks Apply, which stores every
change as ONE undo step ("Fit to budget")."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.fit_budget import FitProposal, FitValue, Verdict, fit_to_budget
from smbplanner.analysis.timeline import quarter_label
from smbplanner.domain.model import Initiative
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument

VERDICTS = {
    Verdict.KEPT: "Funded, kept",
    Verdict.DEFERRED: "Funded, deferred",
    Verdict.BROUGHT_FORWARD: "Funded, brought forward",
    Verdict.NOT_FUNDED: "Not funded",
    Verdict.FIXED: "Not fitted",
}
VALUES = [
    (FitValue.NPV, "NPV (likely scenario)"),
    (FitValue.ALIGNED_IMPACT, "Impact × goal alignment"),
]


def _item(text: str, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setToolTip(text if len(text) > 40 else "")
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class FitDialog(QDialog):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(self.tr("Fit to budget"))
        self.resize(980, 620)
        self.proposal: FitProposal | None = None
        intro = QLabel(self.tr(
            "A proposal of which Change initiatives to fund, and when, so that no year's "
            "Change budget is exceeded and every prerequisite ends before its dependent "
            "starts. Nothing changes until you click Apply; initiatives not funded are put "
            "on hold. Run initiatives and work already in progress are not moved."))
        intro.setWordWrap(True)
        self.value = QComboBox()
        self.value.setAccessibleName(self.tr("Value to maximise"))
        for kind, text in VALUES:
            self.value.addItem(self.tr(text), kind.value)
        self.value.currentIndexChanged.connect(self.recompute)
        choose = QHBoxLayout()
        label = QLabel(self.tr("&Maximise:"))
        label.setBuddy(self.value)
        choose.addWidget(label)
        choose.addWidget(self.value)
        choose.addStretch(1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("Proposal, one row per initiative"))
        self.table.setHorizontalHeaderLabels(
            [self.tr(h) for h in ("Initiative", "Decision", "Start", "Value", "Why")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.years = QLabel()
        self.years.setWordWrap(True)
        self.years.setTextFormat(Qt.TextFormat.RichText)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Apply | QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setAccessibleName(self.tr("Apply the proposal"))
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(choose)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.years)
        layout.addWidget(self.buttons)
        self.recompute()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.table.resizeRowsToContents()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def value_kind(self) -> FitValue:
        return FitValue(self.value.currentData())

    def _value_text(self, value: float, currency: str) -> str:
        if self.value_kind() == FitValue.NPV:
            return fmt.money(value, currency)
        return self.tr("{0} pts").format(fmt.number(value, 1))

    def recompute(self) -> None:
        plan = self.document.plan()
        currency = plan.business.currency
        proposal = fit_to_budget(plan, self.value_kind())
        self.proposal = proposal
        self.table.setRowCount(len(proposal.choices))
        for row, c in enumerate(proposal.choices):
            if c.new_start is None:
                start = self.tr("(was {0})").format(quarter_label(c.old_start))
            elif c.new_start != c.old_start:
                start = f"{quarter_label(c.old_start)} → {quarter_label(c.new_start)}"
            else:
                start = quarter_label(c.new_start)
            fixed = c.verdict == Verdict.FIXED
            cells = [
                _item(c.name),
                _item(self.tr(VERDICTS[c.verdict])),
                _item(start),
                _item("" if fixed else self._value_text(c.value, currency), True),
                _item(c.explanation),
            ]
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 240))
        self.table.setColumnWidth(4, 200)  # the last column stretches; rows fit on resize
        self.table.resizeRowsToContents()
        funded = [c for c in proposal.choices
                  if c.verdict not in (Verdict.NOT_FUNDED, Verdict.FIXED)]
        edits = proposal.edits()
        text = self.tr("{0} funded, {1} not funded; value of the funded: {2}. "
                       "{3} change.").format(
            len(funded), sum(c.verdict == Verdict.NOT_FUNDED for c in proposal.choices),
            self._value_text(proposal.total_value, currency),
            fmt.count(len(edits), "initiative"))
        self.summary.setText(" ".join([text, *proposal.notes]))
        years = [
            self.tr("<b>{0}</b>: {1} → {2} of {3}").format(
                y.year, fmt.money(y.before_cents, currency), fmt.money(y.after_cents, currency),
                fmt.money(y.envelope_cents, currency))
            for y in proposal.years
        ]
        self.years.setText(
            self.tr("Change spend against the Change budget, now → proposed: ")
            + ("; ".join(years) if years else self.tr("no budget years yet"))
        )
        self.apply_button.setEnabled(bool(edits) and not self.document.readonly)
        self.apply_button.setToolTip("" if edits else self.tr("The plan already fits"))

    def apply(self) -> None:
        """Store every change of the proposal as one undo step, then close."""
        assert self.proposal is not None
        edits = self.proposal.edits()
        if self.document.update_many(Initiative, edits, "Fit to budget"):
            self.accept()
