"""The welcome screen shown when no plan is open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

PHASES = [
    (
        "1  Destination",
        "Say where the business is going: three to five goals for the next years, "
        "and an IT vision and mission that serve them.",
    ),
    (
        "2  Assessment",
        "Look at where you stand: a SWOT where every item asks an IT question, the "
        "systems you run today and what your staff say about them.",
    ),
    (
        "3  Prioritise",
        "List the initiatives that serve your goals, cost them over their whole life "
        "and weigh them: ROI, NPV, payback, and the impact × feasibility grid.",
    ),
    (
        "4  Govern",
        "Decide who steers: a steering committee, who is Responsible and Accountable "
        "for each initiative, and a review every quarter.",
    ),
    (
        "5  Measure",
        "Track business outcomes, not IT activity: KPIs tied to goals, the budget per "
        "year and the roadmap.",
    ),
]


class WelcomePage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    sample_requested = Signal()
    recent_requested = Signal(Path)
    guide_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        heading = QLabel(
            self.tr(
                "<h1>SMB Planner</h1>"
                "<p>An IT strategy that serves your business, in five steps.</p>"
                "<p>New here? <b>Open the sample plan</b> to see a finished strategy, or "
                "start your own: <b>New plan</b> asks a few questions about your business, "
                "its goals and what IT should do for it (phase 1).</p>"
            )
        )
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New plan…"))
        self.new_button.setToolTip(
            self.tr("A guided start: your business, its goals, the IT vision and mission")
        )
        self.open_button = QPushButton(self.tr("Open…"))
        self.sample_button = QPushButton(self.tr("Open sample plan"))
        self.sample_button.setToolTip(self.tr("A 25-person bakery chain's complete plan"))
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        self.guide_button = QPushButton(self.tr("User guide"))
        self.guide_button.setToolTip(self.tr("The phases, every figure and its formula"))
        self.guide_button.clicked.connect(self.guide_requested)
        self.new_button.setDefault(True)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.sample_button, self.guide_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.recent = QListWidget()
        self.recent.setAccessibleName(self.tr("Recent plans"))
        self.recent.itemActivated.connect(
            lambda item: self.recent_requested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
        )
        self.recent_label = QLabel(self.tr("<b>Recent plans</b>"))
        self.no_recent = QLabel(
            self.tr(
                "No recent plans yet: create one, or open the sample "
                "plan to see a finished strategy."
            )
        )
        self.no_recent.setWordWrap(True)

        phases = QGridLayout()
        for row, (name, text) in enumerate(PHASES):
            title = QLabel(f"<b>{name}</b>")
            body = QLabel(text)
            body.setWordWrap(True)
            phases.addWidget(title, row, 0, Qt.AlignmentFlag.AlignTop)
            phases.addWidget(body, row, 1)
        phases.setColumnStretch(1, 1)
        phases.setVerticalSpacing(10)

        left = QVBoxLayout()
        left.addWidget(heading)
        left.addLayout(buttons)
        left.addSpacing(12)
        left.addLayout(phases)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addSpacing(72)
        right.addWidget(self.recent_label)
        right.addWidget(self.no_recent)
        right.addWidget(self.recent)
        right.addStretch(1)
        self.recent.setMinimumHeight(260)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.addLayout(left, 3)
        layout.addSpacing(24)
        layout.addLayout(right, 2)

    def set_recent(self, paths: list[Path]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.name}\n{path.parent}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        self.no_recent.setVisible(not paths)
        self.recent.setVisible(bool(paths))
