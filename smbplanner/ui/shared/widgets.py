"""Reusable widgets: a table panel with add/delete and an inline error line, and delegates."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smbplanner.domain.enums import label
from smbplanner.domain.validation import Problem
from smbplanner.ui.shared.datefield import DateField
from smbplanner.ui.shared.tablemodel import EntityTableModel
from smbplanner.ui.theme import error_red


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor that shows labels and stores values: an enum column's choices, or
    (a subclass's ``items``) the plan's goals or initiatives by id. ``min_chars``: the combo
    is as wide as that many characters (long names), else as wide as its longest label."""

    def __init__(
        self,
        choices: list[tuple[Any, str]] | None = None,
        parent: QWidget | None = None,
        *,
        name: str = "",
        min_chars: int | None = None,
    ):
        super().__init__(parent)
        self.choices = choices or []
        self.name = name
        self.min_chars = min_chars

    def items(self) -> list[tuple[Any, str]]:
        """(value, label) of each choice, read when an editor opens."""
        return self.choices

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        if self.name:
            combo.setAccessibleName(self.name)
        if self.min_chars is None:
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        else:
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(self.min_chars)
        for value, text in self.items():
            combo.addItem(text, value)
        return combo

    def updateEditorGeometry(
        self,
        editor: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """At least as wide as its longest choice ("Medium", not "Mediun"), even in a
        narrow column."""
        rect = option.rect  # type: ignore[attr-defined]
        width = max(rect.width(), editor.sizeHint().width())
        editor.setGeometry(rect.x(), rect.y(), width, rect.height())

    def setEditorData(
        self,
        editor: QWidget,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        value = index.data(Qt.ItemDataRole.EditRole)
        position = editor.findData(value)
        editor.setCurrentIndex(max(position, 0))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class DateDelegate(QStyledItemDelegate):
    """A date cell: typed in the locale's format (or YYYY-MM-DD), or picked from a calendar
    (the field's calendar button, or Alt+Down); a picked date is stored at once."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = DateField(parent)
        editor.picked.connect(lambda: self._picked(editor))
        return editor

    def _picked(self, editor: DateField) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def updateEditorGeometry(
        self,
        editor: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        rect = option.rect  # type: ignore[attr-defined]
        width = max(rect.width(), editor.sizeHint().width())
        editor.setGeometry(rect.x(), rect.y(), width, rect.height())


class ErrorLine(QLabel):
    """A one-line message beside a form or table, shown in the error colour."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # messages quote file names and user text
        self._recolour()
        self.setAccessibleName("Error message")
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._recolour()

    def _recolour(self) -> None:
        """The error red of the light or dark scheme (a palette colour: a style sheet would
        cost start-up time, and one red does not read on both backgrounds)."""
        colour = QColor(error_red())
        if self.palette().color(QPalette.ColorRole.WindowText) != colour:
            palette = self.palette()
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            self.setPalette(palette)


class TablePanel(QWidget):
    """A titled, editable table with Add and Delete buttons and an error line."""

    def __init__(
        self,
        title: str,
        model: EntityTableModel,
        *,
        on_add: Callable[[], Any] | None = None,
        add_text: str = "Add",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.model = model
        self.on_add = on_add
        self.title = QLabel(f"<b>{title}</b>")
        self.view = QTableView()
        self.view.setModel(model)
        self.view.setAccessibleName(title)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        for position, column in enumerate(model.columns):
            if column.kind == "enum" and column.choices is not None:
                choices = [(c.value, label(c)) for c in column.choices]
                self.view.setItemDelegateForColumn(position, ChoiceDelegate(choices, self.view))
            elif column.kind == "date":
                self.view.setItemDelegateForColumn(
                    position, DateDelegate(self.view))
        self.add_button = QPushButton(add_text)
        self.add_button.setAccessibleName(f"{add_text} ({title})")
        self.delete_button = QPushButton("Delete")
        self.delete_button.setAccessibleName(f"Delete selected row ({title})")
        self.add_button.clicked.connect(self._add)
        self.delete_button.clicked.connect(self.delete_selected)
        self.add_button.setVisible(on_add is not None)
        self.error = ErrorLine()
        model.error.connect(self.error.show_message)
        model.document.failed.connect(self._failed)
        self.view.installEventFilter(self)

        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addStretch(1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        layout.addWidget(self.error)
        self.set_readonly(model.document.readonly)
        self._fitted_rows = -1
        model.modelReset.connect(self.fit_columns)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Size columns to their contents once there are rows to measure, text columns at
        least 150 px and none wider than 360 px (long text shows in full in its tooltip)."""
        rows = self.model.rowCount()
        if self._fitted_rows > 0 or rows == self._fitted_rows:
            return
        self._fitted_rows = rows
        self.view.resizeColumnsToContents()
        for position, column in enumerate(self.model.columns):
            width = self.view.columnWidth(position)
            if column.kind == "text":
                width = max(width, 150)
            self.view.setColumnWidth(position, min(width, 360))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Delete (or Backspace on macOS) on a row that is not being edited deletes it."""
        view = getattr(self, "view", None)  # None while the panel is being torn down
        if (
            view is not None
            and watched is view
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.view.state() != QAbstractItemView.State.EditingState
        ):
            self.delete_selected()
            return True
        return super().eventFilter(watched, event)

    def set_readonly(self, readonly: bool) -> None:
        self.add_button.setEnabled(not readonly)
        self.delete_button.setEnabled(not readonly)

    def _failed(self, refusal: Problem) -> None:
        if self.isVisible() and self.view.hasFocus():
            self.error.show_message(str(refusal))

    def _add(self) -> None:
        if self.on_add is None:
            return
        self.error.show_message("")
        new_id = self.on_add()
        if new_id is not None:
            self.select_id(new_id)

    def selected_entity(self) -> Any | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            current = self.view.currentIndex()
            return self.model.entity(current.row()) if current.isValid() else None
        return self.model.entity(rows[0].row())

    def select_id(self, entity_id: int) -> None:
        row = self.model.row_of(entity_id)
        if row >= 0:
            index = self.model.index(row, 0)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def delete_selected(self) -> None:
        entity = self.selected_entity()
        if entity is None or self.model.document.readonly:
            return
        row = self.model.row_of(entity.id)
        self.model.document.delete(self.model.cls, entity.id, self.model.kind.label(entity))
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))
