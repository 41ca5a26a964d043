"""A plain-text summary of a plan: what ``smbplanner PLAN`` prints without a display."""

from __future__ import annotations

from smbplanner.analysis.budget import budget_statement, counted
from smbplanner.analysis.budget_text import budget_sentence
from smbplanner.analysis.figures import initiative_figures
from smbplanner.analysis.quadrant import initiative_quadrant
from smbplanner.analysis.rounding import foot
from smbplanner.domain.enums import InitiativeStatus, Quadrant, label
from smbplanner.domain.model import Plan
from smbplanner.domain.numbers import money, units

_ORDER = (Quadrant.QUICK_WIN, Quadrant.STRATEGIC_BET, Quadrant.BACK_BURNER, Quadrant.UNSCORED)
_HEADINGS = {
    Quadrant.QUICK_WIN: "Quick wins",
    Quadrant.STRATEGIC_BET: "Strategic bets",
    Quadrant.BACK_BURNER: "Back burner",
    Quadrant.UNSCORED: "Not yet scored",
}


def plan_summary(plan: Plan) -> str:
    b = plan.business
    cur = b.currency
    lines = [
        f"{b.name} — IT strategy and roadmap {b.start_year}–{b.end_year}",
        f"{b.industry or 'Industry not set'}, {b.employees} employees; amounts in {cur}",
        "",
    ]
    if b.it_vision:
        lines += [f"IT vision:  {b.it_vision}"]
    if b.it_mission:
        lines += [f"IT mission: {b.it_mission}"]
    lines += ["", f"Goals ({len(plan.goals)}):"]
    lines += [f"  - {g.title} ({label(g.perspective)}, weight {g.weight})" for g in plan.goals]
    if not plan.goals:
        lines.append("  (none yet)")
    active = [i for i in plan.initiatives if i.status != InitiativeStatus.CANCELLED]
    held = [i for i in active if not counted(i)]
    tco: list[int] = []
    benefits: list[int] = []
    npv: list[float] = []
    by_quadrant: dict[Quadrant, list[str]] = {q: [] for q in _ORDER}
    for init in active:
        fig = initiative_figures(init, b)
        if fig is not None and counted(init):
            tco.append(fig.tco_cents)
            benefits.append(fig.benefits_cents)
            npv.append(fig.npv_cents)
        npv_text = money(fig.npv_cents, cur) if fig else "no option"
        held_text = "; on hold, not counted" if init in held else ""
        by_quadrant[initiative_quadrant(init)].append(
            f"    - {init.name} ({init.portfolio.value}, starts {init.start_year} "
            f"Q{init.start_quarter}; NPV {npv_text}{held_text})"
        )
    counted_text = f"{len(active) - len(held)} counted, {len(held)} on hold" if held else (
        f"{len(active)} active")
    lines += ["", f"Initiatives ({counted_text}):"]
    for quadrant in _ORDER:
        if by_quadrant[quadrant]:
            lines.append(f"  {_HEADINGS[quadrant]} ({len(by_quadrant[quadrant])}):")
            lines += by_quadrant[quadrant]
    if not active:
        lines.append("  (none yet)")
    # Totals of the printed figures (analysis.rounding): the NPV total is the sum of the
    # NPVs printed above for the counted initiatives.
    lines += [
        "",
        "Totals (likely scenario; initiatives on hold or cancelled are not counted):",
        f"  Total cost of ownership: {units(foot(tco)[1], cur)}",
        f"  Total benefits:          {units(foot(benefits)[1], cur)}",
        f"  Net present value:       {units(foot(npv)[1], cur)}",
    ]
    if plan.budget_years:
        lines.append("  Budget: " + budget_sentence(budget_statement(plan), cur))
    return "\n".join(lines) + "\n"
