"""The pack's tables: ``table`` (its style, cells shrunk to fit their column), ``PackTable``
(reportlab's Table drawing plain-string cells in one text object) and ``LongTable`` (a long
table laid out once and cut page by page). Colours and cell sizes come from ``styles``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus.tables import CellStyle

from smbplanner.report.styles import (
    ACCENT,
    DARK,
    HEAD_BG,
    MIN_SIZE,
    PADDING,
    RULE,
    ZEBRA,
    text_width,
)
from smbplanner.report.text import BOLD, FONT


def _lines(text: str, room: float, size: float) -> str:
    """``text`` broken after commas or spaces into lines that fit ``room`` (a number is
    never cut short)."""
    parts = [p for p in re.split(r"(?<=[, ])", text) if p]
    lines = [""]
    for part in parts:
        if lines[-1] and stringWidth(lines[-1] + part, BOLD, size) > room:
            lines.append("")
        lines[-1] += part
    return "\n".join(line.strip() for line in lines)


def _shrink_to_fit(
    rows: list[list[Any]], widths: Sequence[float], header_rows: int
) -> list[tuple[Any, ...]]:
    """Smaller type for plain cells (numbers) too wide for their column, so that nothing runs
    into the next cell; below MIN_SIZE points they break after a comma instead."""
    commands: list[tuple[Any, ...]] = []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if not isinstance(cell, str) or not cell or "\n" in cell:
                continue
            room = widths[c] - PADDING
            need = text_width(cell, bold=r < header_rows)
            if need > room:
                size = max(8 * room / need, MIN_SIZE)
                commands += [("FONTSIZE", (c, r), (c, r), size),
                             ("LEADING", (c, r), (c, r), size + 2)]
                if size == MIN_SIZE:
                    row[c] = _lines(cell, room, size)
    return commands


class _Cell(CellStyle):
    """The pack's cell defaults (what would otherwise be seven style commands applied to
    every cell of every table, one cell at a time)."""

    fontname = FONT
    fontsize = 8
    leading = 10
    color = DARK
    valign = "TOP"
    leftPadding = 4  # noqa: N815 (reportlab's names)
    rightPadding = 4  # noqa: N815
    topPadding = 3  # noqa: N815
    bottomPadding = 3  # noqa: N815
    name = "pack cell"  # reportlab names each cell's style; nothing reads the name

    def __init__(self) -> None:  # one per cell of every table: as cheap as an object
        pass


class PackTable(Table):
    """A Table that lays itself out once per width: it is measured when kept with its
    heading, again by the frame and again before it splits, always at the same width."""

    _wrapped_at: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self._wrapped_at != availWidth:
            self._calc(availWidth, availHeight)
            self._wrapped_at = availWidth
        self.availWidth = availWidth
        return self._width, self._height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        self._wrapped_at = None
        return list(super().split(availWidth, availHeight))

    # Plain-string cells (numbers, dates, short names: most cells of a long table) are drawn
    # in one text object per table instead of one each (reportlab's drawString makes a text
    # object, its state and its code for every cell: a third of drawing 654 pages). The
    # same text at the same places in the same fonts and colours; paragraphs, multi-line
    # strings and cells with links or a direction still go through reportlab.
    _batch: Any = None
    _batch_font: tuple[str, float, float] | None = None
    _batch_colour: Any = None

    def draw(self) -> None:
        self._batch = None
        super().draw()

    def _drawCell(self, cellval: Any, cellstyle: Any, pos: Any, size: Any) -> None:  # noqa: N802
        if (type(cellval) is not str or "\n" in cellval or cellstyle.href
                or cellstyle.destination or cellstyle.direction or cellstyle.shaping
                or cellstyle.alignment not in _ALIGNED or cellstyle.valign not in _VALIGNED):
            self._flush()  # the content keeps the cells' order (text extraction, copying)
            super()._drawCell(cellval, cellstyle, pos, size)
            return
        if not cellval:
            return
        colpos, rowpos = pos
        colwidth, rowheight = size
        font, fontsize = cellstyle.fontname, cellstyle.fontsize
        just = cellstyle.alignment
        if just == "LEFT":
            x = colpos + cellstyle.leftPadding
        else:
            width = stringWidth(cellval, font, fontsize)
            if just == "RIGHT":
                x = colpos + colwidth - cellstyle.rightPadding - width
            else:
                x = colpos + (colwidth + cellstyle.leftPadding - cellstyle.rightPadding) * 0.5 \
                    - 0.5 * width
        valign = cellstyle.valign
        if valign == "TOP":
            y = rowpos + rowheight - cellstyle.topPadding - fontsize
        elif valign == "BOTTOM":
            y = rowpos + cellstyle.bottomPadding + cellstyle.leading - fontsize
        else:
            y = rowpos + (cellstyle.bottomPadding + rowheight - cellstyle.topPadding
                          + cellstyle.leading) / 2.0 - fontsize
        batch = self._batch
        if batch is None:
            batch = self._batch = self.canv.beginText()
            self._batch_font = self._batch_colour = None
        key = (font, fontsize, cellstyle.leading)
        if key != self._batch_font:
            batch.setFont(*key)
            self._batch_font = key
        if cellstyle.color != self._batch_colour:
            batch.setFillColor(cellstyle.color)
            self._batch_colour = cellstyle.color
        batch.setTextOrigin(x, y)
        batch.textLine(cellval)

    def _flush(self) -> None:
        if self._batch is not None:
            self.canv.saveState()  # the batch's colours stay inside it
            self.canv.drawText(self._batch)
            self.canv.restoreState()
            self._batch = None

    def _drawLines(self) -> None:  # noqa: N802 (the strings go before the rules, as before)
        self._flush()
        super()._drawLines()


_ALIGNED = frozenset({"LEFT", "RIGHT", "CENTRE", "CENTER"})
_VALIGNED = frozenset({"TOP", "BOTTOM", "MIDDLE"})


def table(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    header_rows: int = 1,
    zebra: bool = True,
    right: Sequence[int] = (),
    extra: Sequence[tuple[Any, ...]] = (),
) -> Flowable:
    """A table in the pack's style: header repeated on every page it splits across; more
    than ``LONG_ROWS`` rows make a ``LongTable`` (laid out once, cut page by page).

    Cells are Paragraphs (text that wraps) or plain strings (numbers: much faster to lay
    out); plain strings in the ``right`` columns are right-aligned."""
    data = [list(row) for row in rows]
    fitting = _shrink_to_fit(data, widths, header_rows)
    commands = _commands(len(rows), header_rows, zebra, right, extra) + fitting
    if len(data) - header_rows > LONG_ROWS:
        return LongTable(data, list(widths), header_rows, commands)
    return _make(data, list(widths), header_rows, commands)


def _make(data: list[list[Any]], widths: list[float], header_rows: int,
          commands: list[tuple[Any, ...]], heights: list[float] | None = None) -> PackTable:
    columns = range(len(widths))
    cells = [[_Cell() for _ in columns] for _ in data]
    t = PackTable(data, colWidths=widths, rowHeights=heights, repeatRows=header_rows,
                  hAlign="LEFT", cellStyles=cells)
    t.setStyle(TableStyle(commands))
    return t


def _commands(count: int, header_rows: int, zebra: bool, right: Sequence[int],
              extra: Sequence[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    commands: list[tuple[Any, ...]] = [("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE)]
    if header_rows:
        commands += [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_BG),
            ("FONT", (0, 0), (-1, header_rows - 1), BOLD, 8, 10),
            ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.8, ACCENT),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "BOTTOM"),
        ]
    if zebra and count > header_rows + 2:
        commands.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, ZEBRA]))
    commands += [("ALIGN", (c, 0), (c, -1), "RIGHT") for c in right]
    # then ``extra``, then the shrunk cells: a FONT command in ``extra`` would reset the size
    return commands + list(extra)


#: Above this many body rows a table is a LongTable; it measures this many at a time.
LONG_ROWS = 30
_MEASURE_ROWS = 60
#: Two rows this tall (or less) always fit on a page: a row is never left alone on one.
_PAIR_FITS = 300.0


class _Commands:
    """A long table's style commands by the rows they touch, so that the commands of a
    page's rows are found without going through every command of the table."""

    def __init__(self, commands: list[tuple[Any, ...]], count: int, header_rows: int) -> None:
        self.header_rows = header_rows
        self.spread: list[tuple[tuple[Any, ...], int, int]] = []  # several body rows
        self.by_row: dict[int, list[tuple[Any, ...]]] = {}  # one body row
        self.head: list[tuple[Any, ...]] = []
        for command in commands:
            (c0, r0), (c1, r1) = command[1], command[2]
            r0, r1 = (r0 + count if r0 < 0 else r0), (r1 + count if r1 < 0 else r1)
            if r0 < header_rows and command[0] != "ROWBACKGROUNDS":
                self.head.append((command[0], (c0, r0), (c1, min(r1, header_rows - 1)),
                                  *command[3:]))
            if r1 < header_rows:
                continue
            if r0 == r1:
                self.by_row.setdefault(r0, []).append((command[0], (c0, r0), (c1, r0),
                                                       *command[3:]))
            else:
                self.spread.append((command, max(r0, header_rows), r1))

    def piece(self, first: int, last: int) -> list[tuple[Any, ...]]:
        """The commands of the table made of the header and rows ``first`` to ``last - 1``;
        row bands continue across the cut."""
        shift = self.header_rows - first
        out = list(self.head)
        for command, r0, r1 in self.spread:
            (c0, _), (c1, _) = command[1], command[2]
            if command[0] == "ROWBACKGROUNDS":
                fills = list(command[3])
                turn = (first - r0) % len(fills)
                out.append((command[0], (c0, self.header_rows), (c1, -1),
                            fills[turn:] + fills[:turn]))
                continue
            a, b = max(r0, first), min(r1, last - 1)
            if a <= b:
                out.append((command[0], (c0, a + shift), (c1, b + shift), *command[3:]))
        for row in range(first, last):
            for command in self.by_row.get(row, ()):
                (c0, _), (c1, _) = command[1], command[2]
                out.append((command[0], (c0, row + shift), (c1, row + shift), *command[3:]))
        return out


class LongTable(Flowable):
    """A long table laid out once and cut page by page: each page gets a table of its own
    of the header and the rows that fit, with the rows' heights already known (reportlab's
    Table measures every remaining row again at each page: quadratic in the rows). A page
    never ends on a table's first row alone, nor does the next hold only its last row."""

    def __init__(self, data: list[list[Any]], widths: list[float], header_rows: int,
                 commands: list[tuple[Any, ...]], first: int | None = None,
                 heights: list[float] | None = None) -> None:
        super().__init__()
        self.data, self.widths, self.header_rows = data, widths, header_rows
        self.commands = commands
        self.first = header_rows if first is None else first
        self.heights = heights
        self._by_rows: _Commands | None = None
        self._whole: PackTable | None = None

    def _measured(self, width: float) -> list[float]:
        """Every row's height, measured once, ``_MEASURE_ROWS`` rows at a time (reportlab's
        measure of one table is quadratic in its rows)."""
        if self.heights is None:
            heights: list[float] = []
            for first in range(self.header_rows, len(self.data), _MEASURE_ROWS):
                last = min(first + _MEASURE_ROWS, len(self.data))
                block = self._piece(first, last, None)
                block.wrap(width, 1e9)
                if not heights:
                    heights += block._rowHeights[: self.header_rows]
                heights += block._rowHeights[self.header_rows:]
            self.heights = heights
        return self.heights

    def _head(self, width: float) -> float:
        return sum(self._measured(width)[: self.header_rows])

    def start_height(self, width: float) -> float:
        """The header and the first two rows: what must fit for the table to start."""
        h = self._measured(width)
        return self._head(width) + sum(h[self.first: self.first + 2])

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        h = self._measured(availWidth)
        self.width = sum(self.widths)
        self.height = self._head(availWidth) + sum(h[self.first:])
        return self.width, self.height

    def _piece(self, first: int, last: int, h: list[float] | None = None) -> PackTable:
        rows = self.data[: self.header_rows] + self.data[first:last]
        if self._by_rows is None:
            self._by_rows = _Commands(self.commands, len(self.data), self.header_rows)
        commands = self._by_rows.piece(first, last)
        return _make(rows, self.widths, self.header_rows, commands,
                     None if h is None else h[: self.header_rows] + h[first:last])

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        h = self._measured(availWidth)
        room = availHeight - self._head(availWidth)
        last, used = self.first, 0.0
        while last < len(h) and used + h[last] <= room:
            used += h[last]
            last += 1
        rows = last - self.first
        left = len(h) - last
        if rows == 0 or (rows == 1 and left and h[self.first] + h[last] <= _PAIR_FITS):
            return []  # not even two rows: the table starts on the next page
        if left == 1 and rows >= 3:
            last -= 1  # the last row does not go alone
        if last >= len(h):
            return [self._piece(self.first, last, h)]
        return [self._piece(self.first, last, h),
                self._rest(last)]

    def _rest(self, first: int) -> LongTable:
        rest = LongTable(self.data, self.widths, self.header_rows, self.commands, first,
                         self.heights)
        rest._by_rows = self._by_rows
        return rest

    def draw(self) -> None:
        piece = self._piece(self.first, len(self.data), self.heights)
        piece.wrap(self.width, 1e9)
        piece.drawOn(self.canv, 0, 0)
