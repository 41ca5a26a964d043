"""The figures of an initiative's chosen option in the three scenarios: TCO (and its present
value), benefits, ROI, NPV, IRR, payback and discounted payback, each with a “How is this
calculated?” working, and the cumulative cash-flow chart with its payback point; below them
“How sure is this?” (``ranges.RangeSection``).

Every number comes from ``analysis.figures`` and is refreshed after every edit, undo and redo.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.figures import Figures, option_figures, scenario_factors
from smbplanner.analysis.options import trimmed
from smbplanner.analysis.workings import FIGURE_KEYS, figure_working
from smbplanner.domain.enums import Scenario
from smbplanner.domain.model import Initiative
from smbplanner.domain.money import BP
from smbplanner.ui import fmt, terms
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.chart import CashFlowChart
from smbplanner.ui.pages.initiatives.common import (
    SCENARIO_LABELS,
    find_initiative,
    locale_number,
    minus,
    show_page,
)
from smbplanner.ui.pages.initiatives.ranges import RangeSection
from smbplanner.ui.pages.initiatives.workings import WorkingDialog
from smbplanner.ui.refresh import FIGURES, watch

FIGURE_NAMES = {
    "tco": "Total cost of ownership (TCO)",
    "tco_pv": "TCO, present value",
    "benefits": "Total benefits",
    "roi": "Return on investment (ROI)",
    "npv": "Net present value (NPV)",
    "irr": "Internal rate of return (IRR)",
    "payback": "Payback",
    "discounted_payback": "Discounted payback",
}
#: The figure's term in ``ui/terms.py`` (its plain meaning and its section of the guide).
FIGURE_TERMS = {"tco": "tco", "tco_pv": "tco", "roi": "roi", "npv": "npv", "irr": "irr",
                "payback": "payback", "discounted_payback": "discounted_payback"}
SCENARIOS = (Scenario.OPTIMISTIC, Scenario.LIKELY, Scenario.PESSIMISTIC)
#: From this width (pixels) the chart stands beside the figures rather than below them.
WIDE = 940
#: A checked toggle button in the palette's highlight, legible in light and dark.
CHECKED_STYLE = ("QPushButton:checked { background: palette(highlight); "
                 "color: palette(highlighted-text); border: 1px solid palette(highlight); "
                 "border-radius: 3px; padding: 3px 10px; }")

#: The widest the "select an initiative" or "no option yet" text gets (pixels).
EMPTY_WIDTH = 560


def _years(value: float | None) -> str:
    if value is None:
        return "never"
    if value == 0:
        return "in year 0"
    text = trimmed(value, 1, locale_number)
    return f"{text} year" if text == "1" else f"{text} years"


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{minus(locale_number(value, 1))} %"


def figure_text(key: str, fig: Figures, currency: str) -> str:
    """How the panel shows one figure."""
    money = {"tco": fig.tco_cents, "tco_pv": fig.tco_pv_cents, "benefits": fig.benefits_cents,
             "npv": fig.npv_cents}
    if key in money:
        return minus(fmt.money(money[key], currency))
    if key == "roi":
        return _percent(fig.roi_pct)
    if key == "irr":
        if fig.irr_bound:  # a rate beyond the searched range: a bound, never a dash
            return minus(fmt.rate(None, bound=fig.irr_bound))
        return _percent(None if fig.irr is None else fig.irr * 100)
    if key == "payback":
        return _years(fig.payback_years)
    return _years(fig.discounted_payback_years)


class FiguresPanel(QWidget):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.initiative_id: int | None = None
        self.scenario = Scenario.LIKELY
        self.figures: dict[Scenario, Figures] = {}
        self.working_dialog: WorkingDialog | None = None

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.settings_button = QPushButton(self.tr("Discount rate and scenarios…"))
        self.settings_button.setAccessibleName(self.tr("Plan settings: discount rate, scenarios"))
        self.settings_button.clicked.connect(self.open_settings)
        self.scenario_buttons = QButtonGroup(self)
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("Chart and workings for the")))
        for scenario in SCENARIOS:
            button = QPushButton(self.tr(SCENARIO_LABELS[scenario]))
            button.setCheckable(True)
            # the chosen scenario in the accent colour: Fusion's pressed shade barely shows
            # on the dark palette
            button.setStyleSheet(CHECKED_STYLE)
            button.setAccessibleName(self.tr("{0} scenario").format(SCENARIO_LABELS[scenario]))
            self.scenario_buttons.addButton(button, SCENARIOS.index(scenario))
            chooser.addWidget(button)
        chooser.addWidget(QLabel(self.tr("scenario")))
        chooser.addStretch(1)
        chooser.addWidget(self.settings_button)
        self.scenario_buttons.button(1).setChecked(True)
        self.scenario_buttons.idClicked.connect(lambda n: self.set_scenario(SCENARIOS[n]))

        table = QFrame()
        table.setFrameShape(QFrame.Shape.StyledPanel)
        table.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        grid = QGridLayout(table)
        grid.setHorizontalSpacing(10)
        self.column_heads: dict[Scenario, QLabel] = {}
        for n, scenario in enumerate(SCENARIOS, start=1):
            head = QLabel()
            head.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.column_heads[scenario] = head
            grid.addWidget(head, 0, n)
        self.values: dict[tuple[str, Scenario], QLabel] = {}
        small = self.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.how_buttons: dict[str, QPushButton] = {}
        for row, key in enumerate(FIGURE_KEYS, start=1):
            name = QLabel(self.tr(FIGURE_NAMES[key]))
            term = FIGURE_TERMS.get(key)
            cell = QHBoxLayout()
            cell.setSpacing(4)
            cell.addWidget(name)
            if term is not None:  # the plain meaning, and a "?" to its place in the guide
                name.setToolTip(terms.tip(term))
                cell.addWidget(terms.term_link(term))
            cell.addStretch(1)
            grid.addLayout(cell, row, 0)
            for n, scenario in enumerate(SCENARIOS, start=1):
                value = QLabel()
                value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                value.setAccessibleName(f"{FIGURE_NAMES[key]}, {scenario.value}")
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.values[key, scenario] = value
                grid.addWidget(value, row, n)
            how = QPushButton(self.tr("How is this calculated?"))
            how.setFlat(True)
            how.setFont(small)
            how.setAccessibleName(self.tr("How is {0} calculated?").format(FIGURE_NAMES[key]))
            how.clicked.connect(lambda _=False, k=key: self.show_working(k))
            self.how_buttons[key] = how
            grid.addWidget(how, row, 4)
        grid.setColumnStretch(0, 2)
        for n in (1, 2, 3):
            grid.setColumnStretch(n, 1)

        self.chart = CashFlowChart()
        self.chart.setMinimumHeight(300)  # the section below must not squeeze it
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(chooser)
        #: The chart beside the figures, or below them when the panel is narrow.
        self.side_by_side = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.side_by_side.addWidget(table, 0, Qt.AlignmentFlag.AlignTop)
        self.side_by_side.addWidget(self.chart, 1)
        body_layout.addLayout(self.side_by_side, 1)
        #: "How sure is this?": computed only when on screen (``ranges`` module doc).
        self.ranges = RangeSection(document)
        body_layout.addWidget(self.ranges, 1)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.empty.setMaximumWidth(EMPTY_WIDTH)  # a short, readable line, centred
        empty_page = QWidget()
        empty_row = QHBoxLayout(empty_page)
        empty_row.addWidget(self.empty)
        self.stack.addWidget(empty_page)
        self.stack.addWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.stack, 1)
        watch(self, document, self.refresh, FIGURES)
        self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= WIDE
        self.side_by_side.setDirection(QBoxLayout.Direction.LeftToRight if wide
                                       else QBoxLayout.Direction.TopToBottom)

    # --- state ---------------------------------------------------------------------------
    def set_initiative(self, initiative_id: int | None) -> None:
        self.initiative_id = initiative_id
        self.refresh()

    def set_scenario(self, scenario: Scenario) -> None:
        self.scenario = scenario
        self.scenario_buttons.button(SCENARIOS.index(scenario)).setChecked(True)
        self.refresh()

    def initiative(self) -> Initiative | None:
        return find_initiative(self.document.plan(), self.initiative_id)

    def refresh(self) -> None:
        plan = self.document.plan()
        initiative = find_initiative(plan, self.initiative_id)
        option = initiative.chosen_option if initiative else None
        self.settings_button.setEnabled(not self.document.readonly)
        self.ranges.set_initiative(self.initiative_id)
        if initiative is None or option is None:
            self.figures = {}
            self.heading.setText("")
            self.empty.setText(
                self.tr("Select an initiative to see its figures.") if initiative is None else
                self.tr("“{0}” has no option yet. Add an option with its costs and benefits "
                        "to see its TCO, ROI, NPV and payback, and how sure they are."
                        ).format(initiative.name))
            show_page(self.stack, 0)
            self.chart.set_data(None)
            self._refresh_working()
            return
        business = plan.business
        self.figures = {s: option_figures(option, business, s) for s in SCENARIOS}
        self.heading.setText(self.tr(
            "<b>{0}</b> — the option that feeds the plan · {1}-year life from {2} · "
            "discount rate {3} %").format(
                option.name.replace("<", "&lt;"), option.life_years, initiative.start_year,
                trimmed(business.discount_rate_bp / 100, 2, locale_number)))
        for scenario in SCENARIOS:
            cost, benefit = scenario_factors(business, scenario)
            head = self.column_heads[scenario]
            factors = self.tr("costs ×{0}<br>benefits ×{1}").format(
                trimmed(cost / BP, 4, locale_number), trimmed(benefit / BP, 4, locale_number))
            head.setText(f"<b>{self.tr(SCENARIO_LABELS[scenario])}</b><br><small>{factors}</small>")
            for key in FIGURE_KEYS:
                label = self.values[key, scenario]
                label.setText(figure_text(key, self.figures[scenario], business.currency))
        self._emphasise()
        fig = self.figures[self.scenario]
        title = self.tr("Cumulative cash flow ({0})").format(self.scenario.value)
        self.chart.set_data((fig, initiative.start_year, title))
        show_page(self.stack, 1)
        self._refresh_working()

    def _emphasise(self) -> None:
        for (_key, scenario), label in self.values.items():
            chosen = scenario == self.scenario
            label.setStyleSheet("font-weight: bold; background: palette(alternate-base);"
                                if chosen else "")
        for scenario, head in self.column_heads.items():
            head.setStyleSheet("background: palette(alternate-base);"
                               if scenario == self.scenario else "")

    # --- workings ------------------------------------------------------------------------
    def working_text(self, key: str) -> str:
        """The working of a figure in the selected scenario, as plain text."""
        fig = self.figures[self.scenario]
        return figure_working(key, fig, self.document.plan().business, locale_number).text()

    def show_working(self, key: str) -> WorkingDialog | None:
        if self.scenario not in self.figures:
            return None
        if self.working_dialog is None:
            self.working_dialog = WorkingDialog(self)
        fig = self.figures[self.scenario]
        business = self.document.plan().business
        self.working_dialog.show_working(key, figure_working(key, fig, business, locale_number))
        self.working_dialog.show()
        self.working_dialog.raise_()
        return self.working_dialog

    def _refresh_working(self) -> None:
        dialog = self.working_dialog
        if dialog is None or not dialog.isVisible():
            return
        if self.scenario not in self.figures:
            dialog.close()
            return
        self.show_working(dialog.key)

    def open_settings(self) -> None:
        from smbplanner.ui.plansettings import PlanSettingsDialog

        dialog = PlanSettingsDialog(self.document, self)
        dialog.show()
        self.settings_dialog = dialog
