"""People fields choose from the plan's People, free text still allowed (issue 18)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QToolButton
from pytestqt.qtbot import QtBot

from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.governance.page import GovernancePage
from smbplanner.ui.pages.initiatives.editor import InitiativeEditor
from smbplanner.ui.shared.people import PeopleField


def _pick(qtbot: QtBot, field: PeopleField, name: str) -> None:
    """Open the list with the field's ▾ button, go down to the name, press Enter."""
    button = next(b for b in field.findChildren(QToolButton) if b.isVisible())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    popup = field.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    model = popup.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == name)
    for _ in range(row + 1):
        qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())


def test_the_initiative_owner_is_chosen_from_people_or_typed(
    document: PlanDocument, qtbot: QtBot
) -> None:
    editor = InitiativeEditor(document)
    qtbot.addWidget(editor)
    editor.resize(900, 600)
    editor.show()
    qtbot.waitExposed(editor)
    editor.set_initiative(2)
    owner = editor.owner
    assert isinstance(owner, PeopleField)
    people = [p.name for p in document.plan().people]
    assert owner.model.stringList() == people
    _pick(qtbot, owner, people[1])
    assert owner.text() == people[1]
    qtbot.keyClick(owner, Qt.Key.Key_Return)
    assert document.plan().initiative(2).owner == people[1]  # type: ignore[union-attr]
    owner.selectAll()
    qtbot.keyClicks(owner, "Our IT partner")  # someone not in People: allowed
    qtbot.keyClick(owner, Qt.Key.Key_Return)
    assert document.plan().initiative(2).owner == "Our IT partner"  # type: ignore[union-attr]


def test_review_attendees_add_people_after_a_comma(document: PlanDocument, qtbot: QtBot) -> None:
    page = GovernancePage(document)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    view, model = page.reviews.view, page.reviews_model
    index = model.index(0, 1)
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    field = view.indexWidget(index)
    assert isinstance(field, PeopleField) and field.multiple
    field.setText("Accountant")
    people = [p.name for p in document.plan().people]
    _pick(qtbot, field, people[0])
    assert field.text() == f"Accountant, {people[0]}"
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    QApplication.processEvents()
    assert model.index(0, 1).data() == f"Accountant, {people[0]}"
