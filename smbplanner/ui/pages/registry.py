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


def page_classes() -> list[type[QWidget]]:
    """The page classes in navigation order (imported on first use, not at start-up)."""
    from smbplanner.ui.pages.assessment import AssessmentPage
    from smbplanner.ui.pages.destination import DestinationPage
    from smbplanner.ui.pages.governance import GovernancePage
    from smbplanner.ui.pages.initiatives import InitiativesPage
    from smbplanner.ui.pages.kpis import KpisPage
    from smbplanner.ui.pages.priorities import PrioritiesPage
    from smbplanner.ui.pages.roadmap_budget import RoadmapBudgetPage

    classes: list[type[QWidget]] = [
        DestinationPage,
        AssessmentPage,
        InitiativesPage,
        PrioritiesPage,
        RoadmapBudgetPage,
        GovernancePage,
        KpisPage,
    ]
    assert [c.title for c in classes] == PAGE_TITLES  # type: ignore[attr-defined]
    return classes


def build_pages(document: PlanDocument) -> list[QWidget]:
    """Every page at once (tests and the self-test; the window builds them lazily)."""
    return [cls(document) for cls in page_classes()]
