"""The priority grid: the impact × feasibility board of ``analysis.board`` as a vector
drawing (regions shaded and labelled, cards as numbered dots coloured by portfolio and sized
by TCO, names beside them when they fit whole — never cut), then a key with every full name.
A board of more than ``LABELS_UP_TO`` cards draws its ``LABELS_UP_TO`` largest by TCO and
lists the others in a second table, so that the grid stays readable at any size."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer

from smbplanner.analysis.board import (
    FEASIBILITY_BANDS,
    IMPACT_BANDS,
    REGIONS,
    Board,
    BoardCard,
    layout_board,
    to_unit,
)
from smbplanner.domain.enums import InitiativeStatus, Portfolio, Quadrant, label
from smbplanner.domain.model import Initiative
from smbplanner.report.context import Ctx, Section
from smbplanner.report.styles import (
    MUTED,
    PORTFOLIO_COLOURS,
    QUADRANT_FILLS,
    QUADRANT_INK,
    RULE,
    Caption,
    drawing,
)
from smbplanner.report.tables import table
from smbplanner.report.text import BOLD, FONT, money, one_line

R_MIN, R_MAX = 6.5, 15.0
LABEL_W = 110.0  # points: a name on the board takes at most two lines this wide, or none
LABEL_SIZE = 6.5
LABELS_UP_TO = 40  # cards drawn; beyond that the largest are drawn, the rest listed
_REGION_TITLES = {
    Quadrant.QUICK_WIN: "QUICK WINS",
    Quadrant.STRATEGIC_BET: "STRATEGIC BETS",
    Quadrant.BACK_BURNER: "BACK BURNER",
}
Box = tuple[float, float, float, float]


def _radii(crowded: bool) -> tuple[float, float]:
    """Smallest and largest dot: smaller when the board holds many cards."""
    return (5.5, 9.0) if crowded else (R_MIN, R_MAX)


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _hits_dot(box: Box, x: float, y: float, r: float) -> bool:
    nearest_x = min(max(x, box[0]), box[2])
    nearest_y = min(max(y, box[1]), box[3])
    return (nearest_x - x) ** 2 + (nearest_y - y) ** 2 < (r + 0.5) ** 2


def label_lines(name: str, width: float = LABEL_W) -> list[str] | None:
    """The name in at most two lines of ``width`` points, broken between words; None when
    it does not fit whole (the number and the key name it instead)."""
    words = one_line(name).split()
    lines: list[str] = []
    for word in words:
        if lines and stringWidth(lines[-1] + " " + word, FONT, LABEL_SIZE) <= width:
            lines[-1] += " " + word
        elif stringWidth(word, FONT, LABEL_SIZE) <= width and len(lines) < 2:
            lines.append(word)
        else:
            return None
    return lines or None


def _labels(cards: list[tuple[BoardCard, float, float, float]], side: float, ox: float,
            oy: float, reserved: list[Box]) -> list[String]:
    """Names beside the dots where they fit whole without touching a dot, a region's title
    or another label."""
    taken: list[Box] = list(reserved)
    out: list[String] = []
    line_h = LABEL_SIZE + 1
    for card, x, y, r in cards:
        lines = label_lines(card.name)
        if lines is None:
            continue
        w = max(stringWidth(line, FONT, LABEL_SIZE) for line in lines)
        h = line_h * len(lines)
        spots = (  # left edge and baseline of the first line: right, left, above, below
            (x + r + 2, y - 2.3 + (h - line_h) / 2), (x - r - 2 - w, y - 2.3 + (h - line_h) / 2),
            (x - w / 2, y + r + 2 + h - line_h), (x - w / 2, y - r - 7.5),
        )
        for bx, by in spots:
            box = (bx - 1, by - 2 - (h - line_h), bx + w + 1, by + LABEL_SIZE)
            inside = ox <= box[0] and box[2] <= ox + side and oy <= box[1] and box[3] <= oy + side
            if (inside and not any(_overlaps(box, t) for t in taken)
                    and not any(_hits_dot(box, cx, cy, cr) for _, cx, cy, cr in cards)):
                taken.append(box)
                out += [String(bx, by - n * line_h, line, fontName=FONT, fontSize=LABEL_SIZE,
                               fillColor=colors.HexColor("#1f2a36"))
                        for n, line in enumerate(lines)]
                break
    return out


def _drawing(ctx: Ctx, board: Board, side: float, crowded: bool = False) -> Drawing:
    ox, oy = 44.0, 34.0
    d = drawing(ctx.width, side + oy + 10)
    titles: list[Box] = []
    for region in REGIONS:
        d.add(Rect(ox + region.x0 * side, oy + region.y0 * side, (region.x1 - region.x0) * side,
                   (region.y1 - region.y0) * side, fillColor=QUADRANT_FILLS[region.quadrant],
                   strokeColor=colors.white, strokeWidth=2))
        tx, ty = ox + region.x0 * side + 6, oy + region.y1 * side - 12
        title = _REGION_TITLES[region.quadrant]
        titles.append((tx, ty - 2, tx + stringWidth(title, BOLD, 7.5), ty + 8))
    for k in (1, 2):
        for line in ((ox + k * side / 3, oy, ox + k * side / 3, oy + side),
                     (ox, oy + k * side / 3, ox + side, oy + k * side / 3)):
            d.add(Line(*line, strokeColor=colors.white, strokeWidth=2))
    for score in (1, 2, 3, 4, 5):
        at = to_unit(score) * side
        d.add(String(ox + at, oy - 9, str(score), fontName=FONT, fontSize=6.5,
                     fillColor=MUTED, textAnchor="middle"))
        d.add(String(ox - 6, oy + at - 2, str(score), fontName=FONT, fontSize=6.5,
                     fillColor=MUTED, textAnchor="end"))
    for name, centre in FEASIBILITY_BANDS:
        d.add(String(ox + centre * side, oy - 20, name, fontName=BOLD, fontSize=7.5,
                     fillColor=MUTED, textAnchor="middle"))
    d.add(String(ox + side / 2, oy - 31, "Feasibility →", fontName=FONT, fontSize=7.5,
                 fillColor=MUTED, textAnchor="middle"))
    for name, centre in IMPACT_BANDS:
        g = Group(String(0, 0, name, fontName=BOLD, fontSize=7.5, fillColor=MUTED,
                         textAnchor="middle"))
        g.transform = (0, 1, -1, 0, ox - 16, oy + centre * side)
        d.add(g)
    g = Group(String(0, 0, "Impact →", fontName=FONT, fontSize=7.5, fillColor=MUTED,
                     textAnchor="middle"))
    g.transform = (0, 1, -1, 0, ox - 30, oy + side / 2)
    d.add(g)
    low, high = _radii(False)  # at most LABELS_UP_TO cards are drawn
    placed = [(c, ox + c.x * side, oy + c.y * side, low + (high - low) * c.size)
              for c in board.cards]
    for card, x, y, r in sorted(placed, key=lambda p: (-p[3], p[0].number)):
        d.add(Circle(x, y, r, fillColor=PORTFOLIO_COLOURS[card.portfolio], fillOpacity=0.88,
                     strokeColor=colors.white, strokeWidth=0.8))
        size = 6.5 if card.number < 100 else 5
        d.add(String(x, y - size * 0.36, str(card.number), fontName=BOLD, fontSize=size,
                     fillColor=colors.white, textAnchor="middle"))
    for region, (x0, y0, x1, y1) in zip(REGIONS, titles, strict=True):  # above the dots
        if crowded:
            d.add(Rect(x0 - 3, y0 - 1, x1 - x0 + 6, y1 - y0 + 1, fillColor=colors.white,
                       fillOpacity=0.85, strokeColor=None))
        d.add(String(x0, y0 + 2, _REGION_TITLES[region.quadrant], fontName=BOLD, fontSize=7.5,
                     fillColor=QUADRANT_INK[region.quadrant]))
    for s in _labels(placed, side, ox, oy, titles):
        d.add(s)
    return d


def _legend(ctx: Ctx) -> Drawing:
    d = drawing(ctx.width, 26)
    x = 44.0
    d.add(String(x, 2, "Dot area grows with the total cost of ownership; the number is the "
                 "priority rank (see the table).", fontName=FONT, fontSize=7.5, fillColor=MUTED))
    for portfolio in (Portfolio.RUN, Portfolio.CHANGE):
        d.add(Circle(x + 4, 17, 4, fillColor=PORTFOLIO_COLOURS[portfolio], strokeColor=None))
        text = f"{label(portfolio)}" + (" (core operations)" if portfolio == Portfolio.RUN
                                        else " (growth and innovation)")
        d.add(String(x + 12, 14, text, fontName=FONT, fontSize=7.5, fillColor=MUTED))
        x += 24 + stringWidth(text, FONT, 7.5)
    return d


def _drawn(ctx: Ctx) -> set[int] | None:
    """The initiatives drawn on a crowded board: the ``LABELS_UP_TO`` largest by TCO of the
    scored ones (None: every one is drawn)."""
    scored = [i for i in ctx.plan.initiatives if i.status != InitiativeStatus.CANCELLED
              and i.impact is not None and i.feasibility is not None]
    if len(scored) <= LABELS_UP_TO:
        return None

    def tco(i: Initiative) -> int:
        f = ctx.book.figures(i, ctx.scenario)
        return f.tco_cents if f else 0

    return {id(i) for i in sorted(scored, key=lambda i: -tco(i))[:LABELS_UP_TO]}


def _key(ctx: Ctx, cards: list[BoardCard], unscored: list[tuple[int, Initiative]]
         ) -> Flowable:
    s = ctx.styles
    rows: list[list[object]] = [
        ["#", "Initiative", "Impact", "Feasibility", "Category", f"TCO ({one_line(ctx.currency)})"]
    ]
    w = [ctx.width * x for x in (0.05, 0.45, 0.08, 0.12, 0.16, 0.14)]
    for card in cards:
        rows.append([str(card.number), s.c(card.name, w[1]), f"{card.impact:g}",
                     f"{card.feasibility:g}", label(card.quadrant), money(card.tco_cents)])
    for number, initiative in unscored:
        rows.append([str(number), s.c(initiative.name, w[1]), "—", "—", "Not yet scored", ""])
    return table(rows, w, right=(0, 2, 3, 5))


def _two_up(ctx: Ctx, cards: list[BoardCard], unscored: list[tuple[int, Initiative]]
            ) -> Flowable:
    """A long key two initiatives to a row (number, name, impact, feasibility)."""
    s = ctx.styles
    entries: list[list[object]] = []
    w = ctx.width
    name_w = w * 0.31
    for card in cards:
        entries.append([str(card.number), s.c(card.name, name_w), f"{card.impact:g}",
                        f"{card.feasibility:g}"])
    for number, initiative in unscored:
        entries.append([str(number), s.c(initiative.name, name_w), "—", "—"])
    head = ["#", "Initiative", "Impact", "Feasib."]
    rows: list[list[object]] = [head + head]
    for k in range(0, len(entries), 2):
        pair = entries[k: k + 2]
        rows.append(pair[0] + (pair[1] if len(pair) > 1 else ["", "", "", ""]))
    widths = [w * x for x in (0.05, 0.31, 0.07, 0.07)] * 2
    return table(rows, widths, right=(0, 2, 3, 4, 6, 7),
                 extra=[("LINEBEFORE", (4, 0), (4, -1), 0.8, RULE)])


def grid(ctx: Ctx) -> Section:
    s = ctx.styles
    flow: list[Flowable] = [ctx.heading("Priority grid")]
    side = min(ctx.width - 60, ctx.height - 375)
    low, high = _radii(False)
    drawn = _drawn(ctx)
    spread = low * 1.15 if drawn is None else high * 1.05  # the largest are drawn: big dots
    board = layout_board(ctx.plan, ctx.scenario, spacing=2 * spread / side,
                         figures=ctx.book.figures,
                         include=None if drawn is None else (lambda i: id(i) in drawn))
    everyone = board if drawn is None else layout_board(
        ctx.plan, ctx.scenario, spacing=0.04, figures=ctx.book.figures)
    if not everyone.cards and not everyone.unscored:
        return Section(flow + ctx.empty("No initiatives yet."), short=True)
    intro = ("Each initiative placed by its impact on the business (up) and how easy it is to "
             "deliver (right). Quick wins: high impact, medium or easy to deliver; strategic "
             "bets: high impact but hard; everything else waits on the back burner.")
    rest = [c for c in everyone.cards if drawn is not None and all(
        c.number != d.number for d in board.cards)]
    if rest:
        intro += (f" The {len(board.cards)} largest by total cost of ownership are drawn; "
                  f"the other {len(rest)} are listed below the key.")
    if everyone.unscored:  # said before the tables: a note after them may end up alone
        intro += (" Initiatives not yet scored are listed last and are not on the grid until "
                  "both scores are set.")
    flow.append(s.m(escape(intro), s.muted))
    flow += [Spacer(1, 6), _drawing(ctx, board, side, crowded=drawn is not None),
             _legend(ctx), Spacer(1, 8)]
    flow.append(_key(ctx, board.cards, everyone.unscored if not rest else []))
    if rest:
        flow += [Spacer(1, 8), Caption(f"Not drawn: the other {len(rest)} scored initiatives"),
                 s.m("Two to a row, in priority order; the category follows from the two "
                     "scores and each one's TCO is in the portfolio.", s.muted),
                 _two_up(ctx, rest, everyone.unscored)]
    return Section(flow)
