"""The TCO and benefits forms, driven through their widgets: typing in the year-by-category
grid, Tab and Enter, pasting a spreadsheet block, the line list and the benefit helpers. The
sample's initiative 2, "Back-office server replacement", has option 2 "Cloud (SaaS)" (chosen,
5 years from 2026; purchase and maintenance recurring, implementation 6,400, training 900 and
decommissioning 600 one-off in year 0) and option 3 "On-premises server"."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from smbplanner.analysis import cashflow
from smbplanner.domain.enums import BenefitCategory, CostCategory, LineKind
from smbplanner.domain.model import BenefitLine, CostLine, Initiative
from smbplanner.storage.edits import EditSession
from smbplanner.storage.planfile import PlanFile
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.benefit_helpers import BenefitHelperDialog
from smbplanner.ui.pages.initiatives.costs import LinesEditor
from tests.ui.conftest import reopen

SERVER, CLOUD, ON_PREM = 2, 2, 3
ROW = {c: n for n, c in enumerate(CostCategory)}  # grid rows
PURCHASE, IMPLEMENTATION, OPERATIONS = (
    ROW[CostCategory.PURCHASE],
    ROW[CostCategory.IMPLEMENTATION],
    ROW[CostCategory.OPERATIONS],
)
LINE_COL = {"category": 0, "kind": 1, "year_from": 2, "year_to": 3, "amount_cents": 4,
            "escalation_bp": 5, "capital": 6, "description": 7}


def _editor(document: PlanDocument, qtbot: QtBot, keep: list[QWidget], kind: str = "cost"
            ) -> LinesEditor:
    editor = LinesEditor(document, kind)
    qtbot.addWidget(editor)
    keep.append(editor)
    editor.set_initiative(SERVER)
    editor.resize(1040, 760)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


@pytest.fixture
def costs(document: PlanDocument, qtbot: QtBot, keep: list[QWidget]) -> Iterator[LinesEditor]:
    yield _editor(document, qtbot, keep)


def _open_editor(view: QTableView, row: int, column: int) -> QLineEdit:
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editors = [w for w in view.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(editors) == 1, editors
    return editors[0]


def _type(qtbot: QtBot, view: QTableView, row: int, column: int, text: str,
          key: Qt.Key = Qt.Key.Key_Return) -> None:
    editor = _open_editor(view, row, column)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, key)
    QApplication.processEvents()  # the delegate commits on the next event-loop turn


def _choose(qtbot: QtBot, view: QTableView, row: int, column: int, text: str) -> None:
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    combo = next(w for w in view.viewport().findChildren(QComboBox) if w.isVisible())
    combo.setCurrentIndex(combo.findText(text))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    QApplication.processEvents()


def _shown(editor: LinesEditor, row: int, column: int) -> str:
    return str(editor.grid_model.index(row, column).data())


def _cloud(document: PlanDocument):  # type: ignore[no-untyped-def]
    server = document.plan().initiative(SERVER)
    assert server is not None
    return next(o for o in server.options if o.id == CLOUD)


def _one_offs(option, category: CostCategory) -> list[CostLine]:  # type: ignore[no-untyped-def]
    return [c for c in option.costs if c.category == category and c.kind == LineKind.ONE_OFF]


def test_grid_shows_the_chosen_option_with_totals_from_analysis(costs: LinesEditor) -> None:
    option = _cloud(costs.document)
    by_year = cashflow.costs_by_year(option)
    assert costs.option_box.currentData() == CLOUD
    assert costs.grid_model.rowCount() == 7 and costs.grid_model.columnCount() == 6
    assert costs.grid_model.headerData(0, Qt.Orientation.Horizontal) == "Year 0\n2026"
    assert _shown(costs, IMPLEMENTATION, 0) == "6,400"
    assert _shown(costs, IMPLEMENTATION, 1) == ""
    assert _shown(costs, PURCHASE, 2) == "4,456"  # 4,200 × 1.03² = 4,455.78
    # the totals add up as shown (the back-office TCO printed 36,570 as the sum of its
    # years but 36,569 as the total): each year's total is the sum of its shown cells, the
    # grand total the sum of the years and the TCO shown everywhere else
    def n(text: str) -> int:
        return int(text.replace(",", "") or 0)

    years = [n(_shown(costs, 6, t)) for t in range(5)]
    assert years == [sum(n(_shown(costs, r, t)) for r in range(6)) for t in range(5)]
    assert all(abs(y - v / 100) < 1 for y, v in zip(years, by_year, strict=True))
    assert sum(years) == n(_shown(costs, 6, 5)) == round(sum(by_year) / 100) == 36_569
    assert [n(_shown(costs, r, 5)) for r in range(6)] == [
        sum(n(_shown(costs, r, t)) for t in range(5)) for r in range(6)]
    assert _shown(costs, IMPLEMENTATION, 5) == "6,400"
    assert costs.life.text() == "5-year life: 2026–2030 (lifecycle years 0–4)"


def test_typing_sets_updates_and_clears_one_off_lines(costs: LinesEditor, qtbot: QtBot) -> None:
    document, view = costs.document, costs.grid
    _type(qtbot, view, OPERATIONS, 2, "2.5k")
    assert document.undo_stack.undoText() == "Set Operations cost in year 2 to 2,500"
    assert view.currentIndex().row() == OPERATIONS + 1  # Enter moved down
    assert _shown(costs, OPERATIONS, 2) == "2,500"
    assert _shown(costs, OPERATIONS, 5) == "2,500"  # total per category, as you type
    assert _shown(costs, 6, 2) == "8,229"  # 5,729 + 2,500

    _type(qtbot, view, IMPLEMENTATION, 0, "12,500")
    assert document.undo_stack.undoText() == "Set Implementation cost in year 0 to 12,500"
    assert [c.amount_cents for c in _one_offs(_cloud(document), CostCategory.IMPLEMENTATION)] \
        == [1_250_000]

    _type(qtbot, view, IMPLEMENTATION, 0, "0")
    assert document.undo_stack.undoText() == "Clear Implementation cost in year 0"
    assert _one_offs(_cloud(document), CostCategory.IMPLEMENTATION) == []
    document.undo_stack.undo()
    assert _shown(costs, IMPLEMENTATION, 0) == "12,500"
    document.undo_stack.undo()
    assert _shown(costs, IMPLEMENTATION, 0) == "6,400"
    document.undo_stack.redo()
    document.undo_stack.redo()
    assert _shown(costs, IMPLEMENTATION, 0) == ""

    stored = reopen(document)
    option = next(o for o in stored.load().initiatives[1].options if o.id == CLOUD)
    stored.close()
    assert _one_offs(option, CostCategory.OPERATIONS) == [
        CostLine(CostCategory.OPERATIONS, 250_000, LineKind.ONE_OFF, 2, 2, 0, "",
                 id=option.costs[-1].id)
    ]
    assert _one_offs(option, CostCategory.IMPLEMENTATION) == []


def test_tab_moves_right_with_an_editor_open(costs: LinesEditor, qtbot: QtBot) -> None:
    view = costs.grid
    _type(qtbot, view, OPERATIONS, 0, "100", Qt.Key.Key_Tab)
    assert view.currentIndex().row() == OPERATIONS and view.currentIndex().column() == 1
    assert view.state() == QTableView.State.EditingState
    editor = next(w for w in view.viewport().findChildren(QLineEdit) if w.isVisible())
    qtbot.keyClicks(editor, "200")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
    assert [_shown(costs, OPERATIONS, t) for t in range(3)] == ["100", "200", ""]
    assert costs.document.undo_stack.count() == 2


def test_bad_amount_and_recurring_cells_are_refused(costs: LinesEditor, qtbot: QtBot) -> None:
    document, view = costs.document, costs.grid
    _type(qtbot, view, OPERATIONS, 1, "lots")
    assert costs.error.text() == "Operations, year 1: 'lots' is not an amount"
    assert costs.error.isVisible()
    _type(qtbot, view, OPERATIONS, 1, "-5")
    assert costs.error.text() == "Operations, year 1: must be a number ≥ 0"
    assert document.undo_stack.count() == 0

    locked = costs.grid_model.index(PURCHASE, 1)
    assert not locked.flags() & Qt.ItemFlag.ItemIsEditable
    assert "recurring line “Cloud storage, print and backup subscriptions”" in str(
        locked.data(Qt.ItemDataRole.ToolTipRole))
    assert not costs.grid_model.setData(locked, "9")
    assert "Change that line in the list below" in costs.error.text()
    assert document.undo_stack.count() == 0
    stored = reopen(document)
    assert stored.load().initiatives[1].options[0].costs == _cloud_costs_in_sample()
    stored.close()


def _cloud_costs_in_sample() -> list[CostLine]:
    from smbplanner.sample import sample_plan

    return sample_plan().initiatives[1].options[0].costs


def test_paste_a_spreadsheet_block_is_one_undo_step(costs: LinesEditor, qtbot: QtBot) -> None:
    document, view = costs.document, costs.grid
    view.setCurrentIndex(costs.grid_model.index(ROW[CostCategory.TRAINING], 0))
    QApplication.clipboard().setText("1,200\t300\r\n\t\t\t\n50\t2.5k\t1k\t\t\t99\n")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    # Training 1,200 (was 900) and 300; Maintenance row is recurring: skipped;
    # Operations 50, 2,500 and 1,000; the sixth value falls on the Total column.
    assert document.undo_stack.undoText() == "Paste 5 cells into costs"
    assert document.undo_stack.count() == 1
    assert [_shown(costs, ROW[CostCategory.TRAINING], t) for t in range(2)] == ["1,200", "300"]
    assert [_shown(costs, OPERATIONS, t) for t in range(5)] == ["50", "2,500", "1,000", "", ""]
    assert costs.error.text() == (
        "Not pasted: 4 cells covered by recurring lines, 1 cell outside the grid.")
    document.undo_stack.undo()
    assert _shown(costs, ROW[CostCategory.TRAINING], 0) == "900"
    assert _shown(costs, OPERATIONS, 0) == ""
    document.undo_stack.redo()
    assert _shown(costs, OPERATIONS, 1) == "2,500"

    # One bad value refuses the whole block.
    view.setCurrentIndex(costs.grid_model.index(ROW[CostCategory.DECOMMISSIONING], 0))
    QApplication.clipboard().setText("10\tten")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert costs.error.text() == (
        "Nothing was pasted: row 1, column 2 of the copied cells: 'ten' is not an amount")
    assert document.undo_stack.count() == 1
    assert _shown(costs, ROW[CostCategory.DECOMMISSIONING], 0) == "600"


def test_delete_key_clears_selected_cells_as_one_step(costs: LinesEditor, qtbot: QtBot) -> None:
    view, model = costs.grid, costs.grid_model
    view.setCurrentIndex(model.index(IMPLEMENTATION, 0))
    view.selectionModel().select(
        model.index(ROW[CostCategory.TRAINING], 0),
        view.selectionModel().SelectionFlag.Select)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert costs.document.undo_stack.undoText() == "Clear 2 cells of costs"
    assert _shown(costs, IMPLEMENTATION, 0) == "" and _shown(costs, 2, 0) == ""
    costs.document.undo_stack.undo()
    assert _shown(costs, IMPLEMENTATION, 0) == "6,400"


def test_copy_gives_tab_separated_amounts(costs: LinesEditor, qtbot: QtBot) -> None:
    view, model = costs.grid, costs.grid_model
    view.selectionModel().select(
        view.model().index(0, 0), view.selectionModel().SelectionFlag.Select)
    view.selectionModel().select(
        model.index(IMPLEMENTATION, 1), view.selectionModel().SelectionFlag.Select)
    assert view.copy_text() == "4200\t4326\n6400\t"


def test_line_list_add_edit_and_delete(costs: LinesEditor, qtbot: QtBot) -> None:
    document, panel = costs.document, costs.lines
    view = panel.view
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert document.undo_stack.undoText() == "Add cost line"
    row = costs.lines_model.rowCount() - 1
    _type(qtbot, view, row, LINE_COL["description"], "Energy for the router cupboard")
    _choose(qtbot, view, row, LINE_COL["category"], "Operations")
    _choose(qtbot, view, row, LINE_COL["kind"], "Recurring")
    assert costs.lines_model.rows[row].year_to == 4  # a recurring line runs to the end of life
    _type(qtbot, view, row, LINE_COL["year_from"], "1")
    _type(qtbot, view, row, LINE_COL["amount_cents"], "310")
    _type(qtbot, view, row, LINE_COL["escalation_bp"], "2.5 %")
    assert document.undo_stack.undoText() == (
        "Change cost line 'Energy for the router cupboard' escalation")
    assert [_shown(costs, OPERATIONS, t) for t in range(5)] == ["", "310", "318", "326", "334"]
    _type(qtbot, view, row, LINE_COL["escalation_bp"], "250")
    assert panel.error.text().startswith("Escalation: must be a percentage")
    _type(qtbot, view, row, LINE_COL["year_to"], "7")
    assert "Not counted in years 5–7" in str(
        costs.lines_model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole))
    _type(qtbot, view, row, LINE_COL["year_to"], "3")

    stored = reopen(document)
    line = stored.load().initiatives[1].options[0].costs[-1]
    stored.close()
    assert line == CostLine(CostCategory.OPERATIONS, 31_000, LineKind.RECURRING, 1, 3, 250,
                            "Energy for the router cupboard", id=line.id)


def test_making_a_line_one_off_keeps_it_valid(costs: LinesEditor, qtbot: QtBot) -> None:
    view, model = costs.lines.view, costs.lines_model
    row = next(r for r, line in enumerate(model.rows) if line.category == CostCategory.PURCHASE)
    _choose(qtbot, view, row, LINE_COL["kind"], "One-off")
    line = model.rows[row]
    assert (line.kind, line.year_from, line.year_to, line.escalation_bp) == (
        LineKind.ONE_OFF, 0, 0, 0)
    assert not model.index(row, LINE_COL["year_to"]).flags() & Qt.ItemFlag.ItemIsEditable
    assert _shown(costs, PURCHASE, 1) == ""
    costs.document.undo_stack.undo()
    assert model.rows[row].kind == LineKind.RECURRING and _shown(costs, PURCHASE, 1) == "4,326"


def test_another_option_can_be_picked(costs: LinesEditor) -> None:
    costs.option_box.setCurrentIndex(1)
    costs.option_box.activated.emit(1)
    assert costs.option_id == ON_PREM
    assert _shown(costs, PURCHASE, 0) == "11,800"
    assert "chosen" in costs.option_box.itemText(0)
    costs.document.update(CostLine, costs.lines_model.rows[0].id, amount_cents=1_200_000)
    assert costs.option_id == ON_PREM and _shown(costs, PURCHASE, 0) == "12,000"


def test_benefit_helpers_leave_a_readable_line(
    document: PlanDocument, qtbot: QtBot, keep: list[QWidget]
) -> None:
    benefits = _editor(document, qtbot, keep, "benefit")
    assert set(benefits.helper_buttons) == {"productivity", "risk", "revenue", "savings"}
    seen: list[BenefitHelperDialog] = []

    def answer(dialog: QDialog) -> int:
        assert isinstance(dialog, BenefitHelperDialog)
        seen.append(dialog)
        dialog.what.setText("Invoices scanned at the counter")
        values = iter(["lots", "28", "46"] if len(seen) == 1 else ["6", "28", "46"])
        for box in dialog.inputs.values():
            box.setText(next(values))
        dialog.accept()
        return dialog.result()

    benefits.run_dialog = answer
    qtbot.mouseClick(benefits.helper_buttons["productivity"], Qt.MouseButton.LeftButton)
    assert seen[0].error.text() == "Hours saved per week: 'lots' is not a number"
    assert document.undo_stack.count() == 0  # refused: nothing stored
    qtbot.mouseClick(benefits.helper_buttons["productivity"], Qt.MouseButton.LeftButton)
    assert seen[1].preview.text() == (
        "Invoices scanned at the counter: 6 h/week × €28/h × 46 weeks = €7,728 a year")
    assert document.undo_stack.undoText() == "Add productivity benefit"
    row = BenefitCategory.PRODUCTIVITY
    grid_row = list(BenefitCategory).index(row)
    assert _shown(benefits, grid_row, 1) == "12,880"  # 5,152 + 7,728

    stored = reopen(document)
    line = stored.load().initiatives[1].options[0].benefits[-1]
    stored.close()
    assert line == BenefitLine(
        BenefitCategory.PRODUCTIVITY, 772_800, LineKind.RECURRING, 1, 4, 0,
        "Invoices scanned at the counter: 6 h/week × €28/h × 46 weeks = €7,728 a year",
        id=line.id)


def test_without_an_option_the_editor_offers_to_add_one(
    empty_document: PlanDocument, qtbot: QtBot, keep: list[QWidget]
) -> None:
    initiative_id = empty_document.add(Initiative("Card terminals")).value
    editor = _editor(empty_document, qtbot, keep)
    editor.set_initiative(None)
    assert "Select an initiative" in editor.empty_text.text()
    editor.set_initiative(initiative_id)
    assert "has no option yet" in editor.empty_text.text()
    qtbot.mouseClick(editor.add_option_button, Qt.MouseButton.LeftButton)
    assert editor.stack.currentIndex() == 1
    assert editor.option_box.currentText().startswith("Main option")
    assert editor.grid_model.columnCount() == 6
    empty_document.undo_stack.undo()
    assert editor.stack.currentIndex() == 0


def test_kind_must_be_cost_or_benefit(document: PlanDocument) -> None:
    with pytest.raises(ValueError):
        LinesEditor(document, "risk")


def test_a_refused_edit_in_a_block_undoes_the_others(costs: LinesEditor) -> None:
    model, document = costs.grid_model, costs.document
    good = model.step(model.plan_edit(OPERATIONS, 0, "700"))
    assert good is not None

    def stale(e: EditSession) -> None:  # a line that is gone
        e.update(CostLine, 9_999, amount_cents=1)

    assert not model.run("Paste 2 cells into costs", [good, stale])
    assert costs.error.text().startswith("Nothing was changed: ")
    assert document.undo_stack.count() == 0
    assert _shown(costs, OPERATIONS, 0) == ""
    stored = reopen(document)
    assert stored.load().initiatives[1].options[0].costs == _cloud_costs_in_sample()
    stored.close()


def test_amounts_in_the_users_locale(costs: LinesEditor, qtbot: QtBot) -> None:
    from PySide6.QtCore import QLocale

    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    _type(qtbot, costs.grid, OPERATIONS, 3, "12.500,50")
    assert _shown(costs, OPERATIONS, 3) == "12.501"  # shown rounded, in German
    cents = [c.amount_cents for c in _one_offs(_cloud(costs.document), CostCategory.OPERATIONS)]
    assert cents == [1_250_050]
    assert costs.grid_model.index(OPERATIONS, 3).data(Qt.ItemDataRole.EditRole) == "12500,50"


def test_a_read_only_plan_cannot_be_edited(sample_path: Path, qtbot: QtBot,
                                          keep: list[QWidget]) -> None:
    document = PlanDocument(PlanFile.open(sample_path, readonly=True))
    try:
        costs = _editor(document, qtbot, keep)
        benefits = _editor(document, qtbot, keep, "benefit")
        cell = costs.grid_model.index(OPERATIONS, 1)
        assert not cell.flags() & Qt.ItemFlag.ItemIsEditable
        costs.grid.setCurrentIndex(cell)
        QApplication.clipboard().setText("5\t6")
        qtbot.keyClick(costs.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert costs.error.text() == "The plan is open read-only."
        assert not costs.lines.add_button.isEnabled()
        assert not any(b.isEnabled() for b in benefits.helper_buttons.values())
        assert document.undo_stack.count() == 0
    finally:
        document.close()


def test_a_lines_own_range_is_typed_as_a_factor_and_moves_the_npv_range(
    costs: LinesEditor,
) -> None:
    """"Low ×" and "High ×" of a line: stored on the line (one undo step), shown as factors,
    and the NPV range of the Figures tab follows them (``analysis.uncertainty``)."""
    from smbplanner.analysis.uncertainty.ranges import initiative_range

    model, document = costs.lines_model, costs.document
    low = next(n for n, c in enumerate(model.columns) if c.field == "low_bp")
    high = low + 1
    before = initiative_range(document.plan().initiatives[1], document.plan().business)
    assert model.data(model.index(0, low)) == ""  # the plan's factors until the owner sets one
    assert model.setData(model.index(0, low), "×0.5")
    assert model.setData(model.index(0, high), "200 %")
    line = model.rows[0]
    assert (line.low_bp, line.high_bp) == (5_000, 20_000)
    assert (model.data(model.index(0, low)), model.data(model.index(0, high))) == ("×0.5", "×2")
    after = initiative_range(document.plan().initiatives[1], document.plan().business)
    assert before is not None and after is not None and after.p10_cents != before.p10_cents
    assert not model.setData(model.index(0, low), "1.2")  # a low factor is at most ×1
    assert costs.lines.error.text() == "Low ×: must be a factor from ×0 to ×1, such as 0.8"
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert (model.rows[0].low_bp, model.rows[0].high_bp) == (None, None)


def test_capital_shows_the_default_and_stores_only_a_choice(costs: LinesEditor) -> None:
    """The box reads the category's default until the owner sets it; setting it back to the
    default stores no choice; one undo step each; the pack's cash flow follows."""
    from smbplanner.analysis.cash_statement import cash_statement, default_capital

    model, document = costs.lines_model, costs.document
    column = LINE_COL["capital"]
    assert model.columns[column].field == "capital"
    row = next(r for r, line in enumerate(model.rows) if line.capital is None)
    line = model.rows[row]
    index = model.index(row, column)
    default = default_capital(line)
    checked, unchecked = Qt.CheckState.Checked, Qt.CheckState.Unchecked
    assert index.data(Qt.ItemDataRole.CheckStateRole) == (checked if default else unchecked)
    assert "by default" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.flags() & Qt.ItemFlag.ItemIsUserCheckable
    before = cash_statement(document.plan()).total("capital")
    flipped = unchecked if default else checked
    assert model.setData(index, flipped.value, Qt.ItemDataRole.CheckStateRole)
    assert model.rows[row].capital is (not default)
    assert document.undo_stack.undoText().endswith("capital")
    assert "as you set it" in model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
    assert cash_statement(document.plan()).total("capital") != before
    back = checked if default else unchecked
    assert model.setData(model.index(row, column), back.value, Qt.ItemDataRole.CheckStateRole)
    assert model.rows[row].capital is None  # the default again: no choice stored
    document.undo_stack.undo()
    assert model.rows[row].capital is (not default)
    document.undo_stack.undo()
    assert model.rows[row].capital is None


def test_benefit_lines_have_no_capital_column() -> None:
    from smbplanner.ui.pages.initiatives.lines_table import line_columns

    assert "capital" not in [c.field for c in line_columns("benefit")]
