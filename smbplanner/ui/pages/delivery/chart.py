"""The delivery chart: the portfolio's cumulative planned spend and benefits by year (dashed)
and what was really spent and realised up to the tracking year (solid, with points), from
``analysis.tracking.cumulative``. Matplotlib is imported when the chart is first shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from smbplanner.analysis.tracking import Cumulative
from smbplanner.domain.numbers import whole
from smbplanner.ui import fmt
from smbplanner.ui.shared.chart import ChartFrame, chart_colours, style_axes


class DeliveryChart(ChartFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(
            self.tr("Planned and actual cumulative spend and benefits"), 320, 220, parent
        )
        self.series: Cumulative | None = None
        self.currency = ""

    def set_series(self, series: Cumulative, currency: str) -> None:
        if series == self.series and currency == self.currency and self.canvas is not None:
            return
        self.series, self.currency = series, currency
        self.request_draw()

    def draw(self) -> None:
        series = self.series
        if series is None or not ((series.planned_costs and any(series.planned_costs))
                                  or series.actual_costs):
            self.show_empty(self.tr(
                "Nothing to chart yet.\nGive initiatives costs on the Initiatives page and "
                "record what they really cost on their Tracking tab."))
            return
        self._plot(self.ensure_canvas(6, 3.2).figure, series)
        self.show_canvas()

    def _plot(self, figure: Any, series: Cumulative) -> None:
        from matplotlib.ticker import FuncFormatter

        c = chart_colours(self.palette(), cost=("#2f6f9f", "#7cb8e8"),
                          benefit=("#1e7d46", "#5cc98a"))
        figure.clear()
        figure.set_facecolor(c["figure"])
        ax = figure.add_subplot()
        width, height = figure.get_size_inches() * figure.dpi
        figure.subplots_adjust(left=min(0.3, 92 / width), right=1 - 12 / width,
                               top=1 - 34 / height, bottom=min(0.3, 26 / height))
        xs = list(range(len(series.years)))

        def units(cents: list[int]) -> list[int]:
            return [whole(v) for v in cents]

        ax.plot(xs, units(series.planned_costs), linestyle="--", color=c["cost"],
                linewidth=1.4, label=self.tr("Planned spend"))
        ax.plot(xs, units(series.planned_benefits), linestyle="--", color=c["benefit"],
                linewidth=1.4, label=self.tr("Planned benefits"))
        done = xs[: len(series.actual_costs)]
        ax.plot(done, units(series.actual_costs), marker="s", markersize=6, color=c["cost"],
                linewidth=2.2, label=self.tr("Actual spend"))
        ax.plot(done, units(series.actual_benefits), marker="s", markersize=6,
                color=c["benefit"], linewidth=2.2, label=self.tr("Realised benefits"))
        ax.set_xticks(xs, [str(y) for y in series.years])
        ax.set_ylim(bottom=0)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: fmt.units(int(v))))
        ax.set_ylabel(self.currency, color=c["text"], fontsize=8)
        style_axes(ax, c, grid="y")
        ax.set_axisbelow(True)
        ax.legend(fontsize=7, ncols=4, loc="lower center", bbox_to_anchor=(0.5, 1.0),
                  frameon=False, labelcolor=c["text"])
