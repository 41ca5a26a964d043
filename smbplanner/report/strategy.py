"""Goals and KPIs (by balanced-scorecard perspective) and the SWOT with its IT questions."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from smbplanner.analysis.assessment import swot_board
from smbplanner.analysis.kpis import KpiStatus, bar_percent, scorecard
from smbplanner.domain.enums import SwotKind, label
from smbplanner.domain.model import Goal, SwotItem
from smbplanner.report.context import Ctx, Section
from smbplanner.report.styles import ACCENT, GOOD, HEAD_BG, RULE, WARN, drawing
from smbplanner.report.tables import table
from smbplanner.report.text import day, para, percent, upright
from smbplanner.report.text import number as num


def _bar(progress: float | None) -> Drawing:
    d = drawing(52, 7)
    d.add(Rect(0, 0, 52, 7, fillColor=HEAD_BG, strokeColor=None))
    share = bar_percent(progress)
    if share:
        colour = GOOD if share >= 100 else ACCENT
        d.add(Rect(0, 0, 52 * share / 100, 7, fillColor=colour, strokeColor=None))
    return d


def _goal_line(ctx: Ctx, goal: Goal) -> Flowable:
    s = ctx.styles
    facts = [f"weight {goal.weight} of 5"]
    if goal.target_date:
        facts.append(f"by {goal.target_date:%B %Y}")
    return s.m(f"{para(goal.title, 300)} <font size=8 color='#5f6b76'>"
               f"({escape(', '.join(facts))})</font>", s.h3)


def _kpi_rows(ctx: Ctx, statuses: list[KpiStatus]) -> Table:
    s = ctx.styles
    w = ctx.width
    rows: list[list[object]] = [[
        "KPI (business outcome)", "Baseline",
        "Target", "Latest actual",
        "Progress",
    ]]
    for status in statuses:
        kpi = status.kpi
        unit = f" {para(kpi.unit, 20)}" if kpi.unit.strip() else ""
        name = para(kpi.name, 300)
        if kpi.replaces_it_metric.strip():
            name += (f"<br/><font size=7 color='#5f6b76'>replaces the IT measure "
                     f"“{para(kpi.replaces_it_metric, 200)}”</font>")
        direction = "↑" if kpi.direction.value == "increase" else "↓"
        latest = "—"
        if status.latest is not None:
            latest = (f"{num(status.latest.value)}{unit}<br/><font size=7 color='#5f6b76'>"
                      f"{day(status.latest.date)}</font>")
        progress = [_bar(status.progress), s.m(percent(status.progress, 0), s.cell)]
        rows.append([
            s.m(f"{name}", s.cell),
            s.m(f"{num(kpi.baseline)}{unit}", s.cell_right),
            s.m(f"{direction} {num(kpi.target)}{unit}", s.cell_right),
            s.m(latest, s.cell_right),
            progress,
        ])
    return table(rows, [w * 0.42, w * 0.13, w * 0.13, w * 0.15, w * 0.17], right=(1, 2, 3))


def goals(ctx: Ctx) -> Section:
    s, plan = ctx.styles, ctx.plan
    flow: list[Flowable] = [ctx.heading("Goals and KPIs")]
    if not plan.goals:
        return Section(flow + ctx.empty("No business goals set yet."), short=True)
    flow.append(s.m(
        "Each goal is measured by business outcomes rather than IT activity. Progress runs "
        "from the baseline to the target in the KPI's direction (↑ higher is better, "
        "↓ lower is better). Where a KPI replaces an IT measure (such as server uptime), "
        "that measure is named under it: the board follows the outcome the business feels "
        "instead of the IT figure behind it.", s.muted))
    for card in scorecard(plan):
        if not card.goals:
            continue
        flow.append(s.m(escape(label(card.perspective)), s.h2))
        for goal_card in card.goals:
            block: list[Flowable] = [_goal_line(ctx, goal_card.goal)]
            if goal_card.goal.description.strip():
                block.append(s.p(goal_card.goal.description, s.small))
            if goal_card.kpis:
                block.append(Spacer(1, 3))
                block.append(_kpi_rows(ctx, goal_card.kpis))
            else:
                block += ctx.empty("No KPI measures this goal yet.")
            flow.append(KeepTogether(block))  # splits anyway when longer than a page
    return Section(flow)


_SWOT_TITLES = {
    SwotKind.STRENGTH: "Strengths",
    SwotKind.WEAKNESS: "Weaknesses",
    SwotKind.OPPORTUNITY: "Opportunities",
    SwotKind.THREAT: "Threats",
}
_SWOT_COLOURS = {
    SwotKind.STRENGTH: GOOD,
    SwotKind.WEAKNESS: WARN,
    SwotKind.OPPORTUNITY: ACCENT,
    SwotKind.THREAT: "#8a5a00",
}


def _items(
    ctx: Ctx, kind: SwotKind, items: list[SwotItem], limit: int | None
) -> list[Flowable]:
    s = ctx.styles
    colour = _SWOT_COLOURS[kind]
    out: list[Flowable] = [s.m(f"<font color='{colour}'>{_SWOT_TITLES[kind]}</font>", s.h3)]
    if not items:
        out.append(s.m("None recorded.", s.muted))
    for item in items:
        out.append(s.m(f"• {para(item.text, limit)}", s.small))
        if item.it_question.strip():
            question = f"IT question: {para(item.it_question, limit)}"
            out.append(s.m(question, s.muted) if upright(item.it_question)
                       else s.m(f"<i>{question}</i>", s.italic))
        out.append(Spacer(1, 3))
    return out


def swot(ctx: Ctx) -> Section:
    s, plan = ctx.styles, ctx.plan
    flow: list[Flowable] = [ctx.heading("SWOT analysis")]
    if not plan.swot:
        return Section(flow + ctx.empty("No SWOT items recorded yet."), short=True)
    flow.append(s.m("The business's strengths, weaknesses, opportunities and threats, each "
                    "with the question it asks of IT.", s.muted))
    flow.append(Spacer(1, 6))
    board = swot_board(plan.swot)
    half = ctx.width / 2
    grid = table(
        [[_items(ctx, SwotKind.STRENGTH, board[SwotKind.STRENGTH], 600),
          _items(ctx, SwotKind.WEAKNESS, board[SwotKind.WEAKNESS], 600)],
         [_items(ctx, SwotKind.OPPORTUNITY, board[SwotKind.OPPORTUNITY], 600),
          _items(ctx, SwotKind.THREAT, board[SwotKind.THREAT], 600)]],
        [half, half], header_rows=0, zebra=False,
        extra=[("GRID", (0, 0), (-1, -1), 0.6, RULE), ("TOPPADDING", (0, 0), (-1, -1), 6),
               ("LEFTPADDING", (0, 0), (-1, -1), 8), ("RIGHTPADDING", (0, 0), (-1, -1), 8)],
    )
    _, height = grid.wrap(ctx.width, ctx.height)
    if height <= ctx.height - 80:
        return Section([*flow, grid])
    for kind in SwotKind:  # too long for one page: one list after another
        flow += _items(ctx, kind, board[kind], None)
    return Section(flow)
