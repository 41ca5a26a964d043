"""The document: page templates (cover, portrait, landscape), header and footer with
"Page X of Y", the contents page, the PDF outline, and a deterministic build to bytes.

One layout pass: the canvas holds every page until the end, when the total and each
heading's page are known; it then draws the header and footer on every page and the
contents into the space that the contents flowable reserved. A heading's bookmark is
registered only then, as its page is written: reportlab points a bookmark at the page
being written when ``bookmarkPage`` is called, which for a held page would be page 1.
Each contents entry is one line (cut with an ellipsis), so the space it needs is known
before any page number is.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Table,
)
from reportlab.platypus.doctemplate import ActionFlowable, NullActionFlowable

from smbplanner.report.styles import DARK, MUTED, RULE, Para
from smbplanner.report.tables import LongTable
from smbplanner.report.text import BOLD, FONT, fit

PAPER_SIZES = {"a4": A4, "letter": LETTER}
MARGIN_X = 1.8 * cm
MARGIN_TOP = 2.1 * cm
MARGIN_BOTTOM = 1.9 * cm
COVER, PORTRAIT, LANDSCAPE = "cover", "portrait", "landscape"
KEEP_ROOM = 120  # points: a heading with less room below it starts the next page


@dataclass(frozen=True)
class Chrome:
    """What the header and footer say."""

    business: str
    title: str
    footer: str


def frame_size(paper: str, orientation: str) -> tuple[float, float]:
    """Width and height of the text frame on a page of this paper and orientation."""
    size = PAPER_SIZES[paper]
    width, height = landscape(size) if orientation == LANDSCAPE else size
    return width - 2 * MARGIN_X, height - MARGIN_TOP - MARGIN_BOTTOM


class _PackCanvas(Canvas):
    """Keeps each page until ``save`` so that the footer can say "Page X of Y"."""

    chrome = Chrome("", "", "")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict[str, Any]] = []
        self.page_kind = PORTRAIT
        self.heading_pages: dict[str, int] = {}
        #: Per page number: the bookmarks on it, (key, top of the heading in points).
        self.page_marks: dict[int, list[tuple[str, float]]] = {}
        self.contents_slots: list[tuple[int, float, float, float, list[TocEntry]]] = []

    def mark(self, key: str, top: float) -> None:
        """Bookmark ``key`` at height ``top`` of the current page (set when it is written)."""
        self.page_marks.setdefault(self._pageNumber, []).append((key, top))

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        slots: dict[int, list[tuple[float, float, float, list[TocEntry]]]] = {}
        for page, x, y, width, entries in self.contents_slots:
            slots.setdefault(page, []).append((x, y, width, entries))
        pages = self.heading_pages
        marks = self.page_marks
        links = self._annotationCount
        for state in self._held:
            self.__dict__.update(state)
            self._annotationCount = links  # link names must stay unique
            for key, top in marks.get(self._pageNumber, []):
                self.bookmarkPage(key, fit="XYZ", left=0, top=top)
            for x, y, width, entries in slots.get(self._pageNumber, []):
                self._draw_contents(x, y, width, entries, pages)
            links = self._annotationCount
            self._draw_chrome(total)
            super().showPage()
        super().save()

    def _draw_contents(
        self, x: float, top: float, width: float, entries: list[TocEntry], pages: dict[str, int]
    ) -> None:
        self.saveState()
        y = top
        for entry in entries:
            font, size, leading, indent = TOC_LEVELS[min(entry.level, 1)]
            y -= leading
            number = str(pages.get(entry.key, ""))
            colour = DARK if entry.level == 0 else MUTED
            self.setFont(font, size)
            self.setFillColor(colour)
            room = width - indent - self.stringWidth(number, font, size) - 30
            text = fit(entry.text, room, font, size)
            self.drawString(x + indent, y, text)
            start = x + indent + self.stringWidth(text, font, size) + 6
            end = x + width - self.stringWidth(number, font, size) - 6
            self.setFont(FONT, size)
            self.setFillColor(MUTED)
            dot = self.stringWidth(". ", FONT, size)
            if end - start > dot:
                self.drawRightString(end, y, ". " * int((end - start) // dot))
            self.setFont(font, size)
            self.setFillColor(colour)
            self.drawRightString(x + width, y, number)
            if number:
                self.linkRect("", entry.key, (x, y - 3, x + width, y + size), relative=0)
        self.restoreState()

    def _draw_chrome(self, total: int) -> None:
        width, height = self._pagesize
        chrome = self.chrome
        self.saveState()
        self.setStrokeColor(RULE)
        self.setLineWidth(0.5)
        self.setFillColor(MUTED)
        right = width - MARGIN_X
        if self.page_kind != COVER:
            y = height - MARGIN_TOP + 0.75 * cm
            self.line(MARGIN_X, y - 4, right, y - 4)
            self.setFont(FONT, 8)
            title_width = min(self.stringWidth(chrome.title, FONT, 8), (right - MARGIN_X) / 2)
            self.drawRightString(right, y, fit(chrome.title, title_width, FONT, 8))
            self.setFont(BOLD, 8)
            room = right - MARGIN_X - title_width - 20
            self.drawString(MARGIN_X, y, fit(chrome.business, room, BOLD, 8))
        y = MARGIN_BOTTOM - 0.95 * cm
        self.line(MARGIN_X, y + 10, right, y + 10)
        self.setFont(FONT, 8)
        page = f"Page {self._pageNumber} of {total}"
        self.drawRightString(right, y, page)
        room = right - MARGIN_X - self.stringWidth(page, FONT, 8) - 20
        self.drawString(MARGIN_X, y, fit(chrome.footer, room, FONT, 8))
        self.restoreState()


def _set_kind(kind: str) -> Callable[[Canvas, Any], None]:
    def on_page(canvas: Canvas, doc: Any) -> None:
        canvas.page_kind = kind

    return on_page


@dataclass(frozen=True)
class TocEntry:
    level: int  # 0 section, 1 sub-section
    text: str  # plain text, as drawn (right-to-left runs in display order)
    key: str  # the bookmark of its heading
    outline: str = ""  # plain text in logical order, for the PDF outline (else ``text``)


#: Per level: font, size, leading, indent.
TOC_LEVELS = ((BOLD, 10.5, 20.0, 0.0), (FONT, 8.5, 13.0, 16.0))


class Heading(Para):
    """A heading that becomes an entry of the contents and of the PDF outline."""

    def __init__(self, markup: str, style: Any, entry: TocEntry) -> None:
        super().__init__(markup, style)
        self.toc = entry


class Contents(Flowable):
    """Reserves the contents' lines (splitting across pages); the canvas draws them once
    every page number is known. ``entries`` may be filled after this is created."""

    def __init__(self, entries: list[TocEntry]) -> None:
        super().__init__()
        self.entries = entries

    def _heights(self) -> list[float]:
        return [TOC_LEVELS[min(e.level, 1)][2] for e in self.entries]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        return availWidth, sum(self._heights())

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        used, count = 0.0, 0
        for height in self._heights():
            if used + height > availHeight:
                break
            used += height
            count += 1
        if count == 0:
            return []
        return [Contents(self.entries[:count]), Contents(self.entries[count:])]

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        top = y + sum(self._heights())
        canvas.contents_slots.append(
            (canvas.getPageNumber(), x, top, self.width, list(self.entries))
        )


def _can_start(flowable: Flowable, width: float, room: float) -> bool:
    """Whether some of ``flowable`` fits in ``room``: for a table, its repeated header and
    first row (cheap: splitting a long table to find out lays all of it out)."""
    if isinstance(flowable, LongTable):
        return flowable.start_height(width) <= room
    if isinstance(flowable, Table):
        flowable.wrap(width, room)
        heights = flowable._rowHeights[: flowable.repeatRows + 1]
        return bool(sum(heights) <= room)
    parts = flowable.split(width, room)
    return bool(parts) and (
        not isinstance(parts[0], ActionFlowable) or isinstance(parts[0], NullActionFlowable)
    )


class _KeepWithNext(KeepTogether):
    """A heading kept with what follows. reportlab moves the whole group to the next page
    when it does not fit, leaving half a page empty before a long table; here the group
    stays when at least ``KEEP_ROOM`` points are left and what follows can start in them."""

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 (reportlab's names)
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        content = list(self._content)
        if self._H > aH >= KEEP_ROOM and len(content) >= 2:
            used = sum(
                f.wrap(aW, aH)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in content[:-1]
            )
            room = aH - used
            if room >= KEEP_ROOM / 2 and _can_start(content[-1], aW, room):
                return content
        return list(super().split(aW, aH))


class PackDoc(BaseDocTemplate):
    def __init__(
        self,
        buffer: io.BytesIO,
        paper: str,
        chrome: Chrome,
        first: str,
        on_page: Callable[[int], None],
        metadata: dict[str, str],
    ) -> None:
        size = PAPER_SIZES[paper]
        super().__init__(
            buffer,
            pagesize=size,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            invariant=1,
            initialFontName=FONT,  # else reportlab puts Helvetica (not embedded) in the file
            initialFontSize=8,
            **metadata,
        )
        self._on_page = on_page
        self.keepTogetherClass = _KeepWithNext
        templates = {}
        for kind in (COVER, PORTRAIT, LANDSCAPE):
            page = landscape(size) if kind == LANDSCAPE else size
            width, height = frame_size(paper, kind)
            frame = Frame(MARGIN_X, MARGIN_BOTTOM, width, height, id=f"{kind}-frame",
                          leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
            templates[kind] = PageTemplate(kind, [frame], onPage=_set_kind(kind), pagesize=page)
        order = [first] + [k for k in (COVER, PORTRAIT, LANDSCAPE) if k != first]
        self.addPageTemplates([templates[k] for k in order])
        self._canvas_class = type("PackCanvas", (_PackCanvas,), {"chrome": chrome})

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (reportlab's name)
        if isinstance(flowable, Heading):
            entry = flowable.toc
            frame = self.frame
            self.canv.mark(entry.key, frame._y + flowable.height + 12)
            self.canv.addOutlineEntry(entry.outline or entry.text, entry.key, level=entry.level,
                                      closed=True)
            self.canv.heading_pages[entry.key] = self.page

    def handle_pageEnd(self) -> None:  # noqa: N802 (reportlab's name)
        super().handle_pageEnd()
        self._on_page(self.page)

    def build_bytes(self, story: list[Flowable]) -> None:
        # Streams compressed without reportlab's ASCII85 wrapping (default on): smaller and
        # faster. A global setting in reportlab, so restored straight after.
        saved = rl_config.useA85
        rl_config.useA85 = 0
        try:
            self.build(story, canvasmaker=self._canvas_class)
        finally:
            rl_config.useA85 = saved
