"""The trend chart of one KPI: its measurements over time, baseline and target as dashed
lines, the target date marked. Matplotlib is imported when the chart is first shown."""

from __future__ import annotations

import textwrap
from typing import Any

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from smbplanner.analysis.kpis import measurements_by_date
from smbplanner.domain.model import Kpi
from smbplanner.ui import fmt
from smbplanner.ui.shared.chart import ChartFrame, chart_colours, fresh_axes, style_axes


def _colours(palette: QPalette) -> dict[str, str]:
    """Chart colours that read well on the current palette (light or dark)."""
    return chart_colours(
        palette,
        actual=("#2f6f9f", "#7cb8e8"),
        baseline=("#6b6f75", "#a0a4aa"),
        target=("#1e7d46", "#5cc98a"),
    )


class KpiChart(ChartFrame):
    """Shows the KPI given to ``set_kpi``; an explanation instead when there is nothing to
    draw."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("KPI trend chart"), 320, 220, parent)
        self._kpi: Kpi | None = None
        #: What to say when there is no KPI to show.
        self.none_text = self.tr("Select a KPI to see its trend.")

    def set_kpi(self, kpi: Kpi | None) -> None:
        self._kpi = kpi
        self.request_draw()

    def draw(self) -> None:
        kpi = self._kpi
        if kpi is None:
            self.show_empty(self.none_text)
            return
        points = measurements_by_date(kpi)
        if not points:
            self.show_empty(
                self.tr(
                    "No measurements of “{0}” yet.\nClick “Add measurement” to record one."
                ).format(textwrap.shorten(kpi.name, 60, placeholder="…"))
            )
            return
        canvas = self.ensure_canvas(5, 3, layout="constrained")
        self._plot(canvas.figure, kpi, points)
        self.show_canvas()

    def _plot(self, figure: Any, kpi: Kpi, points: list[Any]) -> None:
        from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
        from matplotlib.ticker import FuncFormatter

        c = _colours(self.palette())
        ax = fresh_axes(figure, c)
        days = [m.date for m in points]
        ax.plot(
            days,
            [m.value for m in points],
            marker="o",
            color=c["actual"],
            linewidth=2,
            label=self.tr("Actual"),
        )
        for value, colour, text in (
            (kpi.baseline, c["baseline"], self.tr("Baseline {0}")),
            (kpi.target, c["target"], self.tr("Target {0}")),
        ):
            label = text.format(fmt.number(value))
            ax.axhline(value, color=colour, linestyle="--", linewidth=1.2, label=label)
        if kpi.target_date is not None:
            ax.axvline(
                kpi.target_date,
                color=c["target"],
                linestyle=":",
                linewidth=1.5,
                label=self.tr("Target date {0}").format(fmt.day(kpi.target_date)),
            )
            ax.plot(
                [kpi.target_date],
                [kpi.target],
                marker="*",
                markersize=11,
                color=c["target"],
                linestyle="none",
            )
        locator = AutoDateLocator(minticks=3, maxticks=7)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: fmt.number(v)))
        ax.set_title(textwrap.shorten(kpi.name, 70, placeholder="…"), color=c["text"], fontsize=10)
        if kpi.unit:
            ax.set_ylabel(kpi.unit, color=c["text"], fontsize=9)
        style_axes(ax, c)
        ax.xaxis.get_offset_text().set_color(c["text"])
        legend = ax.legend(
            fontsize=8, loc="best", facecolor=c["axes"], edgecolor=c["grid"], labelcolor=c["text"]
        )
        legend.get_frame().set_alpha(0.9)
