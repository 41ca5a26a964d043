"""Plain words (issue 18): each figure and term says what it means where it is shown, and
its "?" opens the user guide at its meaning."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from smbplanner.ui import terms
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.guide import GuideDialog, guide_html
from smbplanner.ui.pages.destination.page import GOAL_COLUMNS
from smbplanner.ui.pages.initiatives.figures import FiguresPanel
from smbplanner.ui.pages.initiatives.listmodel import COLUMNS, InitiativeListModel


def test_every_term_has_its_place_in_the_guide() -> None:
    text = guide_html()
    for key, (term, meaning) in terms.TERMS.items():
        assert f"<a name='{terms.anchor(key)}'></a><b>{term}</b>" in text
        assert terms.tip(key).startswith(meaning)


def test_figures_say_what_they_mean_and_link_to_the_guide(
    document: PlanDocument, qtbot: QtBot
) -> None:
    panel = FiguresPanel(document)
    qtbot.addWidget(panel)
    panel.set_initiative(2)
    panel.resize(1200, 800)
    panel.show()
    qtbot.waitExposed(panel)
    labels = {w.text(): w for w in panel.findChildren(QLabel)}
    for name, key in (("Net present value (NPV)", "npv"), ("Internal rate of return (IRR)",
                      "irr"), ("Discounted payback", "discounted_payback"),
                      ("Total cost of ownership (TCO)", "tco")):
        assert labels[name].toolTip() == terms.tip(key)
    links = [w for w in panel.findChildren(QLabel) if w.accessibleName() == "What is NPV?"]
    assert len(links) == 1
    link = links[0]
    qtbot.mouseClick(link, Qt.MouseButton.LeftButton,
                     pos=QPoint(link.width() // 2, link.height() // 2))
    guide = next(w for w in QApplication.topLevelWidgets()
                 if isinstance(w, GuideDialog) and w.isVisible())
    qtbot.waitExposed(guide)
    assert guide.browser.verticalScrollBar().value() > 0  # at the words, not the top
    guide.close()


def test_terms_in_headers(document: PlanDocument) -> None:
    perspective = next(c for c in GOAL_COLUMNS if c.field == "perspective")
    assert perspective.tooltip == terms.tip("perspective")
    model = InitiativeListModel(document)
    tips = {COLUMNS[n]: model.headerData(n, Qt.Orientation.Horizontal,
                                         Qt.ItemDataRole.ToolTipRole)
            for n in range(len(COLUMNS))}
    assert tips["Quadrant"] == terms.tip("quadrant")
    assert tips["Portfolio"] == terms.tip("run_change")
    assert tips["NPV"].startswith(terms.tip("npv"))
