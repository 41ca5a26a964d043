"""Layout of the roadmap: quarter columns, one bar row per initiative, milestones, dependency
arrows and the split into pages. Pure, for every view that draws the roadmap.

Quarters are counted as ``year * 4 + quarter - 1`` (``Initiative.start_index``).

- Rows: every initiative that is not cancelled, ordered by start, then end, then plan order.
  A bar covers quarters ``start_index`` up to (not including) ``end_index``; a milestone sits
  in its quarter.
- Columns: whole calendar years, from the earlier of the plan's start year and the first
  start (or milestone) to the later of the plan's last year and the last end (or milestone).
- Pages (``paginate``): the years are cut into chunks of at most ``years_per_page``; each
  chunk shows only the rows with a bar or milestone in it, cut into pages of at most
  ``rows_per_page`` rows. A dependency is an arrow from the end of the prerequisite's bar to
  the start of the dependent's when both rows are on the page and both ends within its
  columns; otherwise the dependent's bar lists it as ``waits_for`` (if the dependent's start
  is on the page).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from smbplanner.domain.enums import InitiativeStatus
from smbplanner.domain.model import Initiative, Milestone, Plan


def quarter_index(year: int, quarter: int) -> int:
    return year * 4 + quarter - 1


def quarter_label(index: int) -> str:
    """``Q3 2027`` for a quarter index."""
    return f"Q{index % 4 + 1} {index // 4}"


@dataclass(frozen=True)
class Row:
    initiative: Initiative
    start: int  # quarter index of the first quarter
    end: int  # quarter index just after the last
    milestones: list[tuple[Milestone, int]] = field(default_factory=list)  # (milestone, quarter)

    @property
    def first(self) -> int:
        return min([self.start, *(q for _, q in self.milestones)])

    @property
    def last(self) -> int:
        """The quarter index just after the row's last bar quarter or milestone."""
        return max([self.end, *(q + 1 for _, q in self.milestones)])


@dataclass(frozen=True)
class Timeline:
    first_year: int
    last_year: int
    rows: list[Row]

    @property
    def first_quarter(self) -> int:
        return self.first_year * 4

    @property
    def end_quarter(self) -> int:
        """The quarter index just after the last column."""
        return (self.last_year + 1) * 4


def timeline(plan: Plan) -> Timeline:
    """The plan's roadmap rows and year range (see the module's docstring)."""
    active = [
        (n, i) for n, i in enumerate(plan.initiatives) if i.status != InitiativeStatus.CANCELLED
    ]
    active.sort(key=lambda p: (p[1].start_index, p[1].end_index, p[0]))
    rows = [
        Row(
            initiative=i,
            start=i.start_index,
            end=max(i.end_index, i.start_index + 1),
            milestones=[(m, quarter_index(m.year, m.quarter)) for m in i.milestones],
        )
        for _, i in active
    ]
    first_year = plan.business.start_year
    last_year = plan.business.end_year
    for row in rows:
        first_year = min(first_year, row.first // 4)
        last_year = max(last_year, (row.last - 1) // 4)
    return Timeline(first_year, last_year, rows)


@dataclass(frozen=True)
class Bar:
    """A row of one page; quarters are relative to the page's first column."""

    row: int
    initiative: Initiative
    start: int  # may be < 0 or > columns when the bar lies partly off the page
    end: int
    continues_left: bool
    continues_right: bool
    milestones: list[tuple[Milestone, int]]  # (milestone, relative quarter) on this page
    waits_for: list[Initiative]  # prerequisites not drawn as an arrow on this page

    @property
    def visible_start(self) -> int:
        return max(self.start, 0)


@dataclass(frozen=True)
class Arrow:
    """From the end of ``from_row``'s bar to the start of ``to_row``'s, in relative quarters."""

    from_row: int
    from_quarter: int
    to_row: int
    to_quarter: int


@dataclass(frozen=True)
class Page:
    first_year: int
    last_year: int
    bars: list[Bar]
    arrows: list[Arrow]

    @property
    def columns(self) -> int:
        return (self.last_year - self.first_year + 1) * 4


def _year_chunks(first: int, last: int, years_per_page: int) -> list[tuple[int, int]]:
    """Whole-year chunks of at most ``years_per_page``, as equal as possible."""
    years = last - first + 1
    pages = -(-years // years_per_page)
    size, extra = divmod(years, pages)
    chunks, start = [], first
    for k in range(pages):
        length = size + (1 if k < extra else 0)
        chunks.append((start, start + length - 1))
        start += length
    return chunks


def _page(
    rows: list[Row], first_year: int, last_year: int, everyone: dict[int, Row]
) -> Page:
    lo, hi = first_year * 4, (last_year + 1) * 4
    at = {id(r): n for n, r in enumerate(rows)}
    bars: list[Bar] = []
    arrows: list[Arrow] = []
    for n, row in enumerate(rows):
        waits: list[Initiative] = []
        starts_here = lo <= row.start < hi
        for dep_id in dict.fromkeys(row.initiative.depends_on):
            dep = everyone.get(dep_id)
            if dep is None or dep is row or not starts_here:
                continue
            if id(dep) in at and lo <= dep.end <= hi:
                arrows.append(Arrow(at[id(dep)], dep.end - lo, n, row.start - lo))
            else:
                waits.append(dep.initiative)
        bars.append(
            Bar(
                row=n,
                initiative=row.initiative,
                start=row.start - lo,
                end=row.end - lo,
                continues_left=row.start < lo,
                continues_right=row.end > hi,
                milestones=[(m, q - lo) for m, q in row.milestones if lo <= q < hi],
                waits_for=waits,
            )
        )
    return Page(first_year, last_year, bars, arrows)


def paginate(line: Timeline, rows_per_page: int, years_per_page: int) -> list[Page]:
    """The roadmap's pages (see the module's docstring)."""
    if rows_per_page < 1 or years_per_page < 1:
        raise ValueError("a page needs room for at least one row and one year")
    everyone = {r.initiative.id: r for r in line.rows if r.initiative.id is not None}
    pages: list[Page] = []
    for first_year, last_year in _year_chunks(line.first_year, line.last_year, years_per_page):
        lo, hi = first_year * 4, (last_year + 1) * 4
        shown = [
            r
            for r in line.rows
            if (r.start < hi and r.end > lo) or any(lo <= q < hi for _, q in r.milestones)
        ]
        for k in range(0, len(shown), rows_per_page):
            pages.append(_page(shown[k : k + rows_per_page], first_year, last_year, everyone))
        if not shown:
            pages.append(Page(first_year, last_year, [], []))
    return pages
