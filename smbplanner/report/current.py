"""Current state: the systems inventory (condition, age, end of life, run cost, criticality)
with the systems past their end of life flagged as the risk of doing nothing, and the staff's
satisfaction with IT. Rules from ``analysis.assessment``; the run-cost total foots."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Spacer

from smbplanner.analysis.assessment import (
    overall_satisfaction,
    past_end_of_life,
    satisfaction_by_department,
)
from smbplanner.analysis.rounding import whole
from smbplanner.domain.enums import label
from smbplanner.domain.model import System
from smbplanner.domain.numbers import count, decimal, units
from smbplanner.report.context import Ctx, Section
from smbplanner.report.styles import ACCENT, HEAD_BG, WARN, Caption
from smbplanner.report.tables import table
from smbplanner.report.text import BOLD, DASH, one_line, para

WARN_HEX = "#" + WARN.hexval()[2:]
_CONDITION = {1: "1 poor", 2: "2 weak", 3: "3 fair", 4: "4 good", 5: "5 excellent"}
SHOWN_FEEDBACK = 20


def _systems(ctx: Ctx) -> list[Flowable]:
    s, plan = ctx.styles, ctx.plan
    start = plan.business.start_year
    w = ctx.width
    widths = [w * 0.27, w * 0.11, w * 0.07, w * 0.15, w * 0.13, w * 0.12, w * 0.15]
    rows: list[list[object]] = [["System", "Condition", "Age", "End of life",
                                 "Run cost/yr", "Criticality", "Plan"]]
    total = 0
    for system in plan.systems:
        past = past_end_of_life(system, start)
        cost = whole(system.annual_run_cost_cents)
        total += cost
        name = para(system.name, 120)
        if system.category.strip():
            name += f"<br/><font size=6.5 color='#5f6b76'>{para(system.category, 80)}</font>"
        eol = str(system.end_of_life_year) if system.end_of_life_year else DASH
        if past:
            eol = s.m(f"<font color='{WARN_HEX}'><b>{eol} — past</b></font>", s.cell)
        age = (f"{max(ctx.today.year - system.year_installed, 0)} yrs"
               if system.year_installed else DASH)
        rows.append([s.m(name, s.cell), _CONDITION.get(system.condition, str(system.condition)),
                     age, eol, units(cost), label(system.criticality), label(system.action)])
    rows.append(["Total", "", "", "", units(total), "", ""])
    cur = one_line(ctx.currency)
    out: list[Flowable] = [
        Caption(f"Systems inventory ({cur}; age as of {ctx.today.year})"),
        table(rows, widths, right=(2, 4), extra=[
            ("BACKGROUND", (0, -1), (-1, -1), HEAD_BG),
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT),
            ("FONT", (0, -1), (-1, -1), BOLD, 8)])]
    stale = [x for x in plan.systems if past_end_of_life(x, start)]
    if stale:
        out.append(Spacer(1, 4))
        out.append(s.m(f"<font color='{WARN_HEX}'><b>The risk of doing nothing:</b></font> "
                       + escape(_stale_sentence(ctx, stale)), s.small))
    return out


def _stale_sentence(ctx: Ctx, stale: list[System]) -> str:
    cost = sum(whole(x.annual_run_cost_cents) for x in stale)
    critical = sum(1 for x in stale if x.criticality.value in ("high", "critical"))
    n = len(stale)
    text = (f"{n} system{'s are' if n > 1 else ' is'} past {'their' if n > 1 else 'its'} "
            f"end of life before the plan starts in {ctx.plan.business.start_year}, "
            f"costing {units(cost, ctx.currency)} a year to run without the supplier's "
            "support")
    if critical:
        text += f"; {critical} of them {'are' if critical > 1 else 'is'} of high or " \
                "critical importance to the business"
    return text + "."


def _feedback(ctx: Ctx) -> list[Flowable]:
    s, plan = ctx.styles, ctx.plan
    out: list[Flowable] = [Caption("Staff satisfaction with IT (1 very unhappy – 5 very "
                                   "happy)")]
    if not plan.feedback:
        return out + ctx.empty("No staff feedback recorded yet.")
    overall = overall_satisfaction(plan.feedback)
    departments = satisfaction_by_department(plan.feedback)
    low = [d.department for d in departments if d.average < 3]
    text = (f"Average {decimal(overall or 0, 1)} of 5 over {count(len(plan.feedback), 'response')} "
            f"from {count(len(departments), 'department')}")
    text += f"; below 3 in {', '.join(low)}." if low else "."
    out.append(s.m(escape(text), s.small))
    w = ctx.width
    widths = [w * 0.25, w * 0.1, w * 0.65]
    rows: list[list[object]] = [["Department", "Score", "Main pain point"]]
    ranked = sorted(plan.feedback, key=lambda f: f.satisfaction)
    for entry in ranked[:SHOWN_FEEDBACK]:
        rows.append([s.c(entry.department, widths[0], 80), f"{entry.satisfaction} of 5",
                     s.c(entry.pain_point or DASH, widths[2], 300)])
    out += [Spacer(1, 3), table(rows, widths)]
    if len(ranked) > SHOWN_FEEDBACK:
        out.append(s.m(f"And {len(ranked) - SHOWN_FEEDBACK} more responses.", s.muted))
    return out


def current_state(ctx: Ctx) -> Section:
    flow: list[Flowable] = [ctx.heading("Current state")]
    if ctx.plan.systems:
        flow += _systems(ctx)
    else:
        flow += [Caption("Systems inventory"), *ctx.empty(
            "No current systems recorded yet: the cost and risk of doing nothing are unknown.")]
    flow += [Spacer(1, 8), *_feedback(ctx)]
    return Section(flow, short=not ctx.plan.systems and not ctx.plan.feedback)
