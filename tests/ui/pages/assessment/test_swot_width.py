"""The Assessment page fits a 1024 px window (issue 18): its SWOT quadrants side by side
were 1,124 px at least ("Add opportunity" beside the title)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.assessment.page import AssessmentPage

NAV = 190 + 40  # the side bar and margins


def test_the_swot_board_fits_a_laptop_window(document: PlanDocument, qtbot: QtBot) -> None:
    page = AssessmentPage(document)
    qtbot.addWidget(page)
    page.resize(1024 - NAV, 560)
    page.show()
    qtbot.waitExposed(page)
    assert page.minimumSizeHint().width() <= 1024 - NAV
    for panel in page.swot.panels.values():
        assert panel.add_button.accessibleName().startswith("Add ")
