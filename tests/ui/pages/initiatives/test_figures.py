"""The figures panel: every figure shown equals analysis/ on the same data, in the three
scenarios, after every edit, undo and redo; the workings; and the whole journey of the issue
(costs and benefits typed and pasted, options added and chosen, scenario switched, undo,
reopen)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from smbplanner.analysis.figures import Figures, initiative_figures, option_figures
from smbplanner.analysis.workings import figure_working
from smbplanner.domain.enums import BenefitCategory, CostCategory, LineKind, Scenario
from smbplanner.domain.model import Initiative, Plan
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.common import locale_number
from smbplanner.ui.pages.initiatives.costs import LinesEditor
from smbplanner.ui.pages.initiatives.figures import FIGURE_NAMES, SCENARIOS, FiguresPanel
from smbplanner.ui.pages.initiatives.options import OptionsPanel
from tests.ui.conftest import reopen

SERVER = 2


def _show(widget: QWidget, qtbot: QtBot, keep: list[QWidget]) -> QWidget:
    qtbot.addWidget(widget)
    keep.append(widget)
    widget.resize(1040, 760)
    widget.show()
    return widget


def _panel(document: PlanDocument, qtbot: QtBot, keep: list[QWidget], initiative: int | None
           ) -> FiguresPanel:
    panel = FiguresPanel(document)
    _show(panel, qtbot, keep)
    panel.set_initiative(initiative)
    return panel


def _expected(fig: Figures, key: str, currency: str) -> str:
    """What the panel must show, formatted here from the analysis figures."""
    def years(value: float | None) -> str:
        if value is None:
            return "never"
        text = fmt.number(value, 1)
        return f"{text} year" if text == "1" else f"{text} years"

    def pct(value: float | None) -> str:
        return "—" if value is None else f"{value:,.1f} %".replace("-", "−")

    return {
        "tco": fmt.money(fig.tco_cents, currency),
        "tco_pv": fmt.money(fig.tco_pv_cents, currency),
        "benefits": fmt.money(fig.benefits_cents, currency),
        "npv": fmt.money(fig.npv_cents, currency).replace("-", "−"),
        "roi": pct(fig.roi_pct),
        "irr": pct(None if fig.irr is None else fig.irr * 100),
        "payback": years(fig.payback_years),
        "discounted_payback": years(fig.discounted_payback_years),
    }[key]


def _assert_shows(panel: FiguresPanel, plan: Plan, initiative_id: int) -> None:
    """Every figure on the panel equals analysis/ on this plan."""
    initiative = plan.initiative(initiative_id)
    assert initiative is not None
    for scenario in SCENARIOS:
        fig = initiative_figures(initiative, plan.business, scenario)
        assert fig is not None
        for key in FIGURE_NAMES:
            shown = panel.values[key, scenario].text()
            assert shown == _expected(fig, key, plan.business.currency), (key, scenario)


def test_sample_figures_in_three_scenarios(document: PlanDocument, qtbot: QtBot,
                                           keep: list[QWidget]) -> None:
    panel = _panel(document, qtbot, keep, SERVER)
    _assert_shows(panel, document.plan(), SERVER)
    likely = panel.values
    assert likely["tco", Scenario.LIKELY].text() == "36,569 EUR"
    assert likely["roi", Scenario.LIKELY].text() == "81.0 %"
    assert likely["npv", Scenario.LIKELY].text() == "22,309 EUR"
    assert likely["payback", Scenario.LIKELY].text() == "1.2 years"
    assert likely["tco", Scenario.PESSIMISTIC].text() == "45,712 EUR"  # costs × 1.25
    assert "font-weight: bold" in likely["npv", Scenario.LIKELY].styleSheet()
    assert "Cloud (SaaS)" in panel.heading.text() and "discount rate 8 %" in panel.heading.text()
    fig, start, title = panel.chart.data
    assert fig.scenario == Scenario.LIKELY and start == 2026
    assert title == "Cumulative cash flow (likely)"


def test_switching_scenario_moves_the_emphasis_chart_and_workings(
    document: PlanDocument, qtbot: QtBot, keep: list[QWidget]
) -> None:
    panel = _panel(document, qtbot, keep, SERVER)
    qtbot.mouseClick(panel.scenario_buttons.button(2), Qt.MouseButton.LeftButton)
    assert panel.scenario == Scenario.PESSIMISTIC
    assert "bold" in panel.values["tco", Scenario.PESSIMISTIC].styleSheet()
    assert panel.values["tco", Scenario.LIKELY].styleSheet() == ""
    assert panel.chart.data[0].scenario == Scenario.PESSIMISTIC
    qtbot.mouseClick(panel.how_buttons["roi"], Qt.MouseButton.LeftButton)
    dialog = panel.working_dialog
    assert dialog is not None and dialog.isVisible()
    plan = document.plan()
    fig = initiative_figures(plan.initiative(SERVER), plan.business,  # type: ignore[arg-type]
                             Scenario.PESSIMISTIC)
    assert fig is not None
    assert dialog.text() == figure_working("roi", fig, plan.business, locale_number).text()
    assert "((49,656 − 45,711.67) / 45,711.67) × 100" in dialog.text()
    qtbot.mouseClick(panel.scenario_buttons.button(1), Qt.MouseButton.LeftButton)
    assert "likely scenario" in dialog.text()  # the open working follows the scenario


def test_every_figure_has_its_working(document: PlanDocument, qtbot: QtBot,
                                      keep: list[QWidget]) -> None:
    panel = _panel(document, qtbot, keep, SERVER)
    plan = document.plan()
    fig = initiative_figures(plan.initiative(SERVER), plan.business)  # type: ignore[arg-type]
    assert fig is not None
    for key, button in panel.how_buttons.items():
        assert button.accessibleName() == f"How is {FIGURE_NAMES[key]} calculated?"
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert panel.working_dialog is not None
        expected = figure_working(key, fig, plan.business, locale_number)
        assert panel.working_dialog.text() == expected.text()
        assert expected.title in panel.working_dialog.browser.toPlainText()
    assert "ROI = (benefits − TCO) / TCO × 100" in panel.working_text("roi")


def test_figures_and_open_working_refresh_after_edit_undo_redo(
    document: PlanDocument, qtbot: QtBot, keep: list[QWidget]
) -> None:
    panel = _panel(document, qtbot, keep, SERVER)
    costs = _show(LinesEditor(document, "cost"), qtbot, keep)
    assert isinstance(costs, LinesEditor)
    costs.set_initiative(SERVER)
    dialog = panel.show_working("tco")
    assert dialog is not None and "= 36,569.33\n" in dialog.text()
    _type(qtbot, costs.grid, list(CostCategory).index(CostCategory.OPERATIONS), 1, "1,000")
    _assert_shows(panel, document.plan(), SERVER)
    assert panel.values["tco", Scenario.LIKELY].text() == "37,569 EUR"
    assert "37,569.33" in dialog.text()
    document.undo_stack.undo()
    _assert_shows(panel, document.plan(), SERVER)
    assert panel.values["tco", Scenario.LIKELY].text() == "36,569 EUR"
    assert "37,569.33" not in dialog.text()
    document.undo_stack.redo()
    _assert_shows(panel, document.plan(), SERVER)


def test_settings_button_opens_plan_settings(document: PlanDocument, qtbot: QtBot,
                                             keep: list[QWidget]) -> None:
    panel = _panel(document, qtbot, keep, SERVER)
    qtbot.mouseClick(panel.settings_button, Qt.MouseButton.LeftButton)
    dialog = panel.settings_dialog
    keep.append(dialog)
    dialog.rate.edit.setText("10")
    dialog.rate.edit.editingFinished.emit()
    assert document.undo_stack.undoText() == "Change discount rate"
    assert "discount rate 10 %" in panel.heading.text()
    _assert_shows(panel, document.plan(), SERVER)


def test_empty_states(empty_document: PlanDocument, qtbot: QtBot, keep: list[QWidget]) -> None:
    panel = _panel(empty_document, qtbot, keep, None)
    assert panel.empty.text() == "Select an initiative to see its figures."
    initiative_id = empty_document.add(Initiative("Phones")).value
    panel.set_initiative(initiative_id)
    assert "has no option yet" in panel.empty.text()
    assert panel.show_working("tco") is None


def _type(qtbot: QtBot, view: QTableView, row: int, column: int, text: str) -> None:
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = next(w for w in view.viewport().findChildren(QLineEdit) if w.isVisible())
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def test_the_whole_journey(empty_document: PlanDocument, qtbot: QtBot,
                           keep: list[QWidget]) -> None:
    """Costs typed and pasted, benefits pasted, a second option added, costed and chosen,
    the scenario switched, undo, reopen: every figure shown equals analysis/."""
    document = empty_document
    initiative_id = document.add(Initiative("Cloud accounting", start_year=2027)).value
    assert initiative_id is not None
    costs = _show(LinesEditor(document, "cost"), qtbot, keep)
    benefits = _show(LinesEditor(document, "benefit"), qtbot, keep)
    options = _show(OptionsPanel(document), qtbot, keep)
    figures = _panel(document, qtbot, keep, initiative_id)
    assert isinstance(costs, LinesEditor) and isinstance(benefits, LinesEditor)
    assert isinstance(options, OptionsPanel)
    for widget in (costs, benefits, options):
        widget.set_initiative(initiative_id)

    qtbot.mouseClick(costs.add_option_button, Qt.MouseButton.LeftButton)  # "Main option", 5 y
    row = {c: n for n, c in enumerate(CostCategory)}
    _type(qtbot, costs.grid, row[CostCategory.IMPLEMENTATION], 0, "4,000")
    _type(qtbot, costs.grid, row[CostCategory.TRAINING], 0, "0.5k")
    costs.grid.setCurrentIndex(costs.grid_model.index(row[CostCategory.PURCHASE], 0))
    QApplication.clipboard().setText("1200\t1200\t1,200\t1200\t1200\n")
    qtbot.keyClick(costs.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    benefits.grid.setCurrentIndex(benefits.grid_model.index(
        list(BenefitCategory).index(BenefitCategory.COST_SAVINGS), 1))
    QApplication.clipboard().setText("3000\t3000\t3000\t3000\n2k\t2k\t2k\t2k")
    qtbot.keyClick(benefits.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert document.undo_stack.undoText() == "Paste 8 cells into benefits"
    _assert_shows(figures, document.plan(), initiative_id)
    main = figures.figures[Scenario.LIKELY]
    assert (main.tco_cents, main.benefits_cents) == (1_050_000, 2_000_000)
    assert figures.values["roi", Scenario.LIKELY].text() == "90.5 %"  # (20,000 − 10,500) / 10,500

    # "Option 2": a copy of the main option's lines, to change what differs
    qtbot.mouseClick(options.options.add_button, Qt.MouseButton.LeftButton)
    second = document.plan().initiatives[0].options[1].id
    costs.set_option(second)
    _type(qtbot, costs.grid, row[CostCategory.PURCHASE], 0, "9,000")
    benefits.set_option(second)
    benefits.grid.setCurrentIndex(benefits.grid_model.index(
        list(BenefitCategory).index(BenefitCategory.COST_SAVINGS), 1))
    QApplication.clipboard().setText("3500\t3500\t3500\t3500")
    qtbot.keyClick(benefits.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert figures.values["tco", Scenario.LIKELY].text() == "10,500 EUR"  # still the main option
    options.options.select_id(second)  # type: ignore[arg-type]
    qtbot.mouseClick(options.choose_button, Qt.MouseButton.LeftButton)
    _assert_shows(figures, document.plan(), initiative_id)
    # the copy's 10,500 with its year-0 purchase (1,200) typed over as 9,000
    assert figures.values["tco", Scenario.LIKELY].text() == "18,300 EUR"
    assert "Option 2" in figures.heading.text()

    qtbot.mouseClick(figures.scenario_buttons.button(0), Qt.MouseButton.LeftButton)
    assert figures.chart.data[0].scenario == Scenario.OPTIMISTIC
    assert figures.chart.data[0].tco_cents == 1_647_000  # 18,300 × 0.9

    document.undo_stack.undo()  # the choice
    _assert_shows(figures, document.plan(), initiative_id)
    assert figures.values["tco", Scenario.LIKELY].text() == "10,500 EUR"
    document.undo_stack.redo()

    shown = {(k, s): label.text() for (k, s), label in figures.values.items()}
    stored = reopen(document)
    plan = stored.load()
    stored.close()
    initiative = plan.initiatives[0]
    assert [(o.name, o.chosen) for o in initiative.options] == [
        ("Main option", False), ("Option 2", True)]
    main_option = initiative.options[0]
    assert sorted((c.category, c.year_from, c.amount_cents) for c in main_option.costs) == sorted(
        [(CostCategory.IMPLEMENTATION, 0, 400_000), (CostCategory.TRAINING, 0, 50_000)]
        + [(CostCategory.PURCHASE, t, 120_000) for t in range(5)])
    assert all(c.kind == LineKind.ONE_OFF for c in main_option.costs)
    for scenario in SCENARIOS:
        fig = option_figures(initiative.options[1], plan.business, scenario)
        for key in FIGURE_NAMES:
            assert shown[key, scenario] == _expected(fig, key, "EUR"), (key, scenario)
