"""The trend chart of one KPI: its measurements over time, baseline and target as dashed
lines, the target date marked. Matplotlib is imported when the chart is first shown."""

from __future__ import annotations

import textwrap
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from smbplanner.analysis.kpis import measurements_by_date
from smbplanner.domain.model import Kpi
from smbplanner.ui import fmt
from smbplanner.ui.chartstyle import chart_colours, draw_soon


def _colours(palette: QPalette) -> dict[str, str]:
    """Chart colours that read well on the current palette (light or dark)."""
    return chart_colours(
        palette,
        actual=("#2f6f9f", "#7cb8e8"),
        baseline=("#6b6f75", "#a0a4aa"),
        target=("#1e7d46", "#5cc98a"),
    )


class KpiChart(QWidget):
    """Shows the KPI given to ``set_kpi``; an explanation instead when there is nothing to
    draw."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("KPI trend chart"))
        self.setMinimumSize(320, 220)
        self._kpi: Kpi | None = None
        #: What to say when there is no KPI to show.
        self.none_text = self.tr("Select a KPI to see its trend.")
        self.canvas: Any = None  # FigureCanvasQTAgg, once the chart has been shown
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(12)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.empty)

    def set_kpi(self, kpi: Kpi | None) -> None:
        self._kpi = kpi
        if self.isVisible():
            self.draw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.draw()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.isVisible():
            self.draw()

    def _show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self._stack.setCurrentWidget(self.empty)

    def _ensure_canvas(self) -> Any:
        if self.canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self.canvas = FigureCanvasQTAgg(Figure(figsize=(5, 3), layout="constrained"))
            self.canvas.setAccessibleName(self.tr("KPI trend chart"))
            self._stack.addWidget(self.canvas)
        return self.canvas

    def draw(self) -> None:
        kpi = self._kpi
        if kpi is None:
            self._show_empty(self.none_text)
            return
        points = measurements_by_date(kpi)
        if not points:
            self._show_empty(
                self.tr(
                    "No measurements of “{0}” yet.\nClick “Add measurement” to record one."
                ).format(textwrap.shorten(kpi.name, 60, placeholder="…"))
            )
            return
        canvas = self._ensure_canvas()
        self._plot(canvas.figure, kpi, points)
        self._stack.setCurrentWidget(canvas)
        draw_soon(canvas)

    def _plot(self, figure: Any, kpi: Kpi, points: list[Any]) -> None:
        from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
        from matplotlib.ticker import FuncFormatter

        c = _colours(self.palette())
        figure.clear()
        figure.set_facecolor(c["figure"])
        ax = figure.add_subplot()
        ax.set_facecolor(c["axes"])
        days = [m.date for m in points]
        ax.plot(
            days,
            [m.value for m in points],
            marker="o",
            color=c["actual"],
            linewidth=2,
            label=self.tr("Actual"),
        )
        ax.axhline(
            kpi.baseline,
            color=c["baseline"],
            linestyle="--",
            linewidth=1.2,
            label=self.tr("Baseline {0}").format(fmt.number(kpi.baseline)),
        )
        ax.axhline(
            kpi.target,
            color=c["target"],
            linestyle="--",
            linewidth=1.2,
            label=self.tr("Target {0}").format(fmt.number(kpi.target)),
        )
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
        ax.tick_params(colors=c["text"], labelsize=8)
        for spine in ax.spines.values():
            spine.set_color(c["grid"])
        ax.grid(True, color=c["grid"], linewidth=0.5, alpha=0.6)
        ax.xaxis.get_offset_text().set_color(c["text"])
        legend = ax.legend(
            fontsize=8, loc="best", facecolor=c["axes"], edgecolor=c["grid"], labelcolor=c["text"]
        )
        legend.get_frame().set_alpha(0.9)
