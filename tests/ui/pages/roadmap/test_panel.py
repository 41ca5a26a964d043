"""The roadmap panel: dragging and resizing bars with real mouse events, conflict flags,
keys, grouping, today's marker, the empty plan, and refreshes that keep the owner's place."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from smbplanner.analysis.timeline import quarter_index
from smbplanner.domain.enums import InitiativeStatus
from smbplanner.domain.model import Initiative
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.roadmap.items import QW, RH
from smbplanner.ui.pages.roadmap.panel import RoadmapPanel
from smbplanner.ui.pages.roadmap.view import RoadmapView
from tests.ui.conftest import reopen

WEBSITE, ERP, POS, SERVER, LOYALTY = 7, 5, 3, 2, 8
LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def _panel(document: PlanDocument, qtbot: object, day: date = date(2026, 11, 23),
           size: tuple[int, int] = (1040, 760)) -> RoadmapPanel:
    panel = RoadmapPanel(document, today=lambda: day)
    qtbot.addWidget(panel)  # type: ignore[attr-defined]
    panel.resize(*size)
    panel.show()
    return panel


def _at(view: RoadmapView, ident: int, where: str = "middle") -> QPoint:
    rect = view.bars[ident].rect()
    x = rect.right() - 2 if where == "end" else rect.left() + min(rect.width() / 2, 16)
    return view.mapFromScene(QPointF(x, rect.center().y()))


def _drag(view: RoadmapView, start: QPoint, quarters: float, release: bool = True) -> None:
    port = view.viewport()
    QTest.mousePress(port, LEFT, NONE, start)
    end = start + QPoint(round(quarters * QW), 0)
    QTest.mouseMove(port, start + QPoint(round(quarters * QW / 2), 0))
    QTest.mouseMove(port, end)
    if release:
        QTest.mouseRelease(port, LEFT, NONE, end)


def _stored(document: PlanDocument, ident: int) -> Initiative:
    initiative = document.plan().initiative(ident)
    assert initiative is not None
    return initiative


def test_drag_moves_a_bar_by_whole_quarters_as_one_undo_step(document, qtbot) -> None:
    panel = _panel(document, qtbot)
    view = panel.view
    bar = view.bars[WEBSITE]  # Q1 2027, 2 quarters
    stack = document.undo_stack
    _drag(view, _at(view, WEBSITE), 2.3, release=False)
    # live feedback while dragging: the same bar follows, nothing is stored yet
    assert view.bars[WEBSITE] is bar and bar.start == quarter_index(2027, 3)
    assert view.feedback is not None and view.feedback.text() == "Q3 2027 – Q4 2027 (2 quarters)"
    assert stack.count() == 0 and _stored(document, WEBSITE).start_quarter == 1
    QTest.mouseRelease(view.viewport(), LEFT, NONE, _at(view, WEBSITE))
    assert stack.count() == 1
    assert stack.undoText() == "Move 'Website refresh with café order form' to Q3 2027"
    moved = _stored(document, WEBSITE)
    assert (moved.start_year, moved.start_quarter, moved.duration_quarters) == (2027, 3, 2)
    assert view.bars[WEBSITE].start == quarter_index(2027, 3)
    stack.undo()
    assert (_stored(document, WEBSITE).start_year, _stored(document, WEBSITE).start_quarter) \
        == (2027, 1)
    assert view.bars[WEBSITE].start == quarter_index(2027, 1)
    stack.redo()
    with reopen(document) as stored:
        website = stored.load().initiative(WEBSITE)
    assert website is not None and (website.start_year, website.start_quarter) == (2027, 3)


def test_dragging_the_right_end_changes_the_duration(document, qtbot) -> None:
    panel = _panel(document, qtbot)
    view = panel.view
    _drag(view, _at(view, WEBSITE, "end"), 3.4)
    stack = document.undo_stack
    assert stack.count() == 1
    assert stack.undoText() == "Change duration of 'Website refresh with café order form' " \
        "to 5 quarters"
    resized = _stored(document, WEBSITE)
    assert (resized.start_year, resized.start_quarter, resized.duration_quarters) == (2027, 1, 5)
    assert view.bars[WEBSITE].end == quarter_index(2027, 1) + 5
    # shrinking stops at one quarter
    _drag(view, _at(view, WEBSITE, "end"), -9)
    assert _stored(document, WEBSITE).duration_quarters == 1
    stack.undo()
    assert _stored(document, WEBSITE).duration_quarters == 5
    stack.undo()
    assert _stored(document, WEBSITE).duration_quarters == 2
    stack.redo()
    with reopen(document) as stored:
        website = stored.load().initiative(WEBSITE)
    assert website is not None and website.duration_quarters == 5


def test_a_click_without_a_drag_selects_and_changes_nothing(document, qtbot) -> None:
    panel = _panel(document, qtbot)
    view = panel.view
    point = _at(view, WEBSITE)
    QTest.mouseClick(view.viewport(), LEFT, NONE, point)
    assert document.undo_stack.count() == 0
    assert view.selected == WEBSITE and view.bars[WEBSITE].selected
    assert view.labels.selected == WEBSITE


def test_conflict_flag_appears_and_clears_as_a_dependent_moves(document, qtbot) -> None:
    panel = _panel(document, qtbot)
    view = panel.view
    assert view.bars[ERP].conflict == []  # ERP starts Q2 2027, after server and POS end
    _drag(view, _at(view, ERP), -2, release=False)
    live = view.bars[ERP]
    assert live.conflict and "before 'Back-office server replacement' ends" in live.toolTip()
    QTest.mouseRelease(view.viewport(), LEFT, NONE, _at(view, ERP))
    erp = view.bars[ERP]
    assert erp.start == quarter_index(2026, 4)
    assert erp.conflict == [
        "Starts Q4 2026, before 'Back-office server replacement' ends (Q4 2026)",
        "Starts Q4 2026, before 'Cloud POS with integrated card payments' ends (Q1 2027)",
    ]
    assert "Starts Q4 2026, before 'Cloud POS" in erp.toolTip()
    late = [a for a in view.arrows_of[ERP] if a.target is erp]
    assert len(late) == 2 and all(a.late for a in late)
    _drag(view, _at(view, ERP), 2)
    assert view.bars[ERP].conflict == [] and "⚠" not in view.bars[ERP].toolTip()
    assert not any(a.late for a in view.arrows_of[ERP])


def test_moving_a_prerequisite_later_flags_its_dependents_while_dragging(document, qtbot) -> None:
    panel = _panel(document, qtbot)
    view = panel.view
    _drag(view, _at(view, POS), 2, release=False)  # POS now ends after ERP starts
    assert view.bars[ERP].conflict == [
        "Starts Q2 2027, before 'Cloud POS with integrated card payments' ends (Q3 2027)"]
    QTest.keyClick(view, Qt.Key.Key_Escape)  # cancels the drag: nothing stored, flag gone
    QTest.mouseRelease(view.viewport(), LEFT, NONE, _at(view, POS))
    assert document.undo_stack.count() == 0 and view.bars[ERP].conflict == []


def test_keys_select_move_resize_and_open(document, qtbot) -> None:
    panel = _panel(document, qtbot)
    view = panel.view
    QTest.mouseClick(view.viewport(), LEFT, NONE, _at(view, WEBSITE))
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert document.undo_stack.undoText() == \
        "Move 'Website refresh with café order form' to Q2 2027"
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert document.undo_stack.undoText() == \
        "Change duration of 'Website refresh with café order form' to 3 quarters"
    QTest.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(view, Qt.Key.Key_Left)
    assert document.undo_stack.count() == 4
    website = _stored(document, WEBSITE)
    assert (website.start_year, website.start_quarter, website.duration_quarters) == (2027, 1, 2)
    assert view.selected == WEBSITE  # kept across the refreshes
    with qtbot.waitSignal(panel.open_initiative) as opened:
        QTest.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [WEBSITE]
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert view.selected == view.order[view.order.index(WEBSITE) + 1]
    with qtbot.waitSignal(panel.open_initiative) as opened:
        QTest.mouseDClick(view.viewport(), LEFT, NONE, _at(view, ERP))
    assert opened.args == [ERP]


def test_grouping_switches_between_portfolio_and_goal(document, qtbot) -> None:
    panel = _panel(document, qtbot)
    titles = [x.title for x in panel.view.lines if x.row is None]
    assert titles == ["Run (5)", "Change (6)"]
    panel.group_by.setCurrentIndex(1)
    lines = panel.view.lines
    groups = [x.title for x in lines if x.row is None]
    assert groups[0] == "Lift operating margin from 6 % to 9 % (5)"
    ids = [x.row.initiative.id for x in lines if x.row is not None]
    assert sorted(ids) == sorted(i.id for i in document.plan().initiatives)
    # the dashboard serves margin and team data equally: it goes under the weightier goal
    at = next(n for n, x in enumerate(lines) if x.row and x.row.initiative.name.startswith("Sales"))
    assert [x.title for x in lines[:at] if x.row is None][-1] == groups[0]
    assert len(panel.view.bars) == len(ids) == 11


def test_today_is_marked_at_an_injected_date(document, qtbot) -> None:
    panel = _panel(document, qtbot, day=date(2027, 5, 10))
    view = panel.view
    first = view.first_quarter
    assert view.today_line is not None
    assert view.today_line.line().x1() == pytest.approx((2027 * 4 + 4 / 3 - first) * QW)
    assert view.header.today == quarter_index(2027, 2)
    later = _panel(document, qtbot, day=date(2045, 1, 1))
    assert later.view.today_line is None and panel.view is view


def test_empty_plan_tells_the_owner_what_to_do(empty_document, qtbot) -> None:
    panel = _panel(empty_document, qtbot)
    assert panel.stack.currentWidget() is panel.empty_page
    assert "Add initiatives on the Initiatives page" in panel.empty.text()
    assert not panel.group_by.isVisible() and not panel.legend.isVisible()
    ident = empty_document.add(Initiative("CRM", start_year=2027, start_quarter=2)).value
    assert ident is not None
    assert panel.stack.currentWidget() is panel.view and panel.group_by.isVisible()
    assert panel.view.bars[ident].start == quarter_index(2027, 2)


def test_a_hidden_panel_rebuilds_only_when_shown_again(document, qtbot) -> None:
    panel = _panel(document, qtbot)
    bar = panel.view.bars[WEBSITE]
    panel.hide()
    document.update(Initiative, WEBSITE, start_quarter=3)
    assert panel.view.bars[WEBSITE] is bar  # not rebuilt while nobody looks
    panel.show()
    assert panel.view.bars[WEBSITE].start == quarter_index(2027, 3)


def test_refresh_keeps_scroll_and_selection_and_drops_cancelled(document, qtbot) -> None:
    panel = _panel(document, qtbot, size=(520, 260))
    view = panel.view
    bar = view.bars[LOYALTY]
    view.select(LOYALTY, scroll=True)
    h, v = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
    assert h > 0 and v > 0
    document.update(Initiative, WEBSITE, undo_text="Rename", name="New website")
    assert view.bars[LOYALTY] is not bar  # rebuilt, yet the owner's place is kept
    assert view.selected == LOYALTY
    assert (view.horizontalScrollBar().value(), view.verticalScrollBar().value()) == (h, v)
    document.update(Initiative, LOYALTY, status=InitiativeStatus.CANCELLED)
    assert LOYALTY not in view.bars and view.selected is None
    assert len(view.lines) * RH == view.sceneRect().height()


def test_row_labels_show_the_full_name_in_their_tooltip(document, qtbot) -> None:
    panel = _panel(document, qtbot)
    view = panel.view
    n = next(k for k, x in enumerate(view.lines) if x.row and x.row.initiative.id == ERP)
    line = view.labels.line_at(view.labels.offset() + n * RH + RH / 2)
    assert line is not None and line.row is not None and line.row.initiative.id == ERP
    assert line.tip.startswith("Central ordering and production planning (bakery ERP)\nQ2 2027")


def test_dependency_arrows_all_or_only_the_selected_and_late(document, qtbot) -> None:
    panel = _panel(document, qtbot)
    view = panel.view
    assert panel.all_arrows.isChecked()  # a small plan shows every arrow
    assert view.arrows and all(a.isVisible() for a in view.arrows)
    panel.all_arrows.click()
    assert not any(a.isVisible() for a in view.arrows)
    view.select(ERP)
    shown = {(a.source.initiative_id, a.target.initiative_id) for a in view.arrows
             if a.isVisible()}
    assert shown == {(SERVER, ERP), (POS, ERP), (ERP, 6), (ERP, 11)}
    view.select(None)
    _drag(view, _at(view, ERP), -2)  # now late: its red arrows show whatever is selected
    view.select(WEBSITE)
    late = {(a.source.initiative_id, a.target.initiative_id) for a in view.arrows
            if a.isVisible() and a.late}
    assert late == {(SERVER, ERP), (POS, ERP)}
    assert not panel.all_arrows.isChecked()  # the owner's choice survives the rebuild


def test_a_read_only_plan_cannot_be_dragged(sample_path, qtbot) -> None:
    from smbplanner.storage.planfile import PlanFile

    document = PlanDocument(PlanFile.open(sample_path, readonly=True))
    try:
        panel = _panel(document, qtbot)
        view = panel.view
        _drag(view, _at(view, WEBSITE), 2)
        QTest.keyClick(view, Qt.Key.Key_Right)
        assert document.undo_stack.count() == 0
        assert view.bars[WEBSITE].start == quarter_index(2027, 1)
        assert "read-only" in panel.hint.text()
    finally:
        document.close()
