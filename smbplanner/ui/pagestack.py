"""The stack of plan pages, each built the first time it is shown, so that opening a plan
shows its first page quickly; the others are built when the owner goes to them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.registry import PAGE_TITLES, page_class


class PageStack(QStackedWidget):
    #: A page asked to show an initiative in the Initiatives page's editor.
    open_initiative = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._document: PlanDocument | None = None
        self._built: set[int] = set()

    def set_document(self, document: PlanDocument | None) -> None:
        """Drop every page; with a document, put a placeholder for each page."""
        while self.count():
            page = self.widget(0)
            self.removeWidget(page)
            page.deleteLater()
        self._document, self._built = document, set()
        if document is not None:
            for _ in PAGE_TITLES:
                self.addWidget(QWidget())

    def page(self, index: int) -> QWidget:
        """Page ``index``, built now if it was not yet."""
        if index in self._built or self._document is None:
            return self.widget(index)
        page = page_class(index)(self._document)
        signal = getattr(page, "open_initiative", None)
        if signal is not None:
            signal.connect(self.open_initiative)
        placeholder = self.widget(index)
        current = self.currentIndex()
        self.insertWidget(index, page)
        self.removeWidget(placeholder)
        placeholder.deleteLater()
        self._built.add(index)
        if current == index:
            super().setCurrentIndex(index)
        return page

    def setCurrentIndex(self, index: int) -> None:
        if 0 <= index < self.count():
            self.page(index)
        super().setCurrentIndex(index)

    def built(self) -> list[int]:
        return sorted(self._built)
