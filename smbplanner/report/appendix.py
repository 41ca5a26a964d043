"""Appendix: the assumptions behind the figures, how each figure is calculated, and the open
points the plan's own check finds."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Flowable

from smbplanner.analysis.assessment import system_totals
from smbplanner.analysis.checks import ERROR, check_plan
from smbplanner.analysis.completeness import missing_parts
from smbplanner.domain.numbers import count
from smbplanner.report.context import Ctx, Section
from smbplanner.report.tables import table
from smbplanner.report.text import BOLD, day, factor, money, para

SHOWN_FINDINGS = 25

METHOD = [
    ("Lifecycle years", "Each option's costs and benefits are entered in lifecycle years: "
     "year 0 is the year the initiative starts. A recurring line that escalates grows by its "
     "rate each year, rounded to whole cents year by year. Lines beyond the option's life are "
     "not counted."),
    ("Scenarios", "Each year's costs and benefits are multiplied by the scenario's factors "
     "(see above) and rounded to whole cents; every figure is computed from those amounts."),
    ("Total cost of ownership (TCO)", "The sum of the option's costs over its life, "
     "undiscounted. TCO (PV) is the same costs discounted at the plan's rate."),
    ("Cash flow", "Benefits minus costs in each lifecycle year."),
    ("Net present value (NPV)", "Σ cash flow(t) / (1 + r)^t at the plan's discount rate r; "
     "year 0 is not discounted."),
    ("Internal rate of return (IRR)", "The discount rate at which the NPV is zero, searched "
     "between −99 % and 1,000 % a year; a rate beyond is shown as “> 1,000 %” or “< −99 %”. "
     "“—” only when no rate exists: the flows are never positive, or there is no net outlay "
     "in any year. When the flows change sign more than once, several rates (or none) can "
     "bring the NPV to 0; the pack says so beside the figure: judge those by NPV."),
    ("Payback", "The years until the cumulative cash flow turns non-negative, with the last "
     "year counted in part: (t − 1) + (− cumulative(t − 1) / cash flow(t)); “year 0” when "
     "the benefits cover the costs from the start; “—” when it never does within the life. "
     "A payback can be followed by later costs that turn the total negative again (then the "
     "NPV can be negative): the pack flags such flows."),
    ("Rounding", "Figures are computed in cents and shown in whole units, rounded half away "
     "from zero. Every printed total is the sum of the printed rows above it, and every "
     "derived column (Budget = Run + Change, Over = Planned − Budget, TCO = sum of the years) "
     "is computed from the printed numbers, so each table adds up as printed. Where a "
     "table's cells must add up to a figure printed elsewhere (TCO by category and year), the "
     "leftover units go to the cells with the largest remainders."),
    ("Budget", "Per calendar year and per envelope: over (+) / under (−) is planned minus "
     "budget for Run, for Change and for the year. A year is over budget when either "
     "envelope is over, even if the other has money left. A year without a budget is shown "
     "as such and is never over or under."),
    ("Counted initiatives", "Plan totals, the budget and the Run vs Change balance count "
     "every initiative that is neither cancelled nor on hold; those two are listed but "
     "marked “not counted”."),
    ("Return on investment (ROI)", "(total benefits − TCO) / TCO × 100."),
    ("Initiative figures", "Those of its chosen option (else its first option), in the "
     "pack's scenario throughout (the initiative pages also show the other two)."),
    ("Priority grid", "Impact and feasibility are scored 1–5 in half steps; 1–2 is low "
     "(hard), 2.5–3.5 medium, 4–5 high (easy). Quick win: high impact and medium or easy; "
     "strategic bet: high impact but hard; back burner: everything else. Priority order: "
     "quick wins, strategic bets, back burner, not scored; then higher impact, then higher "
     "feasibility."),
    ("Planned spend", "Each initiative's costs fall in the calendar year start year + t, as "
     "Run or Change by its portfolio; every system adds its annual run cost to Run in each "
     "year it is in service (systems being retired or replaced stop after their end of "
     "life). Planned spend is compared with the budget set for each year."),
    ("KPI progress", "How far the latest measurement has come from the baseline towards the "
     "target, in the KPI's direction; below 0 % when it moved the wrong way."),
    ("Risk score", "Likelihood × impact, each 1–5: low 1–4, medium 5–9, high 10–16, critical "
     "20–25. The heat map and the top risks count the open risks of initiatives that are not "
     "done or cancelled."),
    ("Funded initiatives", "Those approved, in progress or done."),
]


GLOSSARY = [
    ("TCO (total cost of ownership)", "Everything an initiative costs over its life, not "
     "just the price: licences, setting it up, training, support, running it and switching "
     "it off at the end."),
    ("NPV (net present value)", "What an initiative is worth today: its benefits minus its "
     "costs, with money in later years counted for less (at the plan's discount rate), "
     "because money today could earn a return elsewhere. Above zero, it earns more than it "
     "costs; below zero, less."),
    ("IRR (internal rate of return)", "The yearly return the initiative earns on the money "
     "put in. Compare it with the discount rate: higher is better than the plan asks for."),
    ("Payback", "How long until the benefits have paid back the costs, counting money "
     "as it comes in (not discounted)."),
    ("Run / Change", "Run spending keeps the business going (replacing worn-out systems, "
     "security, support); Change spending grows or changes the business (new services, new "
     "ways of working). A healthy plan funds both."),
    ("RACI", "Who does what on an initiative: Responsible (does the work), Accountable (owns "
     "the result and signs it off; one person), Consulted (asked before decisions) and "
     "Informed (told what was decided)."),
]


def appendix(ctx: Ctx) -> Section:
    s, plan = ctx.styles, ctx.plan
    b = plan.business
    flow: list[Flowable] = [ctx.heading("Appendix: assumptions and method")]
    systems = system_totals(plan.systems, b.start_year)
    budget_years = ", ".join(str(y) for y in sorted({y.year for y in plan.budget_years}))
    facts = [
        ("Currency", escape(b.currency)),
        ("Plan horizon", f"{b.start_year}–{b.end_year} ({b.horizon_years} years)"),
        ("Discount rate", f"{b.discount_rate_bp / 100:g} % a year"),
        ("Scenario in this pack", escape(ctx.scenario_note)),
        ("Budget set for", budget_years or "no year yet"),
        ("Current systems", f"{systems.count}, running at {money(systems.run_cost_cents)} "
         f"{escape(b.currency)} a year" if systems.count else "none recorded"),
        ("Prepared", day(ctx.today) + (f" by {para(b.prepared_by, 200)}"
                                        if b.prepared_by.strip() else "")),
    ]
    w = ctx.width
    flow += [s.m("Assumptions", s.h2),
             table([[k, s.m(v, s.cell)] for k, v in facts], [w * 0.3, w * 0.7],
                   header_rows=0, zebra=False, extra=[("FONT", (0, 0), (0, -1), BOLD, 8)])]
    rows: list[list[object]] = [["Scenario", "Costs",
                                 "Benefits"]]
    for name, costs, benefits in (
        ("Optimistic", b.optimistic_cost_bp, b.optimistic_benefit_bp),
        ("Likely", 10_000, 10_000),
        ("Pessimistic", b.pessimistic_cost_bp, b.pessimistic_benefit_bp),
    ):
        rows.append([name, factor(costs), factor(benefits)])
    flow += [s.m("Scenario factors", s.h3), table(rows, [w * 0.3, w * 0.2, w * 0.2],
                                                  right=(1, 2))]
    flow.append(s.m("How each figure is calculated", s.h2))
    flow += [s.m(f"<b>{escape(name)}.</b> {escape(text)}", s.method) for name, text in METHOD]
    flow.append(s.m("Glossary", s.h2))
    flow += [s.m(f"<b>{escape(name)}.</b> {escape(text)}", s.method) for name, text in GLOSSARY]
    findings = check_plan(plan)
    flow.append(s.m("Open points", s.h2))
    missing = missing_parts(plan)
    if missing:
        flow.append(s.m("<b>Draft — incomplete.</b> Missing before the board can decide:",
                        s.small))
        flow += [s.m(f"<font color='#b03a2e'>• {escape(m.phase)}:</font> {escape(m.text)}",
                     s.small) for m in missing]
    if not findings:
        flow += ctx.empty("The plan's consistency check finds nothing to fix.")
    else:
        errors = sum(1 for f in findings if f.severity == ERROR)
        flow.append(s.m(f"The plan's consistency check finds {count(errors, 'error')} and "
                        f"{count(len(findings) - errors, 'warning')}:", s.small))
        for finding in findings[:SHOWN_FINDINGS]:
            colour = "#b03a2e" if finding.severity == ERROR else "#5f6b76"
            flow.append(s.m(f"<font color='{colour}'>• {escape(finding.severity)}:</font> "
                            f"{para(finding.message, 400)}", s.small))
        if len(findings) > SHOWN_FINDINGS:
            flow.append(s.m(f"And {len(findings) - SHOWN_FINDINGS} more "
                            "(run smbplanner check for the full list).", s.muted))
    return Section(flow)
