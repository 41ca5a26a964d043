"""Phase 3, Initiatives: the list of initiatives (sortable, filtered), the editor of the
selected one, and below it the tabs for its costs, benefits, options, figures and risks.

Adding from the starter library (``smbplanner.library``) is one undo step: the initiative
arrives with its option, cost and benefit lines and links to the plan's goals of the
perspectives it typically serves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from smbplanner.domain.model import GoalLink, Initiative, Option
from smbplanner.library import LibraryEntry, LibraryError, load_library, make_initiative
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.costs import LinesEditor
from smbplanner.ui.pages.initiatives.editor import InitiativeEditor
from smbplanner.ui.pages.initiatives.figures import FiguresPanel
from smbplanner.ui.pages.initiatives.library import LibraryDialog
from smbplanner.ui.pages.initiatives.list import InitiativeList
from smbplanner.ui.pages.initiatives.option_picker import OptionPicker
from smbplanner.ui.pages.initiatives.options import OptionsPanel
from smbplanner.ui.pages.initiatives.risks import RisksPanel
from smbplanner.ui.pages.initiatives.tracking import TrackingPanel
from smbplanner.ui.shared.widgets import ErrorLine

#: Below this page height (pixels) the list and editor get the larger share of the page.
SHORT_PAGE = 640
#: Below this page width the editor gets the larger share beside the list.
NARROW_PAGE = 1000


def _scrolled(widget: QWidget) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidget(widget)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    return scroll


class InitiativesPage(QWidget):
    title = "Initiatives"

    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.library_dialog: LibraryDialog | None = None

        self.list = InitiativeList(document)
        self.error = ErrorLine()
        list_layout = self.list.layout()
        assert list_layout is not None
        list_layout.addWidget(self.error)
        self.editor = InitiativeEditor(document)
        scroll = _scrolled(self.editor)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.option_picker = OptionPicker(document)
        self.costs = LinesEditor(document, "cost")
        self.benefits = LinesEditor(document, "benefit")
        for lines in (self.costs, self.benefits):
            lines.follow_picker()
            self.option_picker.picked.connect(lines.set_option)
        self.option_picker.picked.connect(self._show_option_in_list)
        self.options = OptionsPanel(document)
        self.figures = FiguresPanel(document)
        self.risks = RisksPanel(document)
        self.tracking = TrackingPanel(document)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Initiative details"))
        self.panels = (
            self.costs, self.benefits, self.options, self.figures, self.risks, self.tracking
        )
        titles = ("Costs (TCO)", "Benefits", "Options", "Figures", "Risks", "Tracking")
        for panel, title in zip(self.panels, titles, strict=True):
            # scrolled, so that a tall panel never squeezes the list and editor above
            self.tabs.addTab(_scrolled(panel), self.tr(title))

        self.top = top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.list)
        top.addWidget(scroll)
        top.setStretchFactor(0, 2)
        top.setStretchFactor(1, 3)
        top.setSizes([500, 530])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 4, 0, 0)
        details_layout.addWidget(self.option_picker)
        details_layout.addWidget(self.tabs, 1)
        split.addWidget(details)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([340, 420])
        self.splitter = split
        self._short: bool | None = None  # the split last set for a short or a tall page
        self._narrow: bool | None = None  # and for a narrow or a wide one
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(split)

        self.list.current_changed.connect(self.show_initiative)
        self.list.add_button.clicked.connect(self.add_initiative)
        self.list.library_button.clicked.connect(self.open_library)
        self.list.delete_button.clicked.connect(self.delete_initiative)
        self.list.delete_pressed.connect(self.delete_initiative)
        self.risks.initiative_activated.connect(self.select_initiative)
        self.options.options.view.selectionModel().currentChanged.connect(
            self._option_selected)
        self.show_initiative(self.list.current_id())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """On a short window (a 1024×640 laptop) the list and editor get the larger share,
        the tabs below scroll; on a tall one the tabs do. On a narrow one the editor gets
        more of the width, so its fields are not cut. Set when the page crosses a line, so a
        split the owner dragged stays."""
        super().resizeEvent(event)
        short = event.size().height() < SHORT_PAGE
        if short != self._short:
            self._short = short
            total = max(sum(self.splitter.sizes()), event.size().height())
            top = int(total * (0.56 if short else 0.45))
            self.splitter.setSizes([top, total - top])
        narrow = event.size().width() < NARROW_PAGE
        if narrow != self._narrow:  # the editor's fields need about 560 px
            self._narrow = narrow
            total = max(sum(self.top.sizes()), event.size().width())
            left = int(total * (0.36 if narrow else 0.48))
            self.top.setSizes([left, total - left])

    # --- selection -----------------------------------------------------------------------
    def current_id(self) -> int | None:
        return self.list.current_id()

    def current(self) -> Initiative | None:
        current = self.current_id()
        return None if current is None else self.document.plan().initiative(current)

    def show_initiative(self, initiative_id: int | None) -> None:
        self.editor.set_initiative(initiative_id)
        self.option_picker.set_initiative(initiative_id)
        for panel in self.panels:
            panel.set_initiative(initiative_id)
        self.costs.set_option(self.option_picker.option_id)
        self.benefits.set_option(self.option_picker.option_id)

    def _show_option_in_list(self, option_id: int | None) -> None:
        selected = self.options.selected_option()
        if option_id is not None and (selected is None or selected.id != option_id):
            self.options.options.select_id(option_id)

    def _option_selected(self) -> None:
        """An option selected in the Options tab is the one Costs and Benefits edit."""
        option = self.options.selected_option()
        if option is not None and option.id is not None:
            self.option_picker.pick(option.id)

    def show_panel(self, panel: QWidget) -> None:
        """Bring one of the tabs (costs, benefits, options, figures, risks) to the front."""
        self.tabs.setCurrentIndex(self.panels.index(panel))

    def select_initiative(self, initiative_id: int) -> None:
        """Select an initiative in the list, clearing the filters if they hide it."""
        if not self.list.select_id(initiative_id):
            self.list.clear_filters()
            self.list.select_id(initiative_id)

    # --- adding and deleting -------------------------------------------------------------
    def _added(self, new_id: int | None) -> None:
        if new_id is None:
            return
        self.error.show_message("")
        self.select_initiative(new_id)
        self.editor.name.setFocus()
        self.editor.name.selectAll()

    def add_initiative(self) -> int | None:
        plan = self.document.plan()
        initiative = Initiative(
            self.tr("New initiative"),
            start_year=plan.business.start_year,
            start_quarter=1,
            options=[Option(self.tr("Option A"), chosen=True)],
        )
        new_id = self.document.add(initiative, text=self.tr("Add initiative")).value
        self._added(new_id)
        return new_id

    def delete_initiative(self) -> None:
        initiative = self.current()
        if initiative is None or initiative.id is None or self.document.readonly:
            return
        self.document.delete(Initiative, initiative.id, initiative.name)

    def open_library(self) -> LibraryDialog | None:
        try:
            entries = load_library()
        except LibraryError as e:
            self.error.show_message(self.tr("The starter library cannot be used: {0}").format(e))
            return None
        dialog = LibraryDialog(entries, self.document.plan(), self.add_from_library, self)
        self.library_dialog = dialog
        dialog.open()
        return dialog

    def add_from_library(self, entry: LibraryEntry, links: list[GoalLink]) -> str | None:
        """Add one library entry as a new initiative linked to the goals the owner confirmed
        (one undo step); the refusal, if any."""
        plan = self.document.plan()
        initiative = make_initiative(entry, plan.goals, plan.business.start_year, links=links)
        text = self.tr("Add '{0}' from the library").format(entry.name)
        outcome = self.document.add(initiative, text=text)  # with its options and goal links
        if outcome.value is None:
            return outcome.message() or self.tr("The initiative was refused")
        self._added(outcome.value)
        return None
