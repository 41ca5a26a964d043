"""One page per funded initiative: facts, description, goals served, figures in the three
scenarios, options compared, TCO by category and year, risks and RACI."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from smbplanner.analysis.board import priority_order
from smbplanner.analysis.decision import budget_of
from smbplanner.analysis.figures import Figures, option_figures
from smbplanner.analysis.flow_notes import flow_warning
from smbplanner.analysis.governance import initiative_raci_problems
from smbplanner.analysis.headlines import funded_initiatives
from smbplanner.analysis.quadrant import initiative_quadrant
from smbplanner.analysis.rounding import whole
from smbplanner.analysis.tco_table import tco_table
from smbplanner.analysis.timeline import quarter_label
from smbplanner.domain.enums import RaciRole, Scenario, label
from smbplanner.domain.model import Initiative
from smbplanner.domain.numbers import count, units
from smbplanner.report.context import Ctx, Section
from smbplanner.report.options import ASK_PAGES
from smbplanner.report.portfolio import STATUS_TYPE, name_cell, status_cell
from smbplanner.report.styles import ACCENT, HEAD_BG, WARN, Caption
from smbplanner.report.tables import table
from smbplanner.report.text import BOLD, DASH, money, one_line, para, percent, rate, years

YEARS_PER_TABLE = 8
MUTED_HEX = "#5f6b76"
KEEP_RISKS_WITH_RACI = 12  # table rows; a longer risk table may split, its RACI after it
LIST_LIMIT = 10  # goals, milestones and prerequisites listed on a page; the rest are counted
_CONTRIBUTION = {1: "some", 2: "moderate", 3: "strong"}
_ROLE = {RaciRole.RESPONSIBLE: "Responsible", RaciRole.ACCOUNTABLE: "Accountable",
         RaciRole.CONSULTED: "Consulted", RaciRole.INFORMED: "Informed"}



def _are(n: int) -> str:
    """"1 initiative is", "3 initiatives are"."""
    return f"{count(n, 'initiative')} {'is' if n == 1 else 'are'}"

def _facts(ctx: Ctx, i: Initiative) -> Flowable:
    s = ctx.styles
    quadrant = label(initiative_quadrant(i))
    if i.impact is not None and i.feasibility is not None:
        quadrant += f" (impact {i.impact:g}, feasibility {i.feasibility:g})"
    n = i.duration_quarters
    first, last = quarter_label(i.start_index), quarter_label(i.end_index - 1)
    schedule = (f"{first} ({n} quarter)" if first == last
                else f"{first} – {last} ({n} quarters)")
    deps = [d for d in map(ctx.plan.initiative, dict.fromkeys(i.depends_on)) if d is not None]
    after = "; ".join(" ".join(d.name.split()) for d in deps[:LIST_LIMIT]) or DASH
    if len(deps) > LIST_LIMIT:
        after += f"; and {len(deps) - LIST_LIMIT} more"
    w = ctx.width
    value = w * 0.36
    pairs: list[tuple[str, object]] = [
        ("Status", label(i.status)), ("Portfolio", label(i.portfolio)),
        ("Category", s.c(quadrant, value)), ("Schedule", s.c(schedule, value)),
        ("Owner", s.c(i.owner or DASH, value, 120)), ("Depends on", s.c(after, value, 1500)),
        ("Budget", budget_of(i)), ("Paid by", label(i.funding)),
    ]
    rows = [[a, av, b, bv] for (a, av), (b, bv) in zip(pairs[::2], pairs[1::2], strict=True)]
    return table(rows, [w * 0.14, value, w * 0.14, value], header_rows=0, zebra=False,
                 extra=[("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
                        ("BACKGROUND", (2, 0), (2, -1), HEAD_BG),
                        ("FONT", (0, 0), (0, -1), BOLD, 8), ("FONT", (2, 0), (2, -1), BOLD, 8)])


def _scenarios(ctx: Ctx, figures: dict[Scenario, Figures | None]) -> list[Flowable]:
    head = ["TCO", "TCO (PV)", "Benefits", "NPV", "IRR", "ROI", "Payback"]
    rows: list[list[object]] = [["Scenario", *head]]
    for scenario, f in figures.items():
        if f is None:
            return []
        name = label(scenario)
        rows.append([name, money(f.tco_cents), money(f.tco_pv_cents), money(f.benefits_cents),
                     money(f.npv_cents), rate(f.irr, bound=f.irr_bound), percent(f.roi_pct, 0),
                     years(f.payback_years)])
    w = ctx.width
    chosen = [n for n, sc in enumerate(Scenario, start=1) if sc == ctx.scenario]
    out: list[Flowable] = [
        Caption(f"Figures in three scenarios ({one_line(ctx.currency)}; in bold the one "
                "used throughout this pack)"),
        table(rows, [w * 0.23] + [w * 0.11] * 7, right=range(1, 8),
              extra=[("FONT", (0, n), (-1, n), BOLD, 8) for n in chosen])]
    shown = figures[ctx.scenario]
    warning = shown and flow_warning(shown)
    if warning:
        out.append(ctx.styles.m(escape(warning), ctx.styles.muted))
    return out


def _how_sure(ctx: Ctx, i: Initiative) -> list[Flowable]:
    """The NPV's range over 10,000 draws and the chance it pays, as the app's Figures tab says
    them (``analysis.uncertainty``)."""
    from smbplanner.analysis.uncertainty.ranges import initiative_range
    from smbplanner.analysis.uncertainty.words import chance_sentence

    found = initiative_range(i, ctx.plan.business, cache=ctx.ranges)
    if found is None:
        return []
    cur = one_line(ctx.currency)
    text = (f"<b>How sure.</b> With each cost and benefit line varied between its optimistic "
            f"and pessimistic factor ({found.draws:,} draws), the NPV is "
            f"{money(found.p10_cents)} or more in 9 of 10 outcomes and {money(found.p90_cents)} "
            f"or less in 9 of 10; the middle outcome is {money(found.p50_cents)} {cur}. "
            f"{chance_sentence(found.p_positive)}")
    return [Spacer(1, 4), ctx.styles.m(text, ctx.styles.small), Spacer(1, 2)]


def _options(ctx: Ctx, i: Initiative, shown: Figures | None) -> list[Flowable]:
    s = ctx.styles
    if not i.options:
        return [Caption("Options compared"), *ctx.empty("No options entered yet.")]
    chosen = i.chosen_option
    rows: list[list[object]] = [["Option", "Life", "TCO", "Benefits", "NPV", "IRR", "Payback"]]
    for option in i.options:
        f = shown if option is chosen and shown else option_figures(
            option, ctx.plan.business, ctx.scenario)
        name = para(option.name, 200)
        if option is chosen:
            name = f"<b>{name}</b> ✓ chosen"
        if option.description.strip():
            name += f"<br/><font size=7 color='#5f6b76'>{para(option.description, 400)}</font>"
        rows.append([s.m(name, s.cell), f"{option.life_years} yrs", money(f.tco_cents),
                     money(f.benefits_cents), money(f.npv_cents), rate(f.irr, bound=f.irr_bound),
                     years(f.payback_years)])
    w = ctx.width
    return [Caption(f"Options compared ({ctx.scenario_note}, {one_line(ctx.currency)})"),
            table(rows, [w * 0.4] + [w * 0.1] * 6, right=range(1, 7))]


def _tco(ctx: Ctx, i: Initiative) -> list[Flowable]:
    """TCO by category and year in the pack's scenario; the cells are allocated so that they
    add up to the TCO printed above (``analysis.tco_table``)."""
    option = i.chosen_option
    if option is None or not option.costs:
        return []
    shown = tco_table(option, ctx.plan.business, ctx.scenario)
    out: list[Flowable] = [Caption(f"Total cost of ownership by category and year "
                                   f"({ctx.scenario_note}, {one_line(ctx.currency)})")]
    life = option.life_years
    for first in range(0, life, YEARS_PER_TABLE):
        span = range(first, min(first + YEARS_PER_TABLE, life))
        last = span[-1] == life - 1
        head = [str(i.start_year + t) for t in span]
        rows: list[list[object]] = [["Category", *head,
                                     *(["Total"] if last else [])]]
        for category, values in shown.cells.items():
            rows.append([label(category), *(units(values[t]) if values[t] else DASH
                                            for t in span),
                         *([units(shown.row_total(category))] if last else [])])
        rows.append(["Total", *(units(shown.years[t]) for t in span),
                     *([units(shown.total)] if last else [])])
        w = ctx.width
        columns = len(span) + (1 if last else 0)
        other = (w * 0.76) / max(columns, 1)
        out.append(table(rows, [w * 0.24] + [min(other, w * 0.12)] * columns,
                         right=range(1, columns + 1), extra=[
            ("BACKGROUND", (0, -1), (-1, -1), HEAD_BG), ("LINEABOVE", (0, -1), (-1, -1), 0.8,
                                                         ACCENT),
            ("FONT", (0, -1), (-1, -1), BOLD, 8)]))
        out.append(Spacer(1, 4))
    return out


def _risks_and_raci(ctx: Ctx, i: Initiative) -> list[Flowable]:
    s = ctx.styles
    w = ctx.width
    out: list[Flowable] = []
    risk_rows = 0
    if i.risks:
        rows: list[list[object]] = [["Risk", "Score (L × I)", "Mitigation", "Owner", "Status"]]
        widths = [w * 0.3, w * 0.14, w * 0.32, w * 0.14, w * 0.1]
        for r in sorted(i.risks, key=lambda r: -r.score):
            rows.append([s.c(r.description, widths[0], 500),
                         f"{r.likelihood} × {r.impact} = {r.score}",
                         s.c(r.mitigation, widths[2], 500), s.c(r.owner, widths[3], 100),
                         label(r.status)])
        out += [Caption("Risks"), table(rows, widths)]
        risk_rows = len(rows)
    raci = [(ctx.plan.person(e.person_id), e.role) for e in i.raci]
    problems = initiative_raci_problems(ctx.plan, i)
    if raci or problems:
        block: list[Flowable] = [Caption("Who does what (RACI)")]
        text = "; ".join(f"<b>{e.value}</b> {para(p.name, 80)} ({escape(_ROLE[e])})"
                         for p, e in raci if p is not None)
        if text:
            block.append(s.m(text, s.small))
        block += [s.m(f"<font color='#b03a2e'>{para(m)}</font>", s.small) for m in problems]
        if out and risk_rows <= KEEP_RISKS_WITH_RACI:
            # the risks go with the RACI: a page never holds the RACI's lines alone
            return [KeepTogether([*out, *block])]
        out.append(KeepTogether(block))
    return out


def _page(ctx: Ctx, i: Initiative) -> list[Flowable]:
    s = ctx.styles
    number = ctx.number(i)
    heading = ctx.heading(i.name, 1, user=True, prefix=f"{number}. " if number else "")
    flow: list[Flowable] = [heading, _facts(ctx, i), Spacer(1, 6)]
    if i.description.strip():
        flow.append(s.p(i.description, s.body))
    flow.append(_goals_and_milestones(ctx, i))
    figures = {sc: ctx.book.figures(i, sc) for sc in Scenario}
    flow += _scenarios(ctx, figures) + _how_sure(ctx, i) + _options(ctx, i, figures[ctx.scenario])
    flow += _tco(ctx, i) + _risks_and_raci(ctx, i)
    return flow


def _goals_and_milestones(ctx: Ctx, i: Initiative) -> Flowable:
    s = ctx.styles
    goals = [(ctx.plan.goal(link.goal_id), link.contribution) for link in i.goals]
    served = [
        f"• {para(g.title, 200)} ({_CONTRIBUTION.get(c, str(c))} contribution)"
        for g, c in goals[:LIST_LIMIT] if g is not None
    ] or [f"<font color='{MUTED_HEX}'>Serves no business goal: ask why it is in the plan.</font>"]
    if len(goals) > LIST_LIMIT:
        served.append(f"and {len(goals) - LIST_LIMIT} more")
    ordered = sorted(i.milestones, key=lambda m: (m.year, m.quarter))
    milestones = [
        f"• {quarter_label(m.year * 4 + m.quarter - 1)}: {para(m.name, 150)}"
        for m in ordered[:LIST_LIMIT]
    ] or [f"<font color='{MUTED_HEX}'>None set.</font>"]
    if len(ordered) > LIST_LIMIT:
        milestones.append(f"and {len(ordered) - LIST_LIMIT} more (see the roadmap)")
    half = ctx.width / 2
    return table([[Caption("Goals served"), Caption("Milestones")],
                  [s.m("<br/>".join(served), s.small), s.m("<br/>".join(milestones), s.small)]],
                 [half, half], header_rows=0, zebra=False,
                 extra=[("LEFTPADDING", (0, 0), (0, -1), 0), ("LINEBELOW", (0, -1), (-1, -1), 0,
                                                              "white")])


def _table(ctx: Ctx, items: list[Initiative], caption: str) -> list[Flowable]:
    """One row per initiative (no page of its own) and a total that foots."""
    w = ctx.width
    widths = [w * x for x in (0.05, 0.29, 0.12, 0.09, 0.09, 0.1, 0.1, 0.08, 0.08)]
    rows: list[list[object]] = [["#", "Initiative", "Status", "Start", "Portfolio", "TCO",
                                 "NPV", "IRR", "Payback"]]
    red: list[tuple[object, ...]] = []
    tco = npv = 0
    for i in items:
        f = ctx.book.figures(i, ctx.scenario)
        shown = (whole(f.tco_cents), whole(f.npv_cents)) if f else (0, 0)
        tco, npv = tco + shown[0], npv + shown[1]
        status, late = status_cell(ctx, i)
        if late:
            red.append(("TEXTCOLOR", (2, len(rows)), (2, len(rows)), WARN))
        rows.append([ctx.number(i), name_cell(ctx, i, widths[1]), status,
                     f"Q{i.start_quarter} {i.start_year}", label(i.portfolio),
                     units(shown[0]), units(shown[1]),
                     rate(f.irr, bound=f.irr_bound) if f else DASH,
                     years(f.payback_years) if f else DASH])
    rows.append(["", f"Total of {len(items)}", "", "", "", units(tco), units(npv), "", ""])
    return [Caption(f"{caption} ({ctx.scenario_note}, {one_line(ctx.currency)})"),
            table(rows, widths, right=(0, 5, 6, 7, 8), extra=[
                *STATUS_TYPE, *red,
                ("BACKGROUND", (0, -1), (-1, -1), HEAD_BG),
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT),
                ("FONT", (0, -1), (-1, -1), BOLD, 8), ("SPAN", (1, -1), (4, -1))])]


def _pages(ctx: Ctx, items: list[Initiative]) -> list[Flowable]:
    flow: list[Flowable] = []
    for n, initiative in enumerate(items):
        flow += [PageBreak()] if n else []
        flow += _page(ctx, initiative)
    return flow


def _largest(ctx: Ctx, items: list[Initiative]) -> list[Initiative]:
    def tco(i: Initiative) -> int:
        f = ctx.book.figures(i, ctx.scenario)
        return f.tco_cents if f else 0

    return sorted(items, key=lambda i: -tco(i))


def _paged(ctx: Ctx, items: list[Initiative]) -> tuple[list[Initiative], list[Initiative]]:
    """Those of ``items`` with a page of their own and the others, both in priority order
    (``ReportOptions.detail`` and ``detail_statuses``)."""
    detail = ctx.options.detail
    allowed = [i for i in items if i.status in ctx.options.detail_statuses]
    chosen = [] if detail == "none" else allowed if detail == "all" else _largest(
        ctx, allowed)[:ASK_PAGES]
    ids = {id(i) for i in chosen}
    wanted = {id(i) for i in items}
    ordered = [i for i in priority_order(ctx.plan.initiatives) if id(i) in wanted]
    return [i for i in ordered if id(i) in ids], [i for i in ordered if id(i) not in ids]


def _why_tables(ctx: Ctx, paged: list[Initiative], rest: list[Initiative]) -> str:
    if not rest:
        return "Each has its business case on a page of its own, in priority order."
    if not paged:
        return "They are listed in the table below (no page of their own in this export)."
    largest = "largest by cost " if ctx.options.detail == "ask" else ""
    return (f"The {len(paged)} {largest}have a page each, in priority order; the other "
            f"{len(rest)} are in the table below (export with detail “all” for a page each).")


def proposals(ctx: Ctx) -> Section:
    """The business case of each proposed initiative (the ask): a page each, in priority
    order; with ``detail="ask"`` only the ``ASK_PAGES`` largest, the rest in a table."""
    s = ctx.styles
    asked = ctx.decision.asked
    flow: list[Flowable] = [ctx.heading("Proposed initiatives")]
    if not asked:
        return Section(flow + ctx.empty("No initiative is proposed: nothing new is asked."),
                       short=True)
    ordered, rest = _paged(ctx, asked)
    intro = (f"{len(asked)} initiatives are proposed: the ask of the decision page. "
             if len(asked) > 1 else "One initiative is proposed: the ask of the decision page. ")
    flow.append(s.m(escape(intro + _why_tables(ctx, ordered, rest)), s.muted))
    if rest:
        flow += _table(ctx, rest, "Proposed initiatives without a page of their own")
        if ordered:
            flow.append(PageBreak())
    return Section(flow + _pages(ctx, ordered))


def initiatives(ctx: Ctx) -> Section:
    """A page for each funded initiative (approved, in progress or done); with
    ``detail="ask"`` only the ``ASK_PAGES`` largest, the rest in a table."""
    s = ctx.styles
    funded = funded_initiatives(ctx.plan)
    flow: list[Flowable] = [ctx.heading("Funded initiatives")]
    if not funded:
        return Section(flow + ctx.empty("No initiative is approved, in progress or done yet."),
                       short=True)
    ordered, rest = _paged(ctx, funded)
    flow.append(s.m(escape(f"{_are(len(funded))} approved, in progress or done. "
                           + _why_tables(ctx, ordered, rest)), s.muted))
    if rest:
        flow += _table(ctx, rest, "Funded initiatives without a page of their own")
        if ordered:
            flow.append(PageBreak())
    return Section(flow + _pages(ctx, ordered))
