"""The pages of the plan, in navigation order, one per phase (phase 3 has three). Each page's
module is imported only when that page is first built, so that opening a plan is quick."""

from __future__ import annotations

from importlib import import_module

from PySide6.QtWidgets import QWidget

from smbplanner.ui.document import PlanDocument

#: (title, module under ``smbplanner.ui.pages``, class) of every page, in navigation order.
PAGES = [
    ("Destination", "destination.page", "DestinationPage"),
    ("Assessment", "assessment.page", "AssessmentPage"),
    ("Initiatives", "initiatives.page", "InitiativesPage"),
    ("Priorities", "priorities.page", "PrioritiesPage"),
    ("Roadmap & budget", "roadmap.page", "RoadmapBudgetPage"),
    ("Governance", "governance.page", "GovernancePage"),
    ("KPIs & scorecard", "kpis.page", "KpisPage"),
]
PAGE_TITLES = [title for title, _, _ in PAGES]


def page_class(index: int) -> type[QWidget]:
    """The class of page ``index`` (its module is imported now)."""
    title, module, name = PAGES[index]
    cls: type[QWidget] = getattr(import_module(f"smbplanner.ui.pages.{module}"), name)
    assert cls.title == title  # type: ignore[attr-defined]
    return cls


def build_pages(document: PlanDocument) -> list[QWidget]:
    """Every page at once (the window builds them one by one, when first shown)."""
    return [page_class(index)(document) for index in range(len(PAGES))]
