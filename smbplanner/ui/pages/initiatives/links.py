"""The initiative editor's link boxes: the goals it serves (with a contribution 1–3) and the
initiatives it depends on. Each tick or change is one undo command; a refused link (a
circular dependency) is explained beside the box and nothing is stored."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.alignment import serves_no_goal
from smbplanner.domain.enums import label
from smbplanner.domain.model import Initiative, Plan
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.listmodel import DRIFT_TIP
from smbplanner.ui.refresh import watch
from smbplanner.ui.shared.widgets import ErrorLine

CONTRIBUTION_TIP = "Contribution to the goal: 1 some, 2 clear, 3 strong"


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _LinkBox(QWidget):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.initiative_id: int | None = None
        self.error = ErrorLine()
        self._loading = False

    def initiative(self) -> Initiative | None:
        if self.initiative_id is None:
            return None
        return self.document.plan().initiative(self.initiative_id)

    def set_initiative(self, initiative_id: int | None) -> None:
        if initiative_id != self.initiative_id:
            self.error.show_message("")
        self.initiative_id = initiative_id
        self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def _link(self, setter: str, keys: tuple[Any, ...], value: Any, text: str) -> str | None:
        """Run one link edit; returns the refusal (None when it was stored)."""
        outcome = self.document.link(setter, keys, value, text)
        if outcome:
            self.error.show_message("")
            return None
        return outcome.refusal.message if outcome.refusal else self.tr("was refused")


class GoalLinksBox(_LinkBox):
    """One row per goal of the plan: a tick box (serves it) and its contribution 1–3."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(document, parent)
        self.boxes: dict[int, QCheckBox] = {}
        self.spins: dict[int, QSpinBox] = {}
        self._goals: list[tuple[int, str]] = []
        self.grid = QGridLayout()
        self.grid.setColumnStretch(2, 1)
        self.empty = QLabel(self.tr("No goals yet: add them on the Destination page."))
        self.empty.setWordWrap(True)
        self.scale = QLabel(self.tr("Tick each goal this initiative serves; contribution "
                                    "1 some · 2 clear · 3 strong."))
        self.scale.setWordWrap(True)
        self.drift = ErrorLine()  # shown while the initiative serves no goal
        self.drift.setAccessibleName(self.tr("Serves no goal"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.drift)
        layout.addWidget(self.scale)
        layout.addLayout(self.grid)
        layout.addWidget(self.empty)
        self.answers = QLabel()  # the SWOT items this initiative answers (linked there)
        self.answers.setWordWrap(True)
        self.answers.setTextFormat(Qt.TextFormat.RichText)
        self.answers.setAccessibleName(self.tr("SWOT items it answers"))
        layout.addWidget(self.answers)
        layout.addWidget(self.error)
        layout.addStretch(1)
        watch(self, document, self.refresh,
              {"goal", "initiative_goal", "initiative", "swot_item", "swot_initiative"})

    def refresh(self) -> None:
        plan = self.document.plan()
        goals = [(g.id, g.title) for g in plan.goals if g.id is not None]
        if goals != self._goals:
            self._rebuild(goals)
        initiative = self.initiative()
        links = {g.goal_id: g.contribution for g in initiative.goals} if initiative else {}
        self._loading = True
        try:
            for goal_id, box in self.boxes.items():
                box.setChecked(goal_id in links)
                self.spins[goal_id].setValue(links.get(goal_id, 2))
                self.spins[goal_id].setEnabled(goal_id in links and not self.document.readonly)
                box.setEnabled(initiative is not None and not self.document.readonly)
        finally:
            self._loading = False
        self.empty.setVisible(not goals)
        self.scale.setVisible(bool(goals))
        self._show_answers(initiative, plan)
        drifting = initiative is not None and serves_no_goal(initiative, plan)
        self.drift.show_message(self.tr(DRIFT_TIP) + "." if drifting else "")

    def _show_answers(self, initiative: Initiative | None, plan: Plan) -> None:
        items = [s for s in plan.swot
                 if initiative is not None and initiative.id in s.initiative_ids]
        self.answers.setVisible(initiative is not None)
        if not items:
            self.answers.setText(self.tr(
                "<i>Answers no SWOT item yet: link it from an item on the Assessment page.</i>"))
            return
        shown = "; ".join(f"{html.escape(label(s.kind))} “{html.escape(_short(s.text, 70))}”"
                          for s in items)
        self.answers.setText(self.tr("<b>Answers from the SWOT:</b> {0}").format(shown))

    def _rebuild(self, goals: list[tuple[int, str]]) -> None:
        for widget in (*self.boxes.values(), *self.spins.values()):
            self.grid.removeWidget(widget)
            widget.deleteLater()
        self.boxes, self.spins, self._goals = {}, {}, goals
        for row, (goal_id, title) in enumerate(goals):
            box = QCheckBox(_short(title))
            box.setToolTip(title)
            box.setAccessibleName(self.tr("Serves goal: {0}").format(title))
            spin = QSpinBox()
            spin.setRange(1, 3)
            spin.setToolTip(self.tr(CONTRIBUTION_TIP))
            spin.setAccessibleName(self.tr("Contribution to goal: {0}").format(title))
            box.clicked.connect(lambda checked, g=goal_id: self._ticked(g, checked))
            spin.valueChanged.connect(lambda value, g=goal_id: self._contribution(g, value))
            self.grid.addWidget(box, row, 0)
            self.grid.addWidget(spin, row, 1)
            self.boxes[goal_id], self.spins[goal_id] = box, spin

    def _title(self, goal_id: int) -> str:
        return dict(self._goals).get(goal_id, "")

    def _ticked(self, goal_id: int, checked: bool) -> None:
        initiative = self.initiative()
        if self._loading or initiative is None:
            return
        if checked:
            value: int | None = self.spins[goal_id].value()
            text = self.tr("Link '{0}' to goal '{1}'")
        else:
            value, text = None, self.tr("Unlink '{0}' from goal '{1}'")
        self._store(initiative, goal_id, value, text.format(initiative.name, self._title(goal_id)))

    def _contribution(self, goal_id: int, value: int) -> None:
        initiative = self.initiative()
        if self._loading or initiative is None or not self.boxes[goal_id].isChecked():
            return
        stored = next((g.contribution for g in initiative.goals if g.goal_id == goal_id), None)
        if stored in (None, value):
            return
        text = self.tr("Change contribution of '{0}' to goal '{1}'")
        self._store(initiative, goal_id, value, text.format(initiative.name, self._title(goal_id)))

    def _store(self, initiative: Initiative, goal_id: int, value: int | None, text: str) -> None:
        refusal = self._link("set_goal_link", (initiative.id, goal_id), value, text)
        if refusal is not None:
            self.error.show_message(self.tr("Goals served: {0}").format(refusal))
            self.refresh()


class DependenciesBox(_LinkBox):
    """The other initiatives, ticked when this one depends on them (must wait for them)."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(document, parent)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Initiatives this one depends on"))
        self.list.setToolTip(self.tr("Tick the initiatives that must be done before this one"))
        self.list.itemChanged.connect(self._changed)
        self.empty = QLabel(self.tr("No other initiatives to depend on."))
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.error)
        watch(self, document, self.refresh, {"initiative", "dependency"})

    def item(self, initiative_id: int) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == initiative_id:
                return item
        return None

    def refresh(self) -> None:
        plan = self.document.plan()
        initiative = self.initiative()
        others = [i for i in plan.initiatives if initiative and i.id != initiative.id]
        wanted = [(i.id, i.name) for i in others]
        shown = [
            (self.list.item(r).data(Qt.ItemDataRole.UserRole), self.list.item(r).toolTip())
            for r in range(self.list.count())
        ]
        self._loading = True
        self.list.blockSignals(True)  # no itemChanged per tick set here
        try:
            if wanted != shown:
                self.list.clear()
                for other_id, name in wanted:
                    item = QListWidgetItem(_short(name, 60))
                    item.setToolTip(name)
                    item.setData(Qt.ItemDataRole.UserRole, other_id)
                    self.list.addItem(item)
            depends = set(initiative.depends_on) if initiative else set()
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if not self.document.readonly:
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            for row in range(self.list.count()):
                item = self.list.item(row)
                item.setFlags(flags)
                ticked = item.data(Qt.ItemDataRole.UserRole) in depends
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        finally:
            self.list.blockSignals(False)
            self._loading = False
        self.empty.setVisible(initiative is not None and not others)

    def _changed(self, item: QListWidgetItem) -> None:
        if self._loading:  # a refresh setting the ticks, not the owner
            return
        initiative = self.initiative()
        if initiative is None:
            return
        other_id = item.data(Qt.ItemDataRole.UserRole)
        other = item.toolTip()
        present = item.checkState() == Qt.CheckState.Checked
        if present:
            text = self.tr("Make '{0}' depend on '{1}'").format(initiative.name, other)
        else:
            text = self.tr("Remove dependency of '{0}' on '{1}'").format(initiative.name, other)
        refusal = self._link("set_dependency", (initiative.id, other_id), present, text)
        if refusal is None:
            return
        if "circular" in refusal:
            refusal = self.tr(
                "'{0}' already depends on '{1}' (directly or through other initiatives), so "
                "this would make a circle"
            ).format(_short(other), _short(initiative.name))
        self.error.show_message(self.tr("Depends on: {0}").format(refusal))
        self.refresh()
