"""The Budget tab, driven through its widgets: figures equal analysis.budget on the same plan;
budget years added, edited, moved and deleted with undo; the target Run share; what is
stored is read back from the file. The sample plan has a budget for 2026–2030 and is over
its 2027 Change budget by 8,620 EUR."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from smbplanner.analysis.budget import budget_rows
from smbplanner.domain.model import BudgetYear
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.budget.panel import BudgetPanel
from tests.ui.conftest import reopen

YEAR, RUN, CHANGE = 0, 1, 2


def _panel(document: PlanDocument, qtbot: QtBot) -> BudgetPanel:
    panel = BudgetPanel(document)
    qtbot.addWidget(panel)
    panel.resize(1040, 760)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


@pytest.fixture
def panel(document: PlanDocument, qtbot: QtBot) -> Iterator[BudgetPanel]:
    yield _panel(document, qtbot)


def _type(qtbot: QtBot, view: QTableView, row: int, column: int, text: str) -> None:
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editors = [w for w in view.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1
    editors[0].selectAll()
    qtbot.keyClick(editors[0], Qt.Key.Key_Backspace)
    qtbot.keyClicks(editors[0], text)
    qtbot.keyClick(editors[0], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QTableView.State.EditingState)  # a queued commit


def _figures(panel: BudgetPanel) -> list[list[str]]:
    model = panel.figures_model
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def _expected(panel: BudgetPanel, include_on_hold: bool = False) -> list[list[str]]:
    plan = panel.document.plan()
    money = lambda units: fmt.units(units, plan.business.currency)  # noqa: E731
    out = []
    for r in budget_rows(plan, include_on_hold=include_on_hold):
        s = r.shown  # the printed parts; the totals are their sums (they add up as shown)
        assert s.budget == s.budget_run + s.budget_change
        out.append([str(r.year), money(s.budget_run), money(s.planned_run),
                    money(s.budget_change), money(s.planned_change),
                    money(s.budget), money(s.planned)])
    return out


def test_figures_equal_analysis(panel: BudgetPanel) -> None:
    shown = _figures(panel)
    assert [row[:7] for row in shown] == _expected(panel)
    over = {row[0]: row[7] for row in shown}
    assert over["2027"] == "Change +8,620 EUR"
    assert over["2028"] == "within budget"
    assert panel.status.text() == "Over budget in 2027 (Change +8,620 EUR)."
    assert panel.chart.rows == budget_rows(panel.document.plan())
    assert shown[1][8] == "33.7 %" and shown[1][9] == "—"  # no target yet
    # counting initiatives on hold (the loyalty app, 2029 onwards) raises 2029's spend
    assert not panel.on_hold.isChecked()
    panel.on_hold.setChecked(True)
    held = _figures(panel)
    assert [row[:7] for row in held] == _expected(panel, include_on_hold=True)
    assert held[3][4] != shown[3][4]


def test_target_share(panel: BudgetPanel, qtbot: QtBot) -> None:
    document = panel.document
    panel.target.setValue(40)
    assert document.plan().business.target_run_share_bp == 4_000
    assert document.undo_stack.undoText() == "Set the target Run share to 40 %"
    # 2027: Run share 33.7 % − 40 % = −6.3 points
    assert _figures(panel)[1][9] == "-6.3 pts"
    assert panel.chart.rows[1].target_run_share_pct == 40.0
    document.undo_stack.undo()
    assert document.plan().business.target_run_share_bp is None
    assert panel.target.text() == "no target"
    document.undo_stack.redo()
    assert panel.target.value() == 40
    stored = reopen(document)
    assert stored.load().business.target_run_share_bp == 4_000
    stored.close()


def test_budget_years_add_edit_move_delete(empty_document: PlanDocument, qtbot: QtBot) -> None:
    panel = _panel(empty_document, qtbot)
    document, view = empty_document, panel.years.view
    assert panel.years_hint.isVisible()
    assert panel.chart.empty.text().startswith("Nothing to chart yet.")
    qtbot.mouseClick(panel.years.add_button, Qt.MouseButton.LeftButton)
    assert [b.year for b in document.plan().budget_years] == [2026]
    assert document.undo_stack.undoText() == "Add budget year 2026"
    assert not panel.years_hint.isVisible()

    _type(qtbot, view, 0, RUN, "12500.50")
    _type(qtbot, view, 0, CHANGE, "30000")
    assert document.plan().budget_years == [BudgetYear(2026, 1_250_050, 3_000_000)]
    assert panel.years_model.index(0, 3).data() == "42,501 EUR"  # 42,500.50, whole units
    assert _figures(panel)[0][1] == "12,501 EUR"  # the figures table follows

    _type(qtbot, view, 0, RUN, "lots")
    assert panel.years.error.text().startswith("Run budget:")
    _type(qtbot, view, 0, CHANGE, "-5")
    assert panel.years.error.text().startswith("Change budget:")
    assert document.plan().budget_years == [BudgetYear(2026, 1_250_050, 3_000_000)]

    # a second year copies the amounts of the year before
    qtbot.mouseClick(panel.years.add_button, Qt.MouseButton.LeftButton)
    assert document.plan().budget_years[1] == BudgetYear(2027, 1_250_050, 3_000_000)
    _type(qtbot, view, 0, YEAR, "2027")  # taken
    assert panel.years.error.text() == "Year: 2027 already has a budget; change that row instead"
    _type(qtbot, view, 0, YEAR, "1999")
    assert panel.years.error.text().startswith("Year:")
    assert [b.year for b in document.plan().budget_years] == [2026, 2027]
    _type(qtbot, view, 1, YEAR, "2031")
    assert [b.year for b in document.plan().budget_years] == [2026, 2031]
    assert document.undo_stack.undoText() == "Move budget 2027 to 2031"
    document.undo_stack.undo()
    assert [b.year for b in document.plan().budget_years] == [2026, 2027]
    document.undo_stack.redo()
    assert document.plan().budget_years[1] == BudgetYear(2031, 1_250_050, 3_000_000)

    view.setCurrentIndex(panel.years_model.index(0, 0))
    qtbot.mouseClick(panel.years.delete_button, Qt.MouseButton.LeftButton)
    assert [b.year for b in document.plan().budget_years] == [2031]
    assert document.undo_stack.undoText() == "Delete budget year '2026'"
    document.undo_stack.undo()
    document.undo_stack.redo()
    stored = reopen(document)
    assert stored.load().budget_years == [BudgetYear(2031, 1_250_050, 3_000_000)]
    stored.close()


def test_refreshes_when_shown_after_a_change_while_hidden(panel: BudgetPanel) -> None:
    panel.hide()
    panel.document.update(BudgetYear, 2027, change_cents=7_000_000)
    assert _figures(panel)[1][7] == "Change +8,620 EUR"  # not redone while hidden
    panel.show()
    assert _figures(panel)[1][3] == "70,000 EUR" and _figures(panel)[1][7] == "within budget"
    assert panel.status.text() == "Planned spend is within budget in every year."


def test_chart_redraws_for_a_palette_change_it_got_while_hidden(
    panel: BudgetPanel, qtbot: QtBot
) -> None:
    """Qt may deliver a light/dark switch to a chart on a page that is not shown; the chart
    must then redraw in the new colours when it is shown again."""
    from matplotlib.colors import to_hex
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    chart = panel.chart

    def figure_colour() -> str:
        return str(to_hex(chart.canvas.figure.get_facecolor()))

    qtbot.waitUntil(lambda: figure_colour() == chart.palette().window().color().name())
    chart.hide()
    palette = chart.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#25282c"))
    chart.setPalette(palette)
    QApplication.sendEvent(chart, QEvent(QEvent.Type.PaletteChange))  # while hidden
    chart.show()
    qtbot.waitUntil(lambda: figure_colour() == "#25282c")


def test_read_only_plan_cannot_be_changed(sample_path: object, qtbot: QtBot) -> None:
    from smbplanner.storage.planfile import PlanFile

    document = PlanDocument(PlanFile.open(sample_path, readonly=True))  # type: ignore[arg-type]
    try:
        panel = _panel(document, qtbot)
        assert not panel.target.isEnabled() and not panel.fit_button.isEnabled()
        assert not panel.years.add_button.isEnabled()
        assert not panel.years.delete_button.isEnabled()
        assert [row[:7] for row in _figures(panel)] == _expected(panel)
    finally:
        document.close()
