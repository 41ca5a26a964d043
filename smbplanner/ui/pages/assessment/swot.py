"""The SWOT board: four quadrants of items, each showing its IT question and linked goals."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPalette, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from smbplanner.domain.enums import SwotKind, label
from smbplanner.domain.model import SwotItem

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole
QUESTION_ROLE = Qt.ItemDataRole.UserRole + 1
GOALS_ROLE = Qt.ItemDataRole.UserRole + 2
ANSWERS_ROLE = Qt.ItemDataRole.UserRole + 3  # names of the initiatives that answer it

PLURALS = {
    SwotKind.STRENGTH: "Strengths",
    SwotKind.WEAKNESS: "Weaknesses",
    SwotKind.OPPORTUNITY: "Opportunities",
    SwotKind.THREAT: "Threats",
}
SUBTITLES = {
    SwotKind.STRENGTH: "inside the business, helpful",
    SwotKind.WEAKNESS: "inside the business, harmful",
    SwotKind.OPPORTUNITY: "outside the business, helpful",
    SwotKind.THREAT: "outside the business, harmful",
}
HINTS = {
    SwotKind.STRENGTH: "No strengths yet. What does the business do better than others? "
    "Add one, then ask how IT could build on it.",
    SwotKind.WEAKNESS: "No weaknesses yet. Where do orders, hours or money get lost? "
    "Add one, then ask which system could fix it.",
    SwotKind.OPPORTUNITY: "No opportunities yet. What could customers, partners or new "
    "tools make possible? Add one, then ask what IT it would take.",
    SwotKind.THREAT: "No threats yet. What outside change could hurt: competitors, "
    "cyber attacks, regulation? Add one, then ask how IT could protect you.",
}


def short(text: str, limit: int = 40) -> str:
    """A label for undo texts and messages: the first ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class SwotListModel(QAbstractListModel):
    """The items of one quadrant, read-only (edits go through the board's dialog)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.items: list[SwotItem] = []
        self.goal_titles: dict[int, str] = {}
        self.initiative_names: dict[int, str] = {}

    def set_items(self, items: list[SwotItem], goal_titles: dict[int, str],
                  initiative_names: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self.items, self.goal_titles = list(items), goal_titles
        self.initiative_names = initiative_names or {}
        self.endResetModel()

    def answers(self, item: SwotItem) -> list[str]:
        return [self.initiative_names[i] for i in item.initiative_ids
                if i in self.initiative_names]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def goals(self, item: SwotItem) -> list[str]:
        return [self.goal_titles[g] for g in item.goal_ids if g in self.goal_titles]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return item.text
        if role == ID_ROLE:
            return item.id
        if role == QUESTION_ROLE:
            return item.it_question
        if role == GOALS_ROLE:
            return self.goals(item)
        if role == ANSWERS_ROLE:
            return self.answers(item)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            goals = "; ".join(self.goals(item)) or "none"
            answers = "; ".join(self.answers(item)) or "none yet"
            return (f"{item.text}. IT question: {item.it_question or 'none'}. Goals: {goals}. "
                    f"Answered by: {answers}")
        return None

    def row_of(self, item_id: int | None) -> int:
        return next((r for r, i in enumerate(self.items) if i.id == item_id), -1)


def _cut(name: str, limit: int = 60) -> str:
    """A goal or initiative named under an item, at most ``limit`` characters (in full in
    the item's dialog and accessible text)."""
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _blend(a: QColor, b: QColor, share: float) -> str:
    """``share`` of colour a over colour b, as #rrggbb (for secondary text)."""
    pairs = zip((a.red(), a.green(), a.blue()), (b.red(), b.green(), b.blue()), strict=True)
    mix = [round(x * share + y * (1 - share)) for x, y in pairs]
    return QColor(*mix).name()


class SwotDelegate(QStyledItemDelegate):
    """Paints an item as its text, then "IT question: ..." and "Goals: ..." beneath it."""

    MARGIN = 6

    def __init__(self, view: QListView):
        super().__init__(view)
        self.view = view

    def _document(self, option: QStyleOptionViewItem, index: Index, width: int) -> QTextDocument:
        palette: QPalette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text = palette.color(role)
        base = palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
        muted = _blend(text, base, 0.72)
        question = index.data(QUESTION_ROLE) or ""
        goals = index.data(GOALS_ROLE) or []
        parts = [
            f"<div style='color:{text.name()}; font-weight:600'>{escape(index.data() or '')}</div>"
        ]
        if question:
            parts.append(f"<div style='color:{muted}'><i>IT question:</i> {escape(question)}</div>")
        else:
            parts.append(f"<div style='color:{muted}'><i>IT question: none yet</i></div>")
        goal_text = "; ".join(escape(_cut(g)) for g in goals) if goals else "<i>none linked</i>"
        parts.append(f"<div style='color:{muted}'><i>Goals:</i> {goal_text}</div>")
        answers = index.data(ANSWERS_ROLE) or []
        if answers:
            answer_text = "; ".join(escape(_cut(a)) for a in answers)
            parts.append(f"<div style='color:{muted}'><i>Answered by:</i> {answer_text}</div>")
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(self.MARGIN)
        document.setHtml("".join(parts))
        document.setTextWidth(max(width, 80))
        return document

    def _width(self) -> int:
        return self.view.viewport().width() - 2 * self.view.spacing()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = self._width()
        document = self._document(option, index, width)
        return QSize(width, int(document.size().height()) + 1)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, self.view)
        rect: QRect = opt.rect
        document = self._document(opt, index, rect.width())
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRect(0, 0, rect.width(), rect.height()))
        document.drawContents(painter)
        painter.setPen(opt.palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(0, rect.height() - 1, rect.width(), rect.height() - 1)
        painter.restore()


class QuadrantPanel(QFrame):
    """One quadrant: title, Add / Edit / Delete buttons, and its items (or a hint)."""

    add_requested = Signal(object)  # SwotKind
    edit_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, kind: SwotKind, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        noun = label(kind).lower()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(
            f"<b>{self.tr(PLURALS[kind])}</b><br><small>{self.tr(SUBTITLES[kind])}</small>"
        )
        title.setWordWrap(True)
        # "Add" (the quadrant's title names what): two quadrants side by side fit a 1024 px
        # window ("Add opportunity" made the page 1,124 px wide)
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setAccessibleName(self.tr("Add {0}").format(noun))
        self.add_button.setToolTip(self.tr("Add {0}").format(noun))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setAccessibleName(self.tr("Edit selected {0}").format(noun))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete selected {0}").format(noun))
        self.add_button.clicked.connect(lambda: self.add_requested.emit(self.kind))
        self.edit_button.clicked.connect(self._edit)
        self.delete_button.clicked.connect(self._delete)

        self.model = SwotListModel(self)
        self.view = QListView()
        self.view.setAccessibleName(self.tr(PLURALS[kind]))
        self.view.setModel(self.model)
        self.view.setItemDelegate(SwotDelegate(self.view))
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.activated.connect(lambda _index: self._edit())
        self.view.selectionModel().currentChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self._delete)

        self.hint = QLabel(self.tr(HINTS[kind]))
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setMargin(16)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.hint)

        bar = QHBoxLayout()
        bar.addWidget(title, 1)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.readonly = False

    def set_items(self, items: list[SwotItem], goal_titles: dict[int, str],
                  initiative_names: dict[int, str] | None = None) -> None:
        current = self.current_id()
        self.model.set_items(items, goal_titles, initiative_names)
        self.stack.setCurrentWidget(self.view if items else self.hint)
        if current is not None:
            self.select_id(current)

    def set_readonly(self, readonly: bool) -> None:
        self.readonly = readonly
        self.add_button.setEnabled(not readonly)
        self._update_buttons()

    def current_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_id(self, item_id: int) -> None:
        row = self.model.row_of(item_id)
        if row >= 0:
            index = self.model.index(row, 0)
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def select_row(self, row: int) -> None:
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))

    def _update_buttons(self) -> None:
        has_item = self.view.currentIndex().isValid()
        self.edit_button.setEnabled(has_item and not self.readonly)
        self.delete_button.setEnabled(has_item and not self.readonly)

    def _edit(self) -> None:
        item_id = self.current_id()
        if item_id is not None and not self.readonly:
            self.edit_requested.emit(item_id)

    def _delete(self) -> None:
        item_id = self.current_id()
        if item_id is not None and not self.readonly:
            self.delete_requested.emit(item_id)
