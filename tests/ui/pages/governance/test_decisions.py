"""A review's decisions per initiative, driven through the table: a verdict chosen in the
cell's combo, a note typed, each one undo step; "Add review" takes the plan's snapshot with
the review (one undo step); "what changed since the last review" shows delivery too.

Sample: three reviews (the July one, id 3, decided continue on the server, stop on the
loyalty app, change on the Wi-Fi); no review has a snapshot yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox
from pytestqt.qtbot import QtBot

from smbplanner.domain.enums import CostCategory, Rag, Verdict
from smbplanner.domain.model import ActualCost, Initiative
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.governance.decisions import NOTE, VERDICT
from tests.ui.conftest import reopen
from tests.ui.pages.governance.test_page import _page, _type_in_cell

WIFI, ERP = 4, 5


def _row(page: object, name: str) -> int:
    model = page.decisions.model  # type: ignore[attr-defined]
    return next(r for r in range(model.rowCount()) if model.index(r, 0).data() == name)


def _choose(qtbot: QtBot, view: QAbstractItemView, row: int, text: str) -> None:
    index = view.model().index(row, VERDICT)
    view.setCurrentIndex(index)
    view.edit(index)
    combo = view.indexWidget(index)
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findText(text))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    QApplication.processEvents()


def test_decide_per_initiative(qtbot: QtBot, document: PlanDocument) -> None:
    page = _page(qtbot, document)
    stack = document.undo_stack
    july = page.reviews_model.row_of(3)
    page.reviews.view.setCurrentIndex(page.reviews_model.index(july, 0))
    assert "Decisions of the review of 7/14/2026" in page.decisions.title.text()
    model, view = page.decisions.model, page.decisions.view
    wifi = _row(page, "Shop Wi-Fi and network upgrade")
    assert model.index(wifi, VERDICT).data() == "Change"
    assert model.index(wifi, 1).data() == "Amber · past due"

    erp = _row(page, "Central ordering and production planning (bakery ERP)")
    _choose(qtbot, view, erp, "Continue")
    assert stack.undoText() == (
        "Decide 'Central ordering and production planning (bakery ERP)': continue")
    _type_in_cell(qtbot, view, model.index(erp, NOTE), "Visit two bakeries first")
    _choose(qtbot, view, wifi, "Stop")
    _choose(qtbot, view, _row(page, "Back-office server replacement"), "—")  # no decision
    july_review = next(r for r in document.plan().reviews if r.id == 3)
    assert {d.initiative_id: (d.verdict, d.note) for d in july_review.verdicts} == {
        8: (Verdict.STOP, "Does not pay back within its life; try the POS loyalty add-on "
                          "first."),
        WIFI: (Verdict.STOP, "Go ahead in four shops; the harbour shop when the landlord "
                             "agrees."),
        ERP: (Verdict.CONTINUE, "Visit two bakeries first"),
    }
    stack.undo()  # the server's decision comes back
    assert model.index(_row(page, "Back-office server replacement"), VERDICT).data() == \
        "Continue"
    stack.redo()
    stored = reopen(document)
    review = next(r for r in stored.load().reviews if r.id == 3)
    stored.close()
    assert len(review.verdicts) == 3


def test_a_note_needs_a_verdict(qtbot: QtBot, document: PlanDocument) -> None:
    page = _page(qtbot, document)
    page.reviews.view.setCurrentIndex(page.reviews_model.index(page.reviews_model.row_of(3), 0))
    model, view = page.decisions.model, page.decisions.view
    count = document.undo_stack.count()
    erp = _row(page, "Central ordering and production planning (bakery ERP)")
    _type_in_cell(qtbot, view, model.index(erp, NOTE), "Why not")
    assert page.decisions.error.text() == "Note: choose continue, change or stop first"
    assert document.undo_stack.count() == count


def test_add_review_takes_a_snapshot_and_what_changed_shows_delivery(
    qtbot: QtBot, document: PlanDocument
) -> None:
    page = _page(qtbot, document)
    stack = document.undo_stack
    assert "no review has a snapshot yet" in page.decisions.changes.text()
    qtbot.mouseClick(page.reviews.add_button, Qt.MouseButton.LeftButton)
    assert stack.undoText() == "Add review" and stack.count() == 1
    plan_file = document.plan_file
    (snap,) = plan_file.load(snapshots=True).snapshots
    review = next(r for r in document.plan().reviews if r.snapshot_id == snap.id)
    assert review.date.isoformat() == "2026-11-23" and snap.name == "Review 2026-11-23"
    assert "Decisions of the review of 11/23/2026" in page.decisions.title.text()
    assert page.decisions.changes.text() == "Nothing changed since the last review (11/23/2026)."

    document.update(Initiative, WIFI, "Wi-Fi red", rag=Rag.RED, rag_reason="Landlord said no")
    document.add(ActualCost(2026, CostCategory.IMPLEMENTATION, 45_000), parent_id=WIFI)
    assert page.decisions.changes.text() == (
        "Since the last review (11/23/2026):\n"
        "• Shop Wi-Fi and network upgrade: status colour amber → red (Landlord said no); "
        "actual spend 8,270.00 EUR → 8,720.00 EUR (+450.00 EUR)")

    for _ in range(3):
        stack.undo()  # the spend, the colour, then the review with its snapshot
    assert plan_file.load(snapshots=True).snapshots == []
    assert all(r.snapshot_id is None for r in document.plan().reviews)
