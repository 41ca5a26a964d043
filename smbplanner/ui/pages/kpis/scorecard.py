"""The balanced scorecard: the four perspectives as four boxes, each listing its goals and,
under each goal, its KPIs with the latest actual and a progress bar."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.kpis import PerspectiveCard
from smbplanner.domain.enums import label
from smbplanner.ui import fmt
from smbplanner.ui.pages.kpis.tables import PROGRESS_ROLE, ProgressDelegate, percent

KPI_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 2


class PerspectiveBox(QGroupBox):
    """One perspective: a tree of goals and their KPIs."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.tree = QTreeWidget()
        plain = QFont(self.font())
        plain.setBold(False)  # explicit, so the bold title font does not reach the tree
        self.tree.setFont(plain)
        bold = QFont(self.font())
        bold.setBold(True)
        self.setFont(bold)
        self.tree.setAccessibleName(self.tr("{0} scorecard").format(title))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(
            [self.tr("Goal and KPIs"), self.tr("Latest"), self.tr("Progress")]
        )
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setItemDelegate(ProgressDelegate(self.tree))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(2, 96)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.tree)

    def _hint(self, parent: QTreeWidget | QTreeWidgetItem, text: str) -> None:
        item = QTreeWidgetItem(parent, [text])
        item.setForeground(0, self.palette().brush(QPalette.ColorRole.PlaceholderText))
        font = item.font(0)
        font.setItalic(True)
        item.setFont(0, font)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setFirstColumnSpanned(True)

    def show_card(self, card: PerspectiveCard) -> None:
        self.tree.clear()
        if not card.goals:
            self._hint(self.tree, self.tr("No goals here yet: add one on the Destination page."))
        for goal_card in card.goals:
            goal = QTreeWidgetItem(self.tree, [goal_card.goal.title])
            font = QFont(goal.font(0))
            font.setBold(True)
            goal.setFont(0, font)
            goal.setToolTip(0, goal_card.goal.title)
            goal.setFirstColumnSpanned(True)
            goal.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if not goal_card.kpis:
                self._hint(goal, self.tr("No KPI yet: add one on the KPIs tab."))
            for status in goal_card.kpis:
                kpi = status.kpi
                latest = ""
                tip = self.tr("No measurement yet")
                if status.latest is not None:
                    latest = f"{fmt.number(status.latest.value)} {kpi.unit}".strip()
                    tip = self.tr("Measured {0}").format(fmt.day(status.latest.date))
                item = QTreeWidgetItem(goal, ["  " + kpi.name, latest, percent(status.progress)])
                item.setData(0, KPI_ID_ROLE, kpi.id)
                item.setData(2, PROGRESS_ROLE, status.progress)
                item.setToolTip(0, kpi.name)
                item.setToolTip(1, tip)
                item.setTextAlignment(
                    1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
                item.setTextAlignment(2, Qt.AlignmentFlag.AlignCenter)
        self.tree.expandAll()


class ScorecardView(QWidget):
    """Four perspective boxes in a 2 × 2 grid. Activating a KPI emits ``kpi_activated``."""

    kpi_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.boxes: list[PerspectiveBox] = []
        self._cards: list[PerspectiveCard] = []
        intro = QLabel(
            self.tr(
                "Your goals by balanced-scorecard perspective, each with its KPIs, their latest "
                "actual and the progress from baseline to target. Double-click a KPI (or press "
                "Enter on it) to open it."
            )
        )
        intro.setWordWrap(True)
        grid = QGridLayout(self)
        grid.addWidget(intro, 0, 0, 1, 2)
        for position in range(4):
            box = PerspectiveBox("")
            box.tree.itemActivated.connect(self._activated)
            self.boxes.append(box)
            grid.addWidget(box, 1 + position // 2, position % 2)

    def show_cards(self, cards: list[PerspectiveCard]) -> None:
        self._cards = cards
        for box, card in zip(self.boxes, cards, strict=True):
            box.setTitle(label(card.perspective))
            box.tree.setAccessibleName(self.tr("{0} scorecard").format(label(card.perspective)))
            box.show_card(card)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._cards:
            self.show_cards(self._cards)

    def _activated(self, item: QTreeWidgetItem, column: int) -> None:
        kpi_id = item.data(0, KPI_ID_ROLE)
        if kpi_id is not None:
            self.kpi_activated.emit(int(kpi_id))
