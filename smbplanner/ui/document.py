"""The open plan as the UI sees it: the plan file, its undo stack and a change signal.

Pages read ``document.plan()`` (cached until the next change) and edit only through the
methods below, each of which pushes one named undo command. No SQL and no business rules here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from smbplanner.domain.model import Plan
from smbplanner.domain.validation import ValidationError
from smbplanner.storage.errors import PlanFileError
from smbplanner.storage.planfile import PlanFile
from smbplanner.storage.rows import kind_of
from smbplanner.ui.commands import (
    AddCommand,
    BusinessCommand,
    DeleteCommand,
    LinkCommand,
    PlanCommand,
    UpdateCommand,
    UpdateManyCommand,
)


class PlanDocument(QObject):
    #: Emitted after every edit, undo and redo.
    changed = Signal()
    #: A refused edit or a failed operation: one sentence for the user.
    failed = Signal(str)

    def __init__(
        self, plan_file: PlanFile, parent: QObject | None = None, *, plan: Plan | None = None
    ):
        super().__init__(parent)
        self.plan_file = plan_file
        self.undo_stack = QUndoStack(self)
        #: The plan as last read (``plan``: as read and checked when the file was opened).
        self._plan: Plan | None = plan

    # --- reading -------------------------------------------------------------------------
    @property
    def path(self) -> Path:
        return self.plan_file.path

    @property
    def readonly(self) -> bool:
        return self.plan_file.readonly

    def plan(self) -> Plan:
        if self._plan is None:
            self._plan = self.plan_file.load(snapshots=False)
        return self._plan

    def notify(self) -> None:
        self._plan = None
        self.changed.emit()

    def close(self) -> None:
        self.undo_stack.clear()
        self.plan_file.close()

    # --- editing -------------------------------------------------------------------------
    def run(self, command: PlanCommand) -> bool:
        """Execute and push; a refused edit is reported through ``failed`` and not pushed."""
        try:
            command.perform()
        except (ValidationError, PlanFileError) as e:
            self.failed.emit(str(e))
            return False
        self.undo_stack.push(command)
        self.notify()
        return True

    def guard(self, operation: Callable[[], None]) -> None:
        """Run an undo/redo step; report (never raise) a failure, then refresh."""
        try:
            operation()
        except (ValidationError, PlanFileError) as e:
            self.failed.emit(str(e))
        self.notify()

    def add(self, entity: Any, parent_id: int | None = None, text: str | None = None) -> int | None:
        kind = kind_of(entity)
        command = AddCommand(self, text or f"Add {kind.name}", entity, parent_id)
        return command.new_id if self.run(command) else None

    def update(self, cls: type, entity_id: int, undo_text: str | None = None,
               **changes: Any) -> bool:
        """Change fields of one entity (``undo_text`` names the step; a field may itself be
        called ``text``, as a SWOT item's is)."""
        kind = kind_of(cls)
        if not undo_text:
            fields = ", ".join(name.replace("_", " ") for name in changes)
            undo_text = f"Change {kind.name} {fields}"
        return self.run(UpdateCommand(self, undo_text, cls, entity_id, changes))

    def update_many(
        self, cls: type, edits: list[tuple[int, dict[str, Any]]], undo_text: str
    ) -> bool:
        """Change several entities of one kind as ONE undo step, e.g. moving several cards."""
        if not edits:
            return True
        return self.run(UpdateManyCommand(self, undo_text, cls, edits))

    def update_business(self, text: str | None = None, **changes: Any) -> bool:
        if not text:
            text = "Change " + ", ".join(name.replace("_", " ") for name in changes)
        return self.run(BusinessCommand(self, text, changes))

    def delete(self, cls: type, entity_id: int, label: str = "") -> bool:
        kind = kind_of(cls)
        text = f"Delete {kind.name} '{label}'" if label else f"Delete {kind.name}"
        return self.run(DeleteCommand(self, text, cls, entity_id))

    def link(self, setter_name: str, keys: tuple[Any, ...], value: Any, text: str) -> bool:
        setter = getattr(self.plan_file, setter_name)
        return self.run(LinkCommand(self, text, setter, keys, value))
