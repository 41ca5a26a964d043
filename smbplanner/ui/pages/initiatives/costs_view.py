"""The table view of the year-by-category grid: spreadsheet keys, copy and paste."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QTableView,
    QWidget,
)

from smbplanner.analysis.options import CellEdit
from smbplanner.domain.money import MoneyError
from smbplanner.ui.pages.initiatives.costs_grid import YearGridModel

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def split_block(text: str) -> list[list[str]]:
    """Rows of tab-separated cells, as spreadsheets put them on the clipboard."""
    rows = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    while rows and not rows[-1].strip():
        rows.pop()
    return [row.split("\t") for row in rows]


def _cells(count: int) -> str:
    return f"{count} cell" if count == 1 else f"{count} cells"


class YearGridView(QTableView):
    def __init__(self, model: YearGridModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.grid_model = model
        self.setModel(model)
        self.setAccessibleName(f"{model.kind.capitalize()}s by category and year")
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.horizontalHeader().setMinimumSectionSize(72)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.verticalHeader().setMinimumWidth(160)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def sizeHint(self):  # type: ignore[no-untyped-def]
        hint = super().sizeHint()
        hint.setHeight(self.fitted_height())
        return hint

    def fitted_height(self) -> int:
        """Tall enough for every row, so the grid never scrolls vertically."""
        rows = self.model().rowCount()
        body = sum(self.rowHeight(r) for r in range(rows)) or 30 * 7
        needed = self.verticalHeader().width() + self.model().columnCount() * 72
        scrolls = needed > self.viewport().width() + self.verticalHeader().width()
        scroll = self.horizontalScrollBar().sizeHint().height() if scrolls else 0
        return self.horizontalHeader().sizeHint().height() + body + scroll + 2 * self.frameWidth()

    # --- keys ----------------------------------------------------------------------------
    def move_down(self) -> None:
        current = self.currentIndex()
        if not current.isValid():
            return
        below = self.model().index(current.row() + 1, current.column())
        if self.grid_model.is_body(below):
            self.setCurrentIndex(below)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:  # Enter was pressed
            self.move_down()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        changes = event.matches(QKeySequence.StandardKey.Paste) or event.key() in (
            Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        if changes and self.grid_model.document.readonly:
            self.grid_model.message.emit(self.tr("The plan is open read-only."))
            return
        if not editing and event.matches(QKeySequence.StandardKey.Paste):
            self.paste(QApplication.clipboard().text())
        elif not editing and event.matches(QKeySequence.StandardKey.Copy):
            QApplication.clipboard().setText(self.copy_text())
        elif not editing and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_selection()
        elif not editing and event.key() in _ENTER and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier
        ):
            self.move_down()
        else:
            super().keyPressEvent(event)

    # --- blocks --------------------------------------------------------------------------
    def _top_left(self) -> QModelIndex:
        indexes = self.selectionModel().selectedIndexes()
        if not indexes:
            return self.currentIndex()
        row = min(i.row() for i in indexes)
        column = min(i.column() for i in indexes)
        return self.model().index(row, column)

    def copy_text(self) -> str:
        indexes = self.selectionModel().selectedIndexes() or [self.currentIndex()]
        rows = sorted({i.row() for i in indexes if i.isValid()})
        columns = sorted({i.column() for i in indexes if i.isValid()})
        model = self.model()
        return "\n".join(
            "\t".join(str(model.index(r, c).data(Qt.ItemDataRole.EditRole) or "")
                      for c in columns)
            for r in rows
        )

    def clear_selection(self) -> None:
        model = self.grid_model
        indexes = [i for i in self.selectionModel().selectedIndexes() if model.is_body(i)]
        if not indexes and model.is_body(self.currentIndex()):
            indexes = [self.currentIndex()]
        edits = [model.plan_edit(i.row(), i.column(), "") for i in indexes]
        if len(edits) == 1:
            if edits[0].action == "refuse":
                model.message.emit(edits[0].reason)
            else:
                model.apply(edits[0])
            return
        model.apply_many(edits, self.tr("Clear {0} cells of {1}s").format(len(edits), model.kind))

    def paste(self, text: str) -> bool:
        """Fill the cells from the selected one with a block copied from a spreadsheet, as
        one undo step. A bad amount refuses the whole block; cells that recurring lines
        cover are left as they are (and counted in the message)."""
        model = self.grid_model
        start = self._top_left()
        block = split_block(text)
        if not start.isValid() or not model.is_body(start) or not block:
            model.message.emit(self.tr("Select a cell of the grid to paste into."))
            return False
        edits: list[CellEdit] = []
        locked = outside = 0
        for r, row in enumerate(block):
            for c, cell in enumerate(row):
                index = model.index(start.row() + r, start.column() + c)
                if not model.is_body(index):
                    outside += 1
                    continue
                try:
                    edit = model.plan_edit(index.row(), index.column(), cell)
                except MoneyError as e:
                    model.message.emit(self.tr(
                        "Nothing was pasted: row {0}, column {1} of the copied cells: {2}"
                    ).format(r + 1, c + 1, e))
                    return False
                if edit.action == "refuse":
                    locked += 1
                else:
                    edits.append(edit)
        count = sum(1 for e in edits if e.action != "none")
        ok = model.apply_many(edits, self.tr("Paste {0} cells into {1}s").format(count, model.kind))
        notes = []
        if locked:
            notes.append(self.tr("{0} covered by recurring lines").format(_cells(locked)))
        if outside:
            notes.append(self.tr("{0} outside the grid").format(_cells(outside)))
        if ok:
            model.message.emit(self.tr("Not pasted: {0}.").format(", ".join(notes))
                               if notes else "")
        return ok
