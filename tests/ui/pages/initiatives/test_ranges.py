"""“How sure is this?” on the Figures tab: P10 / P50 / P90, the chance in words and the
break-even sentences are analysis/uncertainty's on the same data, after an edit and its undo;
the document's one RangeCache draws each version once; the section waits until it is shown;
the histogram and the tornado draw."""

from __future__ import annotations

import warnings

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from smbplanner.analysis.uncertainty.breakeven import initiative_break_even
from smbplanner.analysis.uncertainty.ranges import initiative_range
from smbplanner.analysis.uncertainty.sensitivity import initiative_tornado
from smbplanner.analysis.uncertainty.words import chance_sentence
from smbplanner.domain.enums import CostCategory
from smbplanner.domain.model import CostLine, Initiative, Option
from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.costs import LinesEditor
from smbplanner.ui.pages.initiatives.figures import FiguresPanel
from smbplanner.ui.pages.initiatives.page import InitiativesPage
from smbplanner.ui.pages.initiatives.range_charts import TORNADO_BARS

SERVER = 2


def _show(widget: QWidget, qtbot: QtBot, keep: list[QWidget]) -> QWidget:
    qtbot.addWidget(widget)
    keep.append(widget)
    widget.resize(1040, 900)
    widget.show()
    return widget


def _panel(document: PlanDocument, qtbot: QtBot, keep: list[QWidget],
           initiative: int | None) -> FiguresPanel:
    panel = FiguresPanel(document)
    _show(panel, qtbot, keep)
    panel.set_initiative(initiative)
    return panel


def _shown(panel: FiguresPanel) -> tuple[str, str, str]:
    values = panel.ranges.values
    return values["p10"].text(), values["p50"].text(), values["p90"].text()


def _expected(document: PlanDocument, initiative_id: int) -> tuple[str, str, str]:
    plan = document.plan()
    initiative = plan.initiative(initiative_id)
    assert initiative is not None
    found = initiative_range(initiative, plan.business)  # no cache: from scratch
    assert found is not None
    return tuple(fmt.money(c, "EUR").replace("-", "−")  # type: ignore[return-value]
                 for c in (found.p10_cents, found.p50_cents, found.p90_cents))


def test_the_section_shows_the_range_of_the_initiative(
    document: PlanDocument, qtbot: QtBot, keep: list[QWidget]
) -> None:
    panel = _panel(document, qtbot, keep, SERVER)
    section = panel.ranges
    assert section.isVisible() and not section.stale
    assert _shown(panel) == _expected(document, SERVER) == (
        "16,721 EUR", "20,639 EUR", "24,348 EUR")
    plan = document.plan()
    initiative = plan.initiative(SERVER)
    assert initiative is not None
    found = initiative_range(initiative, plan.business)
    assert found is not None and section.range == found
    assert section.chance.text() == chance_sentence(found.p_positive) == (
        "It is almost certain to return more than it costs.")
    assert section.count.text() == "NPV above 0 in 10,000 of 10,000 simulated outcomes."
    sentences = initiative_break_even(initiative, plan.business)
    assert sentences is not None
    assert section.break_even_label.text().splitlines() == [
        f"• {s}" for s in sentences.sentences()]
    assert "Benefits can fall 40 % before this stops paying." in (
        section.break_even_label.text())
    assert section.tornado == initiative_tornado(initiative, plan.business)


def test_one_cache_draws_each_version_once(
    document: PlanDocument, qtbot: QtBot, keep: list[QWidget]
) -> None:
    panel = _panel(document, qtbot, keep, SERVER)
    cache = document.range_cache
    assert (cache.misses, len(cache)) == (1, 1)
    panel.set_initiative(1)
    panel.set_initiative(SERVER)  # back: from the cache
    assert (cache.misses, len(cache)) == (2, 2)
    assert cache.hits >= 1
    charted = panel.ranges.histogram.data
    qtbot.mouseClick(panel.scenario_buttons.button(2), Qt.MouseButton.LeftButton)
    assert panel.ranges.histogram.data is charted  # another scenario: the same range, not redrawn
    document.reload()  # the plan read again: the cache starts afresh, the panel redraws
    assert (cache.misses, len(cache)) == (3, 1)


def test_an_edit_of_a_cost_line_moves_the_range_and_undo_restores_it(
    document: PlanDocument, qtbot: QtBot, keep: list[QWidget]
) -> None:
    panel = _panel(document, qtbot, keep, SERVER)
    costs = _show(LinesEditor(document, "cost"), qtbot, keep)
    assert isinstance(costs, LinesEditor)
    costs.set_initiative(SERVER)
    before = _shown(panel)
    steps = document.undo_stack.count()
    _type(qtbot, costs.grid, list(CostCategory).index(CostCategory.OPERATIONS), 1, "1,000")
    assert document.undo_stack.count() == steps + 1  # one undo step
    after = _shown(panel)
    assert after != before
    assert after == _expected(document, SERVER)
    document.undo_stack.undo()
    assert _shown(panel) == before == _expected(document, SERVER)
    misses = document.range_cache.misses
    document.undo_stack.redo()
    assert _shown(panel) == after
    assert document.range_cache.misses == misses  # that version was drawn already


def test_no_option_yet_and_no_lines_yet(
    empty_document: PlanDocument, qtbot: QtBot, keep: list[QWidget]
) -> None:
    document = empty_document
    phones = document.add(Initiative("Phones")).value
    panel = _panel(document, qtbot, keep, phones)
    assert panel.stack.currentIndex() == 0
    assert panel.empty.text() == (
        "“Phones” has no option yet. Add an option with its costs and benefits to see its "
        "TCO, ROI, NPV and payback, and how sure they are.")
    section = panel.ranges
    section.compute()  # even when asked directly, it says so in plain words
    assert section.range is None and section.stack.currentIndex() == 0
    assert "“Phones” has no option yet" in section.empty.text()
    laptops = document.add(Initiative("Laptops", options=[Option("Buy", chosen=True)])).value
    panel.set_initiative(laptops)
    assert panel.stack.currentIndex() == 1 and section.isVisible()
    assert section.range is None and section.stack.currentIndex() == 0
    assert section.empty.text() == (
        "“Buy” has no cost or benefit lines yet: add them to see how sure its return is.")


def test_the_section_computes_only_when_the_figures_tab_is_shown(
    document: PlanDocument, qtbot: QtBot, keep: list[QWidget]
) -> None:
    page = InitiativesPage(document)
    _show(page, qtbot, keep)
    page.show_panel(page.costs)
    page.select_initiative(SERVER)
    section = page.figures.ranges
    assert not section.isVisible() and section.stale and section.range is None
    assert len(document.range_cache) == 0  # nothing drawn for a hidden tab
    page.show_panel(page.figures)
    assert section.isVisible() and not section.stale
    assert _shown(page.figures) == _expected(document, SERVER)


def test_the_histogram_and_the_tornado_draw(
    document: PlanDocument, qtbot: QtBot, keep: list[QWidget]
) -> None:
    panel = _panel(document, qtbot, keep, SERVER)
    section = panel.ranges
    histogram, tornado = section.histogram, section.tornado_chart
    qtbot.waitUntil(lambda: histogram.canvas is not None and tornado.canvas is not None)
    for chart in (histogram, tornado):
        qtbot.waitUntil(lambda c=chart: not c.canvas.property("smbplanner_draw_pending"))
    axes = histogram.canvas.figure.axes[0]
    found = section.range
    assert found is not None
    marked = sorted(line.get_xdata()[0] for line in axes.get_lines())
    assert marked == pytest.approx(sorted(
        [0.0, found.p10_cents / 100, found.p50_cents / 100, found.p90_cents / 100]))
    shares = sum(p.get_height() for p in axes.patches)
    assert shares == pytest.approx(100.0)  # every draw in one bar
    bars = tornado.canvas.figure.axes[0]
    assert section.tornado is not None
    shown = min(len(section.tornado.bars), TORNADO_BARS)
    assert len(bars.patches) == 2 * shown  # a loss and a gain part per input
    heights = {t.get_text(): t.get_position()[1] for t in bars.get_yticklabels()}
    top = max(heights, key=heights.__getitem__)
    assert top == section.tornado.bars[0].label == "Life"  # the largest swing on top
    assert not histogram.grab().isNull() and not tornado.grab().isNull()
    # another initiative: both charts take its data and draw again
    panel.set_initiative(4)
    assert histogram.data[1] == section.range and tornado.data[0] == section.tornado
    qtbot.waitUntil(lambda: not histogram.canvas.property("smbplanner_draw_pending"))
    assert histogram.canvas.figure.axes[0].patches


def test_costs_only_and_a_certain_npv_draw_without_warnings(
    empty_document: PlanDocument, qtbot: QtBot, keep: list[QWidget]
) -> None:
    """A cost-only option (every outcome a loss) and one whose only line is 0 (every
    outcome the same NPV): plain sentences, and both charts draw without a warning."""
    document = empty_document
    costs_only = document.add(Initiative("Licences", options=[Option(
        "Buy", chosen=True, costs=[CostLine(CostCategory.PURCHASE, 500_000)])])).value
    zero = document.add(Initiative("Free trial", options=[Option(
        "Try", chosen=True, costs=[CostLine(CostCategory.PURCHASE, 0)])])).value
    panel = _panel(document, qtbot, keep, costs_only)
    section = panel.ranges
    assert section.chance.text() == "It is very unlikely to return more than it costs."
    assert section.values["p90"].text().startswith("−")
    assert "With no benefits, this never pays." in section.break_even_label.text()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for initiative_id in (costs_only, zero):
            panel.set_initiative(initiative_id)
            for chart in (section.histogram, section.tornado_chart):
                chart.draw()
                chart.canvas.draw()
    assert _shown(panel) == ("0 EUR", "0 EUR", "0 EUR")


def _type(qtbot: QtBot, view: QTableView, row: int, column: int, text: str) -> None:
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = next(w for w in view.viewport().findChildren(QLineEdit) if w.isVisible())
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()
