"""Phase 1, Destination: the business profile, the IT vision and mission, and the goals."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.alignment import served_goal_ids
from smbplanner.domain.currency import CURRENCIES
from smbplanner.domain.enums import Perspective
from smbplanner.domain.model import Goal, Plan
from smbplanner.ui import terms
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.refresh import watch
from smbplanner.ui.shared.forms import Binding, PlainTextField
from smbplanner.ui.shared.tablemodel import DATE_TIP, Column, EntityTableModel
from smbplanner.ui.shared.widgets import ErrorLine, TablePanel

VISION_HINT = (
    "Example: Technology lets every shop sell, bake and order from one live "
    "picture of the business, so we serve customers faster and waste less."
)
MISSION_HINT = (
    "Example: Keep our systems running safely every day and put our IT budget "
    "where it moves margin, customer loyalty and waste."
)

_served: tuple[Plan | None, set[int]] = (None, set())


def unserved(goal: Goal, plan: Plan) -> str | None:
    """Why a goal is flagged: no initiative serves it (``analysis.alignment``; worked out
    once per version of the plan, not per cell)."""
    global _served
    if _served[0] is not plan:
        _served = (plan, served_goal_ids(plan))
    if goal.id in _served[1]:
        return None
    return ("No initiative serves this goal yet: on the Initiatives page, tick it on an "
            "initiative's Goals served tab, or add one that moves it")


GOAL_COLUMNS = [
    Column("title", "Goal"),
    Column(
        "perspective", "Perspective", "enum", Perspective, tooltip=terms.tip("perspective")
    ),
    Column("weight", "Weight", "int", optional=False, tooltip="1 nice to have … 5 vital"),
    Column("target_date", "Target date", "date", tooltip=DATE_TIP),
    Column("description", "Description"),
]


class DestinationPage(QWidget):
    title = "Destination"

    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.error = ErrorLine()
        self.name = QLineEdit()
        self.industry = QLineEdit()
        self.employees = QSpinBox()
        self.employees.setRange(0, 10_000_000)
        self.employees.setGroupSeparatorShown(True)
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(sorted(CURRENCIES))
        self.start_year = QSpinBox()
        self.start_year.setRange(2000, 2100)
        self.horizon = QSpinBox()
        self.horizon.setRange(1, 10)
        self.horizon.setSuffix(self.tr(" years"))
        self.vision = PlainTextField()
        self.vision.setPlaceholderText(VISION_HINT)
        self.mission = PlainTextField()
        self.mission.setPlaceholderText(MISSION_HINT)
        for box in (self.vision, self.mission):
            box.setTabChangesFocus(True)
            box.setMinimumHeight(64)
            box.setMaximumHeight(96)

        b = document
        self.bindings = [
            Binding(
                b,
                self.name,
                self.error,
                lambda p: p.business.name,
                lambda v: b.update_business("Change business name", name=v.strip()),
                self.tr("Business name"),
            ),
            Binding(
                b,
                self.industry,
                self.error,
                lambda p: p.business.industry,
                lambda v: b.update_business("Change industry", industry=v.strip()),
                self.tr("Industry"),
            ),
            Binding(
                b,
                self.employees,
                self.error,
                lambda p: p.business.employees,
                lambda v: b.update_business("Change employees", employees=v),
                self.tr("Employees"),
            ),
            Binding(
                b,
                self.currency,
                self.error,
                lambda p: p.business.currency,
                lambda v: b.update_business("Change currency", currency=v),
                self.tr("Currency"),
            ),
            Binding(
                b,
                self.start_year,
                self.error,
                lambda p: p.business.start_year,
                lambda v: b.update_business("Change start year", start_year=v),
                self.tr("Start year"),
            ),
            Binding(
                b,
                self.horizon,
                self.error,
                lambda p: p.business.horizon_years,
                lambda v: b.update_business("Change horizon", horizon_years=v),
                self.tr("Horizon"),
            ),
            Binding(
                b,
                self.vision,
                self.error,
                lambda p: p.business.it_vision,
                lambda v: b.update_business("Change IT vision", it_vision=v),
                self.tr("IT vision"),
            ),
            Binding(
                b,
                self.mission,
                self.error,
                lambda p: p.business.it_mission,
                lambda v: b.update_business("Change IT mission", it_mission=v),
                self.tr("IT mission"),
            ),
        ]

        profile = QGroupBox(self.tr("Business profile"))
        form = QFormLayout(profile)
        form.addRow(self.tr("Business name"), self.name)
        form.addRow(self.tr("Industry"), self.industry)
        form.addRow(self.tr("Employees"), self.employees)
        form.addRow(self.tr("Currency"), self.currency)
        form.addRow(self.tr("First year"), self.start_year)
        form.addRow(self.tr("Plan covers"), self.horizon)

        direction = QGroupBox(self.tr("Where IT should take the business"))
        dform = QFormLayout(direction)
        dform.addRow(self.tr("IT vision"), self.vision)
        dform.addRow(self.tr("IT mission"), self.mission)

        self.goals_model = EntityTableModel(document, Goal, GOAL_COLUMNS, lambda p: p.goals,
                                            highlight=unserved)
        self.goals = TablePanel(
            self.tr("Business goals (3–5 years)"),
            self.goals_model,
            on_add=self.add_goal,
            add_text=self.tr("Add goal"),
        )
        self.empty_hint = QLabel(
            self.tr(
                "No goals yet. Add the three to five things the business must achieve in the next "
                "years; every initiative should serve at least one of them."
            )
        )
        self.empty_hint.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(profile, 2)
        top.addWidget(direction, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.goals, 1)
        layout.addWidget(self.empty_hint)
        watch(self, document, self._refresh_hint)
        self._refresh_hint()

    def _refresh_hint(self) -> None:
        self.empty_hint.setVisible(not self.document.first_look().goals)

    def add_goal(self) -> int | None:
        return self.document.add(Goal(title=self.tr("New goal")), text="Add goal").value
