"""The "Fit to budget…" dialog: shows analysis.fit_budget's proposal, changes nothing until
Apply, then applies it as one undo step. In the sample plan the ERP (5) can fit no year's
Change budget, so it and the two initiatives that need it (6 and 11) are not funded."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from smbplanner.analysis.fit_budget import FitValue, fit_to_budget
from smbplanner.domain.enums import InitiativeStatus
from smbplanner.domain.model import BudgetYear, Initiative
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.budget.fit import FitDialog
from smbplanner.ui.pages.budget.panel import BudgetPanel
from tests.ui.conftest import reopen


def _open(document: PlanDocument, qtbot: QtBot) -> tuple[BudgetPanel, FitDialog]:
    panel = BudgetPanel(document)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.mouseClick(panel.fit_button, Qt.MouseButton.LeftButton)
    dialog = panel.fit_dialog
    assert dialog is not None and dialog.isVisible()
    return panel, dialog


def _rows(dialog: FitDialog) -> list[tuple[str, str]]:
    t = dialog.table
    return [(t.item(r, 0).text(), t.item(r, 4).text()) for r in range(t.rowCount())]


def test_shows_the_proposal_and_changes_nothing_until_apply(
        document: PlanDocument, qtbot: QtBot) -> None:
    before = document.plan()
    count = document.undo_stack.count()
    _, dialog = _open(document, qtbot)
    expected = fit_to_budget(before)
    assert _rows(dialog) == [(c.name, c.explanation) for c in expected.choices]
    assert dialog.table.item(0, 1).text() == "Not funded"
    assert dialog.table.item(0, 4).text() == (
        "not funded: at its current start the 2027 change budget would be exceeded by "
        "8,620.00 EUR, and no other start from 2026 to 2030 fits")
    dialog.value.setCurrentIndex(dialog.value.findData(FitValue.ALIGNED_IMPACT.value))
    aligned = fit_to_budget(before, FitValue.ALIGNED_IMPACT)
    assert _rows(dialog) == [(c.name, c.explanation) for c in aligned.choices]
    assert "124 pts" in dialog.summary.text()  # value of the funded, as analysis says
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel),
                     Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert document.plan() == before and document.undo_stack.count() == count


def test_apply_is_one_undo_step(document: PlanDocument, qtbot: QtBot) -> None:
    panel, dialog = _open(document, qtbot)
    count = document.undo_stack.count()
    assert dialog.apply_button.isEnabled()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert document.undo_stack.count() == count + 1
    assert document.undo_stack.undoText() == "Fit to budget"
    status = {i.id: i.status for i in document.plan().initiatives}
    assert [k for k, s in status.items() if s == InitiativeStatus.ON_HOLD] == [5, 6, 8, 11]
    # what goes ahead now fits every year's Change budget
    panel.on_hold.setChecked(False)
    assert not any(r.is_over for r in panel.figures_model.rows)
    document.undo_stack.undo()
    assert document.plan().initiative(5).status == InitiativeStatus.APPROVED  # type: ignore
    document.undo_stack.redo()
    stored = reopen(document)
    assert stored.load().initiative(6).status == InitiativeStatus.ON_HOLD  # type: ignore
    stored.close()


def test_apply_moves_initiatives(document: PlanDocument, qtbot: QtBot) -> None:
    # With 70,000 of Change budget in 2028 the ERP fits there: deferred, not dropped.
    document.update(BudgetYear, 2028, change_cents=7_000_000)
    proposal = fit_to_budget(document.plan())
    edits = dict(proposal.edits())
    assert edits[5] == {"start_year": 2028, "start_quarter": 2}
    _, dialog = _open(document, qtbot)
    erp = next(r for r in range(dialog.table.rowCount())
               if dialog.table.item(r, 0).text().startswith("Central ordering"))
    assert dialog.table.item(erp, 1).text() == "Funded, deferred"
    assert dialog.table.item(erp, 2).text() == "Q2 2027 → Q2 2028"
    dialog.apply()
    plan = document.plan()
    for iid, changes in edits.items():
        initiative = plan.initiative(iid)
        assert initiative is not None
        for name, value in changes.items():
            assert getattr(initiative, name) == value
    document.undo_stack.undo()
    assert document.plan().initiative(5).start_year == 2027  # type: ignore[union-attr]
    assert document.undo_stack.undoText().startswith("Change budget year")  # the step before
    # applied, every funded dependent started after its prerequisites ended
    for i in plan.initiatives:
        if i.status != InitiativeStatus.ON_HOLD:
            for d in i.depends_on:
                pre = plan.initiative(d)
                assert isinstance(pre, Initiative) and pre.end_index <= i.start_index
