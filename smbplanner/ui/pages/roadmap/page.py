"""Phase 5's "Roadmap & budget" page: the timeline, spend against budget, delivery against
plan, and snapshots, as tabs. It only assembles the four panels; each panel refreshes itself
on ``document.changed``."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from smbplanner.ui.document import PlanDocument


class RoadmapBudgetPage(QWidget):
    title = "Roadmap & budget"
    #: An initiative to show in the editor (double-click or Enter on a roadmap bar).
    open_initiative = Signal(int)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        from smbplanner.ui.pages.budget.panel import BudgetPanel
        from smbplanner.ui.pages.delivery.panel import DeliveryPanel
        from smbplanner.ui.pages.roadmap.panel import RoadmapPanel
        from smbplanner.ui.pages.snapshots.panel import SnapshotsPanel

        self.roadmap = RoadmapPanel(document)
        self.budget = BudgetPanel(document)
        self.delivery = DeliveryPanel(document)
        self.snapshots = SnapshotsPanel(document)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for panel in (self.roadmap, self.budget, self.delivery, self.snapshots):
            self.tabs.addTab(panel, self.tr(panel.title))
        self.tabs.setAccessibleName(self.tr("Roadmap, budget and snapshots"))
        self.roadmap.open_initiative.connect(self.open_initiative)
        self.delivery.open_initiative.connect(self.open_initiative)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
