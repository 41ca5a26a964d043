"""What every section builder gets (the plan, the options, styles, page sizes, the priority
numbers) and what it gives back (its flowables, and whether it needs landscape pages)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Spacer

from smbplanner.analysis.board import priority_numbers
from smbplanner.analysis.budget import BudgetStatement, budget_statement
from smbplanner.analysis.decision import Decision, asked_range, decision
from smbplanner.analysis.headlines import FigureBook
from smbplanner.analysis.uncertainty.cache import RangeCache
from smbplanner.domain.enums import Scenario, label
from smbplanner.domain.model import Initiative, Person, Plan
from smbplanner.report.doc import LANDSCAPE, PORTRAIT, Heading, TocEntry, frame_size
from smbplanner.report.options import ReportOptions
from smbplanner.report.styles import Styles
from smbplanner.report.text import one_line, para, plain_line


@dataclass
class Section:
    flowables: list[Flowable]
    landscape: bool = False
    short: bool = False  # little content: may share a page with the previous section


@dataclass
class Ctx:
    plan: Plan
    options: ReportOptions
    styles: Styles
    today: date
    numbers: dict[int, int] = field(default_factory=dict)
    book: FigureBook = field(init=False)
    ranges: RangeCache = field(init=False)
    _fit: BudgetStatement | None = None
    _decision: Decision | None = None
    _people: dict[int, Person] | None = None
    #: Every heading made so far, in story order: what the contents page lists.
    headings: list[TocEntry] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.numbers = priority_numbers(self.plan.initiatives)
        self.book = FigureBook(self.plan)  # each initiative's figures, computed once
        self.ranges = RangeCache()  # each initiative's NPV draws, made once

    @property
    def budget(self) -> BudgetStatement:
        """The budget statement in the pack's scenario (computed once)."""
        if self._fit is None:
            self._fit = budget_statement(self.plan, self.scenario)
        return self._fit

    @property
    def decision(self) -> Decision:
        """The decision sought (``analysis.decision``), computed once."""
        if self._decision is None:
            self._decision = decision(self.plan, self.scenario, cache=self.book.cache,
                                      ask_range=asked_range(self.plan, self.ranges))
        return self._decision

    @property
    def currency(self) -> str:
        return self.plan.business.currency

    @property
    def scenario(self) -> Scenario:
        return self.options.scenario

    @property
    def scenario_note(self) -> str:
        return f"{label(self.scenario).lower()} scenario"

    @property
    def width(self) -> float:
        return frame_size(self.options.paper, PORTRAIT)[0]

    @property
    def height(self) -> float:
        return frame_size(self.options.paper, PORTRAIT)[1]

    @property
    def land_width(self) -> float:
        return frame_size(self.options.paper, LANDSCAPE)[0]

    @property
    def land_height(self) -> float:
        return frame_size(self.options.paper, LANDSCAPE)[1]

    @property
    def years_text(self) -> str:
        b = self.plan.business
        return f"{b.start_year}–{b.end_year}"

    def person(self, person_id: int) -> Person | None:
        """The plan's person by id (a dict made once: the RACI of a large plan asks often)."""
        if self._people is None:
            self._people = {p.id: p for p in self.plan.people if p.id is not None}
        return self._people.get(person_id)

    def number(self, initiative: Initiative) -> str:
        """The initiative's priority number as text ("" without an id)."""
        n = self.numbers.get(initiative.id) if initiative.id is not None else None
        return "" if n is None else str(n)

    def heading(self, text: str, level: int = 0, *, user: bool = False, prefix: str = ""
                ) -> Heading:
        """A section (level 0) or sub-section (level 1) heading listed in the contents;
        ``prefix`` (the pack's own words, such as a priority number) goes before ``text``
        and stays on the left even when ``text`` reads right to left."""
        key = f"h{len(self.headings) + 1}"
        entry = TocEntry(level, prefix + one_line(text), key, prefix + plain_line(text))
        self.headings.append(entry)
        markup = escape(prefix) + (para(text) if user else escape(text))
        return Heading(markup, self.styles.h1 if level == 0 else self.styles.h2, entry)

    def empty(self, text: str) -> list[Flowable]:
        return [self.styles.m(escape(text), self.styles.muted), Spacer(1, 6)]
