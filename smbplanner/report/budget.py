"""Budget by year: planned Run and Change spend stacked against the budget (chart), then the
figures (table)."""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from smbplanner.analysis.budget import BudgetStatement, Shown
from smbplanner.analysis.budget_text import budget_headline, budget_sentence
from smbplanner.domain.enums import Portfolio
from smbplanner.domain.numbers import DASH, signed, units
from smbplanner.report.context import Ctx, Section
from smbplanner.report.styles import (
    ACCENT,
    HEAD_BG,
    MUTED,
    PADDING,
    PORTFOLIO_COLOURS,
    RULE,
    WARN,
    drawing,
)
from smbplanner.report.tables import table
from smbplanner.report.text import BOLD, FONT

INK = colors.HexColor("#1f2a36")
COLUMN = 0.095  # of the frame's width, for each of the nine figures of the table


def nice_step(top: float, ticks: int = 5) -> float:
    """A round step (1, 2, 2.5 or 5 × 10^k) giving about ``ticks`` gridlines up to ``top``."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10.0 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if m * power >= raw:
            return m * power
    return 10 * power


def short_amount(units: float) -> str:
    """Axis labels: 1,500,000 → "1.5m", 250,000 → "250k"."""
    if abs(units) >= 1_000_000:
        return f"{units / 1_000_000:g}m"
    if abs(units) >= 1_000:
        return f"{units / 1_000:g}k"
    return f"{units:g}"


def _chart(ctx: Ctx, statement: BudgetStatement, width: float, height: float) -> Drawing:
    years = statement.shown
    left, bottom, top_pad = 46.0, 30.0, 12.0
    plot_w, plot_h = width - left - 8, height - bottom - top_pad
    d = drawing(width, height)
    top_units = max([max(y.planned, y.budget) for y in years] + [0]) * 1.06
    step = nice_step(top_units)
    top = step * max(math.ceil(top_units / step), 1)

    def yy(value: int) -> float:
        return bottom + value / top * plot_h

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
    slot = plot_w / max(len(years), 1)
    bar = min(slot * 0.55, 46)
    for n, y in enumerate(years):
        cx = left + slot * (n + 0.5)
        run_top = yy(y.planned_run)
        d.add(Rect(cx - bar / 2, bottom, bar, run_top - bottom,
                   fillColor=PORTFOLIO_COLOURS[Portfolio.RUN], strokeColor=None))
        d.add(Rect(cx - bar / 2, run_top, bar, yy(y.planned_change) - bottom,
                   fillColor=PORTFOLIO_COLOURS[Portfolio.CHANGE], strokeColor=None))
        if y.has_budget:
            colour = WARN if y.is_over else INK
            d.add(Line(cx - bar / 2 - 5, yy(y.budget), cx + bar / 2 + 5,
                       yy(y.budget), strokeColor=colour, strokeWidth=2))
        d.add(String(cx, bottom - 11, str(y.year), fontName=BOLD if y.is_over else FONT,
                     fontSize=7.5, fillColor=INK, textAnchor="middle"))
    x = left
    for colour, text in ((PORTFOLIO_COLOURS[Portfolio.RUN], "Planned Run"),
                         (PORTFOLIO_COLOURS[Portfolio.CHANGE], "Planned Change")):
        d.add(Rect(x, 3, 9, 7, fillColor=colour, strokeColor=None))
        d.add(String(x + 13, 4, text, fontName=FONT, fontSize=7.5, fillColor=MUTED))
        x += 90
    d.add(Line(x, 6.5, x + 14, 6.5, strokeColor=INK, strokeWidth=2))
    d.add(String(x + 18, 4, "Budget (red: an envelope is over)", fontName=FONT,
                 fontSize=7.5, fillColor=MUTED))
    return d


def _cells(y: Shown) -> list[str]:
    """A row's printed figures: Run (budget, planned, over), Change (…), Total (…). The
    derived ones are computed from the printed parts (``analysis.rounding``)."""
    def budget(v: int) -> str:  # a total adds up every budget; a year may have none
        return units(v) if y.has_budget or not y.year else DASH

    def over(v: int | None) -> str:
        return DASH if v is None else signed(v)

    return [budget(y.budget_run), units(y.planned_run), over(y.over_run),
            budget(y.budget_change), units(y.planned_change), over(y.over_change),
            budget(y.budget), units(y.planned), over(y.over)]


def budget(ctx: Ctx) -> Section:
    s = ctx.styles
    statement = ctx.budget
    years = statement.shown
    flow: list[Flowable] = [ctx.heading("Budget by year")]
    if not statement.budgeted and not any(y.planned for y in years):
        return Section(flow + ctx.empty("No budget and no planned spend yet."), short=True)
    cur = escape(ctx.currency)
    flow.append(s.m(
        f"Planned spend per calendar year ({ctx.scenario_note}): each initiative's costs in "
        "the years they fall, as Run or Change by its portfolio (initiatives on hold or "
        "cancelled are left out), plus the annual run cost of the systems in service. "
        f"Money in {cur}. Over (+) / under (−) is planned minus budget, per envelope and for "
        "the year; a year is over budget when either envelope is over. “—”: no budget set "
        "for that year, so nothing is over or under.", s.muted))
    # amounts of a million or more do not fit ten columns across a portrait page at the
    # table's type size: the section turns landscape rather than shrink cells one by one
    room = ctx.width * COLUMN - PADDING
    wide = any(stringWidth(c, BOLD, 8) > room
               for y in [*years, statement.total, statement.budgeted_total] for c in _cells(y))
    w = ctx.land_width if wide else ctx.width
    flow += [Spacer(1, 6), _chart(ctx, statement, w, 150.0 if wide else 230.0),
             Spacer(1, 10)]
    groups = ["", "Run", "", "", "Change", "", "", "Total", "", ""]
    head = ["Budget", "Planned", "Over / under"] * 3
    rows: list[list[object]] = [
        [s.m(t, s.head_right) for t in groups],
        [s.m("Year", s.head), *(s.m(t, s.head_right) for t in head)],
    ]
    marks: list[tuple[object, ...]] = []
    totals = [("Total", statement.total)]
    if statement.budgeted and statement.unbudgeted:
        totals.append(("Budgeted years", statement.budgeted_total))
    body = [(str(y.year), y) for y in years] + totals
    for n, (name, y) in enumerate(body, start=2):
        for column, value in ((3, y.over_run), (6, y.over_change), (9, y.over)):
            if value is not None and value > 0:
                marks += [("TEXTCOLOR", (column, n), (column, n), WARN),
                          ("FONT", (column, n), (column, n), BOLD, 8)]
        rows.append([name, *_cells(y)])
    first = len(years) + 2
    flow.append(table(rows, [w * (1 - 9 * COLUMN)] + [w * COLUMN] * 9, header_rows=2,
                      right=range(1, 10), extra=[
        ("SPAN", (1, 0), (3, 0)), ("SPAN", (4, 0), (6, 0)), ("SPAN", (7, 0), (9, 0)),
        ("LINEBEFORE", (1, 0), (1, -1), 0.4, RULE), ("LINEBEFORE", (4, 0), (4, -1), 0.4, RULE),
        ("LINEBEFORE", (7, 0), (7, -1), 0.4, RULE),
        ("BACKGROUND", (0, first), (-1, -1), HEAD_BG),
        ("LINEABOVE", (0, first), (-1, first), 0.8, ACCENT),
        ("FONT", (0, first), (0, -1), BOLD, 8),
        *marks,
    ]))
    said = budget_sentence(statement)
    if said != budget_headline(statement):  # the summary's tile is short: the words in full
        flow.append(s.m(escape(said) + ".", s.small))
    if not ctx.plan.budget_years:
        flow.append(s.m("No budget has been set yet: enter one per year to compare.", s.muted))
    elif len(totals) > 1:
        flow.append(s.m("“Budgeted years” adds up the years that have a budget: only they "
                        "can be over or under.", s.muted))
    return Section(flow, landscape=wide)
