"""The pages of the plan, in navigation order, one per phase (phase 3 has three). Each page's
module is imported only when that page is first built, so that opening a plan is quick."""

from __future__ import annotations

from importlib import import_module

from PySide6.QtWidgets import QWidget

from smbplanner.ui.document import PlanDocument

#: (title, module, class) of every page, in navigation order.
PAGES = [
    ("Destination", "destination", "DestinationPage"),
    ("Assessment", "assessment", "AssessmentPage"),
    ("Initiatives", "initiatives", "InitiativesPage"),
    ("Priorities", "priorities", "PrioritiesPage"),
    ("Roadmap & budget", "roadmap_budget", "RoadmapBudgetPage"),
    ("Governance", "governance", "GovernancePage"),
    ("KPIs & scorecard", "kpis", "KpisPage"),
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
