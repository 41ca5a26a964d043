"""The document's multi-entity edit: one undo step for several changes."""

from __future__ import annotations

from smbplanner.domain.model import Initiative
from smbplanner.ui.document import PlanDocument
from tests.ui.conftest import reopen


def test_update_many_is_one_undo_step(document: PlanDocument) -> None:
    first, second = document.plan().initiatives[:2]
    assert first.id is not None and second.id is not None
    before = (first.impact, second.impact)
    count = document.undo_stack.count()
    assert document.update_many(
        Initiative, [(first.id, {"impact": 1.0}), (second.id, {"impact": 1.5})], "Move 2 cards"
    )
    assert document.undo_stack.count() == count + 1
    assert document.undo_stack.undoText() == "Move 2 cards"
    document.undo_stack.undo()
    assert tuple(i.impact for i in document.plan().initiatives[:2]) == before
    document.undo_stack.redo()
    assert [i.impact for i in document.plan().initiatives[:2]] == [1.0, 1.5]
    with reopen(document) as stored:
        assert [i.impact for i in stored.load().initiatives[:2]] == [1.0, 1.5]


def test_a_refused_update_many_changes_nothing(document: PlanDocument) -> None:
    first, second = document.plan().initiatives[:2]
    assert first.id is not None and second.id is not None
    messages: list[object] = []
    document.failed.connect(messages.append)
    count = document.undo_stack.count()
    assert not document.update_many(
        Initiative, [(first.id, {"impact": 1.0}), (second.id, {"impact": 9.0})], "Move"
    )
    assert document.undo_stack.count() == count and messages[0].field == "impact"
    assert document.plan().initiatives[0].impact == first.impact
