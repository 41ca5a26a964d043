"""Risks: the heat map of open risks (impact across, likelihood up, as in the app) and the
register."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Group, Rect, String
from reportlab.lib import colors
from reportlab.platypus import Flowable, Spacer

from smbplanner.analysis.headlines import RankedRisk, risk_register
from smbplanner.analysis.risks import CRITICAL, HIGH, LOW, MEDIUM, active_risks, band, heat_map
from smbplanner.domain.enums import RiskStatus, label
from smbplanner.report.context import Ctx, Section
from smbplanner.report.styles import MUTED, drawing
from smbplanner.report.tables import table
from smbplanner.report.text import BOLD, FONT

CELL = 40.0
#: A longer register prints the open high and critical risks in full, the rest in short.
FULL_REGISTER_UP_TO = 200
LEVELS = (  # the bands of analysis.risks, most severe first: (band, fill, name)
    (CRITICAL, colors.HexColor("#e57368"), "Critical (20–25)"),
    (HIGH, colors.HexColor("#f2b366"), "High (10–16)"),
    (MEDIUM, colors.HexColor("#f5e08c"), "Medium (5–9)"),
    (LOW, colors.HexColor("#b9dfc1"), "Low (1–4)"),
)
FILLS = {name: fill for name, fill, _ in LEVELS}


def _heat_map(ctx: Ctx) -> Drawing:
    grid = heat_map(ctx.plan)
    cells = {(lk + 1, im + 1): n for lk, row in enumerate(grid) for im, n in enumerate(row)}
    left, bottom = 40.0, 34.0
    d = drawing(ctx.width, 5 * CELL + bottom + 8)
    ink = colors.HexColor("#1f2a36")
    for (likelihood, impact), count in cells.items():
        # as the app's heat map: impact across, likelihood up
        x, y = left + (impact - 1) * CELL, bottom + (likelihood - 1) * CELL
        d.add(Rect(x, y, CELL, CELL, fillColor=FILLS[band(likelihood * impact)],
                   strokeColor=colors.white, strokeWidth=1.5))
        if count:
            d.add(String(x + CELL / 2, y + CELL / 2 - 5, str(count), fontName=BOLD,
                         fontSize=13, fillColor=ink, textAnchor="middle"))
    for k in range(1, 6):
        d.add(String(left + (k - 0.5) * CELL, bottom - 11, str(k), fontName=FONT, fontSize=7.5,
                     fillColor=MUTED, textAnchor="middle"))
        d.add(String(left - 6, bottom + (k - 0.5) * CELL - 3, str(k), fontName=FONT,
                     fontSize=7.5, fillColor=MUTED, textAnchor="end"))
    d.add(String(left + 2.5 * CELL, bottom - 25, "Impact →", fontName=FONT, fontSize=8,
                 fillColor=MUTED, textAnchor="middle"))
    g = Group(String(0, 0, "Likelihood →", fontName=FONT, fontSize=8, fillColor=MUTED,
                     textAnchor="middle"))
    g.transform = (0, 1, -1, 0, left - 20, bottom + 2.5 * CELL)
    d.add(g)
    x = left + 5 * CELL + 30
    y = bottom + 5 * CELL - 14
    d.add(String(x, y + 4, "Score = likelihood × impact", fontName=BOLD, fontSize=8,
                 fillColor=ink))
    for _, fill, name in LEVELS:
        y -= 16
        d.add(Rect(x, y, 12, 10, fillColor=fill, strokeColor=None))
        d.add(String(x + 18, y + 2, name, fontName=FONT, fontSize=8, fillColor=ink))
    for n, line in enumerate(("The number in a cell is how many open risks it holds,",
                              "of initiatives that are not done or cancelled.")):
        d.add(String(x, y - 20 - 10 * n, line, fontName=FONT, fontSize=7.5, fillColor=MUTED))
    return d


def risks(ctx: Ctx) -> Section:
    s = ctx.styles
    register = risk_register(ctx.plan)
    flow: list[Flowable] = [ctx.heading("Risks")]
    if not register:
        return Section(flow + ctx.empty("No risks recorded yet."), short=True)
    open_count = sum(1 for e in register if e.risk.status == RiskStatus.OPEN)
    mapped = len(active_risks(ctx.plan))
    flow.append(s.m(f"The heat map holds the {mapped} open risks of initiatives still to "
                    f"finish; the register lists all {len(register)} risks of initiatives that "
                    f"are not cancelled ({open_count} open), highest score first.", s.muted))
    flow += [Spacer(1, 6), _heat_map(ctx), Spacer(1, 6), s.m("Risk register", s.h2)]
    full, short = register, []
    if len(register) > FULL_REGISTER_UP_TO:
        full = [e for e in register
                if e.risk.status == RiskStatus.OPEN and band(e.risk.score) in (HIGH, CRITICAL)]
        in_full = {id(e) for e in full}
        short = [e for e in register if id(e) not in in_full]
        flow.append(s.m(f"The {len(full)} open high and critical risks with their mitigation; "
                        f"the other {len(short)} in the short list after them.", s.muted))
    if full:
        flow.append(_full(ctx, full))
    if short:
        flow += [s.m("Other risks", s.h3), _short(ctx, short)]
    return Section(flow)


def _full(ctx: Ctx, register: list[RankedRisk]) -> Flowable:
    s = ctx.styles
    rows: list[list[object]] = [
        ["Risk", "Initiative", "Category", "Score", "Mitigation", "Owner", "Status"]
    ]
    w = [ctx.width * x for x in (0.20, 0.14, 0.16, 0.10, 0.20, 0.11, 0.09)]
    for entry in register:
        r = entry.risk
        rows.append([
            s.c(r.description, w[0], 500), s.c(_name(ctx, entry), w[1], 200), label(r.category),
            f"{r.score} ({r.likelihood}×{r.impact})", s.c(r.mitigation, w[4], 500),
            s.c(r.owner, w[5], 100), label(r.status),
        ])
    return table(rows, w)


def _short(ctx: Ctx, register: list[RankedRisk]) -> Flowable:
    s = ctx.styles
    rows: list[list[object]] = [["Risk", "Initiative", "Score", "Status"]]
    w = [ctx.width * x for x in (0.4, 0.38, 0.12, 0.1)]
    for entry in register:
        r = entry.risk
        rows.append([s.c(r.description, w[0], 300), s.c(_name(ctx, entry), w[1], 200),
                     f"{r.score} ({r.likelihood}×{r.impact})", label(r.status)])
    return table(rows, w)


def _name(ctx: Ctx, entry: RankedRisk) -> str:
    number = ctx.number(entry.initiative)
    return f"{number}. {entry.initiative.name}" if number else entry.initiative.name
