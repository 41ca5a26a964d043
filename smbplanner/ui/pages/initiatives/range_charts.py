"""The charts of "How sure is this?": the histogram of an initiative's simulated NPVs with the
break-even line and P10 / P50 / P90, and the tornado of what moves its NPV most. Drawn like
the other charts of an initiative (``chart.LazyChart``: matplotlib imported when first shown);
every number comes from ``analysis.uncertainty``."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from smbplanner.ui.pages.initiatives.chart import MARGINS, LazyChart
from smbplanner.ui.pages.initiatives.common import locale_number, minus
from smbplanner.ui.shared.chart import style_axes

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from smbplanner.analysis.uncertainty.model import NpvRange
    from smbplanner.analysis.uncertainty.sensitivity import Tornado

#: Bars of the histogram (over the draws' span).
BINS = 40
#: The tornado shows at most this many inputs, the largest swings.
TORNADO_BARS = 8
#: Tornado labels are shortened to this many characters (the full labels are in the list).
LABEL_CHARS = 28
#: The labels take at most this share of the tornado's width.
LEFT_SHARE = 0.42
#: About this many pixels per character of a 7-point text.
TEXT_PX = 5.6


def _units(value: float, _position: object = None) -> str:
    return minus(locale_number(value, 0))


def bin_edges(values: npt.NDArray[np.float64], bins: int = BINS) -> npt.NDArray[np.float64]:
    """Equal bins over the values (currency units); when they straddle 0, 0 is an edge, so
    no bar mixes losses and gains."""
    import numpy as np

    low, high = float(values.min()), float(values.max())
    if high - low < 1e-9:
        return np.array([low - 0.5, high + 0.5])
    width = (high - low) / bins
    if low < 0 < high:
        first, last = np.floor(low / width), np.ceil(high / width)
        return np.arange(first, last + 1) * width
    return np.linspace(low, high, bins + 1)


class RangeHistogram(LazyChart):
    """How the 10,000 simulated NPVs fall: losses red, gains green, the break-even line at 0,
    P10 / P50 / P90 dashed. Data: (draws in cents, NpvRange, currency)."""

    legend_below = True
    legend_columns = 2

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Histogram of simulated NPVs", parent)
        self.setMinimumSize(300, 280)

    def _plot(self, ax: Any, data: tuple[npt.NDArray[np.float64], NpvRange, str],
              c: dict[str, Any]) -> None:
        import numpy as np

        draws, found, currency = data
        values = draws / 100
        edges = bin_edges(values)
        counts, _ = np.histogram(values, bins=edges)
        share = counts / len(values) * 100
        centres = (edges[:-1] + edges[1:]) / 2
        ax.bar(edges[:-1], share, width=np.diff(edges), align="edge", linewidth=0,
               color=[c["loss"] if x < 0 else c["gain"] for x in centres], alpha=0.75)
        ax.axvline(0, color=c["text"], linewidth=1.4,
                   label=self.tr("Break-even (NPV 0)"))
        marks = ((self.tr("P10"), found.p10_cents, ":"), (self.tr("P50"), found.p50_cents, "--"),
                 (self.tr("P90"), found.p90_cents, ":"))
        for name, cents, style in marks:
            ax.axvline(cents / 100, color=c["line"], linestyle=style, linewidth=1.6,
                       label=f"{name} {_units(cents / 100)}")
        ax.figure.suptitle(self.tr("NPV of {0} simulated outcomes").format(
            locale_number(found.draws, 0)), color=c["text"], fontsize=10, y=0.985, va="top")
        ax.set_xlabel(self.tr("NPV ({0})").format(currency) if currency else self.tr("NPV"),
                      color=c["text"], fontsize=9)
        ax.set_ylabel(self.tr("% of outcomes"), color=c["text"], fontsize=9)

    def _format_axes(self, ax: Any, c: dict[str, Any]) -> None:
        from matplotlib.ticker import FuncFormatter, MaxNLocator

        ax.xaxis.set_major_formatter(FuncFormatter(_units))
        ax.xaxis.set_major_locator(MaxNLocator(5))
        ax.set_ylim(bottom=0)
        style_axes(ax, c)


class TornadoChart(LazyChart):
    """What moves the NPV most: each input alone from one end of its range to the other, the
    largest swing on top; the part below the likely NPV red, above it green. Data:
    (Tornado, currency)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Tornado chart: what moves the NPV most", parent)
        self.setMinimumSize(300, 280)
        self.margins = dict(MARGINS)

    def _plot(self, ax: Any, data: tuple[Tornado, str], c: dict[str, Any]) -> None:
        tornado, currency = data
        bars = tornado.bars[:TORNADO_BARS]
        base = tornado.npv_cents / 100
        positions = list(range(len(bars) - 1, -1, -1))  # the largest swing on top
        for y, bar in zip(positions, bars, strict=True):
            low, high = bar.npv_low_cents / 100, bar.npv_high_cents / 100
            ax.barh(y, base - min(low, base), left=min(low, base), height=0.6,
                    color=c["loss"], alpha=0.75)
            ax.barh(y, max(high, base) - base, left=base, height=0.6, color=c["gain"],
                    alpha=0.75)
            ax.text(low, y, f"{bar.low_input} ", ha="right", va="center", fontsize=7,
                    color=c["text"])
            ax.text(high, y, f" {bar.high_input}", ha="left", va="center", fontsize=7,
                    color=c["text"])
        ax.axvline(base, color=c["text"], linewidth=1.2)
        if min(b.npv_low_cents for b in bars) <= 0 <= max(b.npv_high_cents for b in bars):
            ax.axvline(0, color=c["loss"], linewidth=1, linestyle="--")
        self._labels = (positions, [b.label for b in bars])  # set by _margins, to fit
        self._ax = ax
        self._ends = (min(min(b.npv_low_cents for b in bars) / 100, base),
                      max(max(b.npv_high_cents for b in bars) / 100, base),
                      TEXT_PX * max(len(b.low_input) for b in bars) + 8,
                      TEXT_PX * max(len(b.high_input) for b in bars) + 8)
        ax.set_ylim(-0.6, len(bars) - 0.4)
        shown = len(bars)
        title = (self.tr("What moves the NPV most") if shown == len(tornado.bars) else
                 self.tr("What moves the NPV most (top {0} of {1})").format(
                     shown, len(tornado.bars)))
        # over the whole chart, not the axes: the labels' margin would push it off the right
        ax.figure.suptitle(title, color=c["text"], fontsize=10, y=0.985, va="top")
        ax.set_xlabel(self.tr("NPV ({0}); the line is the likely NPV, {1}").format(
            currency, _units(base)), color=c["text"], fontsize=9)

    def _format_axes(self, ax: Any, c: dict[str, Any]) -> None:
        from matplotlib.ticker import FuncFormatter, MaxNLocator

        ax.xaxis.set_major_formatter(FuncFormatter(_units))
        ax.xaxis.set_major_locator(MaxNLocator(4))
        style_axes(ax, c)
        ax.grid(False, axis="y")

    def _margins(self) -> None:
        """Labels shortened to fit beside the bars at this width (about 6.5 px per character
        at 8 points, at most ``LEFT_SHARE`` of the chart), then the margins and the x range."""
        ax = getattr(self, "_ax", None)
        if ax is not None and ax.figure is self.canvas.figure:
            positions, full = self._labels
            width = self.canvas.figure.bbox.width
            room = int((LEFT_SHARE * width - 14) / 6.5)
            chars = max(12, min(LABEL_CHARS, room))
            labels = [textwrap.shorten(t, chars, placeholder="…") for t in full]
            ax.set_yticks(positions, labels)
            self.margins["left"] = max(MARGINS["left"],
                                       14 + round(6.5 * max(map(len, labels), default=0)))
        super()._margins()
        self._fit_x()

    def _fit_x(self) -> None:
        """Room beside the bars for the inputs written at their ends, in pixels of the axes
        as they are now (bars stick to their base, so matplotlib's margins cannot make it)."""
        ax = getattr(self, "_ax", None)
        if ax is None or ax.figure is not self.canvas.figure:
            return
        low, high, left_px, right_px = self._ends
        width = ax.get_position().width * self.canvas.figure.bbox.width
        bars_px = max(width - left_px - right_px, width / 3)
        per_px = max(high - low, 1.0) / bars_px
        ax.set_xlim(low - left_px * per_px, high + right_px * per_px)
