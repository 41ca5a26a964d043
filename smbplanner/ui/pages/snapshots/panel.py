"""The Snapshots tab of "Roadmap & budget": named baselines of the whole plan, for the
quarterly and annual reviews, and what changed since one of them (``analysis.compare``).

Taking and deleting a snapshot are undoable document edits. The document's plan is loaded
without snapshots, so the list is read here (``PlanFile.load(snapshots=True)``), only while
the tab is shown and after a change; a snapshot's plan is parsed with ``jsonio.dict_to_plan``
when it is first compared.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.compare import compare_plans
from smbplanner.domain.model import Plan, Snapshot
from smbplanner.storage.changes import Changes
from smbplanner.storage.errors import PlanFileError
from smbplanner.storage.jsonio import dict_to_plan, plan_to_dict
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.snapshots.compare import comparison_html
from smbplanner.ui.shared.widgets import ErrorLine

NOW = -1  # the "compare with" choice meaning the plan as it is now


def local_time(taken_at: str) -> str:
    """An ISO 8601 UTC stamp in the user's local time, e.g. "2026-03-31 11:00"."""
    try:
        stamp = datetime.fromisoformat(taken_at)
    except ValueError:
        return taken_at
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=UTC)
    return stamp.astimezone().strftime("%Y-%m-%d %H:%M")


class SnapshotsPanel(QWidget):
    title = "Snapshots"

    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.snapshots: list[Snapshot] = []
        self._plans: dict[int, Plan] = {}
        self._dirty = True
        #: Asks the owner for a snapshot name (tests replace it); None: cancelled.
        self.ask_name: Callable[[str], str | None] = self._ask_name

        self.take_button = QPushButton(self.tr("&Take snapshot…"))
        self.take_button.setAccessibleName(self.tr("Take snapshot"))
        self.take_button.clicked.connect(self.take_snapshot)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setAccessibleName(self.tr("Delete selected snapshot"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName(self.tr("Snapshots"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Taken (local time)")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self.show_comparison)
        delete = QAction(self.tr("Delete snapshot"), self.table)
        delete.setShortcuts([QKeySequence(Qt.Key.Key_Delete), QKeySequence(Qt.Key.Key_Backspace)])
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_selected)
        self.table.addAction(delete)
        self.hint = QLabel(self.tr(
            "No snapshots yet. Before each quarterly or annual review, click “Take snapshot…”: "
            "it keeps the whole plan as it is now, so that you can later see what changed."))
        self.hint.setWordWrap(True)
        self.error = ErrorLine()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(f"<b>{self.tr('Snapshots')}</b>"))
        bar.addStretch(1)
        bar.addWidget(self.take_button)
        bar.addWidget(self.delete_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(bar)
        left_layout.addWidget(self.hint)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.error)

        self.against = QComboBox()
        self.against.setAccessibleName(self.tr("Compare with"))
        self.against.currentIndexChanged.connect(self.show_comparison)
        against_label = QLabel(self.tr("&Compare with:"))
        against_label.setBuddy(self.against)
        self.report = QTextBrowser()
        self.report.setAccessibleName(self.tr("What changed"))
        self.report.setOpenLinks(False)
        choose = QHBoxLayout()
        choose.addWidget(against_label)
        choose.addWidget(self.against, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(choose)
        right_layout.addWidget(self.report, 1)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([400, 640])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._pending = False
        document.changed.connect(self._schedule)
        # the list is read when the tab is first shown (reading snapshots is not free)

    # --- reading -------------------------------------------------------------------------
    def _schedule(self, changes: Changes) -> None:
        """After an edit, undo or redo: handle it once, when control returns to the event
        loop (the list is read again only when snapshots were written)."""
        if changes.touches({"snapshot"}):
            self._dirty = True
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._changed)

    def _changed(self) -> None:
        """Reload the list only when a snapshot was taken or deleted (or that was undone);
        otherwise only the comparison with "now" is redone."""
        self._pending = False
        try:
            self._update()
        except PlanFileError:  # the file was closed meanwhile (closing clears the stack)
            self._dirty = True

    def _update(self) -> None:
        if not self.isVisible():
            self._dirty = self._dirty or self.against.currentData() == NOW
            return
        if self._dirty:
            self.refresh()
        elif self.against.currentData() == NOW:
            self.show_comparison()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        """Reload the list (keeping the selection) and the comparison."""
        self._dirty = False
        selected = self.selected()
        self.snapshots = sorted(self.document.plan_file.load(snapshots=True).snapshots,
                                key=lambda s: (s.taken_at, s.id or 0), reverse=True)
        ids = {s.id for s in self.snapshots}
        self._plans = {k: v for k, v in self._plans.items() if k in ids}
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.snapshots))
        for row, snap in enumerate(self.snapshots):
            name = QTableWidgetItem(snap.name)
            name.setToolTip(snap.name)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(local_time(snap.taken_at)))
        self.table.blockSignals(False)
        self.hint.setVisible(not self.snapshots)
        writable = not self.document.readonly
        self.take_button.setEnabled(writable)
        self.delete_button.setEnabled(writable and bool(self.snapshots))
        if selected is not None and selected.id in ids:
            self.select_id(selected.id or 0)
        elif self.snapshots:
            self.select_row(0)
        else:
            self.show_comparison()

    def selected(self) -> Snapshot | None:
        row = self.table.currentRow()
        return self.snapshots[row] if 0 <= row < len(self.snapshots) else None

    def select_row(self, row: int) -> None:
        self.table.setCurrentCell(row, 0)
        self.show_comparison()

    def select_id(self, snapshot_id: int) -> None:
        row = next((r for r, s in enumerate(self.snapshots) if s.id == snapshot_id), -1)
        if row >= 0:
            self.select_row(row)

    def snapshot_plan(self, snap: Snapshot) -> Plan:
        key = snap.id or 0
        if key not in self._plans:
            self._plans[key] = dict_to_plan(snap.data, path="snapshot.data")
        return self._plans[key]

    # --- comparing -----------------------------------------------------------------------
    def _fill_against(self, base: Snapshot) -> None:
        current = self.against.currentData()
        self.against.blockSignals(True)
        self.against.clear()
        self.against.addItem(self.tr("The plan now"), NOW)
        for snap in self.snapshots:
            if snap.id != base.id:
                self.against.addItem(
                    self.tr("‘{0}’ ({1})").format(snap.name, local_time(snap.taken_at)), snap.id)
        position = self.against.findData(current)
        self.against.setCurrentIndex(max(position, 0))
        self.against.blockSignals(False)

    def show_comparison(self) -> None:
        base = self.selected()
        self.against.setEnabled(base is not None)
        if base is None:
            self.against.clear()
            self.report.setHtml(self.tr(
                "<p>Select a snapshot on the left to see what changed since it was taken.</p>")
                if self.snapshots else self.tr(
                "<p>Here you will see what changed since a snapshot: initiatives added or "
                "removed, dates moved, scores changed, and the cost and budget per year.</p>"
                "<p>Take a snapshot first (left).</p>"))
            return
        self._fill_against(base)
        other_id = self.against.currentData()
        other = next((s for s in self.snapshots if s.id == other_id), None)
        first, second = base, other
        if other is not None and (other.taken_at, other.id or 0) < (base.taken_at, base.id or 0):
            first, second = other, base
        before = self.snapshot_plan(first)
        after = self.document.plan() if second is None else self.snapshot_plan(second)
        result = compare_plans(before, after)
        self.comparison = result
        after_name = self.tr("now") if second is None else f"‘{second.name}’"
        self.report.setHtml(comparison_html(
            result, f"‘{first.name}’", after_name, after.business.currency))

    # --- editing -------------------------------------------------------------------------
    def _ask_name(self, default: str) -> str | None:
        text, ok = QInputDialog.getText(
            self, self.tr("Take snapshot"),
            self.tr("Name of this snapshot (e.g. the review it is for):"), text=default)
        return text if ok else None

    def take_snapshot(self) -> int | None:
        """Ask for a name, then store the whole plan as it is now (one undo step)."""
        default = self.tr("Review {0}").format(datetime.now().strftime("%Y-%m-%d"))
        name = self.ask_name(default)
        if name is None:
            return None
        name = name.strip()
        snap = Snapshot(name=name, taken_at=datetime.now(UTC).isoformat(timespec="seconds"),
                        data=plan_to_dict(self.document.plan()))
        outcome = self.document.add(snap, text=self.tr("Take snapshot '{0}'").format(name))
        new_id = outcome.value
        self.error.show_message("" if outcome else self.tr("Snapshot {0}").format(
            outcome.message()))
        if new_id is not None:
            self.refresh()
            self.select_id(new_id)
        return new_id

    def delete_selected(self) -> None:
        snap = self.selected()
        if snap is None or self.document.readonly or snap.id is None:
            return
        self.document.delete(Snapshot, snap.id, snap.name)
