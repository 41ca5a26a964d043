"""Charts of an initiative: the cumulative cash flow with its payback point, and the
cumulative cost of each option. Matplotlib is imported when a chart is first shown, and a
chart redraws after the figures beside it have refreshed (on the next event-loop turn)."""

from __future__ import annotations

import textwrap
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from smbplanner.analysis.figures import Figures
from smbplanner.analysis.options import Comparison
from smbplanner.ui.pages.initiatives.common import locale_number
from smbplanner.ui.shared.chart import ChartFrame, chart_colours, fresh_axes, style_axes

#: Charts redraw this long after the last change, so a burst of edits draws once.
REDRAW_DELAY_MS = 80
#: Fixed margins in pixels (a constrained layout would double the cost of every redraw).
MARGINS = {"left": 72, "right": 16, "top": 30, "bottom": 46}
LEGEND_ROW = 17

SERIES_LIGHT = ("#2f6f9f", "#c0392b", "#1e7d46", "#8e44ad", "#b9770e")
SERIES_DARK = ("#7cb8e8", "#ff8a80", "#5cc98a", "#c39bd3", "#f5b041")


def colours(palette: QPalette) -> dict[str, Any]:
    return chart_colours(
        palette,
        gain=("#1e7d46", "#5cc98a"),
        loss=("#c0392b", "#ff8a80"),
        line=("#2f6f9f", "#7cb8e8"),
        series=(SERIES_LIGHT, SERIES_DARK),
    )


def _thousands(value: float, _position: object = None) -> str:
    return locale_number(value, 0)


class LazyChart(ChartFrame):
    """A chart that creates its matplotlib canvas when first shown; ``set_data`` then
    ``_plot(figure, data)`` in subclasses. Shows ``empty_text`` when there is nothing."""

    #: Put the legend under the chart (for long series names) rather than inside it.
    legend_below = False
    #: Entries per row of a legend under the chart.
    legend_columns = 1
    #: Fixed margins in pixels (subclasses may widen one, e.g. for long bar labels).
    margins = MARGINS

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(name, 240, 200, parent)
        self.data: Any = None
        self.empty.setMargin(0)
        self.empty_text = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_DELAY_MS)
        self._timer.timeout.connect(self._draw_now)

    def set_data(self, data: Any, empty_text: str = "") -> None:
        self.data, self.empty_text = data, empty_text
        self._dirty = True
        if self.isVisible():
            self._timer.start()

    def draw(self) -> None:
        if self.data is None:
            self.show_empty(self.empty_text)
            return
        if self.canvas is None:
            self.ensure_canvas(5, 3).mpl_connect("resize_event", lambda _event: self._margins())
        figure = self.canvas.figure
        c = colours(self.palette())
        ax = fresh_axes(figure, c)
        self._plot(ax, self.data, c)
        self._format_axes(ax, c)
        style = {"fontsize": 8, "facecolor": c["axes"], "edgecolor": c["grid"],
                 "labelcolor": c["text"]}
        handles = len(ax.get_legend_handles_labels()[0])
        self._legend_rows = 0
        if handles and self.legend_below:
            legend = figure.legend(loc="lower center", ncols=self.legend_columns, **style)
            self._legend_rows = -(-handles // self.legend_columns)
            legend.get_frame().set_alpha(0.9)
        elif handles:
            legend = ax.legend(loc="best", **style)
            legend.get_frame().set_alpha(0.9)
        self._margins()
        self.show_canvas()

    def _margins(self) -> None:
        """Keep the margins fixed in pixels whatever the size of the chart."""
        figure = self.canvas.figure
        width, height = figure.bbox.width, figure.bbox.height
        margins = self.margins
        if width < 2 * (MARGINS["left"] + MARGINS["right"]) or height < 150:
            return
        bottom = margins["bottom"] + LEGEND_ROW * getattr(self, "_legend_rows", 0) + (
            8 if self.legend_below else 0)
        figure.subplots_adjust(
            left=min(margins["left"] / width, 0.5),
            right=1 - margins["right"] / width,
            top=1 - margins["top"] / height,
            bottom=min(bottom / height, 0.6),
        )

    def _plot(self, ax: Any, data: Any, c: dict[str, Any]) -> None:
        raise NotImplementedError

    def _format_axes(self, ax: Any, c: dict[str, Any]) -> None:
        """Money on the y axis, whole lifecycle years on the x axis, the zero line."""
        from matplotlib.ticker import FuncFormatter, MaxNLocator

        ax.yaxis.set_major_formatter(FuncFormatter(_thousands))
        # whole units only: a chart of zeros (or of cents) gets ticks −1, 0, 1, not a column
        # of "0"s
        low, high = ax.get_ylim()
        if high - low < 2:
            ax.set_ylim(min(low, -1), max(high, 1))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        style_axes(ax, c)
        ax.axhline(0, color=c["text"], linewidth=0.8)

    def _axis_labels(self, ax: Any, c: dict[str, Any], title: str, start_year: int | None
                     ) -> None:
        ax.set_title(textwrap.shorten(title, 80, placeholder="…"), color=c["text"], fontsize=10)
        xlabel = self.tr("Lifecycle year")
        if start_year is not None:
            xlabel += self.tr(" (0 = {0})").format(start_year)
        ax.set_xlabel(xlabel, color=c["text"], fontsize=9)


class CashFlowChart(LazyChart):
    """Each year's cash flow as bars, the cumulative cash flow as a line, and the payback
    point where the line crosses zero. Data: (Figures, start year, title)."""

    legend_below = True

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Cumulative cash flow chart", parent)

    def _plot(self, ax: Any, data: tuple[Figures, int, str], c: dict[str, Any]) -> None:
        fig, start, title = data
        years = list(range(fig.life_years))
        flows = [v / 100 for v in fig.cash_flows]
        cumulative = [sum(flows[: t + 1]) for t in years]
        ax.bar(years, flows, width=0.6, color=[c["gain"] if v >= 0 else c["loss"] for v in flows],
               alpha=0.55, label=self.tr("Cash flow in the year"))
        ax.plot(years, cumulative, marker="o", color=c["line"], linewidth=2,
                label=self.tr("Cumulative cash flow"))
        if fig.payback_years is not None:
            ax.axvline(fig.payback_years, color=c["text"], linestyle=":", linewidth=1.2)
            ax.plot([fig.payback_years], [0], marker="D", markersize=8, color=c["gain"],
                    linestyle="none",
                    label=self.tr("Payback in year 0 (no net outlay)") if fig.payback_years == 0
                    else self.tr("Payback after {0} years").format(
                        locale_number(fig.payback_years, 1)))
        self._axis_labels(ax, c, title, start)


class CumulativeCostChart(LazyChart):
    """Each option's cumulative cost by lifecycle year. Data: (Comparison, start year)."""

    legend_below = True

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Cumulative cost of each option", parent)

    def _plot(self, ax: Any, data: tuple[Comparison, int], c: dict[str, Any]) -> None:
        comparison, start = data
        series = c["series"]
        for n, column in enumerate(comparison.columns):
            values = [v / 100 for v in column.cumulative_costs]
            name = textwrap.shorten(column.name, 34, placeholder="…")
            ax.plot(range(len(values)), values, marker="o", color=series[n % len(series)],
                    linewidth=3 if column.chosen else 1.6,
                    label=name + (self.tr(" (chosen)") if column.chosen else ""))
        self._axis_labels(ax, c, self.tr("Cumulative cost"), start)
