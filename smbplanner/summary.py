"""A plain-text summary of a plan: what ``smbplanner PLAN`` prints without a display."""

from __future__ import annotations

from smbplanner.analysis.budget import planned_spend
from smbplanner.analysis.figures import initiative_figures
from smbplanner.analysis.quadrant import initiative_quadrant
from smbplanner.domain.enums import InitiativeStatus, Quadrant, label
from smbplanner.domain.model import Plan
from smbplanner.domain.money import format_money

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
    tco = benefits = 0
    npv = 0.0
    by_quadrant: dict[Quadrant, list[str]] = {q: [] for q in _ORDER}
    for init in active:
        fig = initiative_figures(init, b)
        if fig is not None:
            tco += fig.tco_cents
            benefits += fig.benefits_cents
            npv += fig.npv_cents
        npv_text = format_money(round(fig.npv_cents), cur, decimals=False) if fig else "no option"
        by_quadrant[initiative_quadrant(init)].append(
            f"    - {init.name} ({init.portfolio.value}, starts {init.start_year} "
            f"Q{init.start_quarter}; NPV {npv_text})"
        )
    lines += ["", f"Initiatives ({len(active)} active):"]
    for quadrant in _ORDER:
        if by_quadrant[quadrant]:
            lines.append(f"  {_HEADINGS[quadrant]} ({len(by_quadrant[quadrant])}):")
            lines += by_quadrant[quadrant]
    if not active:
        lines.append("  (none yet)")
    lines += [
        "",
        "Totals (likely scenario):",
        f"  Total cost of ownership: {format_money(tco, cur, decimals=False)}",
        f"  Total benefits:          {format_money(benefits, cur, decimals=False)}",
        f"  Net present value:       {format_money(round(npv), cur, decimals=False)}",
    ]
    over = [y for y in planned_spend(plan) if y.budget_cents and y.over_cents > 0]
    if plan.budget_years:
        lines.append(
            "  Budget: "
            + (
                "within budget every year"
                if not over
                else "over budget in "
                + ", ".join(
                    f"{y.year} by {format_money(y.over_cents, cur, decimals=False)}" for y in over
                )
            )
        )
    return "\n".join(lines) + "\n"
