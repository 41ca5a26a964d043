"""“How sure is this?” on an initiative's Figures tab: P10 / P50 / P90 of its NPV over 10,000
simulated outcomes, the chance that it returns more than it costs in plain words, the
break-even sentences, the histogram of the outcomes and the tornado of what moves the NPV.

Every figure and sentence comes from ``analysis.uncertainty`` (ranges with the document's one
``RangeCache``, ``words``, ``breakeven``, ``sensitivity``); this module only lays them out.
The section computes when it is on screen: ``set_initiative`` and ``refresh`` on a hidden
section only mark it stale, and it computes when next shown (the Figures tab brought to the
front), so neither numpy nor matplotlib is loaded for an owner who never looks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from smbplanner.ui import fmt
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.pages.initiatives.common import (
    find_initiative,
    locale_number,
    minus,
    show_page,
)
from smbplanner.ui.pages.initiatives.range_charts import RangeHistogram, TornadoChart

if TYPE_CHECKING:
    from smbplanner.analysis.uncertainty.breakeven import BreakEven
    from smbplanner.analysis.uncertainty.model import NpvRange
    from smbplanner.analysis.uncertainty.sensitivity import Tornado

#: From this width (pixels) the two charts stand side by side.
WIDE = 700
PERCENTILES = (
    ("p10", "P10", "1 in 10 outcomes is worse than this"),
    ("p50", "P50", "the middle outcome"),
    ("p90", "P90", "1 in 10 outcomes is better than this"),
)


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class RangeSection(QWidget):
    """The section (module doc). ``set_initiative(id)``; the panel calls ``refresh`` after
    the edits that move figures."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.initiative_id: int | None = None
        self.stale = True
        #: What is shown (None when the initiative has no option or no lines).
        self.range: NpvRange | None = None
        self.break_even: BreakEven | None = None
        self.tornado: Tornado | None = None
        #: What the charts were last given (not given again when nothing moved).
        self._charted: tuple[object, ...] | None = None

        heading = QLabel(self.tr("<b>How sure is this?</b>"))
        heading.setAccessibleName(self.tr("How sure is this?"))
        big = heading.font()
        big.setPointSizeF(big.pointSizeF() * 1.15)
        heading.setFont(big)
        small = self.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.intro = _plain("")
        self.intro.setFont(small)

        values = QFrame()
        values.setFrameShape(QFrame.Shape.StyledPanel)
        values.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        grid = QGridLayout(values)
        grid.setHorizontalSpacing(24)
        self.values: dict[str, QLabel] = {}
        for n, (key, name, meaning) in enumerate(PERCENTILES):
            head = QLabel(self.tr("<b>{0}</b> NPV").format(name))
            value = QLabel()
            value.setAccessibleName(self.tr("{0} NPV").format(name))
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value_font = value.font()
            value_font.setPointSizeF(value_font.pointSizeF() * 1.25)
            value_font.setBold(key == "p50")
            value.setFont(value_font)
            caption = QLabel(self.tr(meaning))
            caption.setFont(small)
            caption.setWordWrap(True)
            caption.setMaximumWidth(190)
            self.values[key] = value
            for row, widget in enumerate((head, value, caption)):
                grid.addWidget(widget, row, n, Qt.AlignmentFlag.AlignTop)
        self.chance = _plain("")
        chance_font = self.chance.font()
        chance_font.setBold(True)
        self.chance.setFont(chance_font)
        self.chance.setAccessibleName(self.tr("Chance that it pays"))
        self.count = _plain("")
        self.count.setFont(small)
        self.break_even_label = _plain("")
        self.break_even_label.setAccessibleName(self.tr("Break-even"))

        words = QVBoxLayout()
        words.addWidget(self.chance)
        words.addWidget(self.count)
        words.addSpacing(6)
        words.addWidget(QLabel(self.tr("<b>Break-even</b>")))
        words.addWidget(self.break_even_label)
        words.addStretch(1)
        top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        top.addWidget(values, 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(12)
        top.addLayout(words, 1)

        self.histogram = RangeHistogram()
        self.tornado_chart = TornadoChart()
        self.charts = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.charts.addWidget(self.histogram, 1)
        self.charts.addWidget(self.tornado_chart, 1)
        self.charts_note = _plain(self.tr(
            "Left: how the simulated outcomes fall; red ones lose money. Right: each input "
            "moved alone over its range, everything else at its likely value; the words at "
            "the ends of a bar are the input's values there, red is worse than the likely "
            "NPV and green better."))
        self.charts_note.setFont(small)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.intro)
        body_layout.addLayout(top)
        body_layout.addLayout(self.charts, 1)
        body_layout.addWidget(self.charts_note)
        self.empty = _plain("")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.stack, 1)

    # --- state ---------------------------------------------------------------------------
    def set_initiative(self, initiative_id: int | None) -> None:
        self.initiative_id = initiative_id
        self.refresh()

    def refresh(self) -> None:
        """Compute now when on screen; else when next shown."""
        self.stale = True
        if self.isVisible():
            self.compute()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.compute()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = event.size().width() >= WIDE
        self.charts.setDirection(QBoxLayout.Direction.LeftToRight if wide
                                 else QBoxLayout.Direction.TopToBottom)

    def compute(self) -> None:
        from smbplanner.analysis.uncertainty.breakeven import initiative_break_even
        from smbplanner.analysis.uncertainty.ranges import initiative_draws, initiative_range
        from smbplanner.analysis.uncertainty.sensitivity import initiative_tornado

        self.stale = False
        plan = self.document.plan()
        business = plan.business
        initiative = find_initiative(plan, self.initiative_id)
        option = initiative.chosen_option if initiative else None
        cache = self.document.range_cache
        found = None if initiative is None else initiative_range(
            initiative, business, cache=cache)
        if initiative is None or option is None or found is None:
            self.range = self.break_even = self.tornado = None
            self._charted = None
            self.empty.setText(
                "" if initiative is None else
                self.tr("“{0}” has no option yet: add one with its costs and benefits to see "
                        "how sure its return is.").format(initiative.name) if option is None
                else self.tr("“{0}” has no cost or benefit lines yet: add them to see how sure "
                             "its return is.").format(option.name))
            show_page(self.stack, 0)
            self.histogram.set_data(None)
            self.tornado_chart.set_data(None)
            return
        self.range = found
        self.break_even = initiative_break_even(initiative, business)
        self.tornado = initiative_tornado(initiative, business)
        currency = business.currency
        for key, cents in (("p10", found.p10_cents), ("p50", found.p50_cents),
                           ("p90", found.p90_cents)):
            self.values[key].setText(minus(fmt.money(cents, currency)))
        from smbplanner.analysis.uncertainty.words import chance_sentence

        self.chance.setText(self.tr(chance_sentence(found.p_positive)))
        positive = round(found.p_positive * found.draws)
        self.count.setText(self.tr("NPV above 0 in {0} of {1} simulated outcomes.").format(
            locale_number(positive, 0), locale_number(found.draws, 0)))
        assert self.break_even is not None
        self.break_even_label.setText("\n".join(
            f"• {self.tr(s)}" for s in self.break_even.sentences()))
        self.intro.setText(self.tr(
            "Each cost and benefit line of “{0}” varied {1} times between its optimistic "
            "and pessimistic scenario factor (most often at ×1), each line on its own.").format(
                option.name, locale_number(found.draws, 0)))
        show_page(self.stack, 1)
        charted = (initiative.id, found, self.tornado, currency)
        if charted == self._charted:
            return  # e.g. another scenario chosen above: the charts stand as drawn
        self._charted = charted
        # the draws again from the model the cache keeps (under a millisecond), not stored
        draws = initiative_draws(initiative, business, cache=cache)
        self.histogram.set_data((draws, found, currency))
        self.tornado_chart.set_data((self.tornado, currency))
