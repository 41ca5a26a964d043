"""Budget by year: planned Run and Change spend stacked against the budget (chart), then the
figures (table)."""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer

from smbplanner.analysis.budget import YearSpend
from smbplanner.domain.enums import Portfolio
from smbplanner.report.context import Ctx, Section
from smbplanner.report.styles import (
    ACCENT,
    HEAD_BG,
    MUTED,
    PORTFOLIO_COLOURS,
    RULE,
    WARN,
    drawing,
    table,
)
from smbplanner.report.text import BOLD, FONT, money

INK = colors.HexColor("#1f2a36")


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


def _chart(ctx: Ctx, years: list[YearSpend]) -> Drawing:
    width, height = ctx.width, 230.0
    left, bottom, top_pad = 46.0, 30.0, 12.0
    plot_w, plot_h = width - left - 8, height - bottom - top_pad
    d = drawing(width, height)
    top_units = max([max(y.planned_cents, y.budget_cents) for y in years] + [0]) / 100 * 1.06
    step = nice_step(top_units)
    top = step * max(math.ceil(top_units / step), 1)

    def yy(cents: int) -> float:
        return bottom + cents / 100 / top * plot_h

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
        run_top = yy(y.planned_run_cents)
        d.add(Rect(cx - bar / 2, bottom, bar, run_top - bottom,
                   fillColor=PORTFOLIO_COLOURS[Portfolio.RUN], strokeColor=None))
        d.add(Rect(cx - bar / 2, run_top, bar, yy(y.planned_change_cents) - bottom,
                   fillColor=PORTFOLIO_COLOURS[Portfolio.CHANGE], strokeColor=None))
        if y.budget_cents:
            colour = WARN if y.over_cents > 0 else INK
            d.add(Line(cx - bar / 2 - 5, yy(y.budget_cents), cx + bar / 2 + 5,
                       yy(y.budget_cents), strokeColor=colour, strokeWidth=2))
        d.add(String(cx, bottom - 11, str(y.year), fontName=BOLD if y.over_cents > 0 and
                     y.budget_cents else FONT, fontSize=7.5, fillColor=INK, textAnchor="middle"))
    x = left
    for colour, text in ((PORTFOLIO_COLOURS[Portfolio.RUN], "Planned Run"),
                         (PORTFOLIO_COLOURS[Portfolio.CHANGE], "Planned Change")):
        d.add(Rect(x, 3, 9, 7, fillColor=colour, strokeColor=None))
        d.add(String(x + 13, 4, text, fontName=FONT, fontSize=7.5, fillColor=MUTED))
        x += 90
    d.add(Line(x, 6.5, x + 14, 6.5, strokeColor=INK, strokeWidth=2))
    d.add(String(x + 18, 4, "Budget (red: planned spend is over it)", fontName=FONT,
                 fontSize=7.5, fillColor=MUTED))
    return d


def budget(ctx: Ctx) -> Section:
    s = ctx.styles
    fit = ctx.budget
    flow: list[Flowable] = [ctx.heading("Budget by year")]
    if not any(y.budget_cents or y.planned_cents for y in fit.years):
        return Section(flow + ctx.empty("No budget and no planned spend yet."), short=True)
    cur = escape(ctx.currency)
    flow.append(s.m(
        f"Planned spend per calendar year ({ctx.scenario_note}): each initiative's costs in "
        "the years they fall, as Run or Change by its portfolio (initiatives on hold or "
        "cancelled are left out), plus the annual run cost of the systems in service. "
        f"Money in {cur}.", s.muted))
    flow += [Spacer(1, 6), _chart(ctx, fit.years), Spacer(1, 10)]
    head = [s.m(t, s.head_right) for t in ("Budget Run", "Budget Change", "Budget",
                                            "Planned Run", "Planned Change", "Planned",
                                            "Over (+) / under (−)")]
    rows: list[list[object]] = [[s.m("Year", s.head), *head]]
    marks: list[tuple[object, ...]] = []
    for n, y in enumerate([*fit.years, fit.total], start=1):
        over = money(y.over_cents) if y.budget_cents else "no budget"
        if y.budget_cents and y.over_cents > 0:
            over = f"+{money(y.over_cents)}"
            marks += [("TEXTCOLOR", (7, n), (7, n), WARN), ("FONT", (7, n), (7, n), BOLD, 8)]
        rows.append([
            str(y.year) if y.year else "Total",
            *(money(v) for v in (
                y.budget_run_cents, y.budget_change_cents, y.budget_cents,
                y.planned_run_cents, y.planned_change_cents, y.planned_cents)),
            over,
        ])
    w = ctx.width
    flow.append(table(rows, [w * 0.09] + [w * 0.125] * 6 + [w * 0.16], right=range(1, 8),
                      extra=[
        ("BACKGROUND", (0, -1), (-1, -1), HEAD_BG),
        ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT),
        ("FONT", (0, -1), (0, -1), BOLD, 8),
        *marks,
    ]))
    if not ctx.plan.budget_years:
        flow.append(s.m("No budget has been set yet: enter one per year to compare.", s.muted))
    return Section(flow)
