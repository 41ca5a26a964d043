"""The roadmap on landscape pages: quarter columns, a bar per initiative, milestones as
diamonds, dependency arrows, a "today" line; pages cut by ``analysis.timeline``; then the
milestones as a table."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak

from smbplanner.analysis.schedule import past_due
from smbplanner.analysis.timeline import Page, Timeline, paginate, quarter_label, timeline
from smbplanner.domain.enums import Portfolio, label
from smbplanner.report.context import Ctx, Section
from smbplanner.report.styles import HEAD_BG, MUTED, PORTFOLIO_COLOURS, RULE, WARN, ZEBRA, drawing
from smbplanner.report.tables import table
from smbplanner.report.text import BOLD, FONT, day, fit, one_line

LABEL_W = 230.0
ROW_H = 16.0  # points: the least a row gets; with few rows, up to ROW_MAX
ROW_MAX = 24.0
HEAD_H = 30.0
FOOT_H = 22.0
YEARS_PER_PAGE = 6
ALL_MILESTONES_UP_TO = 100  # bars; a larger roadmap lists only the coming milestones
NEXT_QUARTERS = 4
INK = colors.HexColor("#1f2a36")
MILESTONE = colors.HexColor("#1f2a36")


def _drawing(ctx: Ctx, page: Page, rows: int, rh: float, today: float | None) -> Drawing:
    width = ctx.land_width
    height = HEAD_H + rows * rh + FOOT_H
    d = drawing(width, height)
    qw = (width - LABEL_W) / page.columns
    top = height - HEAD_H

    def x(q: float) -> float:
        return LABEL_W + q * qw

    def y(row: int) -> float:
        return top - (row + 0.5) * rh

    for n in range(len(page.bars)):
        if n % 2:
            d.add(Rect(0, top - (n + 1) * rh, width, rh, fillColor=ZEBRA, strokeColor=None))
    for k, year in enumerate(range(page.first_year, page.last_year + 1)):
        d.add(Rect(x(4 * k), top, 4 * qw, 14, fillColor=HEAD_BG, strokeColor=colors.white))
        d.add(String(x(4 * k + 2), top + 4, str(year), fontName=BOLD, fontSize=8,
                     fillColor=INK, textAnchor="middle"))
        for q in range(4):
            d.add(String(x(4 * k + q + 0.5), top + 17, f"Q{q + 1}", fontName=FONT,
                         fontSize=6.5, fillColor=MUTED, textAnchor="middle"))
            colour, w = (RULE, 0.8) if q == 0 else (colors.HexColor("#e6eaee"), 0.4)
            d.add(Line(x(4 * k + q), top, x(4 * k + q), top - rows * rh,
                       strokeColor=colour, strokeWidth=w))
    d.add(Line(x(page.columns), top, x(page.columns), top - rows * rh, strokeColor=RULE,
               strokeWidth=0.8))
    if today is not None and 0 <= today <= page.columns:
        d.add(Line(x(today), top + 1, x(today), top - rows * rh, strokeColor=WARN,
                   strokeWidth=0.8, strokeDashArray=[2, 2]))
    for arrow in page.arrows:
        x1, y1, x2, y2 = x(arrow.from_quarter), y(arrow.from_row), x(arrow.to_quarter), \
            y(arrow.to_row)
        late = x2 < x1
        colour = WARN if late else colors.HexColor("#7d8790")
        bend = max(x1, x2 - 5) if not late else x2 - 5
        d.add(Line(x1, y1, bend, y1, strokeColor=colour, strokeWidth=0.6))
        d.add(Line(bend, y1, bend, y2, strokeColor=colour, strokeWidth=0.6))
        d.add(Line(bend, y2, x2 - 0.5, y2, strokeColor=colour, strokeWidth=0.6))
        d.add(Polygon([x2, y2, x2 - 3.5, y2 + 2, x2 - 3.5, y2 - 2], fillColor=colour,
                      strokeColor=None))
    for bar in page.bars:
        initiative = bar.initiative
        cy = y(bar.row)
        late = past_due(initiative, ctx.today)
        name = f"{ctx.number(initiative)}  {one_line(initiative.name)}".strip()
        text = fit(name, LABEL_W - (58 if late else 10), FONT, 7.5)
        if late:
            text += " · past due"
        d.add(String(4, cy - 2.5, text, fontName=FONT, fontSize=7.5,
                     fillColor=WARN if late else INK))
        x0, x1 = x(max(bar.start, 0)), x(min(bar.end, page.columns))
        if x1 > x0:
            d.add(Rect(x0 + 1, cy - 4.5, x1 - x0 - 2, 9, rx=2, ry=2,
                       fillColor=PORTFOLIO_COLOURS[initiative.portfolio],
                       strokeColor=WARN if late else None, strokeWidth=1.4))
        for flag, edge, sign in ((bar.continues_left, x0 + 1, 1), (bar.continues_right, x1 - 1,
                                                                     -1)):
            if flag:
                d.add(Polygon([edge, cy, edge + sign * 4, cy + 4.5, edge + sign * 4, cy - 4.5],
                              fillColor=colors.white, strokeColor=None))
        for _, q in bar.milestones:
            mx = x(q + 0.5)
            d.add(Polygon([mx, cy + 5.5, mx + 4, cy, mx, cy - 5.5, mx - 4, cy],
                          fillColor=MILESTONE, strokeColor=colors.white, strokeWidth=0.6))
        if bar.waits_for and not bar.continues_right:
            after = "after " + ", ".join(
                f"#{ctx.number(p)}" if ctx.number(p) else fit(one_line(p.name), 60, FONT, 6)
                for p in bar.waits_for
            )
            room = width - x1 - 4
            if room > 20:
                d.add(String(x1 + 3, cy - 2, fit(after, room, FONT, 6), fontName=FONT,
                             fontSize=6, fillColor=MUTED))
    _legend(d, 4.0, 4.0)
    return d


def _legend(d: Drawing, x: float, y: float) -> None:
    for portfolio in (Portfolio.RUN, Portfolio.CHANGE):
        d.add(Rect(x, y, 16, 7, rx=2, ry=2, fillColor=PORTFOLIO_COLOURS[portfolio],
                   strokeColor=None))
        text = label(portfolio)
        d.add(String(x + 20, y + 1, text, fontName=FONT, fontSize=7, fillColor=MUTED))
        x += 30 + stringWidth(text, FONT, 7)
    d.add(Polygon([x + 4, y + 8, x + 8, y + 3.5, x + 4, y - 1, x, y + 3.5], fillColor=MILESTONE,
                  strokeColor=None))
    d.add(String(x + 12, y + 1, "Milestone", fontName=FONT, fontSize=7, fillColor=MUTED))
    x += 60
    d.add(Line(x, y + 3.5, x + 14, y + 3.5, strokeColor=colors.HexColor("#7d8790")))
    d.add(Polygon([x + 17, y + 3.5, x + 13.5, y + 5.5, x + 13.5, y + 1.5],
                  fillColor=colors.HexColor("#7d8790"), strokeColor=None))
    d.add(String(x + 21, y + 1, "Depends on (red: starts before its prerequisite ends)",
                 fontName=FONT, fontSize=7, fillColor=MUTED))
    x += 210
    d.add(Line(x, y - 1, x, y + 8, strokeColor=WARN, strokeDashArray=[2, 2]))
    d.add(String(x + 4, y + 1, "Today", fontName=FONT, fontSize=7, fillColor=MUTED))


def roadmap(ctx: Ctx) -> Section:
    s = ctx.styles
    line = timeline(ctx.plan)
    heading = ctx.heading("Roadmap")
    if not line.rows:
        return Section([heading, *ctx.empty("No initiatives on the roadmap yet.")], short=True)
    intro = s.m(escape(
        "Each bar runs from the initiative's start quarter for its planned duration; "
        "the number is its priority rank. Cancelled initiatives are not shown. Bars outlined "
        f"in red are past due: planned to end before {day(ctx.today)} and not done."), s.muted)
    room = ctx.land_height - 75 - HEAD_H - FOOT_H
    pages = paginate(line, max(int(room // ROW_H), 1), YEARS_PER_PAGE)
    today = ctx.today.year * 4 + (ctx.today.month - 1) / 3
    flow: list[Flowable] = [heading, intro]
    for n, page in enumerate(pages):
        caption = f"{page.first_year}–{page.last_year}"
        if len(pages) > 1:
            caption += f" · page {n + 1} of {len(pages)}"
        if n:
            flow.append(PageBreak())
        flow.append(s.m(escape(caption), s.h3))
        rows = max(len(page.bars), 1)
        rh = min(ROW_MAX, room / rows)
        flow.append(_drawing(ctx, page, rows, rh, today - page.first_year * 4))
    flow += _milestones(ctx, line)
    return Section(flow, landscape=True)


def _milestones(ctx: Ctx, line: Timeline) -> list[Flowable]:
    """Every milestone in a table; in a roadmap of more than ``ALL_MILESTONES_UP_TO`` bars,
    those of the coming ``NEXT_QUARTERS`` quarters (the rest are diamonds on the bars)."""
    s = ctx.styles
    entries = sorted(
        ((q, n, row.initiative, m) for n, row in enumerate(line.rows) for m, q in row.milestones),
        key=lambda e: (e[0], e[1]),
    )
    if not entries:
        return []
    note = ""
    if len(line.rows) > ALL_MILESTONES_UP_TO:
        now = ctx.today.year * 4 + (ctx.today.month - 1) // 3
        soon = [e for e in entries if now <= e[0] < now + NEXT_QUARTERS]
        note = (f"The {len(soon)} milestones of the next {NEXT_QUARTERS} quarters "
                f"({quarter_label(now)} – {quarter_label(now + NEXT_QUARTERS - 1)}); the other "
                f"{len(entries) - len(soon)} are the diamonds on the roadmap's bars.")
        entries = soon
    rows: list[list[object]] = [["Quarter", "Initiative",
                                 "Milestone"]]
    w = [ctx.land_width * x for x in (0.1, 0.45, 0.45)]
    for q, _, initiative, milestone in entries:
        number = ctx.number(initiative)
        rows.append([quarter_label(q),
                     s.c(f"{number}. {initiative.name}" if number else initiative.name, w[1]),
                     s.c(milestone.name, w[2])])
    out: list[Flowable] = [PageBreak(), s.m("Milestones", s.h2)]
    if note:
        out.append(s.m(escape(note), s.muted))
    return out + ([table(rows, w)] if entries else [])
