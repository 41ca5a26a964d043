"""An initiative's options side by side: the list (add, delete, rename, life), costs by year
and cumulative, TCO, up-front cost, NPV and payback, a cumulative cost chart and a short
verdict; “Choose this option” sets the one that feeds the plan (undoable)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.workings import verdict_working
from smbplanner.domain.enums import Scenario
from smbplanner.domain.model import Initiative, Option
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.chart import CumulativeCostChart
from smbplanner.ui.pages.initiatives.common import find_initiative, locale_number
from smbplanner.ui.pages.initiatives.option_picker import add_copy
from smbplanner.ui.pages.initiatives.options_model import ComparisonModel, OptionTableModel
from smbplanner.ui.pages.initiatives.workings import WorkingDialog
from smbplanner.ui.refresh import FIGURES, watch
from smbplanner.ui.shared.widgets import TablePanel


class OptionsPanel(QWidget):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.initiative_id: int | None = None
        self.scenario = Scenario.LIKELY
        self.working_dialog: WorkingDialog | None = None

        self.options_model = OptionTableModel(document)
        self.options = TablePanel(self.tr("Options"), self.options_model,
                                  on_add=self.add_option, add_text=self.tr("Add option"))
        self.options.delete_button.setText(self.tr("Delete option"))
        self.choose_button = QPushButton(self.tr("Choose this option"))
        self.choose_button.setAccessibleName(
            self.tr("Choose the selected option: its figures feed the plan"))
        self.choose_button.clicked.connect(self.choose_selected)
        # beside the panel's own Add and Delete buttons (its first layout row)
        outer = self.options.layout()
        bar = outer.itemAt(0).layout() if outer is not None else None
        assert isinstance(bar, QHBoxLayout)
        bar.insertWidget(2, self.choose_button)
        self.options.view.selectionModel().currentChanged.connect(self._update_buttons)

        self.comparison_model = ComparisonModel(document)
        self.comparison = QTableView()
        self.comparison.setModel(self.comparison_model)
        self.comparison.setAccessibleName(self.tr("Options compared year by year"))
        self.comparison.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.comparison.setAlternatingRowColors(True)
        self.comparison.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.comparison.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.comparison_model.modelReset.connect(self._spans)
        self.chart = CumulativeCostChart()

        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName(self.tr("Verdict"))
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.how_button = QPushButton(self.tr("How is this calculated?"))
        self.how_button.setFlat(True)
        self.how_button.setAccessibleName(self.tr("How is the comparison calculated?"))
        self.how_button.clicked.connect(self.show_working)
        verdict_row = QHBoxLayout()
        verdict_row.addWidget(self.verdict, 1)
        verdict_row.addWidget(self.how_button, 0, Qt.AlignmentFlag.AlignTop)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.comparison)
        split.addWidget(self.chart)
        split.setChildrenCollapsible(False)
        self.split = split
        self.scenario_note = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.options)
        layout.addLayout(verdict_row)
        layout.addWidget(self.scenario_note)
        layout.addWidget(split, 1)
        layout.addStretch(0)  # takes the room of the comparison while there is none
        self._layout = layout
        watch(self, document, self.refresh, FIGURES)
        self.refresh()

    # --- state ---------------------------------------------------------------------------
    def set_initiative(self, initiative_id: int | None) -> None:
        self.initiative_id = initiative_id
        self.options_model.set_initiative(initiative_id)
        self.options.fit_columns()
        self.refresh()
        initiative = self.initiative()
        feeding = initiative.chosen_option if initiative else None
        if feeding is not None and feeding.id is not None:
            self.options.select_id(feeding.id)

    def initiative(self) -> Initiative | None:
        return find_initiative(self.document.plan(), self.initiative_id)

    def selected_option(self) -> Option | None:
        entity = self.options.selected_entity()
        return entity if isinstance(entity, Option) else None

    def refresh(self) -> None:
        initiative = self.initiative()
        self.comparison_model.set_data(initiative, self.scenario)
        comparison = self.comparison_model.comparison
        start = initiative.start_year if initiative else 0
        if initiative is None:
            self.verdict.setText(self.tr("Select an initiative to compare its options."))
        elif comparison is not None:
            self.verdict.setText(comparison.verdict)
        self.scenario_note.setText(self.tr(
            "Costs in the {0} scenario, in the plan's currency; ✓ marks the chosen option."
        ).format(self.scenario.value) if comparison and comparison.columns else "")
        has_options = bool(comparison and comparison.columns)
        self.chart.set_data((comparison, start) if has_options else None, self.tr(
            "Add an option (for example “Cloud” and “On-premises”) to compare their costs."))
        self.how_button.setVisible(bool(comparison and len(comparison.columns) > 1))
        self.split.setVisible(has_options)
        self._layout.setStretch(self._layout.count() - 1, 0 if has_options else 1)
        self.options.add_button.setEnabled(initiative is not None and not self.document.readonly)
        self._update_buttons()
        dialog = self.working_dialog
        if dialog is not None and dialog.isVisible():
            if self.how_button.isVisible():
                self.show_working()
            else:
                dialog.close()

    def _spans(self) -> None:
        model = self.comparison_model
        self.comparison.clearSpans()
        for row in range(model.years, model.rowCount()):
            for column in range(0, model.columnCount(), 2):
                self.comparison.setSpan(row, column, 1, 2)
        self._fit()

    def _fit(self) -> None:
        """The options list as tall as its rows; the comparison as wide as its columns
        (at most 60 % of the panel), the chart taking the rest."""
        view = self.options.view
        rows = max(self.options_model.rowCount(), 1)
        row_height = view.verticalHeader().defaultSectionSize()
        height = view.horizontalHeader().height() + min(rows, 5) * row_height
        view.setFixedHeight(height + 4)
        table = self.comparison
        table.resizeColumnsToContents()
        wanted = table.verticalHeader().width() + 4 + sum(
            table.columnWidth(c) for c in range(self.comparison_model.columnCount()))
        total = max(self.width(), 600)
        left = min(wanted + table.verticalScrollBar().sizeHint().width() + 16, int(total * 0.62))
        self.split.setSizes([left, total - left])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _update_buttons(self) -> None:
        option = self.selected_option()
        initiative = self.initiative()
        feeding = initiative.chosen_option if initiative else None
        writable = not self.document.readonly
        chosen = option is not None and feeding is not None and option.id == feeding.id
        explicitly = option is not None and option.chosen
        self.choose_button.setEnabled(writable and option is not None and not explicitly)
        self.choose_button.setToolTip(self.tr("This option already feeds the plan")
                                      if chosen else "")
        self.options.delete_button.setEnabled(writable and option is not None)

    # --- edits ---------------------------------------------------------------------------
    def add_option(self) -> int | None:
        """A new option: a copy of the selected option (else of the one that feeds the plan),
        to change what differs."""
        initiative = self.initiative()
        if initiative is None:
            return None
        base = self.selected_option() or initiative.chosen_option or (
            initiative.options[0] if initiative.options else None)
        return add_copy(self.document, initiative, base)

    def choose_selected(self) -> bool:
        option = self.selected_option()
        if option is None or option.id is None or self.initiative_id is None:
            return False
        return bool(self.document.choose_option(
            option.id, f"Choose option '{option.name}'", self.initiative_id))

    def show_working(self) -> WorkingDialog | None:
        comparison = self.comparison_model.comparison
        if comparison is None or len(comparison.columns) < 2:
            return None
        if self.working_dialog is None:
            self.working_dialog = WorkingDialog(self)
        self.working_dialog.show_working("verdict", verdict_working(comparison, locale_number))
        self.working_dialog.show()
        return self.working_dialog
