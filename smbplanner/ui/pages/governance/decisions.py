"""A quarterly review's decision on each initiative (continue, change or stop, with a note),
beside each initiative's status colour and spend to date; and "what changed since the last
review": the plan now against the snapshot taken when the last review was held
(``analysis.compare``, delivery included). Each verdict or note typed is one edit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.budget import counted
from smbplanner.analysis.compare import PlanComparison, compare_plans
from smbplanner.analysis.governance import sorted_reviews
from smbplanner.analysis.tracking import initiative_tracking, overdue, tracking_year
from smbplanner.analysis.tracking_text import rag_text
from smbplanner.domain.enums import Verdict, label
from smbplanner.domain.model import Initiative, Plan, Review, ReviewDecision
from smbplanner.domain.numbers import whole
from smbplanner.storage.errors import JsonFormatError, StaleEdit
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.tracking import RAG_COLOURS
from smbplanner.ui.refresh import watch
from smbplanner.ui.shared.widgets import ChoiceDelegate, ErrorLine

Index = QModelIndex | QPersistentModelIndex
HEADERS = ["Initiative", "Status", "Spent to date", "Decision", "Note"]
VERDICT, NOTE = 3, 4
NO_VERDICT = ""
SHOWN_CHANGES = 5


class DecisionsModel(QAbstractTableModel):
    """The initiatives that count (and any the review decided on), with the review's verdict
    and note; setting a verdict adds, changes or removes the review's decision."""

    #: A refusal to show beside the table.
    error = Signal(str)

    def __init__(self, document: PlanDocument, today: Callable[[], date]):
        super().__init__(document)
        self.document, self.today = document, today
        self.review_id: int | None = None
        self.rows: list[tuple[Initiative, ReviewDecision | None, int]] = []
        self.past_due: set[int] = set()

    def set_review(self, review_id: int | None) -> None:
        self.review_id = review_id
        self.refresh()

    def review(self, plan: Plan) -> Review | None:
        return next((r for r in plan.reviews if r.id == self.review_id), None)

    def refresh(self) -> None:
        plan = self.document.plan()
        review = self.review(plan)
        self.beginResetModel()
        self.rows = []
        if review is not None:
            decided = {d.initiative_id: d for d in review.verdicts}
            through = tracking_year(plan)
            for initiative in plan.initiatives:
                if initiative.id is None or not (counted(initiative) or initiative.id in decided):
                    continue
                spent = initiative_tracking(initiative, plan.business, through).spent_cents
                self.rows.append((initiative, decided.get(initiative.id), whole(spent)))
            self.past_due = {i.id for i, _, _ in self.rows
                             if i.id is not None and overdue(i, self.today())}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.column() in (VERDICT, NOTE) and not self.document.readonly:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        initiative, decision, spent = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == 0:
                return initiative.name
            if column == 1:
                text = rag_text(initiative.rag) if initiative.rag else "—"
                return f"{text} · {self.tr('past due')}" if initiative.id in self.past_due \
                    else text
            if column == 2:
                return fmt.units(spent)
            if column == VERDICT:
                if role == Qt.ItemDataRole.EditRole:
                    return decision.verdict.value if decision else NO_VERDICT
                return label(decision.verdict) if decision else "—"
            if column == NOTE:
                return decision.note if decision else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == 1 and initiative.rag:
            colour = QColor(RAG_COLOURS[initiative.rag])
            colour.setAlpha(90)
            return colour
        if role == Qt.ItemDataRole.ToolTipRole and column == 1 and initiative.rag_reason:
            return initiative.rag_reason
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or self.review_id is None:
            return False
        initiative, decision, _ = self.rows[index.row()]
        assert initiative.id is not None
        if index.column() == VERDICT:
            return self.set_verdict(initiative, decision, str(value or ""))
        if index.column() == NOTE:
            note = str(value).strip()
            if decision is None or decision.id is None:
                if note:
                    self.error.emit(self.tr("Note: choose continue, change or stop first"))
                return False
            if note == decision.note:
                return False
            text = self.tr("Change the review's note on '{0}'").format(initiative.name)
            return self._done(self.document.update(ReviewDecision, decision.id, text, note=note))
        return False

    def set_verdict(self, initiative: Initiative, decision: ReviewDecision | None,
                    value: str) -> bool:
        """Decide continue, change or stop (or nothing): one edit, one undo step."""
        assert initiative.id is not None and self.review_id is not None
        name = initiative.name
        if not value:
            if decision is None or decision.id is None:
                return False
            return self._done(self.document.delete(ReviewDecision, decision.id, name))
        verdict = Verdict(value)
        text = self.tr("Decide '{0}': {1}").format(name, label(verdict).lower())
        if decision is None:
            new = ReviewDecision(initiative.id, verdict)
            return self._done(self.document.add(new, parent_id=self.review_id, text=text))
        if decision.verdict == verdict or decision.id is None:
            return False
        return self._done(self.document.update(ReviewDecision, decision.id, text,
                                               verdict=verdict))

    def _done(self, outcome: Any) -> bool:
        if not outcome:
            self.error.emit(outcome.message())
        return bool(outcome)


class DecisionsPanel(QWidget):
    def __init__(
        self,
        document: PlanDocument,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ):
        super().__init__(parent)
        self.document = document
        self.title = QLabel()
        self.model = DecisionsModel(document, today)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Decisions of the review per initiative"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        choices = [(NO_VERDICT, "—"), *((v.value, label(v)) for v in Verdict)]
        self.view.setItemDelegateForColumn(VERDICT, ChoiceDelegate(choices, self.view))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NOTE, QHeaderView.ResizeMode.Stretch)
        self.error = ErrorLine()
        self.model.error.connect(self.error.show_message)
        self.changes = QLabel()
        self.changes.setWordWrap(True)
        self.changes.setTextFormat(Qt.TextFormat.PlainText)
        self.changes.setAccessibleName(self.tr("What changed since the last review"))
        self._snapshots: dict[int, Plan] = {}  # a snapshot's plan, read once (never edited)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.changes)
        watch(self, document, self.refresh)
        self.refresh()

    def set_review(self, review_id: int | None) -> None:
        self.error.show_message("")
        self.model.set_review(review_id)
        self.refresh()

    def refresh(self) -> None:
        plan = self.document.plan()
        review = self.model.review(plan)
        if review is None:
            self.title.setText(self.tr("<b>Decisions</b>: select a review in the log."))
        else:
            self.title.setText(self.tr("<b>Decisions of the review of {0}</b>").format(
                fmt.day(review.date)))
        self.model.refresh()
        self.changes.setText(self.since_last_review(plan))

    def last_review(self, plan: Plan) -> tuple[Review, Plan] | None:
        """The latest review whose snapshot is still in the plan, and that snapshot's plan;
        raises JsonFormatError when the snapshot cannot be read."""
        for review in reversed(sorted_reviews(plan.reviews)):
            if review.snapshot_id is None:
                continue
            before = self._snapshots.get(review.snapshot_id)
            if before is None:
                try:
                    before = self.document.plan_file.snapshot_plan(review.snapshot_id)
                except StaleEdit:  # the snapshot was deleted: an earlier review may have one
                    continue
                self._snapshots[review.snapshot_id] = before
            return review, before
        return None

    def since_last_review(self, plan: Plan) -> str:
        """What changed since the snapshot of the last review, in a few lines."""
        try:
            found = self.last_review(plan)
        except JsonFormatError as e:
            return self.tr("The last review's snapshot cannot be read: {0}").format(e)
        if found is None:
            return self.tr("What changed since the last review: no review has a snapshot "
                           "yet (“Add review” takes one).")
        review, before = found
        return changes_text(compare_plans(before, plan), fmt.day(review.date))


def changes_text(comparison: PlanComparison, when: str) -> str:
    """The comparison in lines: one per initiative added, removed or changed."""
    if comparison.unchanged:
        return f"Nothing changed since the last review ({when})."
    items = [f"• Added: {i.name}" for i in comparison.added]
    items += [f"• Removed: {i.name}" for i in comparison.removed]
    items += [f"• {c.name}: {'; '.join(c.changes)}" for c in comparison.changed]
    shown = items if len(items) <= SHOWN_CHANGES else items[: SHOWN_CHANGES - 1]
    if len(shown) < len(items):
        shown.append(f"• and {len(items) - len(shown)} more (Roadmap & budget ▸ Snapshots "
                     "compares in full)")
    if not items:
        shown = ["• Budget or planned spend per year (Roadmap & budget ▸ Snapshots)"]
    return "\n".join([f"Since the last review ({when}):", *shown])
