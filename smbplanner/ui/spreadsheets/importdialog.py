"""File ▸ Import…: a sheet of a CSV, XLSX or ODS file into one of the plan's tables.

The owner picks the file, the sheet and the table; the columns are matched by their headers
(``spreadsheets.preview.guess_mapping``) and each can be changed. The preview shows every row
as it would be imported — each cell's parsed value, the row's action (add; update, which the
owner may untick to skip; refused, with the reason) — and the refused rows are listed with
row, column and reason. Nothing is written until *Import* is pressed; the import is then
ONE edit (``PlanDocument.edit``): one transaction, one undo step. Refused rows are left out,
and the button says how many rows it will write.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smbplanner.spreadsheets import cells
from smbplanner.spreadsheets.importing import import_steps, summary
from smbplanner.spreadsheets.preview import (
    ADD,
    SKIP,
    UPDATE,
    Mapping,
    Preview,
    column_choices,
    column_letter,
    guess_mapping,
    make_preview,
)
from smbplanner.spreadsheets.reading import Sheet, SheetError, read_sheet, sheet_names
from smbplanner.spreadsheets.targets import TARGETS, Column, Target
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.shared.widgets import ErrorLine
from smbplanner.ui.spreadsheets.cellview import shown_value
from smbplanner.ui.theme import error_red

#: Rows shown in the preview (all rows are checked and imported).
PREVIEW_ROWS = 500
#: Problems listed (the rest are counted).
LISTED_PROBLEMS = 200
FILE_FILTER = "Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)"
_KEY = Qt.ItemDataRole.UserRole


class ImportDialog(QDialog):
    """Import one sheet into one table; ``imported`` carries the status message."""

    imported = Signal(str)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.path: Path | None = None
        self.sheet_data: Sheet | None = None
        self.mapping: Mapping | None = None
        self.preview: Preview | None = None
        self._filling = False
        self._skipped: set[object] = set()  # keys of existing entities the owner skips
        document.changed.connect(self._plan_changed)
        self.setWindowTitle(self.tr("Import from a spreadsheet — {0}").format(
            document.path.name))
        self.resize(1000, 660)

        self.file = QLineEdit()
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("A CSV, XLSX, XLS or ODS file"))
        browse = QPushButton(self.tr("Choose file…"))
        browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(browse)
        self.sheet = QComboBox()
        self.sheet.currentIndexChanged.connect(self._sheet_changed)
        self.table = QComboBox()
        for target in TARGETS.values():
            self.table.addItem(target.title, target.name)
        self.table.currentIndexChanged.connect(self._table_changed)
        form = QFormLayout()
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.tr("Into"), self.table)

        self.columns = QTableWidget(0, 3)
        self.columns.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Header in the file"), self.tr("Imports into")])
        self.columns.verticalHeader().hide()
        header = self.columns.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.columns.setAccessibleName(self.tr("Column mapping"))
        self.rows = QTableWidget(0, 0)
        self.rows.verticalHeader().hide()
        self.rows.setWordWrap(False)
        self.rows.setAccessibleName(self.tr("Preview"))
        self.rows.itemChanged.connect(self._decision_changed)
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Refused rows"))
        self.problems_title = QLabel(self.tr("Refused rows"))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Columns")))
        left_layout.addWidget(self.columns)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_title = QLabel(self.tr("Preview"))
        right_layout.addWidget(self.rows_title)
        right_layout.addWidget(self.rows, 3)
        right_layout.addWidget(self.problems_title)
        right_layout.addWidget(self.problems, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([330, 670])

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.error = ErrorLine()
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.do_import)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(cancel)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(split, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    # --- choosing ------------------------------------------------------------------------
    @property
    def target(self) -> Target:
        return TARGETS[str(self.table.currentData())]

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import"), "", FILE_FILTER)
        if name:
            self.open_file(Path(name))

    def set_table(self, name: str) -> None:
        self.table.setCurrentIndex(self.table.findData(name))

    def open_file(self, path: Path) -> None:
        """Read a file's sheet names; the sheet named as the table (else the first) is read."""
        self.error.show_message("")
        try:
            names = sheet_names(path)
        except SheetError as e:
            self._clear(str(e))
            return
        self.path = path
        self.file.setText(str(path))
        self._filling = True
        self.sheet.clear()
        self.sheet.addItems(names)
        titled = next((i for i, n in enumerate(names)
                       if n.strip().lower() == self.target.title.lower()), 0)
        self.sheet.setCurrentIndex(titled)
        self._filling = False
        self._sheet_changed()

    def _clear(self, message: str) -> None:
        self.sheet_data = self.preview = None
        self.columns.setRowCount(0)
        self.rows.setRowCount(0)
        self.problems.clear()
        self.problems.hide()
        self.summary.setText("")
        self.import_button.setEnabled(False)
        self.error.show_message(message)

    def _sheet_changed(self) -> None:
        if self._filling or self.path is None:
            return
        self.error.show_message("")
        try:
            self.sheet_data = read_sheet(self.path, self.sheet.currentText() or None)
        except SheetError as e:
            self._clear(str(e))
            return
        self._table_changed()

    def _table_changed(self) -> None:
        self._skipped.clear()
        if self.sheet_data is None:
            return
        self.mapping = guess_mapping(self.sheet_data, self.target)
        self._fill_columns()
        self.refresh()

    # --- the column mapping ----------------------------------------------------------------
    def _fill_columns(self) -> None:
        assert self.sheet_data is not None and self.mapping is not None
        width = max((len(r) for r in self.sheet_data.rows[: self.mapping.header_row + 50]),
                    default=0)
        headers = self.mapping.headers + [""] * (width - len(self.mapping.headers))
        self.columns.setRowCount(0)  # the previous mapping's combo boxes go
        self.columns.setRowCount(width)
        for index in range(width):
            header = headers[index]
            self.columns.setItem(index, 0, _fixed(column_letter(index)))
            self.columns.setItem(index, 1, _fixed(header))
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), None)
            for column in column_choices(self.target, header):
                combo.addItem(column.label + (" *" if column.required else ""), column.key)
            chosen = self.mapping.columns.get(index)
            combo.setCurrentIndex(combo.findData(chosen.key) if chosen else 0)
            combo.currentIndexChanged.connect(
                lambda _=0, i=index: self._mapping_changed(i))
            self.columns.setCellWidget(index, 2, combo)

    def mapping_combo(self, index: int) -> QComboBox:
        widget = self.columns.cellWidget(index, 2)
        assert isinstance(widget, QComboBox)
        return widget

    def _mapping_changed(self, index: int) -> None:
        assert self.mapping is not None
        key = self.mapping_combo(index).currentData()
        self.mapping.columns.pop(index, None)
        if key is not None:
            header = self.mapping.headers[index] if index < len(self.mapping.headers) else ""
            column = next(c for c in column_choices(self.target, header) if c.key == key)
            for other, mapped in list(self.mapping.columns.items()):
                if mapped.key == key:  # one sheet column per field: the other one lets go
                    del self.mapping.columns[other]
                    combo = self.mapping_combo(other)
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
            self.mapping.columns[index] = column
        self.refresh()

    # --- the preview -----------------------------------------------------------------------
    def _plan_changed(self, _changes: object) -> None:
        """An edit (ours, or one made elsewhere while the dialog is open): check again."""
        self.refresh()

    def refresh(self) -> None:
        """Check every row against the plan again and show the result."""
        if self.sheet_data is None or self.mapping is None:
            return
        self.preview = make_preview(self.document.plan(), self.sheet_data, self.target,
                                    self.mapping)
        for row in self.preview.rows:
            if row.planned is not None and row.planned.key in self._skipped:
                self.preview.decide(row.planned.key, SKIP)
        self._fill_rows(self.preview)
        self._fill_problems(self.preview)
        self._update_summary()

    def _fill_rows(self, preview: Preview) -> None:
        mapped: list[Column] = [preview.mapping.columns[i] for i in sorted(
            preview.mapping.columns)]
        currency = self.document.plan().business.currency
        self._filling = True
        self.rows.clear()
        self.rows.setColumnCount(2 + len(mapped))
        self.rows.setHorizontalHeaderLabels(
            [self.tr("Row"), self.tr("Action"), *(c.label for c in mapped)])
        shown = preview.rows[:PREVIEW_ROWS]
        self.rows.setRowCount(len(shown))
        red = QBrush(QColor(error_red(self.palette())))
        for r, row in enumerate(shown):
            self.rows.setItem(r, 0, _fixed(str(row.number)))
            self.rows.setItem(r, 1, self._action_item(row, red))
            for c, column in enumerate(mapped, start=2):
                cell = row.cells.get(column.key)
                if cell is None:
                    continue
                if cell.error:
                    item = _fixed(f"{cells.shown(cell.raw)} ⚠" if not cells.is_empty(cell.raw)
                                  else "⚠")
                    item.setForeground(red)
                    item.setToolTip(cell.error)
                else:
                    item = _fixed(shown_value(column, cell.value, currency))
                    if not cells.is_empty(cell.raw):
                        item.setToolTip(self.tr("In the file: {0}").format(
                            cells.shown(cell.raw)))
                self.rows.setItem(r, c, item)
        self.rows.resizeColumnsToContents()
        for c in range(self.rows.columnCount()):
            self.rows.setColumnWidth(c, min(self.rows.columnWidth(c), 260))
        more = len(preview.rows) - len(shown)
        self.rows_title.setText(self.tr("Preview: the first {0} of {1} rows").format(
            len(shown), len(preview.rows)) if more > 0 else self.tr("Preview"))
        self._filling = False

    def _action_item(self, row: Any, red: QBrush) -> QTableWidgetItem:
        if row.refused:
            item = _fixed(self.tr("Refused"))
            item.setForeground(red)
            item.setToolTip("\n".join(p.message for p in row.problems))
        elif row.planned is not None and row.planned.action == UPDATE:
            item = QTableWidgetItem(self.tr("Update") if row.decision == UPDATE
                                    else self.tr("Skip"))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if row.decision == UPDATE
                               else Qt.CheckState.Unchecked)
            item.setToolTip(self.tr("{0} is already in the plan: ticked, this row updates "
                                    "it; unticked, the row is skipped").format(
                row.planned.name))
            item.setData(_KEY, row.number)
        else:
            item = _fixed(self.tr("Add"))
        return item

    def _decision_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or self.preview is None or item.data(_KEY) is None:
            return
        number = item.data(_KEY)
        row = next(r for r in self.preview.rows if r.number == number)
        assert row.planned is not None
        checked = item.checkState() == Qt.CheckState.Checked
        self.preview.decide(row.planned.key, UPDATE if checked else SKIP)
        if checked:
            self._skipped.discard(row.planned.key)
        else:
            self._skipped.add(row.planned.key)
        self._fill_rows(self.preview)  # rows sharing the key (an option's lines) follow
        self._update_summary()

    def _fill_problems(self, preview: Preview) -> None:
        self.problems.clear()
        problems = preview.problems
        for problem in problems[:LISTED_PROBLEMS]:
            self.problems.addItem(str(problem))
        if len(problems) > LISTED_PROBLEMS:
            self.problems.addItem(self.tr("… and {0} more").format(
                len(problems) - LISTED_PROBLEMS))
        self.problems_title.setText(self.tr("Refused rows ({0}): left out of the import")
                                    .format(len(preview.refused)) if problems
                                    else self.tr("Refused rows: none"))
        self.problems.setVisible(bool(problems))  # the preview takes the room

    def _update_summary(self) -> None:
        preview = self.preview
        if preview is None:
            return
        counts = preview.counts()
        n = len(preview.accepted())
        unchanged = summary(preview).unchanged
        updates = (self.tr("{0} to update ({1} unchanged)").format(counts[UPDATE], unchanged)
                   if unchanged else self.tr("{0} to update").format(counts[UPDATE]))
        self.summary.setText(self.tr("{0} to add, {1}, {2} to skip, {3} refused.").format(
            counts[ADD], updates, counts[SKIP], counts["refused"]))
        if preview.sheet_problems:
            self.summary.setText(self.tr("The sheet cannot be imported: see below."))
        if n and n == unchanged:
            self.import_button.setText(self.tr("Nothing to change"))
            n = 0
        else:
            self.import_button.setText(self.tr("Import {0} rows").format(n) if n != 1
                                       else self.tr("Import 1 row"))
        self.import_button.setEnabled(n > 0 and not self.document.readonly)

    # --- importing -------------------------------------------------------------------------
    def do_import(self) -> bool:
        """Write the accepted rows as one edit; True when stored."""
        preview = self.preview
        if preview is None or not preview.accepted():
            return False
        plan = self.document.plan()
        name = self.path.name if self.path else ""
        label = self.tr("Import {0} from {1}").format(preview.target.title, name)
        outcome = self.document.edit(label, import_steps(preview, plan))
        if not outcome:
            self.error.show_message(outcome.message())
            return False
        self.imported.emit(self.tr("Imported {0}: {1}").format(name, summary(preview).sentence()))
        self.accept()
        return True


def _fixed(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item
