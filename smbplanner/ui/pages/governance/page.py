"""Phase 4, Governance: the people and the steering committee, the RACI matrix of the
initiatives, and the quarterly review log with the date of the next review; each review's
decision per initiative and what changed since the last review (``decisions.py``). Adding a
review takes a snapshot of the plan with it (one edit, one undo step).

Every figure and rule (committee members, RACI problems, the next review date) comes from
``smbplanner.analysis.governance``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, date, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.governance import next_review, sorted_reviews, steering_committee
from smbplanner.domain import numbers
from smbplanner.domain.model import Person, Review, Snapshot
from smbplanner.domain.validation import Problem
from smbplanner.storage.edits import EditSession
from smbplanner.storage.jsonio import plan_to_dict
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.governance.decisions import DecisionsPanel
from smbplanner.ui.pages.governance.raci import CHECK_COLUMN, RaciModel, RaciView
from smbplanner.ui.refresh import watch
from smbplanner.ui.shared.people import PeopleDelegate
from smbplanner.ui.shared.tablemodel import DATE_TIP, Column, EntityTableModel
from smbplanner.ui.shared.widgets import ErrorLine, TablePanel


def _hint(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class RaciPanel(QWidget):
    """The matrix, how to use it, and the list of initiatives whose RACI needs attention."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.model = RaciModel(document)
        self.view = RaciView(self.model)
        self.title = QLabel(self.tr("<b>RACI matrix</b>"))
        self.hint = _hint()
        self.error = ErrorLine()
        self.model.error.connect(self.error.show_message)
        document.failed.connect(self._failed)
        self.warnings_title = QLabel()
        self.warnings = QListWidget()
        self.warnings.setAccessibleName(self.tr("RACI warnings"))
        self.warnings.itemActivated.connect(self._show_initiative)
        self.warnings.itemClicked.connect(self._show_initiative)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.title, self.hint, self.view, self.error):
            layout.addWidget(widget)
        layout.addWidget(self.warnings_title)
        layout.addWidget(self.warnings)
        layout.addStretch(0)  # takes the room when the matrix is hidden (nothing to show)
        layout.setStretchFactor(self.view, 1)
        self.model.modelReset.connect(self._fit_columns)
        watch(self, document, self.refresh)
        self._fit_columns()
        self.refresh(model=False)  # the model has just read the plan

    def _fit_columns(self) -> None:
        self.view.resizeColumnsToContents()
        header = self.view.horizontalHeader()
        header.resizeSection(0, min(max(header.sectionSize(0), 220), 380))
        header.resizeSection(CHECK_COLUMN, 56)
        for column in range(CHECK_COLUMN + 1, self.model.columnCount()):
            # a long name must not make its column half the matrix (it shows in full in
            # the header's tooltip)
            header.resizeSection(column, min(max(header.sectionSize(column), 90), 170))

    def refresh(self, *, model: bool = True) -> None:
        if model:
            self.model.refresh()
        plan = self.document.plan()
        if not plan.initiatives:
            text = self.tr(
                "No initiatives yet: once the plan has initiatives (page Initiatives), say here "
                "who does what for each."
            )
        elif not plan.people:
            text = self.tr(
                "No people yet: add them above, then give each initiative one "
                "Accountable and at least one Responsible."
            )
        else:
            text = self.tr(
                "R Responsible (does the work) · A Accountable (answers for it, "
                "exactly one) · C Consulted · I Informed. Click a cell for R, A, C, I "
                "and none in turn, or type the letter (Delete clears it). "
                "Cancelled initiatives are greyed and not checked."
            )
        self.hint.setText(text)
        self.view.setVisible(bool(plan.initiatives))
        self.warnings.clear()
        names = {i.id: i.name for i in plan.initiatives}
        for initiative_id, problems in self.model.problems.items():
            for problem in problems:
                item = QListWidgetItem(problem)
                item.setData(Qt.ItemDataRole.UserRole, initiative_id)
                item.setToolTip(names.get(initiative_id, ""))
                self.warnings.addItem(item)
        count = self.warnings.count()
        self.warnings.setVisible(count > 0)
        if count:
            rows = min(count, 4) * max(self.warnings.sizeHintForRow(0), 1)
            self.warnings.setFixedHeight(rows + 2 * self.warnings.frameWidth() + 2)
        if count:
            self.warnings_title.setText(self.tr("<b>Needs attention ({0})</b>").format(count))
        elif plan.initiatives and plan.people:
            self.warnings_title.setText(
                self.tr(
                    "✓ Every initiative has exactly one Accountable and at least one Responsible."
                )
            )
        else:
            self.warnings_title.setText("")
        self.warnings_title.setVisible(bool(self.warnings_title.text()))

    def _show_initiative(self, item: QListWidgetItem) -> None:
        initiative_id = item.data(Qt.ItemDataRole.UserRole)
        row = next((r for r, i in enumerate(self.model.initiatives) if i.id == initiative_id), -1)
        if row >= 0:
            index = self.model.index(row, CHECK_COLUMN)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
            self.view.setFocus()

    def _failed(self, refusal: Problem) -> None:
        if self.isVisible() and self.view.hasFocus():
            self.error.show_message(str(refusal))


class GovernancePage(QWidget):
    title = "Governance"

    def __init__(
        self,
        document: PlanDocument,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ):
        super().__init__(parent)
        self.document = document
        self.today = today

        self.people_model = EntityTableModel(
            document,
            Person,
            [
                Column("name", self.tr("Name")),
                Column("role", self.tr("Role")),
                Column(
                    "on_steering_committee",
                    self.tr("Steering committee"),
                    "bool",
                    tooltip=self.tr("Meets each quarter to steer the plan"),
                ),
            ],
            lambda plan: plan.people,
        )
        self.people = TablePanel(
            self.tr("People and the steering committee"),
            self.people_model,
            on_add=self._add_person,
            add_text=self.tr("Add person"),
        )
        self.committee = _hint()
        self.committee.setAccessibleName(self.tr("Steering committee members"))
        self.people.layout().addWidget(self.committee)

        self.reviews_model = EntityTableModel(
            document,
            Review,
            [
                Column(
                    "date", self.tr("Date"), "date", optional=False, tooltip=DATE_TIP
                ),
                Column("attendees", self.tr("Attendees")),
                Column("decisions", self.tr("Decisions")),
                Column("notes", self.tr("Notes")),
            ],
            lambda plan: sorted_reviews(plan.reviews),
        )
        self.reviews = TablePanel(
            self.tr("Quarterly review log"),
            self.reviews_model,
            on_add=self._add_review,
            add_text=self.tr("Add review"),
        )
        self.reviews.view.setItemDelegateForColumn(  # names from People, or any other
            1, PeopleDelegate(document, multiple=True, parent=self.reviews.view))
        self.next_review = _hint()
        self.next_review.setAccessibleName(self.tr("Next quarterly review"))
        self.reviews.layout().addWidget(self.next_review)

        self.decisions = DecisionsPanel(document, today=today)
        self.reviews.view.selectionModel().currentRowChanged.connect(self._review_chosen)
        self.reviews_model.modelReset.connect(self._review_chosen)

        self.raci = RaciPanel(document)

        review_side = QSplitter(Qt.Orientation.Vertical)
        review_side.addWidget(self.reviews)
        review_side.addWidget(self.decisions)
        review_side.setChildrenCollapsible(False)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.people)
        top.addWidget(review_side)
        top.setStretchFactor(0, 2)
        top.setStretchFactor(1, 3)
        top.setHandleWidth(14)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.raci)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        split.setHandleWidth(14)
        split.setSizes([440, 310])
        self._size_columns()
        layout = QVBoxLayout(self)
        layout.addWidget(split)

        watch(self, document, self.refresh)
        self.refresh()

    # --- showing -------------------------------------------------------------------------
    def _size_columns(self) -> None:
        fixed, stretch = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch
        header = self.people.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.resizeSection(0, 150)
        header.setSectionResizeMode(1, stretch)
        header.setSectionResizeMode(2, fixed)
        header = self.reviews.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, fixed)
        header.resizeSection(1, 150)
        header.setSectionResizeMode(2, stretch)
        header.setSectionResizeMode(3, stretch)

    def refresh(self) -> None:
        plan = self.document.plan()
        members = steering_committee(plan)
        self.committee.setToolTip("")
        if members:
            names = ", ".join(fmt.clip(p.name, 60) for p in members)
            self.committee.setText(
                self.tr("Steering committee ({0}): {1}").format(len(members), names)
            )
            self.committee.setToolTip("\n".join(p.name for p in members))
        elif plan.people:
            self.committee.setText(
                self.tr(
                    "Steering committee: nobody yet. Tick “Steering "
                    "committee” for those who meet each quarter."
                )
            )
        else:
            self.committee.setText(
                self.tr(
                    "No people yet: click “Add person” for each person "
                    "who takes part (staff, IT partner, advisers)."
                )
            )
        due = next_review(plan.reviews, self.today())
        text = self.tr("Next quarterly review: <b>{0}</b> ({1})").format(
            numbers.day(due.date), due.reason  # in words, as the reason writes its dates
        )
        if not plan.reviews:
            text += self.tr(
                "<br>No reviews yet: click “Add review” after each quarterly "
                "meeting and note who came and what was decided."
            )
        self.next_review.setText(text)

    # --- editing -------------------------------------------------------------------------
    def _add_person(self) -> int | None:
        new_id = self.document.add(Person(self.tr("New person")), text=self.tr("Add person")).value
        if new_id is not None:
            QTimer.singleShot(0, self, lambda: self._edit_first_cell(self.people))
        return new_id

    def _review_chosen(self, *_args: object) -> None:
        index = self.reviews.view.currentIndex()
        review = (self.reviews_model.entity(index.row())
                  if index.isValid() and index.row() < self.reviews_model.rowCount() else None)
        self.decisions.set_review(None if review is None else review.id)

    def _add_review(self) -> int | None:
        """A review held today, with a snapshot of the plan as it stands (what the next
        review compares with): one edit, one undo step."""
        plan = dataclasses.replace(self.document.plan(), snapshots=[])
        today = self.today()

        def steps(e: EditSession) -> int:
            snap = Snapshot(name=self.tr("Review {0}").format(today.isoformat()),
                            taken_at=datetime.now(UTC).isoformat(timespec="seconds"),
                            data=plan_to_dict(plan))
            return e.add(Review(today, snapshot_id=e.add(snap)))

        new_id = self.document.edit(self.tr("Add review"), steps).value
        if new_id is not None:
            row = self.reviews_model.row_of(new_id)
            if row >= 0:
                self.reviews.view.setCurrentIndex(self.reviews_model.index(row, 0))
        return new_id

    @staticmethod
    def _edit_first_cell(panel: TablePanel) -> None:
        index = panel.view.currentIndex()
        if index.isValid():
            panel.view.edit(panel.model.index(index.row(), 0))
