"""Delivery and benefits: what really happened against the plan, printed only when the plan
records any actuals. Cumulative planned and actual spend and benefits (chart), each
initiative's status colour, progress, spend and benefits to date against plan, forecast cost
at completion (table, footed on the printed rows), the budget against actual spend per
envelope, and each initiative's variance explained in the app's words
(``analysis.tracking_text``)."""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer

from smbplanner.analysis.tracking import (
    Cumulative,
    Tracking,
    actual_years,
    cumulative,
    delivery_rows,
    has_actuals,
    overdue,
    tracking_year,
)
from smbplanner.analysis.tracking_text import TrackingShown, rag_text, shown, tracking_sentences
from smbplanner.domain.enums import Rag
from smbplanner.domain.model import Initiative
from smbplanner.domain.numbers import DASH, signed, units, whole
from smbplanner.report.budget import nice_step, short_amount
from smbplanner.report.context import Ctx, Section
from smbplanner.report.styles import ACCENT, GOOD, HEAD_BG, MUTED, RULE, WARN, drawing
from smbplanner.report.tables import table
from smbplanner.report.text import BOLD, FONT, para

RAG_FILLS = {
    Rag.GREEN: colors.HexColor("#cdeed8"),
    Rag.AMBER: colors.HexColor("#fbe7b0"),
    Rag.RED: colors.HexColor("#f6cdca"),
}
COST_INK, BENEFIT_INK = ACCENT, GOOD
INK = colors.HexColor("#1f2a36")


def _chart(ctx: Ctx, series: Cumulative, width: float, height: float) -> Drawing:
    left, bottom, top_pad = 46.0, 30.0, 12.0
    plot_w, plot_h = width - left - 8, height - bottom - top_pad
    d = drawing(width, height)
    values = [*series.planned_costs, *series.planned_benefits, *series.actual_costs,
              *series.actual_benefits, 0]
    top_units = max(whole(v) for v in values) * 1.06
    step = nice_step(top_units)
    top = step * max(math.ceil(top_units / step), 1)
    k = 0
    while k * step <= top + step / 1000:
        at = bottom + k * step / top * plot_h
        d.add(Line(left, at, left + plot_w, at, strokeColor=RULE if k else MUTED,
                   strokeWidth=0.4 if k else 0.8))
        d.add(String(left - 4, at - 2.5, short_amount(k * step), fontName=FONT, fontSize=7,
                     fillColor=MUTED, textAnchor="end"))
        k += 1
    d.add(String(4, bottom + plot_h + 4, ctx.currency, fontName=FONT, fontSize=7,
                 fillColor=MUTED))
    slot = plot_w / max(len(series.years), 1)

    def point(n: int, cents: int) -> tuple[float, float]:
        return left + slot * (n + 0.5), bottom + whole(cents) / top * plot_h

    def line(cents: list[int], colour: colors.Color, dashed: bool) -> None:
        if not cents:
            return
        points = [c for n, v in enumerate(cents) for c in point(n, v)]
        if len(cents) > 1:
            d.add(PolyLine(points, strokeColor=colour, strokeWidth=1.6,
                           strokeDashArray=[3, 2] if dashed else None))
        size = 3.0 if dashed else 6.0  # actual points stand out (a year may be all there is)
        for n, v in enumerate(cents):
            x, y = point(n, v)
            d.add(Rect(x - size / 2, y - size / 2, size, size,
                       fillColor=colors.white if dashed else colour, strokeColor=colour,
                       strokeWidth=0.8))

    line(series.planned_costs, COST_INK, True)
    line(series.planned_benefits, BENEFIT_INK, True)
    line(series.actual_costs, COST_INK, False)
    line(series.actual_benefits, BENEFIT_INK, False)
    for n, year in enumerate(series.years):
        d.add(String(left + slot * (n + 0.5), bottom - 11, str(year), fontName=FONT,
                     fontSize=7.5, fillColor=INK, textAnchor="middle"))
    x = left
    for colour, dashed, text in ((COST_INK, True, "Planned spend"),
                                 (COST_INK, False, "Actual spend"),
                                 (BENEFIT_INK, True, "Planned benefits"),
                                 (BENEFIT_INK, False, "Realised benefits")):
        d.add(Line(x, 6.5, x + 14, 6.5, strokeColor=colour, strokeWidth=1.6,
                   strokeDashArray=[3, 2] if dashed else None))
        d.add(String(x + 18, 4, text, fontName=FONT, fontSize=7.5, fillColor=MUTED))
        x += 96
    return d


def _status_cell(ctx: Ctx, initiative: Initiative) -> object:
    text = rag_text(initiative.rag) if initiative.rag else DASH
    if overdue(initiative, ctx.today):
        s = ctx.styles
        return s.m(f"{text}<br/><font color='#b03a2e'><b>past due</b></font>", s.cell)
    return text


def _table(ctx: Ctx, listed: list[tuple[Initiative, Tracking]]) -> list[Flowable]:
    s = ctx.styles
    w = ctx.width
    figure = w * 0.09
    name_w = w * (1 - 0.1 - 0.065) - 7 * figure
    groups = ["", "", "", "Spend to date", "", "", "Benefits to date", "",
              "Cost at completion", ""]
    head = ["Initiative", "Status", "Done %", "Actual", "Plan", "+ / −", "Actual", "Plan",
            "Total", "+ / −"]
    rows: list[list[object]] = [
        [s.m(g, s.head_right) if g else "" for g in groups],
        [s.m(h, s.head if n < 3 else s.head_right) for n, h in enumerate(head)],
    ]
    marks: list[tuple[object, ...]] = []
    printed: list[TrackingShown] = []
    for r, (initiative, t) in enumerate(listed, start=2):
        p = shown(t)
        printed.append(p)
        number = ctx.number(initiative)
        name = f"{number}. {initiative.name}" if number else initiative.name
        done = DASH if initiative.percent_complete is None else str(initiative.percent_complete)
        rows.append([s.c(name, name_w, 160), _status_cell(ctx, initiative), done,
                     units(p.spent), units(p.planned), signed(p.variance), units(p.benefits),
                     units(p.planned_benefits), units(p.forecast), signed(p.overrun)])
        if initiative.rag is not None:
            marks.append(("BACKGROUND", (1, r), (1, r), RAG_FILLS[initiative.rag]))
        for column, value in ((5, p.variance), (9, p.overrun)):
            if value > 0:
                marks += [("TEXTCOLOR", (column, r), (column, r), WARN),
                          ("FONT", (column, r), (column, r), BOLD, 8)]
    total = [sum(getattr(p, f) for p in printed) for f in
             ("spent", "planned", "benefits", "planned_benefits", "forecast", "planned_tco")]
    spent, planned, benefits, planned_benefits, forecast, planned_tco = total
    last = len(rows)
    rows.append(["Total", "", "", units(spent), units(planned), signed(spent - planned),
                 units(benefits), units(planned_benefits), units(forecast),
                 signed(forecast - planned_tco)])
    widths = [name_w, w * 0.1, w * 0.065] + [figure] * 7
    return [table(rows, widths, header_rows=2, right=range(2, 10), extra=[
        ("SPAN", (3, 0), (5, 0)), ("SPAN", (6, 0), (7, 0)), ("SPAN", (8, 0), (9, 0)),
        ("BACKGROUND", (0, last), (-1, last), HEAD_BG),
        ("LINEABOVE", (0, last), (-1, last), 0.8, ACCENT),
        ("FONT", (0, last), (0, last), BOLD, 8),
        ("LINEBEFORE", (3, 0), (3, -1), 0.4, RULE), ("LINEBEFORE", (6, 0), (6, -1), 0.4, RULE),
        ("LINEBEFORE", (8, 0), (8, -1), 0.4, RULE),
        *marks,
    ])]


def _years(ctx: Ctx) -> list[Flowable]:
    s = ctx.styles
    years = actual_years(ctx.plan)
    if not years:
        return []
    w = ctx.width
    rows: list[list[object]] = [[s.m(h, s.head if n == 0 else s.head_right) for n, h in
                                 enumerate(["Year", "Run budget", "Run actual", "Over / under",
                                            "Change budget", "Change actual", "Over / under"])]]
    marks: list[tuple[object, ...]] = []
    for r, y in enumerate(years, start=1):
        run_b, run_a = whole(y.budget_run_cents), whole(y.actual_run_cents)
        chg_b, chg_a = whole(y.budget_change_cents), whole(y.actual_change_cents)
        run_over = signed(run_a - run_b) if y.has_budget else DASH
        chg_over = signed(chg_a - chg_b) if y.has_budget else DASH
        rows.append([str(y.year), units(run_b) if y.has_budget else DASH, units(run_a), run_over,
                     units(chg_b) if y.has_budget else DASH, units(chg_a), chg_over])
        for column, over in ((3, run_a - run_b), (6, chg_a - chg_b)):
            if y.has_budget and over > 0:
                marks += [("TEXTCOLOR", (column, r), (column, r), WARN),
                          ("FONT", (column, r), (column, r), BOLD, 8)]
    return [
        s.m("Budget against actual spend", s.h2),
        s.m("Actual Run spend is the systems' run costs (no actuals are recorded for "
            "systems, so their plan stands) plus what Run initiatives really spent; actual "
            "Change spend is what Change initiatives really spent. Over (+) / under (−) is "
            "actual minus budget.", s.muted),
        table(rows, [w * 0.16] + [w * 0.14] * 6, right=range(1, 7), extra=marks),
    ]


def _explanations(ctx: Ctx, listed: list[tuple[Initiative, Tracking]]) -> list[Flowable]:
    s = ctx.styles
    out: list[Flowable] = [s.m("What happened, initiative by initiative", s.h2)]
    for initiative, t in listed:
        number = ctx.number(initiative)
        title = f"{number}. {initiative.name}" if number else initiative.name
        colour = ""
        if initiative.rag is not None:
            colour = f" — {rag_text(initiative.rag)}"
            if initiative.rag_reason.strip():
                colour += f": {para(initiative.rag_reason)}"
        out.append(s.m(f"<b>{para(title)}</b>{colour}", s.body))
        for line in tracking_sentences(initiative, t, ctx.currency, ctx.today):
            out.append(s.m(f"• {escape(line)}", s.small))
        for b in initiative.actual_benefits:
            if b.evidence.strip():
                out.append(s.m(f"• Evidence ({b.year}, {escape(units(whole(b.amount_cents)))} "
                               f"{escape(ctx.currency)}): {para(b.evidence)}", s.small))
        out.append(Spacer(1, 4))
    return out


def delivery(ctx: Ctx) -> Section:
    """The section, or nothing at all when the plan records no actuals."""
    if not has_actuals(ctx.plan):
        return Section([])
    s = ctx.styles
    through = tracking_year(ctx.plan)
    flow: list[Flowable] = [ctx.heading("Delivery and benefits")]
    to_date = (f"to the end of {through}, the last year with actual spend or benefits "
               "recorded" if through is not None else "with no actual money recorded yet")
    flow.append(s.m(
        f"What really happened, {to_date}, against the plan (likely scenario: the chosen "
        "option's costs and benefits in the calendar years they were planned). Variance is "
        "spent minus planned to date (+: more spent than planned by now). Forecast is the "
        "cost at completion: the owner's estimate where given, else actual to date plus the "
        f"remaining plan; over / under is forecast minus the planned TCO. Money in "
        f"{escape(ctx.currency)}.", s.muted))
    if through is not None:
        flow += [Spacer(1, 6), _chart(ctx, cumulative(ctx.plan), ctx.width, 190.0),
                 Spacer(1, 8)]
    listed = delivery_rows(ctx.plan)
    if listed:
        flow += _table(ctx, listed)
        flow.append(s.m("Status: the owner's colour (green on track, amber at risk, red in "
                        "trouble); “past due”: its planned end has passed and it has not "
                        "finished. Done: per cent complete as reported. Cost at completion: "
                        "the forecast total and its difference from the planned TCO.",
                        s.muted))
    flow += _years(ctx)
    flow += _explanations(ctx, listed)
    return Section(flow)
