"""The unscored tray beside the board: initiatives waiting for their scores. Dragging one onto
the board scores it (the board's view handles the drop); the mime data carries the ids."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from smbplanner.ui.pages.priorities.view import MIME_TYPE

ID_ROLE = Qt.ItemDataRole.UserRole


def ids_mime(ids: list[int]) -> QMimeData:
    """Mime data naming initiatives by id, as the tray's drag carries them."""
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(",".join(str(i) for i in ids).encode()))
    return mime


def ids_of(mime: QMimeData) -> list[int]:
    """The initiative ids in mime data from the tray ([] for anything else)."""
    if not mime.hasFormat(MIME_TYPE):
        return []
    text = bytes(mime.data(MIME_TYPE).data()).decode(errors="replace")
    return [int(part) for part in text.split(",") if part.strip().isdigit()]


class UnscoredTray(QListWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Unscored initiatives")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)

    def set_entries(self, entries: list[tuple[int, str, str]]) -> None:
        """(id, name, tooltip) in priority order; the selection is kept."""
        keep = set(self.selected_ids())
        self.clear()
        for initiative_id, name, tip in entries:
            item = QListWidgetItem(name)
            item.setData(ID_ROLE, initiative_id)
            item.setToolTip(tip)
            self.addItem(item)
            item.setSelected(initiative_id in keep)

    def ids(self) -> list[int]:
        return [self.item(r).data(ID_ROLE) for r in range(self.count())]

    def selected_ids(self) -> list[int]:
        return [item.data(ID_ROLE) for item in self.selectedItems()]

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, items: list[QListWidgetItem]) -> QMimeData:  # type: ignore[override]
        return ids_mime([item.data(ID_ROLE) for item in items])
