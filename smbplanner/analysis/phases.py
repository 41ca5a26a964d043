"""The five phases as a checklist: what the owner has done and what comes next.

Each phase (DESIGN §1: 1 Destination, 2 Assessment, 3 Prioritise, 4 Governance, 5 Measure)
has a few steps, each done or not by a rule on the plan, and the page where it is done.
The side bar shows the current phase's steps and the first step not done ("next"); the
rules reuse the checks the rest of the app makes (alignment, RACI, budget counting).
"""

from __future__ import annotations

from dataclasses import dataclass

from smbplanner.analysis.alignment import unaligned_initiatives
from smbplanner.analysis.budget import counted
from smbplanner.analysis.governance import raci_checked, raci_problems
from smbplanner.domain.enums import InitiativeStatus, SwotKind
from smbplanner.domain.model import Plan


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


def phases(plan: Plan) -> list[Phase]:
    """The five phases and their steps for this plan, in order."""
    b = plan.business
    live = [i for i in plan.initiatives if i.status != InitiativeStatus.CANCELLED]
    costed = [i for i in plan.initiatives if counted(i)]
    kinds = {item.kind for item in plan.swot}
    kpi_goals = {k.goal_id for k in plan.kpis}
    budget_years = {y.year for y in plan.budget_years}
    checked = [i for i in plan.initiatives if raci_checked(i)]
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
            Step("Link each initiative to a goal it serves",
                 bool(live) and not unaligned_initiatives(plan), "Initiatives"),
            Step("Enter each initiative's costs and benefits",
                 bool(costed) and all(i.chosen_option and i.chosen_option.costs
                                      and i.chosen_option.benefits for i in costed),
                 "Initiatives"),
            Step("Score each initiative on the grid",
                 bool(live) and all(i.impact is not None and i.feasibility is not None
                                    for i in live), "Priorities"),
        )),
        Phase(4, "Governance", PAGES[4], (
            Step("Name a steering committee",
                 any(p.on_steering_committee for p in plan.people), "Governance"),
            Step("One Accountable and a Responsible for each initiative (RACI)",
                 bool(checked) and not raci_problems(plan), "Governance"),
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
