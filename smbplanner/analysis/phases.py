"""The five phases as a checklist: what the owner has done and what comes next.

Each phase (DESIGN §1: 1 Destination, 2 Assessment, 3 Prioritise, 4 Governance, 5 Measure)
has a few steps, each done or not by a rule on the plan, and the page where it is done.
The side bar shows the current phase's steps and the first step not done ("next"); the
rules reuse the checks the rest of the app makes (alignment, RACI, budget counting).
"""

from __future__ import annotations

from dataclasses import dataclass

from smbplanner.analysis import checks
from smbplanner.analysis.budget import counted
from smbplanner.analysis.governance import raci_checked
from smbplanner.domain.enums import InitiativeStatus, SwotKind
from smbplanner.domain.model import Initiative, Plan


@dataclass(frozen=True)
class Step:
    text: str
    done: bool
    page: str  # the title of the page where it is done


@dataclass(frozen=True)
class Phase:
    number: int
    name: str
    pages: tuple[str, ...]  # the app's pages that belong to it
    steps: tuple[Step, ...]

    @property
    def done(self) -> bool:
        return all(s.done for s in self.steps)

    @property
    def next_step(self) -> Step | None:
        return next((s for s in self.steps if not s.done), None)


@dataclass(frozen=True)
class _Facts:
    """What the steps read from one initiative."""

    live: bool  # not cancelled
    costed: bool  # its money counts (``budget.counted``)
    priced: bool  # a chosen option with costs and benefits
    scored: bool
    raci_checked: bool
    raci_ok: bool
    goal_ids: frozenset[int]


def _facts(initiative: Initiative) -> _Facts:
    option = initiative.chosen_option
    return _Facts(
        initiative.status != InitiativeStatus.CANCELLED,
        counted(initiative),
        bool(option and option.costs and option.benefits),
        initiative.impact is not None and initiative.feasibility is not None,
        raci_checked(initiative),
        # no RACI problem (``governance.raci_problems``, which skips initiatives with no id)
        initiative.id is None or not (raci_checked(initiative)
                                      and checks.raci_findings(initiative)),
        frozenset(link.goal_id for link in initiative.goals),
    )


class PhaseFacts:
    """Each initiative's ``_Facts``, worked out again only for a new version of it (a patched
    plan shares the initiatives an edit did not touch): after a drop on a board of 3,000
    cards the side bar reads one initiative again, not 3,000 and their RACI."""

    def __init__(self) -> None:
        self._known: dict[int, tuple[Initiative, _Facts]] = {}

    def of(self, initiatives: list[Initiative]) -> list[_Facts]:
        known, found = self._known, []
        fresh: dict[int, tuple[Initiative, _Facts]] = {}
        for initiative in initiatives:
            entry = known.get(id(initiative))
            if entry is None or entry[0] is not initiative:
                entry = (initiative, _facts(initiative))
            fresh[id(initiative)] = entry
            found.append(entry[1])
        self._known = fresh  # only the plan's current initiatives are kept
        return found


def phases(plan: Plan, cache: PhaseFacts | None = None) -> list[Phase]:
    """The five phases and their steps for this plan, in order; ``cache`` keeps what each
    initiative contributes between calls (the same answer, worked out for less)."""
    b = plan.business
    facts = (cache or PhaseFacts()).of(plan.initiatives)
    live = [f for f in facts if f.live]
    costed = [f for f in facts if f.costed]
    goal_ids = {g.id for g in plan.goals if g.id is not None}
    kinds = {item.kind for item in plan.swot}
    kpi_goals = {k.goal_id for k in plan.kpis}
    budget_years = {y.year for y in plan.budget_years}
    checked = [f for f in facts if f.raci_checked]
    return [
        Phase(1, "Destination", PAGES[1], (
            Step("Describe the business (industry, people)", bool(b.industry.strip()),
                 "Destination"),
            Step("Set 3 to 5 business goals", len(plan.goals) >= 3, "Destination"),
            Step("Write the IT vision and mission",
                 bool(b.it_vision.strip() and b.it_mission.strip()), "Destination"),
        )),
        Phase(2, "Assessment", PAGES[2], (
            Step("SWOT: at least one strength, weakness, opportunity and threat",
                 kinds >= set(SwotKind), "Assessment"),
            Step("List the current IT systems", bool(plan.systems), "Assessment"),
            Step("Ask staff how IT serves them", bool(plan.feedback), "Assessment"),
        )),
        Phase(3, "Prioritise", PAGES[3], (
            Step("Enter the initiatives", bool(live), "Initiatives"),
            Step("Link each initiative to a goal it serves",  # none drifts (``alignment``)
                 bool(live) and all(f.goal_ids & goal_ids for f in live), "Initiatives"),
            Step("Enter each initiative's costs and benefits",
                 bool(costed) and all(f.priced for f in costed), "Initiatives"),
            Step("Score each initiative on the grid",
                 bool(live) and all(f.scored for f in live), "Priorities"),
        )),
        Phase(4, "Governance", PAGES[4], (
            Step("Name a steering committee",
                 any(p.on_steering_committee for p in plan.people), "Governance"),
            Step("One Accountable and a Responsible for each initiative (RACI)",
                 bool(checked) and all(f.raci_ok for f in facts), "Governance"),
            Step("Log a quarterly review", bool(plan.reviews), "Governance"),
        )),
        Phase(5, "Measure", PAGES[5], (
            Step("A KPI for each goal", bool(plan.goals) and all(
                g.id in kpi_goals for g in plan.goals), "KPIs & scorecard"),
            Step("A budget for each year of the plan", all(
                y in budget_years for y in range(b.start_year, b.end_year + 1)),
                "Roadmap & budget"),
            Step("A first measurement of each KPI", bool(plan.kpis) and all(
                k.measurements for k in plan.kpis), "KPIs & scorecard"),
        )),
    ]


#: Each phase's pages (the app has seven pages for five phases).
PAGES = {1: ("Destination",), 2: ("Assessment",), 3: ("Initiatives", "Priorities"),
         4: ("Governance",), 5: ("KPIs & scorecard", "Roadmap & budget")}


def phase_of_page(page: str) -> int:
    """The phase (1–5) a page of the app belongs to."""
    return next((n for n, pages in PAGES.items() if page in pages), 1)
