"""The RACI matrix: initiatives down, people across, R / A / C / I in the cells.

A click on a cell moves it to the next role: R, A, C, I, none, R again (each click one undo
command). Typing R, A, C or I sets the cell the owner is on — the one last clicked or moved
to with the arrow keys — and Delete, Backspace or Space clears it; F2 opens a list of the
roles. Cancelled initiatives are shown greyed and are not checked (as in ``smbplanner
check``); their cells stay editable in case the initiative comes back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from smbplanner.analysis.governance import raci_checked, raci_problems, raci_role
from smbplanner.domain.enums import RaciRole
from smbplanner.domain.model import Initiative, Person, Plan
from smbplanner.ui.document import PlanDocument

Index = QModelIndex | QPersistentModelIndex

ROLE_NAMES = {
    RaciRole.RESPONSIBLE: "Responsible",
    RaciRole.ACCOUNTABLE: "Accountable",
    RaciRole.CONSULTED: "Consulted",
    RaciRole.INFORMED: "Informed",
}
ROLE_HINTS = {
    RaciRole.RESPONSIBLE: "does the work",
    RaciRole.ACCOUNTABLE: "answers for the result (exactly one)",
    RaciRole.CONSULTED: "is asked before decisions",
    RaciRole.INFORMED: "is kept up to date",
}
_TINTS = {  # translucent, so that they read on light and dark palettes
    RaciRole.ACCOUNTABLE: QColor(47, 111, 159, 90),
    RaciRole.RESPONSIBLE: QColor(60, 160, 90, 70),
}
_CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace, Qt.Key.Key_Space)
_ROLE_KEYS = {
    Qt.Key.Key_R: RaciRole.RESPONSIBLE,
    Qt.Key.Key_A: RaciRole.ACCOUNTABLE,
    Qt.Key.Key_C: RaciRole.CONSULTED,
    Qt.Key.Key_I: RaciRole.INFORMED,
}
NAME_COLUMN, CHECK_COLUMN, FIRST_PERSON = 0, 1, 2
#: What a click on a cell sets, after each role (None: no role).
CYCLE: dict[RaciRole | None, RaciRole | None] = {
    None: RaciRole.RESPONSIBLE,
    RaciRole.RESPONSIBLE: RaciRole.ACCOUNTABLE,
    RaciRole.ACCOUNTABLE: RaciRole.CONSULTED,
    RaciRole.CONSULTED: RaciRole.INFORMED,
    RaciRole.INFORMED: None,
}


class RaciModel(QAbstractTableModel):
    #: A refused value: "RACI: reason" (empty text clears the message).
    error = Signal(str)

    def __init__(self, document: PlanDocument):
        super().__init__(document)
        self.document = document
        self.initiatives: list[Initiative] = []
        self.people: list[Person] = []
        self.problems: dict[int, list[str]] = {}
        self.refresh()  # then by its panel, when an edit concerns it and it is shown

    def refresh(self) -> None:
        """Reload; keep the view's current cell when the rows and columns are the same."""
        plan: Plan = self.document.plan()
        shape = ([i.id for i in plan.initiatives], [p.id for p in plan.people])
        same = shape == ([i.id for i in self.initiatives], [p.id for p in self.people])
        if not same:
            self.beginResetModel()
        self.initiatives, self.people = list(plan.initiatives), list(plan.people)
        self.problems = raci_problems(plan)
        if same:
            if self.rowCount() and self.columnCount():
                last = self.index(self.rowCount() - 1, self.columnCount() - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        else:
            self.endResetModel()

    # --- reading -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.initiatives)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIRST_PERSON + len(self.people)

    def person(self, column: int) -> Person | None:
        position = column - FIRST_PERSON
        return self.people[position] if 0 <= position < len(self.people) else None

    def cell(self, initiative_id: int, person_id: int) -> QModelIndex:
        row = next(r for r, i in enumerate(self.initiatives) if i.id == initiative_id)
        column = next(c for c, p in enumerate(self.people) if p.id == person_id)
        return self.index(row, FIRST_PERSON + column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        person = self.person(section)
        if role == Qt.ItemDataRole.DisplayRole:
            if section == NAME_COLUMN:
                return self.tr("Initiative")
            if section == CHECK_COLUMN:
                return self.tr("Check")
            return person.name if person else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == CHECK_COLUMN:
                return self.tr("Exactly one Accountable and at least one Responsible")
            if person is not None:
                extra = self.tr(" (steering committee)") if person.on_steering_committee else ""
                return f"{person.name}: {person.role or self.tr('no role given')}{extra}"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        initiative = self.initiatives[index.row()]
        checked = raci_checked(initiative)
        if role == Qt.ItemDataRole.ForegroundRole and not checked:
            palette = QGuiApplication.palette()
            return QBrush(palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        if index.column() == NAME_COLUMN:
            return self._name_data(initiative, checked, role)
        if index.column() == CHECK_COLUMN:
            return self._check_data(initiative, checked, role)
        person = self.person(index.column())
        assert person is not None and person.id is not None
        current = raci_role(initiative, person.id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return current.value if current else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole and current in _TINTS and checked:
            return QBrush(_TINTS[current])
        if role == Qt.ItemDataRole.FontRole and current == RaciRole.ACCOUNTABLE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if current is None:
                return self.tr(
                    "{0} has no role on '{1}'. Click for R, A, C, I in turn, or type the letter."
                ).format(person.name, initiative.name)
            return self.tr("{0}: {1} — {2}. Click for the next role.").format(
                person.name, ROLE_NAMES[current], ROLE_HINTS[current])
        return None

    def _name_data(self, initiative: Initiative, checked: bool, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                initiative.name if checked else self.tr("{0} (cancelled)").format(initiative.name)
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return initiative.name
        if role == Qt.ItemDataRole.FontRole and not checked:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _check_data(self, initiative: Initiative, checked: bool, role: int) -> Any:
        problems = self.problems.get(initiative.id or -1, [])
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if checked else "–"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.DecorationRole and problems:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if not checked:
                return self.tr("Cancelled: its RACI is not checked")
            return "\n".join(problems) if problems else self.tr("RACI complete")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() >= FIRST_PERSON and not self.document.readonly:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    # --- editing -------------------------------------------------------------------------
    def role_at(self, index: Index) -> RaciRole | None:
        person = self.person(index.column())
        if person is None or person.id is None:
            return None
        return raci_role(self.initiatives[index.row()], person.id)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        person = self.person(index.column()) if index.isValid() else None
        if role != Qt.ItemDataRole.EditRole or person is None or self.document.readonly:
            return False
        text = value.value if isinstance(value, RaciRole) else str(value or "").strip().upper()
        try:
            new = RaciRole(text) if text else None
        except ValueError:
            self.error.emit(self.tr("RACI: '{0}' is not R, A, C or I").format(text))
            return False
        initiative = self.initiatives[index.row()]
        assert initiative.id is not None and person.id is not None
        if raci_role(initiative, person.id) == new:
            return False
        if new is None:
            name = f"Clear RACI: '{person.name}' for '{initiative.name}'"
        else:
            name = f"Set RACI: '{person.name}' {ROLE_NAMES[new]} for '{initiative.name}'"
        self.error.emit("")
        return self.document.link("set_raci", (initiative.id, person.id), new, name)


class RaciDelegate(QStyledItemDelegate):
    """A drop-down of the four roles (and none) that commits as soon as one is chosen."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName(self.tr("RACI role"))
        combo.addItem(self.tr("(none)"), "")
        for role, name in ROLE_NAMES.items():
            combo.addItem(f"{role.value} — {name}", role.value)
        combo.activated.connect(lambda _=0: self._chosen(combo))
        QTimer.singleShot(0, combo, combo.showPopup)  # not called if the editor is gone
        return combo

    def _chosen(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        rect = option.rect  # type: ignore[attr-defined]
        editor.setGeometry(rect.x(), rect.y(), max(rect.width(), 150), rect.height())


class RaciView(QTableView):
    """The matrix view: a click moves a cell to its next role; R, A, C, I set the current
    cell; Delete, Backspace, Space clear it; F2 opens the list of roles."""

    def __init__(self, model: RaciModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.raci_model = model
        self.setItemDelegate(RaciDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        # clicks cycle the role: no editor opens on a click or a double-click
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.setAccessibleName(self.tr("RACI matrix"))
        self._pressed = QPersistentModelIndex()

    def _role_cell(self, event: QMouseEvent) -> QModelIndex:
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and index.column() >= FIRST_PERSON:
            return index
        return QModelIndex()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)  # makes the cell under the pointer current
        left = event.button() == Qt.MouseButton.LeftButton
        self._pressed = QPersistentModelIndex(self._role_cell(event) if left else QModelIndex())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """The second click of a double-click is a click: it moves the role on again."""
        self.mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._pressed = self._pressed, QPersistentModelIndex()
        index = self._role_cell(event)
        if (event.button() == Qt.MouseButton.LeftButton and index.isValid()
                and pressed.isValid() and QModelIndex(pressed) == index
                and not self.raci_model.document.readonly):
            self.setCurrentIndex(index)
            self.raci_model.setData(index, CYCLE[self.raci_model.role_at(index)])
            event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        )
        key = Qt.Key(event.key())
        if index.isValid() and index.column() >= FIRST_PERSON and plain:
            if key in _ROLE_KEYS:
                self.raci_model.setData(index, _ROLE_KEYS[key])
                event.accept()
                return
            if key in _CLEAR_KEYS:
                self.raci_model.setData(index, None)
                event.accept()
                return
        super().keyPressEvent(event)
