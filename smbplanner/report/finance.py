"""Cash flow and financing, for a lender: the counted initiatives' costs (capital and
operating), benefits, net and cumulative cash by calendar year in the pack's scenario, and
the discount rate with its rationale. Figures from ``analysis.cash_statement``; every total
is the sum of the printed rows."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Spacer

from smbplanner.analysis.budget import counted
from smbplanner.analysis.cash_statement import cash_statement
from smbplanner.analysis.decision import funding_split
from smbplanner.analysis.headlines import plan_totals
from smbplanner.domain.numbers import signed, units
from smbplanner.report.context import Ctx, Section
from smbplanner.report.decision import funding_table
from smbplanner.report.styles import ACCENT, HEAD_BG, Caption
from smbplanner.report.tables import table
from smbplanner.report.text import BOLD, DASH, one_line


def _n(value: int) -> str:
    return units(value) if value else DASH


def finance(ctx: Ctx) -> Section:
    s = ctx.styles
    flow: list[Flowable] = [ctx.heading("Cash flow and financing")]
    c = cash_statement(ctx.plan, ctx.scenario, cache=ctx.book.cache)
    rate = s.m(f"<b>Discount rate.</b> {escape(c.rationale)}", s.small)
    if not c.rows:
        return Section(flow + ctx.empty("No costs or benefits entered yet.") + [rate],
                       short=True)
    flow.append(s.m(escape(
        "The cash the counted initiatives (not on hold or cancelled) spend and bring in, by "
        "calendar year, over their whole lives. Capital or operating is set per cost line; "
        "where the owner did not say, one-off purchases, licences bought outright and "
        "implementation are capital, and everything else (subscriptions and support paid "
        "every year, hosting, staff time, training, decommissioning) operating. Systems' own "
        "run costs are in the budget section."), s.muted))
    rows: list[list[object]] = [["Year", "Capital", "Operating", "Total costs", "Benefits",
                                 "Net", "Cumulative"]]
    for row, cumulative in zip(c.rows, c.cumulative, strict=True):
        rows.append([str(row.year), _n(row.capital), _n(row.operating), units(row.costs),
                     _n(row.benefits), signed(row.net), signed(cumulative)])
    rows.append(["Total", units(c.total("capital")), units(c.total("operating")),
                 units(c.total("costs")), units(c.total("benefits")), signed(c.total("net")),
                 ""])
    w = ctx.width
    flow += [Caption(f"Cash flow by year ({ctx.scenario_note}, {one_line(ctx.currency)})"),
             table(rows, [w * 0.1] + [w * 0.15] * 6, right=range(1, 7), extra=[
                 ("BACKGROUND", (0, -1), (-1, -1), HEAD_BG),
                 ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT),
                 ("FONT", (0, -1), (-1, -1), BOLD, 8)]), Spacer(1, 4)]
    year = c.turns_positive
    if year is not None:
        told = f"The cumulative cash turns positive in {year} and stays so."
    else:
        told = "The cumulative cash does not turn positive over the initiatives' lives."
    npv = plan_totals(ctx.plan, ctx.scenario, ctx.book).npv
    told += (f" Discounted, these flows are worth {units(npv, ctx.currency)} today (the "
             "portfolio's net present value).")
    flow += [s.m(escape(told), s.small), Spacer(1, 4)]
    items = [(i, f) for i in ctx.plan.initiatives
             if counted(i) and (f := ctx.book.figures(i, ctx.scenario)) is not None]
    split = funding_split(items)
    if split:
        flow += funding_table(ctx, split, f"How the counted initiatives are paid "
                              f"({ctx.scenario_note}, {one_line(ctx.currency)})",
                              "Each initiative's whole TCO under its funding source.")
        flow.append(Spacer(1, 4))
    return Section([*flow, rate])
