"""``build_board_pack``: a domain Plan and ReportOptions in, the PDF's bytes out.

Each section starts on a new page (a short one, such as "No risks recorded yet.", may follow
the previous section on the same page); the roadmap has landscape pages. The output is
deterministic: the same plan and options give the same bytes (no creation date or random
document id; ``as_of`` fixes the date printed).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

from reportlab.platypus import CondPageBreak, Flowable, NextPageTemplate, PageBreak, Spacer

from smbplanner import __version__
from smbplanner.domain.model import Plan
from smbplanner.report.appendix import appendix
from smbplanner.report.budget import budget
from smbplanner.report.context import Ctx, Section
from smbplanner.report.current import current_state
from smbplanner.report.decision import decision_page
from smbplanner.report.delivery import delivery
from smbplanner.report.doc import COVER, LANDSCAPE, PORTRAIT, Chrome, PackDoc
from smbplanner.report.finance import finance
from smbplanner.report.front import contents_page, cover, summary
from smbplanner.report.governance import governance
from smbplanner.report.grid import grid
from smbplanner.report.initiatives import initiatives, proposals
from smbplanner.report.options import (
    SECTION_TITLES,
    ExportCancelled,
    Progress,
    ReportOptions,
)
from smbplanner.report.portfolio import portfolio
from smbplanner.report.risks import risks
from smbplanner.report.roadmap import roadmap
from smbplanner.report.strategy import goals, swot
from smbplanner.report.styles import Styles
from smbplanner.report.text import one_line, plain_line

BUILDERS: dict[str, Callable[[Ctx], Section]] = {
    "cover": cover,
    "decision": decision_page,
    "contents": contents_page,
    "summary": summary,
    "goals": goals,
    "swot": swot,
    "current": current_state,
    "grid": grid,
    "portfolio": portfolio,
    "roadmap": roadmap,
    "budget": budget,
    "finance": finance,
    "proposals": proposals,
    "initiatives": initiatives,
    "delivery": delivery,
    "risks": risks,
    "governance": governance,
    "appendix": appendix,
}


def _step(progress: Progress | None, step: int, steps: int, what: str) -> None:
    if progress is not None and progress(step, steps, what) is False:
        raise ExportCancelled("the export was cancelled")


def build_board_pack(
    plan: Plan, options: ReportOptions | None = None, progress: Progress | None = None
) -> bytes:
    """The board pack of ``plan`` as PDF bytes.

    ``progress(step, steps, what)`` is called before each section is prepared and after each
    page is laid out (several passes, for the contents' page numbers); returning False
    raises ExportCancelled. Raises ReportError for unusable options (unknown section, paper
    or scenario, an unreadable logo).
    """
    options = (options or ReportOptions()).checked()
    ctx = Ctx(plan, options, Styles(), options.as_of or date.today())
    steps = len(options.sections) + 1
    story: list[Flowable] = []
    first = previous = None
    for n, key in enumerate(options.sections):
        _step(progress, n, steps, f"Preparing {SECTION_TITLES[key].lower()}")
        section = BUILDERS[key](ctx)
        if not section.flowables:  # a section with nothing to say (delivery, no actuals)
            continue
        kind = COVER if key == "cover" else LANDSCAPE if section.landscape else PORTRAIT
        if previous is None:
            first = kind
        elif kind != previous or previous == COVER:
            story += [NextPageTemplate(kind), PageBreak()]
        elif section.short:
            story += [CondPageBreak(ctx.height * 0.3), Spacer(1, 18)]
        else:
            story.append(PageBreak())
        if kind == LANDSCAPE:
            story.append(NextPageTemplate(LANDSCAPE))
        story += section.flowables
        previous = kind
    b = plan.business
    title = f"IT strategy and roadmap {ctx.years_text}"
    buffer = io.BytesIO()
    doc = PackDoc(
        buffer,
        options.paper,
        Chrome(one_line(b.name), title, one_line(options.footer)),
        first or PORTRAIT,
        lambda page: _step(progress, steps - 1, steps, f"Laying out page {page}"),
        {
            "title": f"{plain_line(b.name)} — {title}",
            "author": plain_line(b.name),
            "subject": title,
            "creator": f"SMB Planner {__version__}",
        },
    )
    doc.build_bytes(story)
    _step(progress, steps, steps, "Done")
    return buffer.getvalue()
