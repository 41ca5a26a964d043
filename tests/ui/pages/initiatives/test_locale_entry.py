"""Money typed as the owner's locale writes it: grouping and decimals (issue 18)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from smbplanner.domain.enums import CostCategory, LineKind
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.costs import LinesEditor

SERVER, CLOUD = 2, 2
OPERATIONS = list(CostCategory).index(CostCategory.OPERATIONS)


@pytest.fixture
def german() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


def _costs(document: PlanDocument, qtbot: QtBot, keep: list[QWidget]) -> LinesEditor:
    editor = LinesEditor(document, "cost")
    qtbot.addWidget(editor)
    keep.append(editor)
    editor.set_initiative(SERVER)
    editor.resize(1040, 760)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def _type(qtbot: QtBot, editor: LinesEditor, text: str) -> None:
    view = editor.grid
    index = view.model().index(OPERATIONS, 2)
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    field = next(w for w in view.viewport().findChildren(QLineEdit) if w.isVisible())
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    QApplication.processEvents()


def _operations_year_2(document: PlanDocument) -> list[int]:
    server = document.plan().initiative(SERVER)
    assert server is not None
    cloud = next(o for o in server.options if o.id == CLOUD)
    return [c.amount_cents for c in cloud.costs if c.category == CostCategory.OPERATIONS
            and c.kind == LineKind.ONE_OFF and c.year_from == 2]


def test_german_owner_types_grouped_money_with_a_decimal_comma(
    german: None, document: PlanDocument, qtbot: QtBot, keep: list[QWidget]
) -> None:
    costs = _costs(document, qtbot, keep)
    _type(qtbot, costs, "12.000,50")
    assert _operations_year_2(document) == [1_200_050]
    assert costs.grid_model.index(OPERATIONS, 2).data() == "12.001"  # shown grouped
    _type(qtbot, costs, "1.2,5")  # a group of one digit is not a thousands group
    assert "groups of three" in costs.error.text()
    assert _operations_year_2(document) == [1_200_050]


def test_english_owner_types_grouped_money(
    document: PlanDocument, qtbot: QtBot, keep: list[QWidget]
) -> None:
    costs = _costs(document, qtbot, keep)
    _type(qtbot, costs, "12,000.50")
    assert _operations_year_2(document) == [1_200_050]
    assert costs.grid_model.index(OPERATIONS, 2).data() == "12,001"
