"""The pages of the plan, in navigation order, one per phase (phase 3 has three)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from smbplanner.ui.document import PlanDocument

PAGE_TITLES = [
    "Destination",
    "Assessment",
    "Initiatives",
    "Priorities",
    "Roadmap & budget",
    "Governance",
    "KPIs & scorecard",
]


def build_pages(document: PlanDocument) -> list[QWidget]:
    from smbplanner.ui.pages.assessment import AssessmentPage
    from smbplanner.ui.pages.destination import DestinationPage
    from smbplanner.ui.pages.governance import GovernancePage
    from smbplanner.ui.pages.initiatives import InitiativesPage
    from smbplanner.ui.pages.kpis import KpisPage
    from smbplanner.ui.pages.overview import RoadmapOverviewPage
    from smbplanner.ui.pages.priorities import PrioritiesPage

    classes = [
        DestinationPage,
        AssessmentPage,
        InitiativesPage,
        PrioritiesPage,
        RoadmapOverviewPage,
        GovernancePage,
        KpisPage,
    ]
    pages: list[QWidget] = [cls(document) for cls in classes]
    assert [p.title for p in pages] == PAGE_TITLES  # type: ignore[attr-defined]
    return pages
