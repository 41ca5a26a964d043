"""The options panel, driven through its widgets: the sample's "Back-office server
replacement" (initiative 2) compares option 2 "Cloud (SaaS)" (chosen) with option 3
"On-premises server"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from smbplanner.analysis.figures import option_figures
from smbplanner.analysis.options import compare_options
from smbplanner.domain.model import Initiative, Option
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.common import locale_number
from smbplanner.ui.pages.initiatives.options import OptionsPanel
from smbplanner.ui.pages.initiatives.options_model import SUMMARY_ROWS
from tests.ui.conftest import reopen

SERVER, CLOUD, ON_PREM = 2, 2, 3
NAME, LIFE = 0, 2


@pytest.fixture
def panel(document: PlanDocument, qtbot: QtBot) -> Iterator[OptionsPanel]:
    widget = OptionsPanel(document)
    qtbot.addWidget(widget)
    widget.set_initiative(SERVER)
    widget.resize(1040, 760)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def _options_panel(document: PlanDocument, qtbot: QtBot, keep: list[QWidget]) -> OptionsPanel:
    panel = OptionsPanel(document)
    qtbot.addWidget(panel)
    keep.append(panel)
    panel.show()
    return panel


def _type(qtbot: QtBot, view: QTableView, row: int, column: int, text: str) -> None:
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = next(w for w in view.viewport().findChildren(QLineEdit) if w.isVisible())
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()


def _cell(panel: OptionsPanel, row: int, column: int) -> str:
    return str(panel.comparison_model.index(row, column).data())


def _summary(panel: OptionsPanel, name: str, option: int) -> str:
    model = panel.comparison_model
    return _cell(panel, model.years + SUMMARY_ROWS.index(name), 2 * option)


def test_options_side_by_side_match_analysis(panel: OptionsPanel) -> None:
    plan = panel.document.plan()
    server = plan.initiative(SERVER)
    assert server is not None
    model = panel.comparison_model
    assert model.columnCount() == 4 and model.rowCount() == 5 + 4
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Cloud (SaaS) ✓\ncost in the year"
    assert model.headerData(5, Qt.Orientation.Vertical) == "TCO"
    for n, option in enumerate(server.options):
        figures = option_figures(option, plan.business)
        running = 0
        for t, cents in enumerate(figures.costs):
            running += cents
            assert _cell(panel, t, 2 * n) == fmt.money(cents)
            assert _cell(panel, t, 2 * n + 1) == fmt.money(running)
        assert _summary(panel, "TCO", n) == fmt.money(figures.tco_cents, "EUR")
        assert _summary(panel, "Up front (year 0)", n) == fmt.money(figures.costs[0], "EUR")
        assert _summary(panel, "NPV", n) == fmt.money(figures.npv_cents, "EUR")
    assert _summary(panel, "TCO", 0) == "36,569 EUR"
    assert _summary(panel, "Payback", 0) == "1.2 years"
    assert _summary(panel, "Payback", 1) == "2.7 years"
    assert panel.verdict.text() == compare_options(server, plan.business, number=locale_number
                                                   ).verdict
    assert panel.verdict.text().startswith(
        "Cloud (SaaS) costs 4,826 more over 5 years but needs 4,650 less up front")
    comparison, start = panel.chart.data
    assert start == 2026 and [c.name for c in comparison.columns] == [
        "Cloud (SaaS)", "On-premises server"]


def test_choose_this_option_is_undoable(panel: OptionsPanel, qtbot: QtBot) -> None:
    document = panel.document
    assert panel.selected_option() is not None and panel.selected_option().id == CLOUD
    assert not panel.choose_button.isEnabled()  # already chosen
    panel.options.select_id(ON_PREM)
    assert panel.choose_button.isEnabled()
    qtbot.mouseClick(panel.choose_button, Qt.MouseButton.LeftButton)
    assert document.undo_stack.undoText() == "Choose option 'On-premises server'"
    server = document.plan().initiative(SERVER)
    assert server is not None and server.chosen_option is not None
    assert server.chosen_option.id == ON_PREM
    assert panel.comparison_model.headerData(2, Qt.Orientation.Horizontal).startswith(
        "On-premises server ✓")
    assert panel.verdict.text().startswith("On-premises server costs 4,826 less over 5 years")
    assert not panel.choose_button.isEnabled()
    document.undo_stack.undo()
    assert document.plan().initiative(SERVER).chosen_option.id == CLOUD  # type: ignore[union-attr]
    document.undo_stack.redo()
    stored = reopen(document)
    options = stored.load().initiatives[1].options
    stored.close()
    assert [(o.id, o.chosen) for o in options] == [(CLOUD, False), (ON_PREM, True)]


def test_undo_of_choosing_when_none_was_chosen(
    empty_document: PlanDocument, qtbot: QtBot, keep: list[QWidget]
) -> None:
    initiative_id = empty_document.add(Initiative("Phones")).value
    empty_document.add(Option("VoIP"), parent_id=initiative_id)
    second = empty_document.add(Option("Mobiles only"), parent_id=initiative_id).value
    panel = _options_panel(empty_document, qtbot, keep)
    panel.set_initiative(initiative_id)
    panel.options.select_id(second)  # type: ignore[arg-type]
    assert panel.choose_selected()
    assert [o.chosen for o in empty_document.plan().initiatives[0].options] == [False, True]
    empty_document.undo_stack.undo()
    assert [o.chosen for o in empty_document.plan().initiatives[0].options] == [False, False]


def test_add_rename_change_life_and_delete_options(panel: OptionsPanel, qtbot: QtBot) -> None:
    document, view = panel.document, panel.options.view
    qtbot.mouseClick(panel.options.add_button, Qt.MouseButton.LeftButton)
    assert document.undo_stack.undoText() == "Add option 'Option 3' (a copy of 'Cloud (SaaS)')"
    server = document.plan().initiative(SERVER)
    assert server is not None
    chosen, copy = server.chosen_option, server.options[-1]
    assert chosen is not None and not copy.chosen  # the copy starts with the chosen's lines
    assert [(c.category, c.amount_cents) for c in copy.costs] == [
        (c.category, c.amount_cents) for c in chosen.costs]
    assert len(copy.benefits) == len(chosen.benefits)
    assert panel.comparison_model.columnCount() == 6
    row = panel.options_model.rowCount() - 1
    _type(qtbot, view, row, NAME, "Hybrid: NAS plus cloud backup")
    assert document.undo_stack.undoText() == (
        "Rename option 'Option 3' to 'Hybrid: NAS plus cloud backup'")
    _type(qtbot, view, row, LIFE, "7")
    assert document.undo_stack.undoText() == (
        "Change option 'Hybrid: NAS plus cloud backup' life (years)")
    assert panel.comparison_model.years == 7
    _type(qtbot, view, row, LIFE, "31")
    assert panel.options.error.text() == "Life (years): must be between 1 and 30"
    assert document.plan().initiative(SERVER).options[-1].life_years == 7  # type: ignore[union-attr]

    panel.options.select_id(ON_PREM)
    qtbot.mouseClick(panel.options.delete_button, Qt.MouseButton.LeftButton)
    assert document.undo_stack.undoText() == "Delete option 'On-premises server'"
    assert [c.name for c in panel.comparison_model.comparison.columns] == [  # type: ignore[union-attr]
        "Cloud (SaaS)", "Hybrid: NAS plus cloud backup"]
    document.undo_stack.undo()  # the option comes back with its lines
    restored = document.plan().initiative(SERVER).options[1]  # type: ignore[union-attr]
    assert (restored.id, len(restored.costs), len(restored.benefits)) == (ON_PREM, 6, 3)

    stored = reopen(document)
    options = stored.load().initiatives[1].options
    stored.close()
    assert [(o.name, o.life_years, o.chosen) for o in options] == [
        ("Cloud (SaaS)", 5, True), ("On-premises server", 5, False),
        ("Hybrid: NAS plus cloud backup", 7, False)]


def test_verdict_working_and_refresh(panel: OptionsPanel, qtbot: QtBot) -> None:
    qtbot.mouseClick(panel.how_button, Qt.MouseButton.LeftButton)
    dialog = panel.working_dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.text()
    assert "TCO difference: 36,569.33 − 31,743.68 = 4,825.65" in text
    assert "Up-front difference: 13,300 − 17,950 = −4,650" in text
    # An edit refreshes the open working: no stale number.
    server = panel.document.plan().initiative(SERVER)
    assert server is not None
    line = server.options[1].costs[0]  # on-premises purchase 11,800
    panel.document.update(type(line), line.id, amount_cents=1_000_000)
    assert "31,743.68" not in dialog.text() and "29,943.68" in dialog.text()


def test_empty_states(empty_document: PlanDocument, qtbot: QtBot, keep: list[QWidget]) -> None:
    panel = _options_panel(empty_document, qtbot, keep)
    assert panel.verdict.text() == "Select an initiative to compare its options."
    assert not panel.options.add_button.isEnabled()
    initiative_id = empty_document.add(Initiative("Phones")).value
    panel.set_initiative(initiative_id)
    assert panel.verdict.text() == "No options yet: add one to cost this initiative."
    assert panel.options.add_button.isEnabled()
    qtbot.mouseClick(panel.options.add_button, Qt.MouseButton.LeftButton)
    option = empty_document.plan().initiatives[0].options[0]
    assert (option.name, option.chosen) == ("Option 1", True)
    assert panel.verdict.text().startswith("Only one option (Option 1).")
    assert not panel.how_button.isVisible()
