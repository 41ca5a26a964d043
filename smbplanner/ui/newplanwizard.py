"""File ▸ New plan: a guided walk through phase 1 (Destination) in three steps — the
business, its goals, and the IT vision and mission — that gives the whole new ``Plan``.

Nothing is written here: ``plan()`` returns the plan and ``PlanFiles`` creates the file.
Each step refuses bad input with a message naming the field, through the domain's validation.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from smbplanner.domain.currency import CURRENCIES
from smbplanner.domain.enums import Perspective, label
from smbplanner.domain.model import Business, Goal, Plan
from smbplanner.domain.validation import check
from smbplanner.ui.shared.widgets import ErrorLine

MAX_GOALS = 5


def _intro(text: str) -> QLabel:
    intro = QLabel(text)
    intro.setWordWrap(True)
    return intro


class BusinessPage(QWizardPage):
    def __init__(self, currency: str = "EUR"):
        super().__init__()
        self.setTitle(self.tr("Your business"))
        self.setSubTitle(self.tr("Step 1 of 3 — who the plan is for and the years it covers."))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Harbour Bakery Co."))
        self.industry = QLineEdit()
        self.industry.setPlaceholderText(self.tr("e.g. Bakery and cafés"))
        self.currency = QComboBox()
        self.currency.setEditable(True)
        self.currency.addItems(sorted(CURRENCIES))
        self.currency.setCurrentText(currency)
        self.start_year = QSpinBox()
        self.start_year.setRange(2000, 2100)
        self.start_year.setValue(date.today().year)
        self.horizon = QSpinBox()
        self.horizon.setRange(1, 10)
        self.horizon.setValue(5)
        self.horizon.setSuffix(self.tr(" years"))
        self.error = ErrorLine()
        form = QFormLayout()
        for text, widget in (
            (self.tr("Business &name"), self.name),
            (self.tr("&Industry"), self.industry),
            (self.tr("&Currency"), self.currency),
            (self.tr("&First year"), self.start_year),
            (self.tr("Plan &covers"), self.horizon),
        ):
            form.addRow(text, widget)
            widget.setAccessibleName(text.replace("&", ""))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def business(self) -> Business:
        return Business(
            name=self.name.text().strip(),
            industry=self.industry.text().strip(),
            currency=self.currency.currentText().strip().upper(),
            start_year=self.start_year.value(),
            horizon_years=self.horizon.value(),
        )

    def validatePage(self) -> bool:
        labels = {"name": self.tr("Business name"), "currency": self.tr("Currency"),
                  "industry": self.tr("Industry")}
        problems = check(self.business())
        if problems:
            first = problems[0]
            self.error.show_message(f"{labels.get(first.field, first.field)}: {first.message}")
            return False
        self.error.clear()
        return True


class GoalsPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Business goals"))
        self.setSubTitle(self.tr(
            "Step 2 of 3 — one to five goals for the next years. Every initiative will say "
            "which goals it serves."))
        grid = QGridLayout()
        for column, text in enumerate(
            (self.tr("Goal"), self.tr("Perspective"), self.tr("Weight (1–5)"))
        ):
            grid.addWidget(QLabel(f"<b>{text}</b>"), 0, column)
        self.titles: list[QLineEdit] = []
        self.perspectives: list[QComboBox] = []
        self.weights: list[QSpinBox] = []
        examples = (
            self.tr("e.g. Grow online orders to 20 % of sales by 2028"),
            self.tr("e.g. Open a second shop without adding office staff"),
        )
        for row in range(MAX_GOALS):
            title = QLineEdit()
            title.setAccessibleName(self.tr("Goal {0}").format(row + 1))
            if row < len(examples):
                title.setPlaceholderText(examples[row])
            perspective = QComboBox()
            perspective.setAccessibleName(self.tr("Perspective of goal {0}").format(row + 1))
            for value in Perspective:
                perspective.addItem(label(value), value)
            weight = QSpinBox()
            weight.setRange(1, 5)
            weight.setValue(3)
            weight.setAccessibleName(self.tr("Weight of goal {0}").format(row + 1))
            weight.setToolTip(self.tr("1 nice to have … 5 vital"))
            grid.addWidget(title, row + 1, 0)
            grid.addWidget(perspective, row + 1, 1)
            grid.addWidget(weight, row + 1, 2)
            self.titles.append(title)
            self.perspectives.append(perspective)
            self.weights.append(weight)
        grid.setColumnStretch(0, 1)
        self.error = ErrorLine()
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(_intro(self.tr(
            "Weights say how much each goal matters (5 = vital). Leave unused rows empty; "
            "you can change every goal later on the Destination page.")))
        layout.addWidget(self.error)
        layout.addStretch(1)

    def goals(self) -> list[Goal]:
        return [
            Goal(
                title=title.text().strip(),
                perspective=Perspective(perspective.currentData()),
                weight=weight.value(),
            )
            for title, perspective, weight in zip(
                self.titles, self.perspectives, self.weights, strict=True
            )
            if title.text().strip()
        ]

    def validatePage(self) -> bool:
        goals = self.goals()
        if not goals:
            self.error.show_message(self.tr("Goal 1: write at least one business goal"))
            self.titles[0].setFocus()
            return False
        for number, goal in enumerate(goals, 1):
            problems = check(goal)
            if problems:
                self.error.show_message(
                    self.tr("Goal {0}: {1}").format(number, problems[0].message)
                )
                return False
        self.error.clear()
        return True


class VisionPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("IT vision and mission"))
        self.setSubTitle(self.tr(
            "Step 3 of 3 — what IT should make possible for the business, in a sentence or "
            "two each. Both are optional now."))
        self.vision = QPlainTextEdit()
        self.vision.setAccessibleName(self.tr("IT vision"))
        self.vision.setPlaceholderText(self.tr(
            "The vision — where IT takes the business. e.g. Every customer can order, pay and "
            "book in a minute, from any shop or phone."))
        self.mission = QPlainTextEdit()
        self.mission.setAccessibleName(self.tr("IT mission"))
        self.mission.setPlaceholderText(self.tr(
            "The mission — how IT gets there. e.g. Simple, secure systems that staff trust, "
            "chosen for what they do for our goals."))
        for edit in (self.vision, self.mission):
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(110)
        form = QFormLayout()
        form.addRow(self.tr("IT &vision"), self.vision)
        form.addRow(self.tr("IT &mission"), self.mission)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_intro(self.tr(
            "Next you choose where to save the plan file. Then the Assessment page helps you "
            "look at where you stand today.")))
        layout.addStretch(1)


class NewPlanWizard(QWizard):
    """Phase 1 in three steps; ``plan()`` is the new plan once accepted."""

    def __init__(self, parent: QWidget | None = None, *, currency: str = "EUR"):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New plan"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.business_page = BusinessPage(currency)
        self.goals_page = GoalsPage()
        self.vision_page = VisionPage()
        for page in (self.business_page, self.goals_page, self.vision_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Create plan…"))
        self.resize(720, 520)

    def plan(self) -> Plan:
        business = self.business_page.business()
        business.it_vision = self.vision_page.vision.toPlainText().strip()
        business.it_mission = self.vision_page.mission.toPlainText().strip()
        return Plan(business=business, goals=self.goals_page.goals())
