"""File ▸ Import…: the mapping dialog driven with real widgets. Nothing is written until
Import is pressed; the import is one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from smbplanner.ui.document import PlanDocument
from smbplanner.ui.spreadsheets.importdialog import ImportDialog

DATA = Path(__file__).parents[2] / "data" / "spreadsheets"


def _dialog(qtbot: QtBot, document: PlanDocument, file: Path, table: str,
            sheet: str | None = None) -> ImportDialog:
    dialog = ImportDialog(document)
    qtbot.addWidget(dialog)
    dialog.set_table(table)
    dialog.open_file(file)
    if sheet is not None:
        dialog.sheet.setCurrentIndex(dialog.sheet.findText(sheet))
    dialog.show()
    return dialog


def _column(dialog: ImportDialog, label: str) -> int:
    return next(c for c in range(dialog.rows.columnCount())
                if dialog.rows.horizontalHeaderItem(c).text() == label)


def test_the_preview_shows_parsed_values_and_nothing_is_written_until_import(
    qtbot: QtBot, empty_document: PlanDocument
) -> None:
    dialog = _dialog(qtbot, empty_document, DATA / "inventory.xlsx", "systems")
    assert dialog.sheet.currentText() == "IT systems"
    cost = _column(dialog, "Annual run cost")
    assert dialog.rows.item(0, 0).text() == "4"  # the file's row number (a title above)
    assert dialog.rows.item(0, cost).text() == "3,726.00 EUR"  # =C4*12, computed
    assert dialog.rows.item(0, 1).text() == "Add"
    assert dialog.import_button.text() == "Import 6 rows"
    assert empty_document.plan().systems == []
    assert empty_document.undo_stack.count() == 0

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert len(empty_document.plan().systems) == 6
    assert empty_document.undo_stack.count() == 1
    empty_document.undo_stack.undo()
    assert empty_document.plan().systems == []


def test_a_column_can_be_mapped_by_hand(qtbot: QtBot, empty_document: PlanDocument) -> None:
    dialog = _dialog(qtbot, empty_document, DATA / "inventory.xlsx", "systems")
    monthly = dialog.mapping_combo(2)  # C: "Monthly cost", not matched
    assert monthly.currentData() is None
    monthly.setCurrentIndex(monthly.findData("annual_run_cost_cents"))
    # D ("Annual cost") lets go: one sheet column per field
    assert dialog.mapping_combo(3).currentData() is None
    assert dialog.rows.item(0, _column(dialog, "Annual run cost")).text() == "310.50 EUR"
    dialog.do_import()
    till = next(s for s in empty_document.plan().systems if s.name.startswith("Till"))
    assert till.annual_run_cost_cents == 31_050


def test_refused_rows_are_listed_and_left_out(qtbot: QtBot,
                                              empty_document: PlanDocument) -> None:
    dialog = _dialog(qtbot, empty_document, DATA / "inventory.xlsx", "systems", "Messy")
    listed = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert listed[0] == "row 2, column B (Annual cost): 'about 600' is not a number"
    assert len(listed) == 5
    assert dialog.rows.item(0, 1).text() == "Refused"
    assert dialog.import_button.text() == "Import 1 row"
    assert dialog.do_import()
    assert [s.name for s in empty_document.plan().systems] == ["NAS backup"]


def test_rows_matching_existing_names_update_or_skip(
    qtbot: QtBot, empty_document: PlanDocument
) -> None:
    first = _dialog(qtbot, empty_document, DATA / "kpis.ods", "goals")
    assert first.do_import()
    goal = empty_document.plan().goals[0]
    assert empty_document.update(type(goal), goal.id, weight=1)
    dialog = _dialog(qtbot, empty_document, DATA / "kpis.ods", "goals")
    action = dialog.rows.item(0, 1)
    assert action.text() == "Update" and action.checkState() == Qt.CheckState.Checked
    action.setCheckState(Qt.CheckState.Unchecked)
    assert dialog.rows.item(0, 1).text() == "Skip"
    assert dialog.summary.text() == "0 to add, 1 to update (1 unchanged), 1 to skip, 0 refused."
    assert dialog.do_import()
    assert empty_document.plan().goals[0].weight == 1  # skipped: kept as it was


def test_a_file_that_cannot_be_read_says_so(qtbot: QtBot, empty_document: PlanDocument,
                                            tmp_path: Path) -> None:
    junk = tmp_path / "junk.ods"
    junk.write_bytes(b"not a spreadsheet")
    dialog = _dialog(qtbot, empty_document, junk, "systems")
    assert "junk.ods: cannot be read as a spreadsheet" in dialog.error.text()
    assert not dialog.import_button.isEnabled()


@pytest.mark.parametrize("table", ["lines"])
def test_lines_with_calendar_years_as_columns(qtbot: QtBot, document: PlanDocument,
                                              table: str) -> None:
    dialog = _dialog(qtbot, document, DATA / "costs-excel.csv", table)
    headers = [dialog.rows.horizontalHeaderItem(c).text()
               for c in range(dialog.rows.columnCount())]
    assert headers[-4:] == ["2026", "2027", "2028", "2029"]
    # the sample has no "Cloud POS": every row is refused, with the reason
    assert dialog.problems.item(0).text().endswith(
        "no initiative named 'Cloud POS' in the plan (import the initiatives first)")
    assert not dialog.import_button.isEnabled()


def test_the_preview_follows_edits_made_while_it_is_open(
    qtbot: QtBot, empty_document: PlanDocument
) -> None:
    from smbplanner.domain.model import Goal

    dialog = _dialog(qtbot, empty_document, DATA / "kpis.ods", "goals")
    assert dialog.rows.item(0, 1).text() == "Add"
    assert empty_document.add(Goal("Grow pre-orders"))  # typed on the Destination page
    assert dialog.rows.item(0, 1).text() == "Update"
    assert dialog.do_import()
    assert [g.title for g in empty_document.plan().goals] == ["Grow pre-orders", "Cut waste"]


def test_a_sheet_the_plan_already_holds_has_nothing_to_change(
    qtbot: QtBot, empty_document: PlanDocument
) -> None:
    assert _dialog(qtbot, empty_document, DATA / "kpis.ods", "goals").do_import()
    again = _dialog(qtbot, empty_document, DATA / "kpis.ods", "goals")
    assert again.summary.text() == "0 to add, 2 to update (2 unchanged), 0 to skip, 0 refused."
    assert again.import_button.text() == "Nothing to change"
    assert not again.import_button.isEnabled()
