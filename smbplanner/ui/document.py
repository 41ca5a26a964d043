"""The open plan as the UI sees it: the plan file, its undo stack and a change signal.

Every user action is ONE edit (``edit(label, steps)``): its steps run in one SQLite transaction
(``storage.edits``), make one undo step, and return an ``Outcome`` — the value, or a refusal
as data (a ``Problem``: field and message). ``changed`` carries the edit's ``Changes``; the
in-memory plan is patched from them (only the touched entities are read again, never the
whole plan), so views ask ``plan()`` without cost and refresh only for the tables they show.
No SQL and no business rules here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from smbplanner.analysis.figure_cache import FigureCache
from smbplanner.analysis.figures import Figures
from smbplanner.domain.enums import Scenario
from smbplanner.domain.model import Initiative, Plan
from smbplanner.domain.validation import Problem, ValidationError
from smbplanner.storage.changes import Changes
from smbplanner.storage.edits import EditSession, Op, perform, replay
from smbplanner.storage.errors import PlanFileError
from smbplanner.storage.planfile import PlanFile
from smbplanner.storage.planread import patch_plan
from smbplanner.storage.rows import kind_of

if TYPE_CHECKING:
    from smbplanner.analysis.uncertainty.cache import RangeCache

T = TypeVar("T")
Steps = Callable[[EditSession], T]


def refusal_of(error: Exception, file_name: str = "") -> Problem:
    """A refused edit as data: the first problem of a validation error, or the file's
    message (no field; without the file's name, which the window shows already)."""
    if isinstance(error, ValidationError) and error.problems:
        return error.problems[0]
    text = str(error)
    return Problem("", text.removeprefix(f"{file_name}: ") if file_name else text)


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What an edit came to: true when stored; ``value`` (a new id), or the ``refusal``."""

    value: T | None = None
    refusal: Problem | None = None
    changes: Changes = field(default_factory=Changes)

    def __bool__(self) -> bool:
        return self.refusal is None

    def message(self, label: str = "") -> str:
        """The refusal in one line, its field named by ``label`` when given."""
        if self.refusal is None:
            return ""
        name = label or self.refusal.field
        return f"{name}: {self.refusal.message}" if name else self.refusal.message


class EditCommand(QUndoCommand):
    """One undo step: the operations that undo the edit; each undo or redo replays them as
    one transaction and keeps the operations that reverse that in turn."""

    def __init__(self, document: PlanDocument, text: str, undo_ops: Sequence[Op]):
        super().__init__(text)
        self.document = document
        self._ops: Sequence[Op] = undo_ops  # undoes the edit now; redoes it after an undo
        self._first = True

    def _flip(self) -> None:
        reverse = self.document.replay(self._ops)
        if reverse is not None:
            self._ops = reverse

    def redo(self) -> None:
        if self._first:  # the edit itself was stored before the step was pushed
            self._first = False
            return
        self._flip()

    def undo(self) -> None:
        self._flip()


class PlanDocument(QObject):
    #: After every edit, undo and redo: the ``Changes`` (tables written, entities touched).
    changed = Signal(object)
    #: A refused edit or a failed undo: a ``Problem`` (field, message) for the user.
    failed = Signal(object)

    def __init__(
        self,
        plan_file: PlanFile,
        parent: QObject | None = None,
        *,
        plan: Plan | None = None,
        first: Plan | None = None,
    ):
        super().__init__(parent)
        self.plan_file = plan_file
        self.undo_stack = QUndoStack(self)
        #: The plan as last read (``plan``: as read and checked when the file was opened),
        #: then patched after each edit.
        self._plan: Plan | None = plan
        #: The business and goals only, read before the first paint (``first_look``).
        self._first = first
        self.figure_cache = FigureCache()
        self._range_cache: RangeCache | None = None

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
            self._first = None
        return self._plan

    @property
    def loaded(self) -> bool:
        """Whether the whole plan has been read (not only its first look)."""
        return self._plan is not None

    def first_look(self) -> Plan:
        """The plan if it has been read; until then the business profile and goals read
        before the window's first paint (what the first page shows)."""
        return self._plan or self._first or self.plan()

    def complete(self) -> None:
        """Read (and check) the whole plan after a first look; every view refreshes. Raises
        ``PlanFileError`` for a file that fails its checks."""
        if self._plan is None:
            self.plan()
            self.changed.emit(Changes.everything())

    def figures(
        self, initiative: Initiative, scenario: Scenario = Scenario.LIKELY
    ) -> Figures | None:
        """The initiative's figures, computed once per version of it (and of the business)."""
        return self.figure_cache.initiative(initiative, self.plan().business, scenario)

    @property
    def range_cache(self) -> RangeCache:
        """The one ``RangeCache`` of this plan, passed to every range computed for it: an
        initiative's range is drawn once per version of its lines and of the business's rate
        and factors (an edit makes a new key; undo finds the old one). Made at first use, so
        that start-up does not import the uncertainty modules."""
        if self._range_cache is None:
            from smbplanner.analysis.uncertainty.cache import RangeCache

            self._range_cache = RangeCache()
        return self._range_cache

    def reload(self) -> None:
        """Read the whole plan again (after its contents were replaced, as by a restore)."""
        self._plan = None
        self.figure_cache.clear()
        if self._range_cache is not None:
            self._range_cache.clear()
        self.changed.emit(Changes.everything())

    def close(self) -> None:
        self.undo_stack.clear()
        self.plan_file.close()

    # --- editing -------------------------------------------------------------------------
    def edit(self, label: str, steps: Steps[T]) -> Outcome[T]:
        """Run ``steps`` as one edit: all stored or none, one undo step named ``label``. A
        refusal is returned (and signalled by ``failed``), never raised."""
        try:
            self.plan()  # an edit patches the whole plan: read it first after a first look
            done = perform(self.plan_file, steps)
        except (ValidationError, PlanFileError) as e:
            refusal = refusal_of(e, self.path.name)
            self.failed.emit(refusal)
            return Outcome(refusal=refusal)
        if done.undo:
            self._patch(done.changes)  # the plan first: the stack's signals may read it
            self.undo_stack.push(EditCommand(self, label, done.undo))
            self.changed.emit(done.changes)
        return Outcome(done.value, None, done.changes)

    def replay(self, ops: Sequence[Op]) -> Sequence[Op] | None:
        """Replay an undo step's operations; the operations that reverse them, or None
        (signalled by ``failed``) when the file refused."""
        try:
            done = replay(self.plan_file, ops)
        except (ValidationError, PlanFileError) as e:
            self.failed.emit(refusal_of(e, self.path.name))
            return None
        self._patch(done.changes)
        self.changed.emit(done.changes)
        return done.undo

    def _patch(self, changes: Changes) -> None:
        """Bring the in-memory plan up to date: only the touched entities are read again."""
        if self._plan is not None:
            self._plan = patch_plan(self.plan_file.conn, self._plan, changes)

    # --- one-step edits ------------------------------------------------------------------
    def add(
        self, entity: Any, parent_id: int | None = None, text: str | None = None
    ) -> Outcome[int]:
        kind = kind_of(entity)
        return self.edit(text or f"Add {kind.name}", lambda e: e.add(entity, parent_id))

    def update(self, cls: type, entity_id: int, undo_text: str | None = None,
               **changes: Any) -> Outcome[None]:
        """Change fields of one entity (``undo_text`` names the step; a field may itself be
        called ``text``, as a SWOT item's is)."""
        if not undo_text:
            fields = ", ".join(name.replace("_", " ") for name in changes)
            undo_text = f"Change {kind_of(cls).name} {fields}"
        return self.edit(undo_text, lambda e: e.update(cls, entity_id, **changes))

    def update_many(
        self, cls: type, edits: list[tuple[int, dict[str, Any]]], undo_text: str
    ) -> Outcome[None]:
        """Change several entities of one kind as ONE undo step, e.g. moving several cards."""

        def steps(e: EditSession) -> None:
            for entity_id, changes in edits:
                e.update(cls, entity_id, **changes)

        return self.edit(undo_text, steps)

    def update_business(self, text: str | None = None, **changes: Any) -> Outcome[None]:
        if not text:
            text = "Change " + ", ".join(name.replace("_", " ") for name in changes)
        return self.edit(text, lambda e: e.update_business(**changes))

    def delete(self, cls: type, entity_id: int, label: str = "") -> Outcome[Any]:
        kind = kind_of(cls)
        text = f"Delete {kind.name} '{label}'" if label else f"Delete {kind.name}"
        return self.edit(text, lambda e: e.delete(cls, entity_id))

    def link(self, setter_name: str, keys: tuple[Any, ...], value: Any, text: str) -> Outcome[Any]:
        return self.edit(text, lambda e: e.link(setter_name, keys, value))

    def choose_option(self, option_id: int | None, text: str,
                      initiative_id: int | None = None) -> Outcome[None]:
        return self.edit(text, lambda e: e.choose_option(option_id, initiative_id))
