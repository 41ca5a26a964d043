"""Drift in sight (issue 18): an initiative that serves no goal is flagged in the list and
its editor, a goal no initiative serves in the goals table; ticking a goal clears both. One
definition: ``analysis.alignment``."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from smbplanner.analysis.alignment import goals_without_initiatives, unaligned_initiatives
from smbplanner.domain.model import Goal
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.destination.page import DestinationPage
from smbplanner.ui.pages.initiatives.listmodel import DRIFT_TIP, NAME
from smbplanner.ui.pages.initiatives.page import InitiativesPage


def _name_cell(page: InitiativesPage, initiative_id: int):  # type: ignore[no-untyped-def]
    proxy = page.list.proxy
    row = next(r for r in range(proxy.rowCount())
               if proxy.index(r, NAME).data(Qt.ItemDataRole.UserRole + 2) == initiative_id)
    return proxy.index(row, NAME)


def test_an_initiative_serving_no_goal_is_flagged_until_a_goal_is_ticked(
    document: PlanDocument, qtbot: QtBot, keep: list[QWidget]
) -> None:
    page = InitiativesPage(document)
    qtbot.addWidget(page)
    keep.append(page)
    page.resize(1600, 1000)
    page.show()
    qtbot.waitExposed(page)
    qtbot.mouseClick(page.list.add_button, Qt.MouseButton.LeftButton)  # a new initiative
    new_id = page.current_id()
    assert new_id is not None
    assert [i.id for i in unaligned_initiatives(document.plan())] == [new_id]
    cell = _name_cell(page, new_id)
    assert isinstance(cell.data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert cell.data(Qt.ItemDataRole.ToolTipRole).endswith(DRIFT_TIP)
    editor = page.editor
    assert editor.links.tabToolTip(0) == DRIFT_TIP
    assert not editor.links.tabIcon(0).isNull()
    drift = editor.goals.drift
    assert drift.isVisible() and drift.text() == DRIFT_TIP + "."
    # an aligned initiative carries no flag
    other = _name_cell(page, 1)
    assert other.data(Qt.ItemDataRole.DecorationRole) is None

    goal_id = document.plan().goals[0].id
    assert goal_id is not None
    box = editor.goals.boxes[goal_id]
    editor.links.setCurrentIndex(0)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    assert box.isChecked() and unaligned_initiatives(document.plan()) == []
    assert _name_cell(page, new_id).data(Qt.ItemDataRole.DecorationRole) is None
    assert drift.isHidden() and editor.links.tabIcon(0).isNull()
    document.undo_stack.undo()
    assert _name_cell(page, new_id).data(Qt.ItemDataRole.DecorationRole) is not None
    assert drift.isVisible()


def test_a_goal_no_initiative_serves_is_flagged(document: PlanDocument, qtbot: QtBot) -> None:
    page = DestinationPage(document)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    model = page.goals_model
    assert goals_without_initiatives(document.plan()) == []
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    qtbot.mouseClick(page.goals.add_button, Qt.MouseButton.LeftButton)
    new = document.plan().goals[-1]
    assert goals_without_initiatives(document.plan()) == [new]
    row = model.row_of(new.id)
    assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "No initiative serves this goal yet" in model.index(row, 0).data(
        Qt.ItemDataRole.ToolTipRole)
    document.link("set_goal_link", (1, new.id), 2, "Link")
    assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    document.update(Goal, new.id, "Rename", title="Open a third shop")  # still served
    assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) is None
