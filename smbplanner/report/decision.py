"""The decision page, first after the cover: the resolution sought, the ask and what is
already approved by year, what the ask returns, its top risks and the cost of doing nothing.
Every figure and sentence comes from ``analysis.decision``; totals foot on printed rows."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer

from smbplanner.analysis.decision import Decision, FundingRow, return_sentence
from smbplanner.analysis.rounding import whole
from smbplanner.domain.enums import label
from smbplanner.domain.numbers import count, units
from smbplanner.report.context import Ctx, Section
from smbplanner.report.options import ASK_PAGES
from smbplanner.report.styles import ACCENT, HEAD_BG, WARN, Caption
from smbplanner.report.tables import table
from smbplanner.report.text import BOLD, DASH, one_line, para, years

#: Systems past their end of life named one by one (most critical first); the rest counted.
STALE_ROWS = 5
_TOTAL_ROW = [("BACKGROUND", (0, -1), (-1, -1), HEAD_BG),
              ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT),
              ("FONT", (0, -1), (-1, -1), BOLD, 8)]


def _criticality(word: str) -> str:
    """"business-critical", "high criticality" (not "critical criticality")."""
    return "business-critical" if word == "critical" else f"{word} criticality"


def _resolution(ctx: Ctx, d: Decision) -> Flowable:
    s = ctx.styles
    box = table([[s.m("<b>Resolution sought.</b> " + escape(d.resolution), s.lead)]],
                [ctx.width], header_rows=0, zebra=False, extra=[
                    ("BACKGROUND", (0, 0), (-1, -1), HEAD_BG),
                    ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
                    ("TOPPADDING", (0, 0), (-1, -1), 8), ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
                    ("LEFTPADDING", (0, 0), (-1, -1), 10)])
    return box


def _ask_table(ctx: Ctx, d: Decision) -> list[Flowable]:
    s, cur = ctx.styles, one_line(ctx.currency)
    figures = [(i, ctx.book.figures(i, ctx.scenario)) for i in d.asked]
    ranked = sorted(figures, key=lambda e: -(e[1].tco_cents if e[1] else 0))
    # the ones with a business case page by default; fewer when the cost by year takes two
    # halves (a plan of many years), so that the decision stays on one page
    shown = ranked[:ASK_PAGES if not _two_up(ctx, d) else ASK_ROWS_TWO_UP]
    rows: list[list[object]] = [["#", "Proposed initiative", "Start", "Portfolio", "TCO",
                                 "NPV", "Payback"]]
    w = ctx.width
    widths = [w * 0.05, w * 0.41, w * 0.1, w * 0.1, w * 0.12, w * 0.12, w * 0.1]
    tco_sum = npv_sum = 0
    for i, f in shown:
        tco, npv = (whole(f.tco_cents), whole(f.npv_cents)) if f else (0, 0)
        tco_sum, npv_sum = tco_sum + tco, npv_sum + npv
        rows.append([ctx.number(i), s.c(i.name, widths[1], 160),
                     f"Q{i.start_quarter} {i.start_year}", label(i.portfolio), units(tco),
                     units(npv), years(f.payback_years) if f else DASH])
    rest = ranked[len(shown):]
    if rest:
        tco = sum(whole(f.tco_cents) for _, f in rest if f)
        npv = sum(whole(f.npv_cents) for _, f in rest if f)
        tco_sum, npv_sum = tco_sum + tco, npv_sum + npv
        rows.append(["", s.m(f"{len(rest)} smaller proposed initiatives (listed under "
                             "Proposed initiatives)", s.cell), "", "", units(tco), units(npv),
                     ""])
    rows.append(["", f"The ask: {count(len(d.asked), 'initiative')}", "", "", units(tco_sum),
                 units(npv_sum), years(d.payback_years)])
    return [Caption(f"The ask ({ctx.scenario_note}, {cur}; largest first)"),
            table(rows, widths, right=(0, 4, 5, 6), extra=[*_TOTAL_ROW,
                                                           ("SPAN", (1, -1), (3, -1))])]


#: Above this many years the cost-by-year table is printed in two halves side by side.
TWO_UP_ABOVE = 8


#: The ask's rows listed when the cost by year is printed in two halves.
ASK_ROWS_TWO_UP = 6


def _two_up(ctx: Ctx, d: Decision) -> bool:
    return len(year_rows(d, ctx.plan.business.end_year)) > TWO_UP_ABOVE


def year_rows(d: Decision, end_year: int) -> list[tuple[str, int, int]]:
    """(year, approved, asked) in whole units, one row per year of the plan's horizon and
    before; the years after ``end_year`` together in one row ("2036–2041") whose amounts
    are the sums of those years' printed amounts, so the table foots as before."""
    rows = [(str(r.year), r.approved, r.asked) for r in d.rows if r.year <= end_year]
    later = [r for r in d.rows if r.year > end_year]
    if len(later) == 1:
        rows.append((str(later[0].year), later[0].approved, later[0].asked))
    elif later:
        rows.append((f"{later[0].year}–{later[-1].year}",
                     sum(r.approved for r in later), sum(r.asked for r in later)))
    return rows


def _year_table(ctx: Ctx, d: Decision) -> list[Flowable]:
    cur = one_line(ctx.currency)
    end_year = ctx.plan.business.end_year
    shown = year_rows(d, end_year)
    approved = sum(a for _, a, _ in shown)
    asked = sum(b for _, _, b in shown)
    lines = [[y, units(a), units(b) if b else DASH, units(a + b)] for y, a, b in shown]
    total = ["Total", units(approved), units(asked), units(approved + asked)]
    w = ctx.width
    later = sum(1 for r in d.rows if r.year > end_year) > 1
    words = (f" {shown[-1][0]}: the years after the plan's horizon ({end_year}), together."
             if later else "")
    note = ctx.styles.m(
        "Already approved: initiatives approved or in progress; asked now: proposed "
        "initiatives. Each initiative's whole-life cost (TCO) falls in the calendar years it "
        f"is paid; systems' run costs are in the budget section.{words}", ctx.styles.muted)
    caption = Caption(f"Cost by year: already approved and asked now ({ctx.scenario_note}, "
                      f"{cur})")
    if not _two_up(ctx, d):
        rows: list[list[object]] = [["Year", "Already approved", "Asked now", "Total"],
                                    *lines, total]
        return [caption, table(rows, [w * 0.16, w * 0.22, w * 0.22, w * 0.22],
                               right=(1, 2, 3), extra=_TOTAL_ROW), note]
    # two halves side by side: the left half's years, then the right's and the total
    cells = [*lines, total]
    half = (len(cells) + 1) // 2
    left, right = cells[:half], cells[half:]
    right += [["", "", "", ""]] * (half - len(right))
    head = ["Year", "Approved", "Asked now", "Total"]
    rows = [[*head, "", *head]] + [[*a, "", *b] for a, b in zip(left, right, strict=True)]
    last = len(right) - next(k for k, r in enumerate(reversed(right)) if r[0] == "Total") - 1
    at = last + 1  # the total's row in the table (after the header)
    extra = [("BACKGROUND", (5, at), (8, at), HEAD_BG),
             ("LINEABOVE", (5, at), (8, at), 0.8, ACCENT),
             ("FONT", (5, at), (8, at), BOLD, 8),
             ("BACKGROUND", (4, 0), (4, -1), colors.white)]
    col = [w * 0.115, w * 0.125, w * 0.125, w * 0.125]
    return [caption, table(rows, [*col, w * 0.02, *col], right=(1, 2, 3, 6, 7, 8),
                           extra=extra), note]


def funding_table(ctx: Ctx, rows_in: list[FundingRow], caption: str,
                  note: str = "") -> list[Flowable]:
    """Initiatives and their printed TCO by funding source, with a total that foots."""
    w = ctx.width
    rows: list[list[object]] = [["Paid by", "Initiatives", "TCO", "Share"]]
    total = sum(r.amount for r in rows_in)
    for r in rows_in:
        share = f"{r.amount / total * 100:.0f} %" if total > 0 else DASH
        rows.append([label(r.source), str(r.count), units(r.amount), share])
    rows.append(["Total", str(sum(r.count for r in rows_in)), units(total), ""])
    out: list[Flowable] = [Caption(caption),
                           table(rows, [w * 0.22, w * 0.16, w * 0.22, w * 0.12],
                                 right=(1, 2, 3), extra=_TOTAL_ROW)]
    if note:
        out.append(ctx.styles.m(escape(note), ctx.styles.muted))
    return out


def _risks(ctx: Ctx, d: Decision) -> list[Flowable]:
    s = ctx.styles
    if not d.asked_risks:
        return [Caption("Top risks of the ask"),
                *ctx.empty("No open risks are recorded for the proposed initiatives.")]
    w = ctx.width
    rows: list[list[object]] = [["Risk", "Initiative", "Score"]]
    for r in d.asked_risks:
        rows.append([s.c(r.risk.description, w * 0.5, 220), s.c(r.initiative_name, w * 0.38, 120),
                     f"{r.score} ({r.risk.likelihood}×{r.risk.impact})"])
    return [Caption("Top risks of the ask"),
            table(rows, [w * 0.5, w * 0.38, w * 0.12], right=(2,))]


def _do_nothing(ctx: Ctx, d: Decision) -> list[Flowable]:
    s, cur = ctx.styles, ctx.currency
    start = ctx.plan.business.start_year
    points: list[str] = []
    stale = d.stale_systems
    named = STALE_ROWS if not _two_up(ctx, d) else 3  # a plan of many years: fewer named
    for system in stale[:named]:
        points.append(
            f"<b>{para(system.name, 120)}</b> is past its end of life "
            f"({system.end_of_life_year}, before the plan starts in {start}); "
            f"{escape(_criticality(label(system.criticality).lower()))}, "
            f"{escape(units(whole(system.annual_run_cost_cents), cur))} a year to run.")
    if len(stale) > named:
        points.append(f"and {len(stale) - named} more systems past their end of life; "
                      f"the {len(stale)} together cost "
                      f"{escape(units(d.stale_run_cost, cur))} a year to run.")
    if d.asked and d.asked_benefits:
        points.append(f"The proposed initiatives' benefits, {escape(units(d.asked_benefits, cur))}"
                      " over their lives, would not come.")
    if d.open_high_risks:
        points.append(f"{len(d.open_high_risks)} open high or critical risks stay in the "
                      "register (see Risks).")
    if not points:
        text = ("No system is past its end of life and no high risk is open."
                if ctx.plan.systems else "No current systems are recorded, so the cost and "
                "risk of doing nothing are unknown.")
        return [Caption("If nothing is done"), *ctx.empty(text)]
    colour = WARN.hexval()[2:]
    return [KeepTogether([Caption("If nothing is done"), *[
        s.m(f"<font color='#{colour}'>•</font> {p}", s.small) for p in points]])]


OVERRUN_ROWS = 3


def _overruns(ctx: Ctx, d: Decision) -> list[Flowable]:
    """Approved work forecast to cost more than planned (in full in Delivery and benefits):
    one sentence, so that the page stays one page."""
    if not d.overruns:
        return []
    s, cur = ctx.styles, ctx.currency
    named = [f"<b>{para(initiative.name, 120)}</b> {escape(units(t.forecast, cur))} "
             f"(+{escape(units(t.overrun, cur))})" for initiative, t in d.overruns[:OVERRUN_ROWS]]
    more = d.overruns[OVERRUN_ROWS:]
    if more:
        named.append(f"{len(more)} more (+{escape(units(sum(t.overrun for _, t in more), cur))})")
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    colour = WARN.hexval()[2:]
    return [s.m(f"<font color='#{colour}'><b>Approved work running over</b></font> — forecast "
                f"cost at completion above plan: {listed}. See Delivery and benefits.",
                s.small)]


def decision_page(ctx: Ctx) -> Section:
    s = ctx.styles
    d = ctx.decision
    flow: list[Flowable] = [ctx.heading("Decision sought"), _resolution(ctx, d), Spacer(1, 8)]
    if d.asked:
        flow += _ask_table(ctx, d)
        flow.append(Spacer(1, 5))
        flow.append(s.m(escape(return_sentence(d, ctx.currency)), s.body))
        flow.append(Spacer(1, 4))
    if d.rows:
        flow += _year_table(ctx, d)
    if len(d.funding) > 1:  # one source is said in the resolution
        flow += funding_table(
            ctx, d.funding, f"How the ask is paid ({ctx.scenario_note}, "
            f"{one_line(ctx.currency)})", "Each proposed initiative's funding as the owner "
            "set it (cash unless a loan, lease, grant or other source is named); its whole "
            "TCO is counted under that source.")
    flow += _overruns(ctx, d)
    if d.asked:
        flow += _risks(ctx, d)
    flow += _do_nothing(ctx, d)
    return Section(flow)

