"""The editor of the selected initiative: its fields (each committing when editing finishes,
one undo command), the goals it serves, what it depends on, and its milestones."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.alignment import serves_no_goal
from smbplanner.domain.enums import FundingSource, InitiativeStatus, Portfolio, label
from smbplanner.domain.model import Initiative, Milestone, Plan
from smbplanner.ui import terms
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.links import DependenciesBox, GoalLinksBox
from smbplanner.ui.pages.initiatives.listmodel import DRIFT_TIP
from smbplanner.ui.pages.kpis.tables import PlanTableModel
from smbplanner.ui.refresh import watch
from smbplanner.ui.shared.forms import Binding, PlainTextField
from smbplanner.ui.shared.people import PeopleField, people_names
from smbplanner.ui.shared.tablemodel import Column
from smbplanner.ui.shared.widgets import ErrorLine, TablePanel

MILESTONE_COLUMNS = [
    Column("name", "Milestone"),
    Column("year", "Year", "int", optional=False),
    Column("quarter", "Quarter", "int", optional=False, tooltip="1 to 4"),
]


def _enum_combo(name: str, kind: type[StrEnum]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for member in kind:
        combo.addItem(label(member), member.value)
    return combo


class InitiativeEditor(QWidget):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.initiative_id: int | None = None
        self.error = ErrorLine()

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Move email and files to the cloud"))
        self.description = PlainTextField()
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(
            self.tr("What changes for the business, and why now?")
        )
        self.description.setFixedHeight(56)
        self.portfolio = _enum_combo(self.tr("Portfolio"), Portfolio)
        self.portfolio.setToolTip(terms.tip("run_change"))
        self.status = _enum_combo(self.tr("Status"), InitiativeStatus)
        self.funding = _enum_combo(self.tr("Paid by"), FundingSource)
        self.funding.setToolTip(self.tr(
            "How it is paid for: from the business's cash, a loan, a lease, a grant or "
            "otherwise. The board pack splits the ask and the cash flow by it."))
        # chosen from People (its ▾ lists them), any other name still allowed
        self.owner = PeopleField(lambda: people_names(document.plan()))
        self.owner.setPlaceholderText(self.tr("Who answers for it"))
        self.start_year = QSpinBox()
        self.start_year.setRange(2000, 2100)
        self.start_quarter = QComboBox()
        for quarter in range(1, 5):
            self.start_quarter.addItem(f"Q{quarter}", quarter)
        self.duration = QSpinBox()
        self.duration.setRange(1, 40)
        self.duration.valueChanged.connect(self._duration_suffix)
        self._duration_suffix(1)
        names = {
            self.name: self.tr("Name"),
            self.description: self.tr("Description"),
            self.owner: self.tr("Owner"),
            self.start_year: self.tr("Start year"),
            self.start_quarter: self.tr("Start quarter"),
            self.duration: self.tr("Duration"),
        }
        for widget, name in names.items():
            widget.setAccessibleName(name)

        self.bindings = [
            self._bind(self.name, "name", self.tr("Name"), "", str.strip),
            self._bind(self.description, "description", self.tr("Description"), ""),
            self._bind(self.portfolio, "portfolio", self.tr("Portfolio"), "", Portfolio),
            self._bind(self.status, "status", self.tr("Status"), "", InitiativeStatus),
            self._bind(self.funding, "funding", self.tr("Paid by"), "", FundingSource),
            self._bind(self.owner, "owner", self.tr("Owner"), "", str.strip),
            self._bind(self.start_year, "start_year", self.tr("Start year"), 2000),
            self._bind(self.start_quarter, "start_quarter", self.tr("Start quarter"), 1),
            self._bind(self.duration, "duration_quarters", self.tr("Duration"), 1),
        ]

        self.goals = GoalLinksBox(document)
        self.depends = DependenciesBox(document)
        self.milestone_model = PlanTableModel(
            document, Milestone, MILESTONE_COLUMNS, self._milestones
        )
        self.milestones = TablePanel(
            self.tr("Milestones"),
            self.milestone_model,
            on_add=self.add_milestone,
            add_text=self.tr("Add milestone"),
        )
        self.milestones.title.hide()  # the tab names it
        header = self.milestones.view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 70), (2, 70)):
            header.resizeSection(column, width)
        self.milestones.view.setMinimumHeight(90)

        form = QGridLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addWidget(self._label(self.tr("&Name"), self.name), 0, 0)
        form.addWidget(self.name, 0, 1, 1, 5)
        form.addWidget(self._label(self.tr("&Description"), self.description), 1, 0)
        form.addWidget(self.description, 1, 1, 1, 5)
        form.addWidget(self._label(self.tr("&Portfolio"), self.portfolio), 2, 0)
        form.addWidget(self.portfolio, 2, 1)
        form.addWidget(self._label(self.tr("&Status"), self.status), 2, 2)
        form.addWidget(self.status, 2, 3)
        form.addWidget(self._label(self.tr("&Owner"), self.owner), 2, 4)
        form.addWidget(self.owner, 2, 5)
        starts = QHBoxLayout()
        starts.addWidget(self.start_year)
        starts.addWidget(self.start_quarter)
        form.addWidget(self._label(self.tr("S&tarts"), self.start_year), 3, 0)
        form.addLayout(starts, 3, 1)
        form.addWidget(self._label(self.tr("D&uration"), self.duration), 3, 2)
        form.addWidget(self.duration, 3, 3)
        form.addWidget(self._label(self.tr("Pa&id by"), self.funding), 3, 4)
        form.addWidget(self.funding, 3, 5)
        form.setColumnStretch(5, 1)
        self.links = QTabWidget()
        self.links.setAccessibleName(self.tr("Goals, dependencies and milestones"))
        self.links.setDocumentMode(True)
        for widget in (self.goals, self.depends, self.milestones):
            self.links.addTab(widget, "")
        self.none = QLabel(self.tr("Select an initiative in the list to edit it here."))
        self.none.setWordWrap(True)
        self.fields = QWidget()
        fields = QVBoxLayout(self.fields)
        fields.setContentsMargins(0, 0, 0, 0)
        fields.addLayout(form)
        fields.addWidget(self.error)
        fields.addWidget(self.links, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.none)
        layout.addWidget(self.fields, 1)
        watch(self, document, self._refresh)
        self.set_initiative(None)

    # --- fields --------------------------------------------------------------------------
    def _duration_suffix(self, value: int) -> None:
        self.duration.setSuffix(self.tr(" quarter") if value == 1 else self.tr(" quarters"))

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        caption = QLabel(text)
        caption.setBuddy(buddy)
        return caption

    def _bind(
        self,
        widget: QWidget,
        field: str,
        caption: str,
        default: Any,
        convert: Callable[[Any], Any] | None = None,
    ) -> Binding:
        def read(plan: Plan) -> Any:
            initiative = self._find(plan)
            if initiative is None:
                return default
            value = getattr(initiative, field)
            return value.value if isinstance(value, StrEnum) else value

        def write(value: Any) -> bool:
            initiative = self._find(self.document.plan())
            if initiative is None or initiative.id is None:
                return False
            new = convert(value) if convert is not None else value
            if field == "name":
                text = self.tr("Rename initiative '{0}' to '{1}'").format(initiative.name, new)
            else:
                text = self.tr("Change initiative '{0}' {1}").format(
                    initiative.name, caption.lower()
                )
            return self.document.update(Initiative, initiative.id, text, **{field: new})

        return Binding(self.document, widget, self.error, read, write, caption)

    def _find(self, plan: Plan) -> Initiative | None:
        return None if self.initiative_id is None else plan.initiative(self.initiative_id)

    def initiative(self) -> Initiative | None:
        return self._find(self.document.plan())

    def _milestones(self, plan: Plan) -> list[Milestone]:
        initiative = self._find(plan)
        return initiative.milestones if initiative else []

    # --- selection -----------------------------------------------------------------------
    def set_initiative(self, initiative_id: int | None) -> None:
        if initiative_id != self.initiative_id:
            self.error.show_message("")
            self.milestones.error.show_message("")
        self.initiative_id = initiative_id
        for binding in self.bindings:
            binding.load()
        self.goals.set_initiative(initiative_id)
        self.depends.set_initiative(initiative_id)
        self.milestone_model.refresh()
        self._refresh()

    def _refresh(self) -> None:
        plan = self.document.plan()
        initiative = self._find(plan)
        self.none.setText(
            self.tr("Select an initiative in the list to edit it here.")
            if plan.initiatives
            else self.tr("The plan has no initiatives yet: add one with the buttons below the "
                         "list, then describe it here.")
        )
        self.none.setVisible(initiative is None)
        self.fields.setVisible(initiative is not None)
        self.owner.refresh_names()
        counts = (
            (len(initiative.goals), len(initiative.depends_on), len(initiative.milestones))
            if initiative
            else (0, 0, 0)
        )
        titles = (self.tr("Goals served"), self.tr("Depends on"), self.tr("Milestones"))
        for tab, (title, count) in enumerate(zip(titles, counts, strict=True)):
            self.links.setTabText(tab, f"{title} ({count})")
        drifting = initiative is not None and serves_no_goal(initiative, plan)
        self.links.setTabIcon(0, QApplication.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning) if drifting else QIcon())
        self.links.setTabToolTip(0, self.tr(DRIFT_TIP) if drifting else "")
        writable = initiative is not None and not self.document.readonly
        self.milestones.add_button.setEnabled(writable)
        self.milestones.delete_button.setEnabled(
            writable and initiative is not None and bool(initiative.milestones)
        )

    def add_milestone(self) -> int | None:
        initiative = self.initiative()
        if initiative is None:
            return None
        milestone = Milestone(
            self.tr("New milestone"), initiative.start_year, initiative.start_quarter
        )
        text = self.tr("Add milestone to '{0}'").format(initiative.name)
        return self.document.add(milestone, parent_id=initiative.id, text=text).value
