"""Undo commands: thin wrappers whose redo/undo call a storage operation and its inverse.

A command runs its operation once in ``perform()`` *before* it is pushed, so that a refused
edit (a validation error) raises there and never reaches the undo stack; the stack's first
``redo()`` call is then skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from smbplanner.storage.operations import Deleted

if TYPE_CHECKING:
    from smbplanner.ui.document import PlanDocument


class PlanCommand(QUndoCommand):
    def __init__(self, document: PlanDocument, text: str):
        super().__init__(text)
        self.document = document
        self._first = True

    @property
    def store(self) -> Any:
        return self.document.plan_file

    def perform(self) -> None:
        self.apply()

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.document.guard(self.apply)

    def undo(self) -> None:
        self.document.guard(self.revert)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError


class AddCommand(PlanCommand):
    def __init__(self, document: PlanDocument, text: str, entity: Any, parent_id: int | None):
        super().__init__(document, text)
        self.entity, self.parent_id = entity, parent_id
        self.new_id: int | None = None
        self._deleted: Deleted | None = None

    def apply(self) -> None:
        if self._deleted is None:
            self.new_id = self.store.add(self.entity, self.parent_id)
        else:
            self.store.restore(self._deleted)

    def revert(self) -> None:
        assert self.new_id is not None
        self._deleted = self.store.delete(type(self.entity), self.new_id)


class UpdateCommand(PlanCommand):
    def __init__(
        self, document: PlanDocument, text: str, cls: type, entity_id: int, changes: dict[str, Any]
    ):
        super().__init__(document, text)
        self.cls, self.entity_id, self.changes = cls, entity_id, changes
        self.old: dict[str, Any] = {}

    def apply(self) -> None:
        self.old = self.store.update(self.cls, self.entity_id, **self.changes)

    def revert(self) -> None:
        self.store.update(self.cls, self.entity_id, **self.old)


class UpdateManyCommand(PlanCommand):
    """Changes to several entities of one kind as one undo step (and one transaction)."""

    def __init__(
        self,
        document: PlanDocument,
        text: str,
        cls: type,
        edits: list[tuple[int, dict[str, Any]]],
    ):
        super().__init__(document, text)
        self.cls, self.edits = cls, edits
        self.old: list[tuple[int, dict[str, Any]]] = []

    def apply(self) -> None:
        self.old = self.store.update_many(self.cls, self.edits)

    def revert(self) -> None:
        self.store.update_many(self.cls, list(reversed(self.old)))


class BusinessCommand(PlanCommand):
    def __init__(self, document: PlanDocument, text: str, changes: dict[str, Any]):
        super().__init__(document, text)
        self.changes = changes
        self.old: dict[str, Any] = {}

    def apply(self) -> None:
        self.old = self.store.update_business(**self.changes)

    def revert(self) -> None:
        self.store.update_business(**self.old)


class DeleteCommand(PlanCommand):
    def __init__(self, document: PlanDocument, text: str, cls: type, entity_id: int):
        super().__init__(document, text)
        self.cls, self.entity_id = cls, entity_id
        self.deleted: Deleted | None = None

    def apply(self) -> None:
        self.deleted = self.store.delete(self.cls, self.entity_id)

    def revert(self) -> None:
        assert self.deleted is not None
        self.store.restore(self.deleted)


class LinkCommand(PlanCommand):
    """A link edit ``setter(*keys, value) -> previous``: undo sets the previous value back."""

    def __init__(
        self,
        document: PlanDocument,
        text: str,
        setter: Callable[..., Any],
        keys: tuple[Any, ...],
        value: Any,
    ):
        super().__init__(document, text)
        self.setter, self.keys, self.value = setter, keys, value
        self.previous: Any = None

    def apply(self) -> None:
        self.previous = self.setter(*self.keys, self.value)

    def revert(self) -> None:
        self.setter(*self.keys, self.previous)
