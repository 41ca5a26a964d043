"""The KPIs & scorecard page, driven through its widgets; what is stored is read back from the
file. The sample plan's KPI 1 is "Operating margin" (goal 1, increase 6 -> 9) and KPI 3
"Average Saturday queue time" (goal 2, decrease 9 -> 4, latest 7.5)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from smbplanner.domain.enums import KpiDirection, Perspective
from smbplanner.domain.model import Goal, Kpi
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.kpis.page import KpisPage
from smbplanner.ui.pages.kpis.tables import KPI_COLUMNS, PROGRESS_ROLE
from smbplanner.ui.theme import apply_scheme
from tests.ui.conftest import reopen

COL = {c.field: n for n, c in enumerate(KPI_COLUMNS)}
DATE, VALUE = 0, 1


@pytest.fixture
def page(document: PlanDocument, qtbot: QtBot) -> Iterator[KpisPage]:
    yield _page(document, qtbot)


def _page(document: PlanDocument, qtbot: QtBot) -> KpisPage:
    page = KpisPage(document)
    qtbot.addWidget(page)
    page.resize(1040, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


def _editor(view: QTableView, kind: type[QWidget]) -> QWidget:
    editors = [w for w in view.viewport().findChildren(kind) if w.isVisible()]
    assert len(editors) == 1, editors
    return editors[0]


def _type(qtbot: QtBot, view: QTableView, row: int, column: int, text: str) -> None:
    """Open the cell's editor as a user would, replace its text, press Enter."""
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = _editor(view, QLineEdit)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QApplication.processEvents()  # the delegate commits through a queued call


def _choose(qtbot: QtBot, view: QTableView, row: int, column: int, text: str) -> None:
    """Open the cell's combo box, pick the entry with this text, press Enter."""
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    combo = _editor(view, QComboBox)
    assert isinstance(combo, QComboBox)
    position = combo.findText(text)
    assert position >= 0, text
    combo.setCurrentIndex(position)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    QApplication.processEvents()


def _cell(
    page: KpisPage, kpi_id: int, field: str, role: int = Qt.ItemDataRole.DisplayRole
) -> object:
    model = page.kpi_model
    return model.data(model.index(model.row_of(kpi_id), COL[field]), role)


def test_add_edit_delete_kpi_with_undo_redo_and_reopen(page: KpisPage, qtbot: QtBot) -> None:
    document = page.document
    view = page.kpis.view
    page.select_kpi(3)  # a Customer KPI: the new one joins its goal
    qtbot.mouseClick(page.kpis.add_button, Qt.MouseButton.LeftButton)
    assert document.undo_stack.undoText() == "Add KPI"
    new = page.current_kpi()
    assert new is not None and new.id == 7 and new.goal_id == 2 and new.name == "New KPI"
    row = page.kpi_model.row_of(7)

    _type(qtbot, view, row, COL["name"], "Card payments per sale")
    assert document.undo_stack.undoText() == "Rename KPI 'New KPI' to 'Card payments per sale'"
    _choose(qtbot, view, row, COL["goal_id"], "Lift operating margin from 6 % to 9 %")
    assert document.undo_stack.undoText() == "Change KPI 'Card payments per sale' goal"
    _choose(qtbot, view, row, COL["direction"], "Decrease")
    _type(qtbot, view, row, COL["baseline"], "1.8")
    _type(qtbot, view, row, COL["target"], "1.2")
    _type(qtbot, view, row, COL["target_date"], "2027-06-30")
    _type(qtbot, view, row, COL["replaces_it_metric"], "Till transactions per hour")
    assert document.undo_stack.undoText() == (
        "Change KPI 'Card payments per sale' IT metric it replaces"
    )
    assert _cell(page, 7, "goal_id") == "Lift operating margin from 6 % to 9 %"
    assert _cell(page, 7, "progress") == "—"  # no measurement yet

    document.undo_stack.undo()
    assert document.plan().kpis[-1].replaces_it_metric == ""
    document.undo_stack.redo()
    assert page.current_kpi() is not None and page.current_kpi().id == 7

    stored = reopen(document)
    kpi = stored.load().kpis[-1]
    stored.close()
    assert kpi == Kpi(
        1,
        "Card payments per sale",
        "",
        KpiDirection.DECREASE,
        1.8,
        1.2,
        date(2027, 6, 30),
        "Till transactions per hour",
        [],
        id=7,
    )


def test_delete_kpi_and_undo_restores_its_measurements(page: KpisPage, qtbot: QtBot) -> None:
    document = page.document
    page.select_kpi(2)
    qtbot.mouseClick(page.kpis.delete_button, Qt.MouseButton.LeftButton)
    assert document.undo_stack.undoText() == (
        "Delete KPI 'Sales from pre-orders and repeat café accounts'"
    )
    assert [k.id for k in document.plan().kpis] == [1, 3, 4, 5, 6]
    assert page.current_kpi() is not None and page.current_kpi().id == 3  # the next row
    document.undo_stack.undo()
    assert len(document.plan().kpis[1].measurements) == 4
    document.undo_stack.redo()
    document.undo_stack.undo()
    stored = reopen(document)
    kpis = stored.load().kpis
    stored.close()
    assert [k.id for k in kpis] == [1, 2, 3, 4, 5, 6]
    assert [m.value for m in kpis[1].measurements] == [12.0, 12.4, 13.1, 13.9]


def test_bad_kpi_values_are_refused_and_nothing_stored(page: KpisPage, qtbot: QtBot) -> None:
    document = page.document
    view, error = page.kpis.view, page.kpis.error
    before = document.plan().kpis[0]
    _type(qtbot, view, 0, COL["baseline"], "lots")
    assert error.text() == "Baseline: 'lots' is not a number" and not error.isHidden()
    _type(qtbot, view, 0, COL["target_date"], "2026-13-01")
    assert error.text().startswith("Target date: '2026-13-01' is not a date")
    _type(qtbot, view, 0, COL["name"], "   ")
    assert error.text() == "KPI: must not be empty"
    assert not page.kpi_model.setData(page.kpi_model.index(0, COL["goal_id"]), 99)
    assert error.text() == "Goal: choose one of the plan's goals"
    assert document.undo_stack.count() == 0
    stored = reopen(document)
    assert stored.load().kpis[0] == before
    stored.close()


def test_measurements_add_edit_delete(page: KpisPage, qtbot: QtBot) -> None:
    document = page.document
    page.select_kpi(3)  # queue time, decrease 9 -> 4
    panel = page.measurements
    assert panel.model.rowCount() == 4
    assert "Average Saturday queue time" in panel.title.text()
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert document.undo_stack.undoText() == "Add measurement of 'Average Saturday queue time'"
    added = page.current_kpi().measurements[-1]
    assert (added.date, added.value) == (date.today(), 7.5)  # today, the latest value
    row = panel.model.row_of(added.id)
    _type(qtbot, panel.view, row, VALUE, "6")
    assert document.undo_stack.undoText() == f"Change measurement '{date.today()}' value"
    # 9 -> 6 of the way 9 -> 4: 60 %
    assert _cell(page, 3, "progress") == "60 %"
    assert _cell(page, 3, "progress", PROGRESS_ROLE) == pytest.approx(60.0)
    assert _cell(page, 3, "latest") == "6"

    _type(qtbot, panel.view, row, DATE, "2026-13-01")
    assert panel.error.text().startswith("Date: '2026-13-01' is not a date")
    _type(qtbot, panel.view, row, VALUE, "lots")
    assert panel.error.text() == "Value: 'lots' is not a number"
    assert document.undo_stack.count() == 2

    document.undo_stack.undo()
    assert _cell(page, 3, "progress") == "30 %"
    document.undo_stack.redo()
    panel.view.setCurrentIndex(panel.model.index(0, 0))  # the oldest: 2025-12-31
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert document.undo_stack.undoText() == "Delete measurement '2025-12-31'"
    assert page.current_kpi() is not None and page.current_kpi().id == 3
    stored = reopen(document)
    values = [(m.date, m.value) for m in stored.load().kpis[2].measurements]
    stored.close()
    assert values == [
        (date(2026, 3, 31), 8.8),
        (date(2026, 6, 30), 8.2),
        (date(2026, 9, 30), 7.5),
        (date.today(), 6.0),
    ]


def test_progress_is_honest_and_conflicts_are_flagged(page: KpisPage, qtbot: QtBot) -> None:
    panel = page.measurements
    page.select_kpi(1)  # margin 6 -> 9
    _type(qtbot, panel.view, 3, VALUE, "10.5")
    assert _cell(page, 1, "progress") == "150 %"
    _type(qtbot, panel.view, 3, VALUE, "5.4")
    assert _cell(page, 1, "progress") == "-20 %"
    assert _cell(page, 1, "name", Qt.ItemDataRole.BackgroundRole) is None
    _type(qtbot, page.kpis.view, 0, COL["target"], "5")
    assert _cell(page, 1, "name", Qt.ItemDataRole.BackgroundRole) is not None
    assert _cell(page, 1, "name", Qt.ItemDataRole.ToolTipRole) == (
        "The target is below the baseline, but this KPI should increase"
    )


def test_empty_plan_needs_a_goal_first(empty_document: PlanDocument, qtbot: QtBot) -> None:
    page = _page(empty_document, qtbot)
    add = page.kpis.add_button
    assert not add.isEnabled() and "Destination" in add.toolTip()
    assert not page.kpi_hint.isHidden() and "Destination" in page.kpi_hint.text()
    assert not page.measurements.add_button.isEnabled()
    assert not page.kpis.delete_button.isEnabled()
    assert page.chart.empty.text() == "Add a KPI above to see its trend here."
    empty_document.add(Goal("Win more repeat customers", perspective=Perspective.CUSTOMER))
    assert add.isEnabled() and add.toolTip() == ""
    assert page.kpi_hint.text().startswith("No KPIs yet")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert page.kpi_hint.isHidden()
    assert page.current_kpi() is not None
    assert page.measurements.add_button.isEnabled()
    assert "No measurements" in page.chart.empty.text()
    qtbot.mouseClick(page.measurements.add_button, Qt.MouseButton.LeftButton)
    kpi = page.current_kpi()
    assert kpi is not None and [m.value for m in kpi.measurements] == [0.0]  # the baseline
    empty_document.undo_stack.undo()
    empty_document.undo_stack.undo()
    assert page.current_kpi() is None and page.measurements.model.rowCount() == 0
    assert not page.measurements.add_button.isEnabled()


def test_chart_shows_the_selected_kpi(page: KpisPage, qtbot: QtBot) -> None:
    chart = page.chart
    assert chart.canvas is not None
    page.select_kpi(3)
    ax = chart.canvas.figure.axes[0]
    actual, baseline, target, target_date = ax.lines[:4]
    assert list(actual.get_ydata()) == [9.0, 8.8, 8.2, 7.5]
    assert list(baseline.get_ydata()) == [9.0, 9.0] and baseline.get_linestyle() == "--"
    assert list(target.get_ydata()) == [4.0, 4.0] and target.get_linestyle() == "--"
    assert target_date.get_label() == "Target date 12/31/2027"
    assert ax.get_title() == "Average Saturday queue time"
    qtbot.mouseClick(page.kpis.add_button, Qt.MouseButton.LeftButton)
    assert chart._stack.currentWidget() is chart.empty
    assert chart.empty.text().startswith("No measurements of “New KPI” yet")


@pytest.fixture
def dark(qapp: QApplication) -> Iterator[None]:
    style, palette = qapp.style().name(), qapp.palette()
    apply_scheme(qapp, dark=True)
    yield
    qapp.setStyle(style)
    qapp.setPalette(palette)


def test_chart_follows_the_dark_palette(dark: None, page: KpisPage) -> None:
    from matplotlib.colors import to_hex

    figure = page.chart.canvas.figure
    assert to_hex(figure.get_facecolor()) == "#25282c"  # the dark window colour
    assert to_hex(figure.axes[0].title.get_color()) == "#e6e8eb"  # the dark text colour


def test_matplotlib_waits_until_the_chart_is_shown() -> None:
    script = textwrap.dedent(
        """
        import sys, tempfile
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from smbplanner.sample import sample_plan
        from smbplanner.storage.planfile import PlanFile
        from smbplanner.ui.document import PlanDocument
        from smbplanner.ui.pages.kpis.page import KpisPage
        path = Path(tempfile.mkdtemp()) / "p.smbplan"
        PlanFile.create(path, sample_plan()).close()
        document = PlanDocument(PlanFile.open(path))
        page = KpisPage(document)
        page.tabs.setCurrentIndex(1)
        assert "matplotlib" not in sys.modules, "imported at construction"
        page.show()
        app.processEvents()
        assert "matplotlib" not in sys.modules, "imported with the chart hidden"
        page.tabs.setCurrentIndex(0)
        app.processEvents()
        assert "matplotlib" in sys.modules and page.chart.canvas is not None
        document.close()
        print("ok")
        """
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": ""}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.stdout.strip() == "ok", done.stderr


def test_scorecard_groups_goals_and_kpis(page: KpisPage, qtbot: QtBot) -> None:
    page.tabs.setCurrentIndex(1)
    boxes = page.scorecard.boxes
    assert [b.title() for b in boxes] == [
        "Financial",
        "Customer",
        "Internal process",
        "Learning and growth",
    ]
    customer = boxes[1].tree
    assert customer.topLevelItemCount() == 1
    goal = customer.topLevelItem(0)
    assert goal.text(0) == "Make it easy to order ahead and come back"
    kpis = [goal.child(n) for n in range(goal.childCount())]
    assert [k.text(0).strip() for k in kpis] == [
        "Sales from pre-orders and repeat café accounts",
        "Average Saturday queue time",
    ]
    assert [k.text(1) for k in kpis] == ["13.9 % of sales", "7.5 minutes"]
    assert kpis[1].text(2) == "30 %"
    assert kpis[1].data(2, PROGRESS_ROLE) == pytest.approx(30.0)

    # a KPI moved to another goal moves to that goal's perspective
    page.kpi_model.setData(page.kpi_model.index(2, COL["goal_id"]), 4)
    team = boxes[3].tree.topLevelItem(0)
    assert [team.child(n).text(0).strip() for n in range(team.childCount())] == [
        "Average Saturday queue time",  # KPIs keep plan order
        "Shop leads running their shop from live sales data",
    ]
    assert boxes[1].tree.topLevelItem(0).childCount() == 1

    # Enter on a KPI opens it in the KPI table
    tree = boxes[3].tree
    tree.setFocus()
    tree.setCurrentItem(team.child(0))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert page.tabs.currentIndex() == 0
    assert page.current_kpi() is not None and page.current_kpi().id == 3


def test_empty_scorecard_says_what_to_do(empty_document: PlanDocument, qtbot: QtBot) -> None:
    page = _page(empty_document, qtbot)
    for box in page.scorecard.boxes:
        assert box.tree.topLevelItem(0).text(0).startswith("No goals here yet")
    empty_document.add(Goal("Cut admin time", perspective=Perspective.INTERNAL_PROCESS))
    goal = page.scorecard.boxes[2].tree.topLevelItem(0)
    assert goal.text(0) == "Cut admin time"
    assert goal.child(0).text(0).startswith("No KPI yet")
    assert goal.child(0).data(0, PROGRESS_ROLE) is None


def test_the_current_cell_survives_an_edit(page: KpisPage, qtbot: QtBot) -> None:
    view = page.kpis.view
    _type(qtbot, view, 2, COL["target"], "3.5")
    assert page.document.plan().kpis[2].target == 3.5
    assert (view.currentIndex().row(), view.currentIndex().column()) == (2, COL["target"])
    assert page.current_kpi() is not None and page.current_kpi().id == 3
