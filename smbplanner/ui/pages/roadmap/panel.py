"""Phase 5's roadmap: a quarter-by-quarter timeline of the initiatives, grouped by portfolio or
by goal, coloured by grid category. Drag a bar to move it, drag its right end (or Shift+arrow)
to change its duration; each is one undoable edit. Layout and rules come from
``analysis.timeline`` (shared with the PDF) and ``analysis.schedule``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.schedule import (
    Grouping,
    group_rows,
    move_text,
    resize_text,
    span_text,
    year_quarter,
)
from smbplanner.analysis.timeline import timeline
from smbplanner.domain.model import Initiative
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.roadmap.header import Legend, Line
from smbplanner.ui.pages.roadmap.view import RoadmapView

#: With more bars than this, only the selected bar's and late arrows show until the owner
#: ticks "All dependencies" (hundreds of arrows hide the bars).
ALL_ARROWS_UP_TO = 40


class RoadmapPanel(QWidget):
    title = "Roadmap"
    #: An initiative to show in the editor (Enter or double-click on its bar or name).
    open_initiative = Signal(int)

    def __init__(self, document: PlanDocument, parent: QWidget | None = None,
                 today: Callable[[], date] | None = None):
        super().__init__(parent)
        self.document = document
        self.today = today or date.today
        self.group_by = QComboBox()
        self.group_by.addItem(self.tr("Portfolio (Run / Change)"), Grouping.PORTFOLIO)
        self.group_by.addItem(self.tr("Goal (the one each serves most)"), Grouping.GOAL)
        self.group_by.setAccessibleName(self.tr("Group the roadmap by"))
        self.group_by.setToolTip(self.tr(
            "By goal, an initiative that serves several goals is shown once, under the goal it "
            "contributes to most (ties: the more important goal)."))
        self.group_by.currentIndexChanged.connect(self.refresh)
        self.group_label = group_label = QLabel(self.tr("&Group by:"))
        group_label.setBuddy(self.group_by)
        self.all_arrows = QCheckBox(self.tr("&All dependencies"))
        self.all_arrows.setToolTip(self.tr(
            "Off: arrows only for the selected initiative and for those that start too early."))
        self.all_arrows.setAccessibleName(self.tr("Show every dependency arrow"))
        self.all_arrows.toggled.connect(self._all_arrows_toggled)
        self._arrows_chosen = False
        self.all_arrows.clicked.connect(self._all_arrows_clicked)
        self.legend = Legend()
        top = QHBoxLayout()
        top.addWidget(group_label)
        top.addWidget(self.group_by)
        top.addSpacing(12)
        top.addWidget(self.all_arrows)
        top.addSpacing(12)
        self.hint = QLabel(self.tr(
            "Drag a bar to move it; drag its right end to change its duration. Keys: ↑/↓ select, "
            "←/→ move a quarter, Shift+←/→ change the duration, Enter opens the initiative."))
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(self.hint.foregroundRole().PlaceholderText)
        top.addWidget(self.hint, 1)
        self.view = RoadmapView()
        self.view.editable = not document.readonly
        if document.readonly:
            self.hint.setText(self.tr("This plan is open read-only: the roadmap cannot be "
                                      "changed here. Enter opens the selected initiative."))
        self.view.moved.connect(self._move)
        self.view.resized.connect(self._resize)
        self.view.activated.connect(self.open_initiative)
        self.empty = QLabel(self.tr(
            "<h3>No initiatives on the roadmap yet</h3>"
            "<p>Add initiatives on the Initiatives page: each one appears here as a bar from its "
            "start quarter for its duration, which you can then drag to plan when the work "
            "happens.</p><p>Cancelled initiatives are not shown.</p>"))
        self.empty.setWordWrap(True)
        self.empty.setMaximumWidth(560)
        self.empty.setAccessibleName(self.tr("Empty roadmap"))
        self.empty_page = QWidget()
        centre = QVBoxLayout(self.empty_page)
        centre.addStretch(1)
        centre.addWidget(self.empty, 0, Qt.AlignmentFlag.AlignHCenter)
        centre.addStretch(2)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty_page)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.legend)
        self._stale = False
        document.changed.connect(self._changed)
        self.refresh()

    def _all_arrows_toggled(self, on: bool) -> None:
        self.view.set_all_arrows(on)

    def _all_arrows_clicked(self) -> None:
        self._arrows_chosen = True  # the owner decided: keep it whatever the plan's size

    def _changed(self) -> None:
        """Rebuild now when on screen; a hidden panel (another tab) waits until shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    @property
    def grouping(self) -> Grouping:
        return Grouping(self.group_by.currentData())

    def refresh(self) -> None:
        self._stale = False
        plan = self.document.plan()
        line = timeline(plan)
        for widget in (self.group_label, self.group_by, self.all_arrows, self.hint, self.legend):
            widget.setVisible(bool(line.rows))
        if not line.rows:
            self.stack.setCurrentWidget(self.empty_page)
            self.view.build([], line, self.today())
            return
        self.stack.setCurrentWidget(self.view)
        if not self._arrows_chosen:  # until the owner decides: all, unless they would clutter
            self.all_arrows.setChecked(len(line.rows) <= ALL_ARROWS_UP_TO)
        self.view.all_arrows = self.all_arrows.isChecked()
        lines: list[Line] = []
        for group in group_rows(plan, line, self.grouping):
            title = f"{group.title} ({len(group.rows)})"
            lines.append(Line(title, None, title))
            for row in group.rows:
                name = row.initiative.name
                lines.append(Line(name, row, f"{name}\n{span_text(row.start, row.end)}"))
        self.view.build(lines, line, self.today())

    def _initiative(self, ident: int) -> Initiative | None:
        return self.document.plan().initiative(ident)

    def _move(self, ident: int, start: int) -> None:
        initiative = self._initiative(ident)
        if initiative is None:
            return
        year, quarter = year_quarter(start)
        if not self.document.update(Initiative, ident, undo_text=move_text(initiative.name, start),
                                    start_year=year, start_quarter=quarter):
            self.refresh()  # refused: put the bar back

    def _resize(self, ident: int, duration: int) -> None:
        initiative = self._initiative(ident)
        if initiative is None:
            return
        if not self.document.update(Initiative, ident,
                                    undo_text=resize_text(initiative.name, duration),
                                    duration_quarters=duration):
            self.refresh()
