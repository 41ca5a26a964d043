"""One option picker for the Costs and Benefits tabs (issue 18): both tabs edit the option
it shows, the chosen option is marked, and "New option from a copy of …" copies the option
being edited. Sample initiative 2 "Back-office server replacement": option 2 "Cloud (SaaS)"
(chosen) and option 3 "On-premises server"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from smbplanner.domain.enums import CostCategory, LineKind
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.page import InitiativesPage

SERVER, CLOUD, ON_PREM = 2, 2, 3
TRAINING = list(CostCategory).index(CostCategory.TRAINING)


def _page(document: PlanDocument, qtbot: QtBot, keep: list[QWidget]) -> InitiativesPage:
    page = InitiativesPage(document)
    qtbot.addWidget(page)
    keep.append(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    page.select_initiative(SERVER)
    return page


def _choose_in_popup(qtbot: QtBot, combo: QComboBox, option_id: int) -> None:
    """Open the combo with a click and click the entry, as the owner does."""
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(combo.view().isVisible)
    view = combo.view()
    entry = view.model().index(combo.findData(option_id), 0)
    view.scrollTo(entry)
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # a popup ignores a too-quick click
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(entry).center())
    qtbot.waitUntil(lambda: not combo.view().isVisible())


def _type_cell(qtbot: QtBot, page: InitiativesPage, text: str) -> None:
    view = page.costs.grid
    index = view.model().index(TRAINING, 1)
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)
    QApplication.processEvents()


def test_one_picker_drives_costs_and_benefits(
    document: PlanDocument, qtbot: QtBot, keep: list[QWidget]
) -> None:
    page = _page(document, qtbot, keep)
    picker = page.option_picker
    assert picker.isVisible() and picker.box.currentData() == CLOUD
    items = [picker.box.itemText(n) for n in range(picker.box.count())]
    assert items == ["Cloud (SaaS)  ✓ chosen, feeds the plan", "On-premises server"]
    # each tab says which option it edits; neither has a picker of its own
    assert page.costs.option_box.isHidden() and page.benefits.option_box.isHidden()
    assert page.costs.life.text().startswith("Costs of “Cloud (SaaS)” (✓ chosen")

    _choose_in_popup(qtbot, picker.box, ON_PREM)
    assert page.costs.option_id == ON_PREM and page.benefits.option_id == ON_PREM
    assert page.options.selected_option().id == ON_PREM  # type: ignore[union-attr]
    assert page.costs.life.text().startswith(
        "Costs of “On-premises server” (not chosen: does not feed the plan)")
    page.show_panel(page.benefits)
    assert page.benefits.life.text().startswith(
        "Benefits of “On-premises server” (not chosen")
    page.show_panel(page.costs)
    _type_cell(qtbot, page, "777")
    server = document.plan().initiative(SERVER)
    assert server is not None
    by_id = {o.id: o for o in server.options}
    assert any(c.amount_cents == 77_700 and c.year_from == 1 and c.kind == LineKind.ONE_OFF
               for c in by_id[ON_PREM].costs)
    assert not any(c.amount_cents == 77_700 for c in by_id[CLOUD].costs)
    assert picker.box.currentData() == ON_PREM  # an edit does not move the picker

    # another initiative starts on its chosen option; coming back too
    page.select_initiative(1)
    page.select_initiative(SERVER)
    assert picker.box.currentData() == CLOUD and page.costs.option_id == CLOUD


def test_new_option_from_a_copy_of_the_option_being_edited(
    document: PlanDocument, qtbot: QtBot, keep: list[QWidget]
) -> None:
    page = _page(document, qtbot, keep)
    picker = page.option_picker
    _choose_in_popup(qtbot, picker.box, ON_PREM)
    assert picker.copy_button.text() == "New option from a copy of “On-premises server”"
    qtbot.mouseClick(picker.copy_button, Qt.MouseButton.LeftButton)
    server = document.plan().initiative(SERVER)
    assert server is not None
    copy, base = server.options[-1], next(o for o in server.options if o.id == ON_PREM)
    assert document.undo_stack.undoText() == (
        "Add option 'Option 3' (a copy of 'On-premises server')")
    assert not copy.chosen and copy.life_years == base.life_years
    assert [(c.category, c.amount_cents) for c in copy.costs] == [
        (c.category, c.amount_cents) for c in base.costs]
    assert picker.box.currentData() == copy.id == page.costs.option_id  # editing the copy
    document.undo_stack.undo()
    assert picker.box.currentData() == CLOUD and page.costs.option_id == CLOUD


def test_a_long_option_name_keeps_the_chosen_mark_in_sight(
    document: PlanDocument, qtbot: QtBot, keep: list[QWidget]
) -> None:
    from PySide6.QtCore import Qt as _Qt

    from smbplanner.domain.model import Option

    long_name = ("Cloud suite with every add-on " * 8)[:200]
    document.update(Option, CLOUD, "Rename", name=long_name)
    page = _page(document, qtbot, keep)
    text = page.option_picker.box.itemText(0)
    assert len(text) < 90 and text.endswith("✓ chosen, feeds the plan")
    assert page.option_picker.box.itemData(0, _Qt.ItemDataRole.ToolTipRole) == long_name
    assert "(✓ chosen, feeds the plan)" in page.costs.life.text()
    assert len(page.costs.life.text()) < 160
