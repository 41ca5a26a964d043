"""The SWOT tab: a 2x2 board of quadrants; add, edit and delete items as undoable edits."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from smbplanner.analysis.assessment import swot_board
from smbplanner.domain.enums import SwotKind, label
from smbplanner.domain.model import SwotItem
from smbplanner.domain.validation import check
from smbplanner.storage.edits import EditSession
from smbplanner.ui.document import Outcome, PlanDocument
from smbplanner.ui.pages.assessment.swot import PLURALS, QuadrantPanel, short
from smbplanner.ui.pages.assessment.swot_dialog import SwotItemDialog, SwotValues
from smbplanner.ui.refresh import watch
from smbplanner.ui.shared.widgets import ErrorLine

#: Stored field names as the dialog labels them.
FIELDS = {"text": "Item", "it_question": "IT question", "kind": "Quadrant", "swot goal": "Goals"}
LAYOUT = (
    (SwotKind.STRENGTH, 0, 0),
    (SwotKind.WEAKNESS, 0, 1),
    (SwotKind.OPPORTUNITY, 1, 0),
    (SwotKind.THREAT, 1, 1),
)


def _named(message: str) -> str:
    """ "text: must not be empty" -> "Item: must not be empty"."""
    field, sep, reason = message.partition(": ")
    return f"{FIELDS.get(field, field)}: {reason}" if sep else message


class SwotBoard(QWidget):
    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.dialog: SwotItemDialog | None = None
        intro = QLabel(
            self.tr(
                "Look at the business first, then ask one IT question about each item. "
                "Double-click an item or press Enter to edit it; Delete removes it."
            )
        )
        intro.setWordWrap(True)
        self.panels: dict[SwotKind, QuadrantPanel] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        for kind, row, column in LAYOUT:
            panel = QuadrantPanel(kind)
            panel.add_requested.connect(self.add_item)
            panel.edit_requested.connect(self.edit_item)
            panel.delete_requested.connect(self.delete_item)
            grid.addWidget(panel, row, column)
            self.panels[kind] = panel
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        self.error = ErrorLine()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(grid, 1)
        layout.addWidget(self.error)
        watch(self, document, self.refresh)
        self.refresh()

    def refresh(self) -> None:
        plan = self.document.plan()
        titles = {g.id: g.title for g in plan.goals if g.id is not None}
        names = {i.id: i.name for i in plan.initiatives if i.id is not None}
        board = swot_board(plan.swot)
        for kind, panel in self.panels.items():
            panel.set_items(board[kind], titles, names)
            panel.set_readonly(self.document.readonly)

    def item(self, item_id: int) -> SwotItem | None:
        return next((i for i in self.document.plan().swot if i.id == item_id), None)

    # --- the dialog ----------------------------------------------------------------------
    def add_item(self, kind: SwotKind) -> SwotItemDialog:
        plan = self.document.plan()
        return self._open(SwotItemDialog(kind, plan.goals, self._add, None, self,
                                         plan.initiatives))

    def edit_item(self, item_id: int) -> SwotItemDialog | None:
        item = self.item(item_id)
        if item is None:
            return None

        def submit(values: SwotValues) -> str | None:
            return self._edit(item, values)

        plan = self.document.plan()
        return self._open(SwotItemDialog(item.kind, plan.goals, submit, item, self,
                                         plan.initiatives))

    def _open(self, dialog: SwotItemDialog) -> SwotItemDialog:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        self.error.show_message("")
        dialog.open()
        return dialog

    # --- edits ---------------------------------------------------------------------------
    @staticmethod
    def _refusal(outcome: Outcome[Any]) -> str | None:
        return None if outcome else _named(outcome.message())

    def _check(self, values: SwotValues) -> str | None:
        problems = check(SwotItem(values.kind, values.text, values.it_question))
        return _named(str(problems[0])) if problems else None

    def _add(self, values: SwotValues) -> str | None:
        problem = self._check(values)
        if problem:
            return problem
        item = SwotItem(values.kind, values.text, values.it_question, sorted(values.goal_ids),
                        sorted(values.initiative_ids))
        noun = label(values.kind).lower()
        text = self.tr("Add {0} '{1}'").format(noun, short(values.text))
        outcome = self.document.edit(text, lambda e: e.add(item))
        if outcome.value is not None:
            self._select(values.kind, outcome.value)
        return self._refusal(outcome)

    def _edit(self, item: SwotItem, values: SwotValues) -> str | None:
        problem = self._check(values)
        if problem:
            return problem
        assert item.id is not None
        item_id, noun, name = item.id, label(item.kind).lower(), short(item.text)
        changes = {
            key: value
            for key, value in (
                ("kind", values.kind),
                ("text", values.text),
                ("it_question", values.it_question),
            )
            if getattr(item, key) != value
        }
        if len(changes) > 1:
            text = self.tr("Edit {0} '{1}'").format(noun, name)
        elif "kind" in changes:
            text = self.tr("Move {0} '{1}' to {2}").format(noun, name, PLURALS[values.kind].lower())
        elif "text" in changes:
            text = self.tr("Change {0} text").format(noun)
        else:
            text = self.tr("Change {0} IT question").format(noun)
        relinked = sorted(values.goal_ids ^ set(item.goal_ids))
        answers = sorted(values.initiative_ids ^ set(item.initiative_ids))
        if not changes and not relinked and not answers:
            return None
        if answers and not changes and not relinked and len(answers) == 1:
            initiative = self.document.plan().initiative(answers[0])
            text = (
                self.tr("Link {0} '{1}' to initiative '{2}'")
                if answers[0] in values.initiative_ids
                else self.tr("Unlink {0} '{1}' from initiative '{2}'")
            ).format(noun, name, short(initiative.name if initiative else "?"))
        elif answers or (changes and relinked) or len(relinked) > 1:
            text = self.tr("Edit {0} '{1}'").format(noun, name)
        elif relinked:
            goal = self.document.plan().goal(relinked[0])
            text = (
                self.tr("Link {0} '{1}' to goal '{2}'")
                if relinked[0] in values.goal_ids
                else self.tr("Unlink {0} '{1}' from goal '{2}'")
            ).format(noun, name, short(goal.title if goal else "?"))

        def steps(e: EditSession) -> None:
            if changes:
                e.update(SwotItem, item_id, **changes)
            for goal_id in relinked:
                e.link("set_swot_goal", (item_id, goal_id), goal_id in values.goal_ids)
            for initiative_id in answers:
                e.link("set_swot_initiative", (item_id, initiative_id),
                       initiative_id in values.initiative_ids)

        message = self._refusal(self.document.edit(text, steps))  # one undo step
        if message is None:
            self._select(values.kind, item_id)
        return message

    def delete_item(self, item_id: int) -> None:
        item = self.item(item_id)
        if item is None:
            return
        panel = self.panels[item.kind]
        row = panel.model.row_of(item_id)
        message = self._refusal(self.document.delete(SwotItem, item_id, short(item.text)))
        self.error.show_message(message or "")
        panel.select_row(row)
        if panel.model.rowCount():
            panel.view.setFocus()
        else:
            panel.add_button.setFocus()

    def _select(self, kind: SwotKind, item_id: int) -> None:
        panel = self.panels[kind]
        panel.select_id(item_id)
        panel.view.setFocus()
