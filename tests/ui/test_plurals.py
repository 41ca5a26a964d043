"""One thing is one ("1 response", "1 open risk"), through the one plural rule (issue 18)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from smbplanner.domain.enums import InitiativeStatus, RiskStatus
from smbplanner.domain.model import Feedback, Initiative, Option, Risk
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.assessment.page import AssessmentPage
from smbplanner.ui.pages.initiatives.risks import RisksPanel


def test_one_response_and_one_open_risk(qtbot: QtBot, empty_document: PlanDocument) -> None:
    document = empty_document
    document.add(Feedback("Kitchen", 4, "Slow tills"), text="Add feedback")
    assessment = AssessmentPage(document)
    qtbot.addWidget(assessment)
    assessment.show()
    qtbot.waitExposed(assessment)
    qtbot.mouseClick(assessment.tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=assessment.tabs.tabBar().tabRect(2).center())  # Stakeholder feedback
    assert assessment.feedback.overall.text() == "Overall: <b>4.0</b> out of 5 from 1 response"
    document.add(Feedback("Shop", 2, ""), text="Add feedback")
    assert assessment.feedback.overall.text().endswith("from 2 responses")

    new_id = document.add(Initiative("Tills", status=InitiativeStatus.APPROVED,
                                     options=[Option("A", chosen=True)]), text="Add").value
    document.add(Risk("Supplier late", likelihood=4, impact=5, status=RiskStatus.OPEN),
                 parent_id=new_id, text="Add risk")
    panel = RisksPanel(document)
    qtbot.addWidget(panel)
    panel.set_initiative(new_id)
    panel.resize(1000, 600)
    panel.show()
    qtbot.waitExposed(panel)
    heat = panel.heat
    assert heat.accessibleDescription() == "1 open risk by likelihood and impact"
    qtbot.mouseClick(heat, Qt.MouseButton.LeftButton,
                     pos=heat.cell_rect(4, 5).center().toPoint())
    assert panel.list_title.text() == "<b>Likelihood 4 × impact 5</b>: 1 open risk"
