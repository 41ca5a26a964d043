"""The front of the pack: cover, contents and the one-page executive summary."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Line, Rect
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer

from smbplanner import __version__
from smbplanner.analysis.board import priority_order
from smbplanner.analysis.budget_text import budget_headline
from smbplanner.analysis.completeness import missing_parts
from smbplanner.analysis.headlines import plan_totals, quadrant_counts
from smbplanner.analysis.quadrant import initiative_quadrant
from smbplanner.analysis.risks import top_risks
from smbplanner.domain.enums import InitiativeStatus, Quadrant, label
from smbplanner.domain.numbers import units
from smbplanner.report.context import Ctx, Section
from smbplanner.report.doc import Contents
from smbplanner.report.options import ReportError
from smbplanner.report.styles import ACCENT, HEAD_BG, RULE, WARN, drawing
from smbplanner.report.tables import table
from smbplanner.report.text import day, para

WARN_HEX = "#" + WARN.hexval()[2:]


def _logo(ctx: Ctx) -> list[Flowable]:
    path = ctx.options.logo_path
    if path is None:
        return []
    try:
        reader = ImageReader(str(path))
        w, h = reader.getSize()
    except Exception:
        raise ReportError(f"{path}: the logo is not an image reportlab can read "
                          "(use PNG or JPEG)") from None
    if w <= 0 or h <= 0:
        raise ReportError(f"{path}: the logo image is empty")
    scale = min(6 * cm / w, 3 * cm / h)
    image = Image(str(path), width=w * scale, height=h * scale, hAlign="LEFT")
    return [image, Spacer(1, 1.2 * cm)]


def cover(ctx: Ctx) -> Section:
    s, b = ctx.styles, ctx.plan.business
    rule = drawing(ctx.width, 4)
    rule.add(Rect(0, 0, 70, 4, fillColor=ACCENT, strokeColor=None))
    rule.add(Line(70, 2, ctx.width, 2, strokeColor=RULE, strokeWidth=0.6))
    flow: list[Flowable] = [Spacer(1, 2.5 * cm), *_logo(ctx)]
    missing = missing_parts(ctx.plan)
    kicker = "BOARD PACK"
    if missing:
        kicker += f" · <font color='{WARN_HEX}'>DRAFT — INCOMPLETE</font>"
    flow += [
        s.m(kicker, s.kicker),
        Spacer(1, 8),
        s.p(b.name, s.title, limit=160),
        Spacer(1, 10),
        s.m(f"IT strategy and roadmap {ctx.years_text}", s.subtitle),
        Spacer(1, 0.8 * cm),
        rule,
        Spacer(1, 0.8 * cm),
    ]
    facts = []
    if b.industry.strip():
        facts.append(para(b.industry, limit=300))
    if b.employees:
        facts.append(f"{b.employees:,} employees")
    facts.append(f"Figures in {escape(b.currency)}, {ctx.scenario_note}")
    flow += [s.m(f, s.lead) for f in facts]
    if missing:
        what = "one part is" if len(missing) == 1 else f"{len(missing)} parts are"
        flow += [Spacer(1, 0.6 * cm), s.m(
            f"<font color='{WARN_HEX}'><b>Draft — incomplete.</b></font> {what} missing "
            "before the board can decide on this plan; the open points in the appendix "
            "list them.", s.body)]
    return Section([*flow, Spacer(1, 1.2 * cm), *_document_control(ctx, bool(missing))])


def _document_control(ctx: Ctx, draft: bool) -> list[Flowable]:
    """Version, date, status and who prepared the pack."""
    s, b = ctx.styles, ctx.plan.business
    status = ("Draft — incomplete" if draft else "For decision" if ctx.decision.asked
              else "For information")
    w = ctx.width
    rows: list[list[object]] = [
        ["Version", f"{ctx.today:%Y-%m-%d}, made with SMB Planner {__version__}"],
        ["Date", day(ctx.today)],
        ["Status", status],
        ["Prepared by", s.c(b.prepared_by or "Not named yet", w * 0.6, 200)],
    ]
    return [s.m("Document control", s.h3),
            table(rows, [w * 0.2, w * 0.6], header_rows=0, zebra=False,
                  extra=[("BACKGROUND", (0, 0), (0, -1), HEAD_BG)])]


def contents_page(ctx: Ctx) -> Section:
    return Section([ctx.styles.m("Contents", ctx.styles.h1), Spacer(1, 6),
                    Contents(ctx.headings)])


def _tile(ctx: Ctx, value: str, caption: str) -> list[Flowable]:
    s = ctx.styles
    return [s.m(value, s.big), s.m(caption, s.muted)]


def _budget_text(ctx: Ctx) -> str:
    if not ctx.budget.budgeted:
        return "No budget set yet"
    return budget_headline(ctx.budget)


#: What a headline tile says while the plan has nothing to count, and the step to take.
NOT_PLANNED = "Not yet planned"


def _not_planned(ctx: Ctx, caption: str, step: str) -> list[Flowable]:
    s = ctx.styles
    return [s.m(NOT_PLANNED, s.big_text), s.m(f"{caption} — {step}", s.muted)]


def summary(ctx: Ctx) -> Section:
    s, plan = ctx.styles, ctx.plan
    b = plan.business
    flow: list[Flowable] = [ctx.heading("Executive summary")]
    if b.it_vision.strip():
        flow += [s.m("<b>IT vision.</b> " + para(b.it_vision), s.body), Spacer(1, 4)]
    if b.it_mission.strip():
        flow += [s.m("<b>IT mission.</b> " + para(b.it_mission), s.body), Spacer(1, 4)]
    if not (b.it_vision.strip() or b.it_mission.strip()):
        flow += ctx.empty("No IT vision or mission written yet.")
    flow.append(s.m("Business goals", s.h3))
    if plan.goals:
        for goal in plan.goals:
            flow.append(s.m(f"• {para(goal.title, 200)} "
                            f"<font color='#5f6b76'>({escape(label(goal.perspective))})</font>",
                            s.small))
    else:
        flow += ctx.empty("No goals set yet.")
    totals = plan_totals(plan, ctx.scenario, ctx.book)
    counts = quadrant_counts(plan)
    cur = ctx.currency
    npv_caption = f"Net present value at {b.discount_rate_bp / 100:g} %"
    if totals.initiatives:  # something to count
        tiles = [
            _tile(ctx, units(totals.tco, cur), "Total cost of ownership"),
            _tile(ctx, units(totals.benefits, cur), "Total benefits"),
            _tile(ctx, units(totals.npv, cur), npv_caption),
            _tile(ctx, str(counts[Quadrant.QUICK_WIN]), "Quick wins"),
            _tile(ctx, str(counts[Quadrant.STRATEGIC_BET]), "Strategic bets"),
        ]
    else:  # an empty plan says what is missing, never a clean-looking zero
        step = "add initiatives and their costs in Prioritise"
        tiles = [_not_planned(ctx, "Total cost of ownership", step),
                 _not_planned(ctx, "Total benefits", step),
                 _not_planned(ctx, npv_caption, step),
                 _not_planned(ctx, "Quick wins", "score initiatives in Prioritise"),
                 _not_planned(ctx, "Strategic bets", "score initiatives in Prioritise")]
    budget_caption = ("Budget fit" if ctx.budget.budgeted
                      else "Budget fit — set a budget per year in Measure")
    tiles.append([s.m(escape(_budget_text(ctx)), s.big_text), s.m(budget_caption, s.muted)])
    w = ctx.width / 3
    grid = table([tiles[:3], tiles[3:]], [w] * 3, header_rows=0, zebra=False, extra=[
        ("BACKGROUND", (0, 0), (-1, -1), HEAD_BG),
        ("LINEABOVE", (0, 0), (-1, 0), 2, ACCENT),
        ("INNERGRID", (0, 0), (-1, -1), 3, "white"),
        ("TOPPADDING", (0, 0), (-1, -1), 7),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
    ])
    note = (f"{totals.initiatives} counted initiatives (on hold and cancelled left out, as in "
            f"the budget), {ctx.scenario_note}; lifetime figures of each initiative's chosen "
            "option." if totals.initiatives else "The headline numbers appear once the plan "
            "has initiatives (not on hold or cancelled) with their costs and benefits.")
    flow += [s.m("Headline numbers", s.h3), grid, s.m(escape(note), s.muted)]
    flow += _names(ctx, Quadrant.QUICK_WIN, "Quick wins")
    flow += _names(ctx, Quadrant.STRATEGIC_BET, "Strategic bets")
    flow += _risks(ctx)
    return Section(flow, short=not plan.initiatives and not plan.goals)


def _names(ctx: Ctx, quadrant: Quadrant, title: str) -> list[Flowable]:
    s = ctx.styles
    chosen = [
        i for i in priority_order(ctx.plan.initiatives)
        if i.status != InitiativeStatus.CANCELLED and initiative_quadrant(i) == quadrant
    ]
    if not chosen:
        return []
    shown = chosen[:8]
    text = "; ".join(f"{ctx.number(i)}. {para(i.name, 90)}" for i in shown)
    if len(chosen) > len(shown):
        text += f"; and {len(chosen) - len(shown)} more (see the portfolio)"
    return [KeepTogether([s.m(title, s.h3), s.m(text, s.small)])]


def _risks(ctx: Ctx) -> list[Flowable]:
    s = ctx.styles
    risks = top_risks(ctx.plan, 3)
    if not risks:
        return []
    rows: list[list[object]] = [["Top risks", "Initiative",
                                 "Score"]]
    for entry in risks:
        rows.append([
            s.p(entry.risk.description, s.cell, limit=220),
            s.p(entry.initiative_name, s.cell, limit=120),
            s.m(f"{entry.risk.score} ({entry.risk.likelihood}×{entry.risk.impact})",
                s.cell_right),
        ])
    w = ctx.width
    return [Spacer(1, 8), table(rows, [w * 0.55, w * 0.3, w * 0.15], right=(2,),
                                extra=[("LINEBELOW", (0, 1), (-1, -2), 0.3, RULE)])]
