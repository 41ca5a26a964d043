"""SWOT items linked to the initiatives that answer them, shown on both sides (issue 18)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from smbplanner.domain.enums import SwotKind
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.assessment.page import AssessmentPage
from smbplanner.ui.pages.assessment.swot import ANSWERS_ROLE
from smbplanner.ui.pages.initiatives.links import GoalLinksBox
from tests.ui.conftest import reopen

SERVER = 2  # "Back-office server replacement"


def test_an_item_is_answered_by_an_initiative_seen_from_both_sides(
    document: PlanDocument, qtbot: QtBot
) -> None:
    page = AssessmentPage(document)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    item = next(i for i in document.plan().swot
                if i.kind == SwotKind.THREAT and SERVER not in i.initiative_ids)
    assert item.id is not None and SERVER not in item.initiative_ids
    dialog = page.swot.edit_item(item.id)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    box = dialog.initiative_boxes[SERVER]
    assert not box.isChecked() and box.isVisible()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()
    assert dialog.values().initiative_ids == {*item.initiative_ids, SERVER}
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert dialog.error.text() == ""
    assert not dialog.isVisible()
    stored = next(i for i in document.plan().swot if i.id == item.id)
    assert SERVER in stored.initiative_ids
    assert document.undo_stack.undoText().startswith("Link threat '")
    assert "to initiative 'Back-office server replacement'" in document.undo_stack.undoText()
    panel = page.swot.panels[SwotKind.THREAT]
    row = panel.model.row_of(item.id)
    assert "Back-office server replacement" in panel.model.index(row, 0).data(ANSWERS_ROLE)

    answers = GoalLinksBox(document)  # the initiative's side: its Goals served tab
    qtbot.addWidget(answers)
    answers.set_initiative(SERVER)
    answers.show()
    assert answers.answers.text().startswith("<b>Answers from the SWOT:</b>")
    assert f"Threat “{item.text[:20]}" in answers.answers.text()
    document.undo_stack.undo()
    assert f"Threat “{item.text[:20]}" not in answers.answers.text()
    document.undo_stack.redo()
    file = reopen(document)
    assert SERVER in next(i for i in file.load().swot if i.id == item.id).initiative_ids
    file.close()
