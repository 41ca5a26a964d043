"""The Snapshots tab: take (named), list, delete, with undo and what is stored; "compare
with" shows analysis.compare's changes since a snapshot."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from smbplanner.analysis.compare import compare_plans
from smbplanner.domain.model import Initiative
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.snapshots.panel import NOW, SnapshotsPanel, local_time
from tests.ui.conftest import reopen


def _panel(document: PlanDocument, qtbot: QtBot, names: list[str]) -> SnapshotsPanel:
    panel = SnapshotsPanel(document)
    panel.ask_name = lambda default: names.pop(0) if names else None
    qtbot.addWidget(panel)
    panel.resize(1040, 760)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _names(panel: SnapshotsPanel) -> list[str]:
    return [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]


def test_take_delete_undo_and_stored(document: PlanDocument, qtbot: QtBot) -> None:
    panel = _panel(document, qtbot, ["Q1 review", "  ", "Q2 review"])
    assert panel.hint.isVisible() and _names(panel) == []
    qtbot.mouseClick(panel.take_button, Qt.MouseButton.LeftButton)
    assert _names(panel) == ["Q1 review"]
    assert document.undo_stack.undoText() == "Take snapshot 'Q1 review'"
    assert not panel.hint.isVisible()
    taken = panel.snapshots[0]
    assert panel.table.item(0, 1).text() == local_time(taken.taken_at)
    assert "Nothing has changed" in panel.report.toPlainText()

    qtbot.mouseClick(panel.take_button, Qt.MouseButton.LeftButton)  # a blank name
    assert panel.error.text().startswith("Snapshot name:")
    assert _names(panel) == ["Q1 review"]
    qtbot.mouseClick(panel.take_button, Qt.MouseButton.LeftButton)
    assert sorted(_names(panel)) == ["Q1 review", "Q2 review"]

    document.undo_stack.undo()
    qtbot.waitUntil(lambda: _names(panel) == ["Q1 review"])
    document.undo_stack.redo()
    qtbot.waitUntil(lambda: len(_names(panel)) == 2)

    panel.select_id(taken.id or 0)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert document.undo_stack.undoText() == "Delete snapshot 'Q1 review'"
    qtbot.waitUntil(lambda: _names(panel) == ["Q2 review"])
    document.undo_stack.undo()
    qtbot.waitUntil(lambda: sorted(_names(panel)) == ["Q1 review", "Q2 review"])
    document.undo_stack.undo()  # the second snapshot
    qtbot.waitUntil(lambda: _names(panel) == ["Q1 review"])
    stored = reopen(document)
    snaps = stored.load(snapshots=True).snapshots
    assert [(s.name, s.taken_at) for s in snaps] == [("Q1 review", taken.taken_at)]
    assert stored.snapshot_plan(snaps[0].id) == stored.load(snapshots=False)
    stored.close()


def test_compare_with_now_and_with_another_snapshot(document: PlanDocument,
                                                    qtbot: QtBot) -> None:
    panel = _panel(document, qtbot, ["Before", "Middle"])
    panel.take_snapshot()
    first = panel.selected()
    assert first is not None
    erp = document.plan().initiative(5)
    assert erp is not None
    document.update(Initiative, 5, start_year=2028)  # Q2 2027 -> Q2 2028
    qtbot.waitUntil(lambda: "deferred from Q2 2027 to Q2 2028" in panel.report.toPlainText())
    document.update(Initiative, 7, impact=2.0)
    qtbot.waitUntil(lambda: "impact 4 → 2" in panel.report.toPlainText())
    text = panel.report.toPlainText()
    expected = compare_plans(panel.snapshot_plan(first), document.plan())
    assert panel.comparison == expected
    assert "0 initiatives added, 0 removed, 2 changed." in text
    for y in expected.years:  # each year's planned spend then and now, as analysis says
        if y.planned_delta_cents:
            assert fmt.money(y.planned_after_cents, "EUR") in text
            assert fmt.money(y.planned_before_cents, "EUR") in text

    panel.take_snapshot()  # "Middle": after both changes
    panel.select_id(first.id or 0)
    middle = next(s for s in panel.snapshots if s.name == "Middle")
    panel.against.setCurrentIndex(panel.against.findData(middle.id))
    assert "from ‘Before’ to ‘Middle’" in panel.report.toPlainText()
    assert "deferred from Q2 2027 to Q2 2028" in panel.report.toPlainText()
    panel.against.setCurrentIndex(panel.against.findData(NOW))
    panel.select_id(middle.id or 0)
    assert "Nothing has changed" in panel.report.toPlainText()


def test_empty_plan(empty_document: PlanDocument, qtbot: QtBot) -> None:
    panel = _panel(empty_document, qtbot, ["Start"])
    assert "Take a snapshot first" in panel.report.toPlainText()
    assert not panel.delete_button.isEnabled()
    panel.take_snapshot()
    assert _names(panel) == ["Start"] and panel.delete_button.isEnabled()
