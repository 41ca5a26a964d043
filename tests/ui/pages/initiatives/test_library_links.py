"""The library proposes goal links by matching words and the owner confirms them (issue 18):
a dental clinic's "Managed backup and recovery" is no longer linked to "Raise hygienist chair
utilisation to 85 %" and "Open a third site" because they share a perspective."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from smbplanner.domain.enums import Perspective
from smbplanner.domain.model import Goal, GoalLink
from smbplanner.library import load_library, propose_links
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.page import InitiativesPage

CLINIC_GOALS = [
    Goal("Raise hygienist chair utilisation to 85 %", perspective=Perspective.INTERNAL_PROCESS),
    Goal("Open a third site", perspective=Perspective.FINANCIAL),
    Goal("Never lose a patient record", "Backups tested every quarter; records restored "
         "within a day", perspective=Perspective.INTERNAL_PROCESS),
]


def _entry(key: str):  # type: ignore[no-untyped-def]
    return next(e for e in load_library() if e.key == key)


def test_proposals_need_shared_words_not_just_a_perspective() -> None:
    goals = [Goal(g.title, g.description, perspective=g.perspective, id=n)
             for n, g in enumerate(CLINIC_GOALS, 1)]
    proposals = propose_links(_entry("managed-backup"), goals)
    assert [(p.goal.id, p.proposed) for p in proposals] == [(3, True), (1, False), (2, False)]
    assert proposals[0].words == ("backups", "tested", "quarter", "restored")
    assert proposals[1].same_perspective and proposals[2].same_perspective  # shown, not ticked


def test_the_owner_sees_and_confirms_the_links(
    empty_document: PlanDocument, qtbot: QtBot, keep: list[QWidget]
) -> None:
    document = empty_document
    for goal in CLINIC_GOALS:
        document.add(goal, text="Add goal")
    page = InitiativesPage(document)
    qtbot.addWidget(page)
    keep.append(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    qtbot.mouseClick(page.list.library_button, Qt.MouseButton.LeftButton)
    dialog = page.library_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.list.setCurrentRow(next(n for n, e in enumerate(dialog.entries)
                                   if e.key == "managed-backup"))
    ids = {g.title: g.id for g in document.plan().goals}
    boxes = dialog.goal_boxes
    record = boxes[ids["Never lose a patient record"]]
    chairs = boxes[ids["Raise hygienist chair utilisation to 85 %"]]
    site = boxes[ids["Open a third site"]]
    assert record.isChecked() and not chairs.isChecked() and not site.isChecked()
    assert "suggested: shares “backups”, “tested”, “quarter”, “restored”" in record.text()
    assert "same perspective" in chairs.text()
    assert dialog.add_button.text() == "Add to plan, linked to 1 goal"
    qtbot.mouseClick(record, Qt.MouseButton.LeftButton, pos=record.rect().center())  # untick
    assert dialog.add_button.text() == "Add to plan, linked to no goal"
    qtbot.mouseClick(record, Qt.MouseButton.LeftButton, pos=record.rect().center())
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    added = document.plan().initiative(page.current_id())  # type: ignore[arg-type]
    assert added is not None and added.name == "Managed backup and recovery"
    assert added.goals == [GoalLink(ids["Never lose a patient record"], 2)]
