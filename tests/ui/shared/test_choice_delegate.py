"""A choice editor in a narrow column is as wide as its longest choice ("Medium", not
"Mediun")."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox, QStyleOptionViewItem, QWidget
from pytestqt.qtbot import QtBot

from smbplanner.ui.shared.widgets import ChoiceDelegate


def test_the_editor_is_wide_enough_for_its_longest_choice(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    delegate = ChoiceDelegate([("low", "Low"), ("medium", "Medium"), ("keep", "Keep as is")])
    model = QStandardItemModel(1, 1)
    index = model.index(0, 0)
    option = QStyleOptionViewItem()
    option.rect = QRect(10, 20, 30, 22)  # type: ignore[attr-defined]
    editor = delegate.createEditor(parent, option, index)
    assert isinstance(editor, QComboBox)
    delegate.updateEditorGeometry(editor, option, index)
    assert editor.geometry().width() >= editor.sizeHint().width() > 30
    assert (editor.geometry().x(), editor.geometry().y()) == (10, 20)
