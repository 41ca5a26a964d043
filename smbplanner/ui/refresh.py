"""Views refresh only when an edit touched what they show, and only when they are shown.

``watch(widget, document, refresh, tables)`` calls ``refresh()`` after an edit whose
``Changes`` touch one of ``tables`` (None: any edit): at once when the widget is on screen,
else when it is next shown — a page or tab the owner is not looking at waits until they go
to it. (A widget whose window was never shown, as in a test, refreshes at once.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from smbplanner.storage.changes import Changes
from smbplanner.ui.document import PlanDocument

#: What shows an initiative's figures: its row, its chosen option and lines, the business's
#: rate and scenario factors.
FIGURES = frozenset({"initiative", "option", "cost_line", "benefit_line", "business"})


class Watcher(QObject):
    def __init__(
        self,
        widget: QWidget,
        document: PlanDocument,
        refresh: Callable[[], object],
        tables: Iterable[str] | None = None,
    ):
        super().__init__(widget)
        self.widget, self.refresh = widget, refresh
        self.tables = None if tables is None else frozenset(tables)
        self.stale = False
        self.shown = widget.isVisible()
        document.changed.connect(self._changed)
        widget.installEventFilter(self)

    def _changed(self, changes: Changes | None = None) -> None:
        if getattr(self, "widget", None) is None:  # torn down with its widget
            return
        if self.tables is not None and changes is not None and not changes.touches(self.tables):
            return
        widget = self.widget
        if widget.isVisible() or not (self.shown or widget.window().isVisible()):
            self.stale = False
            self.refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Qt may still deliver an event while the watcher is torn down with its widget
        if event.type() == QEvent.Type.Show and watched is getattr(self, "widget", None):
            self.shown = True
            if self.stale:
                self.stale = False
                self.refresh()
        return False


def watch(
    widget: QWidget,
    document: PlanDocument,
    refresh: Callable[[], object],
    tables: Iterable[str] | None = None,
) -> Watcher:
    """Refresh ``widget`` (by calling ``refresh``) after the edits that concern it."""
    return Watcher(widget, document, refresh, tables)
