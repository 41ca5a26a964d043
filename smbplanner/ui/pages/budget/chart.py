"""The budget chart: per year, the Run and Change budget beside the planned Run and Change
spend, over-budget years marked with the amount, and below it the Run share against the
owner's target. Matplotlib is imported when the chart is first shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from smbplanner.analysis.budget import BudgetRow
from smbplanner.ui import fmt
from smbplanner.ui.shared.chart import ChartFrame, chart_colours, style_axes
from smbplanner.ui.theme import ERROR_RED


def colours(palette: QPalette) -> dict[str, str]:
    """Chart colours that read well on the current palette (light or dark)."""
    return chart_colours(
        palette,
        run=("#2f6f9f", "#7cb8e8"),
        change=("#c9731c", "#f0b35a"),
        over=ERROR_RED,
        target=("#1e7d46", "#5cc98a"),
    )


class BudgetChart(ChartFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Budget and planned spend chart"), 320, 240, parent)
        self.rows: list[BudgetRow] = []
        self.currency = ""

    def set_rows(self, rows: list[BudgetRow], currency: str) -> None:
        if rows == self.rows and currency == self.currency and self.canvas is not None:
            return  # nothing the chart shows has changed: drawing is the costly part
        self.rows, self.currency = rows, currency
        self.request_draw()

    def draw(self) -> None:
        if not any(r.spend.budget_cents or r.spend.planned_cents for r in self.rows):
            self.show_empty(self.tr(
                "Nothing to chart yet.\nAdd a budget for each year in the table on the left, "
                "and initiatives with costs on the Initiatives page; planned spend then shows "
                "here against the budget."))
            return
        # fixed margins (set in _plot): a constrained layout doubles the drawing time
        self._plot(self.ensure_canvas(6, 3.4).figure)
        self.show_canvas()

    def _style(self, ax: Any, c: dict[str, str]) -> None:
        style_axes(ax, c, grid="y")
        ax.set_axisbelow(True)

    def _plot(self, figure: Any) -> None:
        from matplotlib.ticker import FuncFormatter

        c = colours(self.palette())
        figure.clear()
        figure.set_facecolor(c["figure"])
        money_ax, share_ax = figure.subplots(
            2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 1]})
        width, height = figure.get_size_inches() * figure.dpi
        figure.subplots_adjust(left=min(0.3, 92 / width), right=1 - 12 / width,
                               top=1 - 34 / height, bottom=min(0.3, 26 / height), hspace=0.12)
        xs = list(range(len(self.rows)))
        units = [(r.spend.budget_run_cents / 100, r.spend.budget_change_cents / 100,
                  r.spend.planned_run_cents / 100, r.spend.planned_change_cents / 100)
                 for r in self.rows]
        w = 0.38
        left = [x - w / 2 for x in xs]
        right = [x + w / 2 for x in xs]
        money_ax.bar(left, [u[0] for u in units], w, color=c["run"], alpha=0.35,
                     edgecolor=c["run"], hatch="//", label=self.tr("Run budget"))
        money_ax.bar(left, [u[1] for u in units], w, bottom=[u[0] for u in units],
                     color=c["change"], alpha=0.35, edgecolor=c["change"], hatch="//",
                     label=self.tr("Change budget"))
        money_ax.bar(right, [u[2] for u in units], w, color=c["run"],
                     label=self.tr("Run planned"))
        money_ax.bar(right, [u[3] for u in units], w, bottom=[u[2] for u in units],
                     color=c["change"], label=self.tr("Change planned"))
        top = max(max(u[0] + u[1], u[2] + u[3]) for u in units) or 1.0
        many = len(self.rows) > 6  # labels side by side would overlap: write them upwards
        for x, row, u in zip(right, self.rows, units, strict=True):
            if row.is_over:
                text = fmt.units(sum(v for _, v in row.shown.over_envelopes))
                money_ax.annotate(
                    ("+" + text) if many else self.tr("over {0}").format(text),
                    (x, u[2] + u[3]), xytext=(0, 3), textcoords="offset points",
                    ha="center", va="bottom", fontsize=7, color=c["over"], fontweight="bold",
                    rotation=90 if many else 0)
        money_ax.set_ylim(0, top * (1.3 if many else 1.15))
        money_ax.yaxis.set_major_formatter(
            FuncFormatter(lambda v, _pos: fmt.money(v * 100)))
        money_ax.set_ylabel(self.currency, color=c["text"], fontsize=8)
        self._style(money_ax, c)
        money_ax.legend(fontsize=7, ncols=4, loc="lower center", bbox_to_anchor=(0.5, 1.0),
                        frameon=False, labelcolor=c["text"])

        shares = [r.run_share_pct for r in self.rows]
        share_ax.plot([x for x, s in zip(xs, shares, strict=True) if s is not None],
                      [s for s in shares if s is not None], marker="o", color=c["run"],
                      linewidth=1.5, markersize=4, label=self.tr("Run share"))
        target = self.rows[0].target_run_share_pct if self.rows else None
        if target is not None:
            share_ax.axhline(target, color=c["target"], linestyle="--", linewidth=1.2,
                             label=self.tr("Target {0}").format(f"{fmt.number(target, 1)} %"))
        share_ax.set_ylim(0, 105)
        share_ax.set_yticks([0, 50, 100])
        share_ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:.0f} %"))
        share_ax.set_ylabel(self.tr("Run share"), color=c["text"], fontsize=8)
        self._style(share_ax, c)
        share_ax.legend(fontsize=7, loc="best", framealpha=0.85, facecolor=c["axes"],
                        edgecolor=c["grid"], labelcolor=c["text"], ncols=2)
        share_ax.set_xticks(xs, [str(r.year) for r in self.rows])
