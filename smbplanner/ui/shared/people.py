"""People fields: an owner or a list of attendees chosen from the plan's People (the
Governance page), free text still allowed. ``PeopleField`` is a line edit that completes
names as they are typed and lists them all from its ▾ button (or Alt+Down); with
``multiple`` it completes the name after the last comma. ``PeopleDelegate`` puts one in a
table cell."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QStringListModel,
    Qt,
)
from PySide6.QtGui import QAction, QIcon, QKeyEvent, QPainter, QPalette, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from smbplanner.domain.model import Plan
from smbplanner.ui.document import PlanDocument

Index = QModelIndex | QPersistentModelIndex


def people_names(plan: Plan) -> list[str]:
    return [p.name for p in plan.people]


def chevron(palette: QPalette) -> QIcon:
    """A small ▾ in the text colour (the style's arrow icon is large and heavy)."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(palette.color(QPalette.ColorRole.Text))
    painter.drawPolygon(QPolygonF([QPointF(10, 13), QPointF(22, 13), QPointF(16, 20)]))
    painter.end()
    return QIcon(pixmap)


class _ListCompleter(QCompleter):
    """Completes the text after the last comma ("Marta Jensen, To" → "Tomás Ruiz")."""

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: Index) -> str:
        chosen = str(index.data())
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        before = text.rsplit(",", 1)[0] + ", " if "," in text else ""
        return before + chosen


class PeopleField(QLineEdit):
    """A line edit for a person's name (or several, comma-separated, with ``multiple``)."""

    def __init__(self, names: Callable[[], list[str]], *, multiple: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.names, self.multiple = names, multiple
        self.model = QStringListModel(self)
        completer = _ListCompleter(self) if multiple else QCompleter(self)
        completer.setModel(self.model)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        # QLineEdit takes a pick only after it had focus; take it in any case
        completer.activated[str].connect(self._picked)
        self.list_action = QAction(chevron(self.palette()), "Choose from People", self)
        self.list_action.setToolTip("Choose from People (Governance page), or type any name")
        self.list_action.triggered.connect(self.show_people)
        self.addAction(self.list_action, QLineEdit.ActionPosition.TrailingPosition)
        self.refresh_names()

    def refresh_names(self) -> None:
        self.model.setStringList(self.names())
        self.list_action.setVisible(bool(self.model.stringList()))

    def show_people(self) -> None:
        """Every person of the plan, to pick from."""
        self.refresh_names()
        self.setFocus()  # a line edit takes its completer's pick only once it had focus
        completer = self.completer()
        completer.setCompletionPrefix("")
        if self.multiple:  # a pick is added after the names already there
            text = self.text().rstrip()
            if text and not text.endswith(","):
                self.setText(text + ", ")
        completer.complete()

    def _picked(self, text: str) -> None:
        self.setText(text)
        self.setFocus()
        if not self.multiple:  # one name: chosen is done (forms commit it at once)
            self.editingFinished.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self.show_people()
            return
        super().keyPressEvent(event)


class PeopleDelegate(QStyledItemDelegate):
    """A table cell edited with a ``PeopleField``."""

    def __init__(self, document: PlanDocument, *, multiple: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.document, self.multiple = document, multiple

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        field = PeopleField(lambda: people_names(self.document.plan()), multiple=self.multiple,
                            parent=parent)
        field.setAccessibleName("Attendees" if self.multiple else "Owner")
        return field

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        text = editor.text().strip().rstrip(",").strip()
        model.setData(index, text, Qt.ItemDataRole.EditRole)
