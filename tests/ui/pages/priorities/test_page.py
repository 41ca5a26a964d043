"""The Priorities board driven like a user: real mouse press / move / release on the view's
viewport, keys, the tray's drop handler with QMimeData, filters, suggestions and export.
What is stored is read back by reopening the file (after the undo/redo checks).

Sample plan (scores impact / feasibility): "Online pre-orders and click & collect" 4 / 2
(a strategic bet), "Branded loyalty app" 2.5 / 2.5 (back burner), "Shop Wi-Fi and network
upgrade" 3 / 4.5, "Sales and waste dashboard" unscored."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from smbplanner.analysis.quadrant import initiative_quadrant
from smbplanner.domain.enums import Portfolio, Quadrant
from smbplanner.domain.model import Initiative
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.priorities.card import CardItem
from smbplanner.ui.pages.priorities.page import PrioritiesPage
from smbplanner.ui.pages.priorities.scene import scene_point
from smbplanner.ui.pages.priorities.tray import ids_mime
from tests.ui.conftest import reopen

PREORDERS = "Online pre-orders and click & collect"
LOYALTY = "Branded loyalty app"
WIFI = "Shop Wi-Fi and network upgrade"
DASHBOARD = "Sales and waste dashboard"
LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def page(document: PlanDocument, qtbot: QtBot) -> PrioritiesPage:
    p = PrioritiesPage(document)
    qtbot.addWidget(p)
    p.resize(1040, 760)
    p.show()
    qtbot.waitExposed(p)
    return p


def _id(document: PlanDocument, name: str) -> int:
    found = next(i.id for i in document.plan().initiatives if i.name == name)
    assert found is not None
    return found


def _card(page: PrioritiesPage, name: str) -> CardItem:
    return page.view.cards[_id(page.document, name)]


def _scores(document: PlanDocument, name: str) -> tuple[float | None, float | None]:
    i = document.plan().initiative(_id(document, name))
    assert i is not None
    return i.impact, i.feasibility


def _target(card: CardItem, feasibility: float, impact: float) -> QPointF:
    """Where to release a card so that it lands on those scores (keeping its fan offset)."""
    f0, i0 = card.scores
    return card.pos() + scene_point(feasibility, impact) - scene_point(f0, i0)


def _press_move(page: PrioritiesPage, start: QPointF, end: QPointF, steps: int = 6,
                modifier: Qt.KeyboardModifier = NONE) -> None:
    vp = page.view.viewport()
    a, b = page.view.mapFromScene(start), page.view.mapFromScene(end)
    QTest.mousePress(vp, LEFT, modifier, a)
    for k in range(1, steps + 1):
        QTest.mouseMove(vp, a + (b - a) * k / steps)


def _release(page: PrioritiesPage, end: QPointF) -> None:
    QTest.mouseRelease(page.view.viewport(), LEFT, NONE, page.view.mapFromScene(end))


def _drag(page: PrioritiesPage, card: CardItem, feasibility: float, impact: float) -> None:
    end = _target(card, feasibility, impact)
    _press_move(page, card.pos(), end)
    _release(page, end)


def test_board_shows_cards_tray_summary_and_tooltips(page: PrioritiesPage) -> None:
    plan = page.document.plan()
    scored = [i for i in plan.initiatives if i.impact is not None]
    assert sorted(page.view.cards) == sorted(i.id for i in scored)
    assert [page.tray.item(r).text() for r in range(page.tray.count())] == [DASHBOARD]
    tip = _card(page, PREORDERS).toolTip()
    for part in ("Strategic bets", "TCO", "NPV", "payback", "Goals: ", "Double-click"):
        assert part in tip
    assert page.summary.labels[Quadrant.QUICK_WIN].text().startswith("Quick wins\n4 initiatives")
    assert "1 initiative" in page.summary.labels[Quadrant.UNSCORED].text()
    assert "Run / Change\n5 / 6" in page.summary.labels["balance"].text()
    big = max(page.view.cards.values(), key=lambda c: c.look.radius)
    assert big.look.name == "Central ordering and production planning (bakery ERP)"
    assert len(page.scene.legend_sizes) == 2


def test_drag_rescores_with_live_category_and_one_undo_step(page: PrioritiesPage) -> None:
    document = page.document
    card = _card(page, PREORDERS)
    assert _scores(document, PREORDERS) == (4.0, 2.0)
    items_before = len(page.scene.items())
    changes: list[int] = []
    document.changed.connect(lambda: changes.append(1))
    end = _target(card, feasibility=4.0, impact=4.5)
    _press_move(page, card.pos(), end)
    # while dragging: the category shown is the one under the pointer, nothing stored yet
    assert page.view.tip.isVisible() and page.view.tip.text.startswith("Quick wins")
    assert "impact 4.5" in page.view.tip.text and "feasibility 4" in page.hint.text()
    assert page.scene.highlight == Quadrant.QUICK_WIN
    assert page.view.cards[card.initiative_id] is card and changes == []
    assert len(page.scene.items()) == items_before
    _release(page, end)
    assert _scores(document, PREORDERS) == (4.5, 4.0)
    stack = document.undo_stack
    assert stack.count() == 1
    assert stack.text(0) == f"Move '{PREORDERS}' to Quick wins"
    assert not page.view.tip.isVisible() and page.scene.highlight is None
    assert page.view.cards[card.initiative_id] is card and card.isSelected()
    assert "Quick wins" in card.toolTip().splitlines()[1]
    assert card.pos() == card.home
    stack.undo()
    assert _scores(document, PREORDERS) == (4.0, 2.0)
    assert "Strategic bets" in card.toolTip()
    stack.redo()
    with reopen(document) as stored:
        i = next(x for x in stored.load().initiatives if x.name == PREORDERS)
        assert (i.impact, i.feasibility) == (4.5, 4.0)
        assert initiative_quadrant(i) == Quadrant.QUICK_WIN


def test_drag_snaps_to_half_steps_and_stays_within_1_to_5(page: PrioritiesPage) -> None:
    card = _card(page, LOYALTY)  # 2.5 / 2.5
    start = card.pos()
    nearly = start + QPointF(10, -10)  # under a quarter step (1/18 of 600 ≈ 33): no change
    _press_move(page, start, nearly)
    _release(page, nearly)
    assert page.document.undo_stack.count() == 0
    assert card.pos() == start
    beyond = QPointF(900, -400)  # far past the top right corner
    _press_move(page, card.pos(), beyond)
    assert page.view.tip.text.startswith("Quick wins · impact 5 · feasibility 5")
    _release(page, beyond)
    assert _scores(page.document, LOYALTY) == (5.0, 5.0)
    off = _target(card, 3.5, 1.0) + QPointF(14, 0)  # 14 units past 3.5 snaps back to 3.5
    _drag_point = off
    _press_move(page, card.pos(), _drag_point)
    _release(page, _drag_point)
    assert _scores(page.document, LOYALTY) == (1.0, 3.5)
    assert page.document.undo_stack.text(1) == f"Move '{LOYALTY}' to Back burner"


def test_several_selected_cards_move_together_as_one_undo_step(page: PrioritiesPage) -> None:
    document = page.document
    loyalty, wifi = _card(page, LOYALTY), _card(page, WIFI)
    vp = page.view.viewport()
    QTest.mouseClick(vp, LEFT, NONE, page.view.mapFromScene(loyalty.pos()))
    QTest.mouseClick(vp, LEFT, Qt.KeyboardModifier.ControlModifier,
                     page.view.mapFromScene(wifi.pos()))
    assert {c.look.name for c in page.view.selected_cards()} == {LOYALTY, WIFI}
    end = _target(loyalty, 3.0, 3.5)  # one step up, one right: +1 impact, +0.5 feasibility
    _press_move(page, loyalty.pos(), end)
    _release(page, end)
    assert _scores(document, LOYALTY) == (3.5, 3.0)
    assert _scores(document, WIFI) == (4.0, 5.0)
    assert document.undo_stack.count() == 1
    assert document.undo_stack.text(0) == "Move 2 cards"
    assert loyalty.isSelected() and wifi.isSelected()
    document.undo_stack.undo()
    assert _scores(document, LOYALTY) == (2.5, 2.5) and _scores(document, WIFI) == (3.0, 4.5)
    document.undo_stack.redo()
    with reopen(document) as stored:
        got = {i.name: (i.impact, i.feasibility) for i in stored.load().initiatives}
        assert got[LOYALTY] == (3.5, 3.0) and got[WIFI] == (4.0, 5.0)


def test_tray_drop_scores_the_initiative(page: PrioritiesPage) -> None:
    document = page.document
    dashboard = _id(document, DASHBOARD)
    assert page.tray.ids() == [dashboard]
    mime = page.tray.mimeData([page.tray.item(0)])
    assert not page.drop_mime(mime, QPointF(-30, 200))  # beside the board
    assert not page.drop_mime(QMimeData(), scene_point(4, 4))  # not from the tray
    assert document.undo_stack.count() == 0
    assert page.drop_mime(mime, scene_point(4.0, 4.5) + QPointF(5, -5))
    assert _scores(document, DASHBOARD) == (4.5, 4.0)
    assert document.undo_stack.text(0) == f"Move '{DASHBOARD}' to Quick wins"
    assert page.tray.count() == 0 and "Every initiative" in page.tray_help.text()
    assert page.view.cards[dashboard].isSelected()
    document.undo_stack.undo()
    assert page.tray.ids() == [dashboard] and dashboard not in page.view.cards
    assert page.drop_mime(ids_mime([dashboard]), scene_point(1.0, 1.0))
    with reopen(document) as stored:
        i = next(x for x in stored.load().initiatives if x.name == DASHBOARD)
        assert (i.impact, i.feasibility) == (1.0, 1.0)


def test_arrow_keys_move_by_half_a_step_and_delete_clears(page: PrioritiesPage) -> None:
    document = page.document
    wifi = _card(page, WIFI)  # 3 / 4.5
    QTest.mouseClick(page.view.viewport(), LEFT, NONE, page.view.mapFromScene(wifi.pos()))
    QTest.keyClick(page.view, Qt.Key.Key_Right)
    assert _scores(document, WIFI) == (3.0, 5.0)
    QTest.keyClick(page.view, Qt.Key.Key_Right)  # already at 5: nothing to undo
    QTest.keyClick(page.view, Qt.Key.Key_Up)
    QTest.keyClick(page.view, Qt.Key.Key_Up)
    assert _scores(document, WIFI) == (4.0, 5.0)
    stack = document.undo_stack
    assert [stack.text(n) for n in range(stack.count())] == [
        f"Move '{WIFI}' to Back burner", f"Move '{WIFI}' to Back burner",
        f"Move '{WIFI}' to Quick wins"]
    assert wifi.isSelected()
    QTest.keyClick(page.view, Qt.Key.Key_Delete)
    assert _scores(document, WIFI) == (None, None)
    assert stack.text(stack.count() - 1) == f"Clear the scores of '{WIFI}'"
    assert wifi.initiative_id not in page.view.cards
    assert WIFI in [page.tray.item(r).text() for r in range(page.tray.count())]
    stack.undo()
    assert _scores(document, WIFI) == (4.0, 5.0)
    with reopen(document) as stored:
        i = next(x for x in stored.load().initiatives if x.name == WIFI)
        assert (i.impact, i.feasibility) == (4.0, 5.0)


def test_tab_walks_the_cards_and_enter_or_double_click_opens(page: PrioritiesPage,
                                                            qtbot: QtBot) -> None:
    page.view.setFocus()
    QTest.keyClick(page.view, Qt.Key.Key_Tab)
    first = page.scene.focusItem()
    assert isinstance(first, CardItem) and first.look.number == 1 and first.isSelected()
    QTest.keyClick(page.view, Qt.Key.Key_Tab)
    second = page.scene.focusItem()
    assert isinstance(second, CardItem) and second.look.number == 2
    assert not first.isSelected()
    QTest.keyClick(page.view, Qt.Key.Key_Backtab)
    assert page.scene.focusItem() is first
    with qtbot.waitSignal(page.open_initiative, timeout=1000) as opened:
        QTest.keyClick(page.view, Qt.Key.Key_Return)
    assert opened.args == [first.initiative_id]
    loyalty = _card(page, LOYALTY)
    with qtbot.waitSignal(page.open_initiative, timeout=1000) as opened:
        QTest.mouseDClick(page.view.viewport(), LEFT, NONE,
                          page.view.mapFromScene(loyalty.pos()))
    assert opened.args == [loyalty.initiative_id]


def test_filters_hide_cards_and_change_the_totals(page: PrioritiesPage) -> None:
    plan = page.document.plan()
    page.portfolio_filter.setCurrentIndex(page.portfolio_filter.findData(Portfolio.RUN))
    run = {i.id for i in plan.initiatives if i.portfolio == Portfolio.RUN and i.impact}
    assert set(page.view.cards) == run
    assert "Run / Change\n5 / 0" in page.summary.text()
    page.portfolio_filter.setCurrentIndex(0)
    goal = plan.goals[3]  # "A team that runs on live data"
    page.goal_filter.setCurrentIndex(page.goal_filter.findData(goal.id))
    linked = {i.id for i in plan.initiatives
              if any(g.goal_id == goal.id for g in i.goals) and i.impact is not None}
    assert set(page.view.cards) == linked and len(linked) < 10
    page.status_filter.setCurrentIndex(page.status_filter.findText("On hold"))
    assert page.view.cards == {} and "matches the filters" in page.scene.message
    page.goal_filter.setCurrentIndex(0)
    page.status_filter.setCurrentIndex(0)
    assert len(page.view.cards) == 10


def test_suggestion_is_a_ghost_until_accepted_and_undoable(page: PrioritiesPage) -> None:
    document = page.document
    card = _card(page, LOYALTY)
    s = page.suggestions[card.initiative_id]
    assert (s.impact, s.feasibility) != (2.5, 2.5)
    assert not page.ghost.isVisible() and not page.accept_button.isEnabled()
    QTest.mouseClick(page.view.viewport(), LEFT, NONE, page.view.mapFromScene(card.pos()))
    assert page.ghost.isVisible() and page.ghost.pos() == scene_point(s.feasibility, s.impact)
    assert page.hint.text().startswith("Suggested: ")
    assert _scores(document, LOYALTY) == (2.5, 2.5)  # never applied silently
    page.accept_button.click()
    assert _scores(document, LOYALTY) == (s.impact, s.feasibility)
    assert document.undo_stack.text(0) == f"Accept the suggested position for '{LOYALTY}'"
    assert not page.ghost.isVisible() and not page.accept_button.isEnabled()
    document.undo_stack.undo()
    assert _scores(document, LOYALTY) == (2.5, 2.5)
    # an unscored initiative selected in the tray can take its suggestion too
    page.tray.item(0).setSelected(True)
    assert page.accept_button.isEnabled() and page.ghost.isVisible()
    assert page.accept_suggestion()
    dashboard = page.suggestions[_id(document, DASHBOARD)]
    assert _scores(document, DASHBOARD) == (dashboard.impact, dashboard.feasibility)


def test_refresh_keeps_the_selection_and_the_items(page: PrioritiesPage) -> None:
    card = _card(page, LOYALTY)
    card.setSelected(True)
    other = _id(page.document, WIFI)
    assert page.document.update(Initiative, other, name="Shop Wi-Fi")
    assert page.view.cards[card.initiative_id] is card and card.isSelected()
    assert page.view.cards[other].look.name == "Shop Wi-Fi"


def test_export_png_and_svg_through_the_injected_dialog(page: PrioritiesPage,
                                                       tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    asked: list[str] = []
    page.ask_path = lambda title, pattern: asked.append(pattern) or str(folder / "board")
    page.png_button.click()
    page.svg_button.click()
    assert asked == ["PNG (*.png)", "SVG (*.svg)"]
    png = (folder / "board.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 10_000
    svg = (folder / "board.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "QUICK WINS" in svg and "Branded loyalty app" in svg
    page.ask_path = lambda title, pattern: ""
    assert not page.export_png()


def test_the_board_export_never_overwrites_a_plan_file(page: PrioritiesPage,
                                                       tmp_path: object) -> None:
    from pathlib import Path

    plan_named_png = Path(str(tmp_path)) / "plan.png"
    plan_named_png.write_bytes(page.document.path.read_bytes())
    before = plan_named_png.read_bytes()
    assert not page.export_png(str(plan_named_png))
    assert plan_named_png.read_bytes() == before
    assert "Could not write" in page.hint.text()


def test_empty_plan_tells_the_owner_what_to_do(empty_document: PlanDocument,
                                               qtbot: QtBot) -> None:
    p = PrioritiesPage(empty_document)
    qtbot.addWidget(p)
    assert p.view.cards == {} and p.tray.count() == 0
    assert "No initiatives yet" in p.scene.message
    assert "0 initiatives" in p.summary.text()
    assert not p.accept_button.isEnabled()
    assert empty_document.add(Initiative("CRM")).value is not None
    assert p.tray.count() == 1 and "No initiative is scored yet" in p.scene.message


def test_escape_cancels_a_drag(page: PrioritiesPage) -> None:
    card = _card(page, LOYALTY)
    home = QPointF(card.pos())
    end = _target(card, 5.0, 5.0)
    _press_move(page, card.pos(), end)
    assert card.pos() != home
    QTest.keyClick(page.view, Qt.Key.Key_Escape)
    assert card.pos() == home and not page.view.tip.isVisible()
    _release(page, end)
    assert page.document.undo_stack.count() == 0
    assert _scores(page.document, LOYALTY) == (2.5, 2.5)


def test_a_selected_card_says_how_sure_its_return_is(page: PrioritiesPage) -> None:
    """The board says, for the one selected card, its NPV range and the chance it pays, in
    the words of the Figures tab (``analysis.uncertainty``)."""
    from smbplanner.analysis.uncertainty.ranges import initiative_range
    from smbplanner.analysis.uncertainty.words import chance_sentence

    card = _card(page, LOYALTY)
    QTest.mouseClick(page.view.viewport(), LEFT, NONE, page.view.mapFromScene(card.pos()))
    plan = page.document.plan()
    initiative = plan.initiative(card.initiative_id)
    assert initiative is not None
    found = initiative_range(initiative, plan.business)
    assert found is not None
    assert f"How sure: {chance_sentence(found.p_positive)}" in page.hint.text()


def test_the_legend_is_redrawn_cleanly_after_a_drag(page: PrioritiesPage, qtbot: QtBot) -> None:
    """Issue 18: after a drag the legend's TCO sizes were drawn over the old ones (the
    view's cached background was repainted without clearing). After the legend changes, the
    view shows what a fresh view of the same plan shows."""
    from PySide6.QtCore import QRect

    from smbplanner.domain.enums import InitiativeStatus

    scene = page.view.scene()
    sizes = list(scene.legend_sizes)  # type: ignore[union-attr]
    page.view.viewport().grab()  # the background is cached now
    erp = _id(page.document, "Central ordering and production planning (bakery ERP)")
    page.document.update(Initiative, erp, "Cancel", status=InitiativeStatus.CANCELLED)
    _drag(page, _card(page, WIFI), 5.0, 3.0)
    assert list(scene.legend_sizes) != sizes  # type: ignore[union-attr]
    fresh = PrioritiesPage(page.document)
    qtbot.addWidget(fresh)
    fresh.resize(page.size())
    fresh.show()
    qtbot.waitExposed(fresh)
    for view in (page.view, fresh.view):
        view.scene().clearSelection()  # type: ignore[union-attr]
    QTest.qWait(50)
    bottom = page.view.mapFromScene(scene.sceneRect().bottomLeft())  # type: ignore[union-attr]
    band = QRect(0, bottom.y() - 40, page.view.viewport().width(), 40)  # the legend
    assert fresh.view.viewport().size() == page.view.viewport().size()
    shown = page.view.viewport().grab(band).toImage()
    expected = fresh.view.viewport().grab(band).toImage()
    assert shown == expected


def _labels_checked_against_every_dot(cards: list[CardItem]) -> dict[int, tuple[str, str]]:
    """The names a crowded board gives its selected cards, by the rule itself: each label
    where it covers the fewest dots (of every other card) and labels placed before it."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetricsF

    from smbplanner.ui.pages.priorities.card import LABEL_WIDTH, SIDES, label_font, label_zoom
    from smbplanner.ui.pages.priorities.scene import board_rect

    def dot(c: CardItem) -> QRectF:
        r, at = c.look.radius, c.pos()
        return QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r)

    metrics, taken, out = QFontMetricsF(label_font()), [], {}
    for card in sorted((c for c in cards if c.isSelected()), key=lambda c: c.look.number):
        text = metrics.elidedText(card.look.name, Qt.TextElideMode.ElideRight,
                                  LABEL_WIDTH * label_zoom())
        scored = []
        for side in SIDES:
            box = card.label_box(text, side).translated(card.pos())
            hits = sum(box.intersects(t) for t in taken)
            hits += sum(box.intersects(dot(o)) for o in cards if o is not card)
            scored.append((hits + (0 if board_rect().contains(box) else 100), SIDES.index(side)))
        side = SIDES[min(scored)[1]]
        out[card.initiative_id] = (text, side)
        taken.append(card.label_box(text, side).translated(card.pos()))
    return out


def test_a_crowded_board_names_its_selected_cards_by_the_dots_near_them(
    document: PlanDocument, qtbot: QtBot
) -> None:
    """Beyond 40 cards only the selected cards are named; the dots a label would cover are
    found through the scene's index, with the same result as checking every dot."""
    plan = document.plan()
    base = next(i for i in plan.initiatives if i.impact is not None)
    document.edit("Add many", lambda s: [
        s.add(Initiative(f"Crowd {n}", impact=1 + (n % 9) / 2, feasibility=1 + (n // 9 % 9) / 2,
                         start_year=base.start_year))
        for n in range(60)
    ])
    p = PrioritiesPage(document)
    qtbot.addWidget(p)
    p.resize(1040, 760)
    p.show()
    qtbot.waitExposed(p)
    cards = list(p.view.cards.values())
    assert len(cards) > 40
    assert all(not c.label for c in cards)  # nothing selected: numbers only
    chosen = sorted(cards, key=lambda c: c.look.number)[::7]
    for card in chosen:
        card.setSelected(True)
    named = {c.initiative_id: (c.label, c.label_side) for c in cards if c.label}
    assert named == _labels_checked_against_every_dot(cards)
    assert set(named) == {c.initiative_id for c in chosen}


def test_a_drag_shades_again_only_the_regions_whose_shade_changes(page: PrioritiesPage) -> None:
    from smbplanner.analysis.board import REGIONS
    from smbplanner.ui.pages.priorities.scene import region_rect

    scene = page.scene
    drawn: list[object] = []
    scene.invalidate = lambda rect, layers: drawn.append(rect)  # type: ignore[method-assign,assignment]
    rect = {r.quadrant: region_rect(r) for r in REGIONS}
    scene.set_highlight(Quadrant.QUICK_WIN)
    assert drawn == [rect[Quadrant.QUICK_WIN]]
    drawn.clear()
    scene.set_highlight(Quadrant.QUICK_WIN)
    assert drawn == []
    scene.set_highlight(Quadrant.BACK_BURNER)
    assert sorted(map(str, drawn)) == sorted(
        map(str, [rect[Quadrant.QUICK_WIN], rect[Quadrant.BACK_BURNER]]))
    drawn.clear()
    scene.set_highlight(None)
    assert drawn == [rect[Quadrant.BACK_BURNER]]


def test_names_stay_legible_on_a_small_screen(document: PlanDocument, qtbot: QtBot) -> None:
    """Issue 18: at 1024×640 the board is drawn at about 0.6 of its size and the names
    became 7 px; they are drawn larger on the board so that they stay 10 px on screen, and
    at full size as they were."""
    from smbplanner.ui.pages.priorities.card import LABEL_FONT_PX, label_font, label_zoom

    small = PrioritiesPage(document)
    qtbot.addWidget(small)
    small.resize(790, 560)  # the page's part of a 1024×640 window
    small.show()
    qtbot.waitExposed(small)
    scale = small.view.transform().m11()
    assert scale < 0.8
    assert label_font().pixelSize() * scale >= 9.5
    labelled = [c for c in small.view.cards.values() if c.label]
    assert labelled  # names are still placed
    assert small.minimumSizeHint().width() <= 1024 - 230
    small.resize(1400, 1000)
    qtbot.waitUntil(lambda: small.view.transform().m11() > 1)
    assert label_zoom() == 1.0 and label_font().pixelSize() == LABEL_FONT_PX


def _drawn(card: CardItem, scale: float) -> bytes:
    from PySide6.QtGui import QImage, QPainter

    image = QImage(80, 80, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.translate(40, 40)
    painter.scale(scale, scale)
    card.paint(painter, None)  # type: ignore[arg-type]
    painter.end()
    return bytes(image.constBits())  # type: ignore[arg-type]


def test_a_number_too_small_to_read_is_not_drawn_nor_repainted(page: PrioritiesPage) -> None:
    """A dot's number is drawn when it is at least 7 px on the device (screen or export):
    three-digit numbers on a crowded board seen whole are about 6 px. A change of a number
    that is not drawn does not repaint the dot (most numbers change after a drop on a large
    board)."""
    from dataclasses import replace

    from smbplanner.ui.pages.priorities import card as card_module
    from smbplanner.ui.pages.priorities.card import number_legible, set_screen_scale

    card = next(iter(page.view.cards.values()))
    small = replace(card.look, radius=8.0, number=123)
    card.update_look(small)
    assert number_legible(small, 1.0) and not number_legible(small, 0.85)
    other = replace(small, number=456)
    before = _drawn(card, 0.85), _drawn(card, 2.0)
    card.update_look(other)
    after = _drawn(card, 0.85), _drawn(card, 2.0)
    assert before[0] == after[0]  # not drawn at 0.85: the same pixels
    assert before[1] != after[1]  # drawn when legible
    repaints: list[int] = []
    card.update = lambda *a: repaints.append(1)  # type: ignore[method-assign]
    try:
        set_screen_scale(0.85)
        card.update_look(replace(other, number=789))
        assert repaints == []
        card.update_look(replace(other, number=12))  # two digits: 9 px × 0.85, drawn
        assert repaints == [1]
        set_screen_scale(2.0)
        card.update_look(replace(other, number=789))
        assert repaints == [1, 1]
    finally:
        set_screen_scale(page.view.transform().m11())
        del card.update
    assert card_module.MIN_NUMBER_PX == 7.0


def test_the_hint_does_not_resize_the_board(page: PrioritiesPage, qtbot: QtBot) -> None:
    """A hint one line longer after a drop made the board smaller, then larger again: the
    whole board laid out and drawn twice. The hint keeps room for three lines."""
    size = page.view.size()
    for text in ("short", " ".join(["a longer hint that wraps"] * 12), ""):
        page.hint.setText(text)
        qtbot.wait(5)
        assert page.view.size() == size


def test_axes_and_legend_stay_legible_on_a_small_screen(document: PlanDocument,
                                                         qtbot: QtBot) -> None:
    """At 1024×640 the axes' labels and the legend were about 7 px: they are drawn larger on
    the board (in margins as much larger) so that the smallest is 10 px on screen, the
    legend moving to the right of the board when that leaves the board larger; at full size
    they are as they were."""
    from PySide6.QtGui import QFontMetricsF

    from smbplanner.ui.pages.priorities.scene import SCENE_RECT, SMALLEST_TEXT_PX, _font

    small = PrioritiesPage(document)
    qtbot.addWidget(small)
    small.resize(790, 560)  # the page's part of a 1024×640 window
    small.show()
    qtbot.waitExposed(small)
    scene, scale = small.scene, small.view.transform().m11()
    assert scene.text_zoom > 1
    assert round(SMALLEST_TEXT_PX * scene.text_zoom) * scale >= 9.5
    # the board itself not much smaller than before (0.49 with all below; 0.55 before the top
    # regions' titles moved above it, where they cover no card)
    assert scale > 0.53
    rect = scene.sceneRect()
    advance = QFontMetricsF(_font(11 * scene.text_zoom)).horizontalAdvance
    for line in scene.legend_lines():  # every entry inside the scene, so on screen
        assert sum(width for _, _, width in line) <= rect.width()
        assert all(advance(text) < width for _, text, width in line)
    small.resize(1400, 1000)
    qtbot.waitUntil(lambda: small.view.transform().m11() > 1)
    assert scene.text_zoom == 1.0 and not scene.legend_right
    assert scene.sceneRect() == SCENE_RECT


def test_a_wider_legend_on_the_right_is_fitted_again(document: PlanDocument, qtbot: QtBot,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """With the legend right of the board, a longer TCO text widens its column: the view
    fits the scene again, so nothing is cut off."""
    small = PrioritiesPage(document)
    qtbot.addWidget(small)
    small.resize(790, 560)
    small.show()
    qtbot.waitExposed(small)
    scene, view = small.scene, small.view
    if not scene.legend_right:
        pytest.skip("this screen keeps the legend below")
    before = scene.sceneRect()
    monkeypatch.setattr("smbplanner.ui.pages.priorities.page.size_legend",
                        lambda board, cur: [(9.0, "1"), (20.0, "123,456,789,012,345 EUR")])
    small.refresh()  # as after an edit that made the largest TCO much larger
    assert scene.sceneRect() != before  # a wider column, or the legend back below
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    assert seen.contains(scene.sceneRect().adjusted(1, 1, -1, -1))


@pytest.mark.parametrize("zoom", [1.0, 1.5, 2.0])
def test_the_top_regions_titles_sit_above_the_board_and_inside_the_scene(zoom: float) -> None:
    from smbplanner.analysis.board import REGIONS
    from smbplanner.ui.pages.priorities.scene import scene_rect, title_at, to_unit

    top_regions = [r for r in REGIONS if r.y1 >= 1]
    assert top_regions
    rect = scene_rect(zoom)
    highest_card = (1 - to_unit(5)) * 600  # a card scored 5: its centre's y
    for region in top_regions:
        at = title_at(region, zoom)
        assert at.y() <= 0 < highest_card  # above the board's top edge: no card under it
        assert at.y() - 12 * zoom >= rect.top() - 0.5  # the title's cap height is in the scene


def test_a_changed_number_repaints_only_its_box(page: PrioritiesPage) -> None:
    """A card whose number alone changed repaints the box its numbers' pixels fall in, not
    its whole dot (whose crowded neighbours would all be painted again); every pixel that
    changes lies in that box."""
    from dataclasses import replace

    from smbplanner.ui.pages.priorities.card import number_box, set_screen_scale

    card = next(iter(page.view.cards.values()))
    old = replace(card.look, radius=12.0, number=7, high_risk=True)
    card.update_look(old)
    for number in (88, 123, 4):
        new = replace(old, number=number)
        before = _drawn(card, 1.0)
        repaints: list[tuple[object, ...]] = []
        card.update = (lambda found: lambda *a: found.append(a))(repaints)  # type: ignore[method-assign]
        try:
            set_screen_scale(1.0)
            card.update_look(new)
        finally:
            set_screen_scale(page.view.transform().m11())
            del card.update
        box = number_box(old).united(number_box(new))
        assert repaints == [(box,)]
        after = _drawn(card, 1.0)
        changed = [(n // 4) for n in range(0, len(after), 4) if after[n:n + 4] != before[n:n + 4]]
        assert changed
        for pixel in changed:
            x, y = pixel % 80 - 40, pixel // 80 - 40
            assert box.contains(QPointF(x + 0.5, y + 0.5)), (number, x, y)
        assert box.width() < 2 * new.radius  # smaller than the dot
        old = new
    big = replace(old, radius=old.radius + 4)  # a new size repaints the whole card
    repaints = []
    card.update = lambda *a: repaints.append(a)  # type: ignore[method-assign]
    try:
        card.update_look(big)
    finally:
        del card.update
    assert repaints == [()]


def test_numbers_without_a_filter_are_the_plans_with_a_cancelled_initiative(
        page: PrioritiesPage) -> None:
    """With no filter the board leaves out only cancelled initiatives, which come last in
    priority order: the cards' numbers are the plan's priority numbers (taken from the
    layout, not counted again)."""
    from smbplanner.analysis.board import priority_numbers
    from smbplanner.domain.enums import InitiativeStatus

    erp = _id(page.document, "Central ordering and production planning (bakery ERP)")
    page.document.update(Initiative, erp, "Cancel", status=InitiativeStatus.CANCELLED)
    _drag(page, _card(page, WIFI), 5.0, 3.0)
    numbers = priority_numbers(page.document.plan().initiatives)
    assert erp not in page.view.cards
    assert {i: c.look.number for i, c in page.view.cards.items()} == {
        i: numbers[i] for i in page.view.cards}


def test_cards_drawn_from_their_pixmaps_show_a_new_number(page: PrioritiesPage) -> None:
    """Cards are drawn from a pixmap each (a repainted region copies them rather than calling
    ``paint`` for each): a new legible number is drawn into it, and the board looks as it
    does drawn without the pixmaps (to one level of 255 on antialiased edges)."""
    from dataclasses import replace

    card = _card(page, WIFI)
    assert card.cacheMode() == CardItem.CacheMode.DeviceCoordinateCache
    page.view.scene().clearSelection()  # type: ignore[union-attr]
    QTest.qWait(20)
    box = page.view.mapFromScene(card.sceneBoundingRect()).boundingRect()
    before = page.view.viewport().grab(box).toImage()
    card.update_look(replace(card.look, number=card.look.number + 7))
    QTest.qWait(20)
    after = page.view.viewport().grab(box).toImage()
    assert after != before
    for item in page.view.cards.values():
        item.setCacheMode(CardItem.CacheMode.NoCache)
    QTest.qWait(20)
    page.view.viewport().update()
    QTest.qWait(20)
    uncached = page.view.viewport().grab(box).toImage()
    diffs = [max(abs(a - b) for a, b in zip(uncached.pixelColor(x, y).getRgb()[:3],
                                          after.pixelColor(x, y).getRgb()[:3], strict=True))
             for x in range(after.width()) for y in range(after.height())]
    assert max(diffs) <= 2  # antialiased edges blended through the pixmap: ±1 of 255
