"""The initiative portfolio: every initiative in priority order with its figures."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Spacer

from smbplanner.analysis.board import priority_order
from smbplanner.analysis.budget import counted
from smbplanner.analysis.headlines import plan_totals
from smbplanner.analysis.portfolio import run_change_split
from smbplanner.analysis.quadrant import initiative_quadrant
from smbplanner.analysis.rounding import whole
from smbplanner.analysis.schedule import past_due
from smbplanner.analysis.timeline import quarter_label
from smbplanner.domain.enums import InitiativeStatus, label
from smbplanner.domain.model import Initiative
from smbplanner.domain.numbers import units
from smbplanner.report.context import Ctx, Section
from smbplanner.report.styles import ACCENT, HEAD_BG, WARN
from smbplanner.report.tables import table
from smbplanner.report.text import BOLD, DASH, day, para, percent, rate, years


def status_cell(ctx: Ctx, initiative: Initiative) -> tuple[str, bool]:
    """The initiative's status as a plain cell (lines, no markup: cheap to lay out) and
    whether it is past due (printed in red, with the quarter it was to end)."""
    lines = [label(initiative.status)]
    if not counted(initiative):
        lines.append("not counted")
    late = past_due(initiative, ctx.today)
    if late:
        lines += ["past due since", f"the end of {quarter_label(initiative.end_index - 1)}"]
    return "\n".join(lines), late


#: The status column's type (its lines are plain text, never shrunk to fit: they are short).
STATUS_TYPE = [("FONTSIZE", (2, 1), (2, -2), 7), ("LEADING", (2, 1), (2, -2), 8.5)]


def name_cell(ctx: Ctx, initiative: Initiative, width: float) -> object:
    """The initiative's name (struck through when cancelled)."""
    if initiative.status == InitiativeStatus.CANCELLED:
        return ctx.styles.m(f"<strike>{para(initiative.name)}</strike>", ctx.styles.cell)
    return ctx.styles.c(initiative.name, width, 300)


def portfolio(ctx: Ctx) -> Section:
    s, plan = ctx.styles, ctx.plan
    flow: list[Flowable] = [ctx.heading("Initiative portfolio")]
    if not plan.initiatives:
        return Section(flow + ctx.empty("No initiatives yet."), short=True)
    cur = escape(ctx.currency)
    flow.append(s.m(
        f"In priority order (quick wins, strategic bets, back burner, not yet scored). "
        f"Money in {cur}, lifetime figures of the chosen option, {ctx.scenario_note}; "
        "NPV at the plan's discount rate. Initiatives on hold or cancelled are marked "
        "“not counted” and left out of the totals, as in the budget; a total is the sum of "
        "the amounts printed above it.", s.muted))
    w = ctx.width
    widths = [w * x for x in (0.04, 0.22, 0.11, 0.11, 0.07, 0.09, 0.10, 0.10, 0.08, 0.08)]
    rows: list[list[object]] = [[
        "#", "Initiative", "Status", "Category", "Portfolio", "Start", "TCO", "NPV", "IRR",
        "Payback",
    ]]
    overdue = 0
    red: list[tuple[object, ...]] = []
    for initiative in priority_order(plan.initiatives):
        f = ctx.book.figures(initiative, ctx.scenario)
        status, late = status_cell(ctx, initiative)
        if late:
            overdue += 1
            red.append(("TEXTCOLOR", (2, len(rows)), (2, len(rows)), WARN))
        rows.append([
            ctx.number(initiative),
            name_cell(ctx, initiative, widths[1]),
            status,
            label(initiative_quadrant(initiative)),
            label(initiative.portfolio),
            f"Q{initiative.start_quarter} {initiative.start_year}",
            units(whole(f.tco_cents)) if f else DASH,
            units(whole(f.npv_cents)) if f else DASH,
            rate(f.irr, bound=f.irr_bound) if f else DASH,
            years(f.payback_years) if f else DASH,
        ])
    totals = plan_totals(plan, ctx.scenario, ctx.book)
    rows.append([
        "", f"Total of {totals.initiatives} counted initiatives", "", "", "", "",
        units(totals.tco), units(totals.npv), "", "",
    ])
    at = len(flow)  # the notes go before the table: after it, one may end up alone
    flow.append(table(rows, widths, right=(0, 6, 7, 8, 9), extra=[
        *STATUS_TYPE, *red,
        ("BACKGROUND", (0, -1), (-1, -1), HEAD_BG),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT),
        ("FONT", (0, -1), (-1, -1), BOLD, 8),
        ("SPAN", (1, -1), (5, -1)),
    ]))
    if overdue:
        flow.append(s.m(
            f"<font color='#b03a2e'>{overdue} initiative{'s are' if overdue > 1 else ' is'} "
            f"past due</font>: the planned end is before {escape(day(ctx.today))} and "
            f"{'they are' if overdue > 1 else 'it is'} not done.", s.small))
    odd = [str(ctx.number(i)) for i in priority_order(plan.initiatives)
           if (f := ctx.book.figures(i, ctx.scenario)) and f.sign_changes > 1]
    if odd:
        flow.append(s.m(
            f"The cash flows of #{', #'.join(odd)} change sign more than once (costs come "
            "back after benefits began): their IRR and payback can mislead, so judge them by "
            "their NPV.", s.small))
    split = run_change_split(plan, ctx.scenario, cache=ctx.book.cache)
    share = percent(split.run_share_pct, 0)
    flow.append(s.m(
        f"Run vs Change (counted initiatives): {split.run_count} Run initiatives "
        f"({units(split.run_tco, cur)} TCO) and {split.change_count} Change initiatives "
        f"({units(split.change_tco, cur)}); Run is {share} of the total TCO.", s.small))
    notes = flow[at + 1:]
    return Section(flow[:at] + notes + [Spacer(1, 4), flow[at]])
