"""The "Add from library…" dialog: the starter library's initiatives, each with its
description, portfolio, the goals it would serve in this plan, and its illustrative cost and
benefit lines with their totals (from ``analysis``)."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.figures import option_figures
from smbplanner.domain.enums import LineKind, label
from smbplanner.domain.model import BenefitLine, CostLine, Plan
from smbplanner.library import LibraryEntry, goal_links
from smbplanner.ui import fmt
from smbplanner.ui.shared.widgets import ErrorLine

ESTIMATES = "Illustrative estimates — replace with your own quotes."


class LibraryDialog(QDialog):
    """Shown with ``open()``; "Add to plan" calls ``on_add(entry)``, which returns an error
    message (shown, the dialog stays open) or None (the dialog closes)."""

    def __init__(
        self,
        entries: list[LibraryEntry],
        plan: Plan,
        on_add: Callable[[LibraryEntry], str | None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.entries, self.plan, self.on_add = entries, plan, on_add
        self.setWindowTitle(self.tr("Add an initiative from the library"))
        self.resize(920, 580)
        more = self.tr(
            "Amounts are typical for a business of 10 to 30 people, in your plan's "
            "currency; once added, everything can be edited."
        )
        banner = QLabel(f"<b>{self.tr(ESTIMATES)}</b> {more}")
        banner.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Library initiatives"))
        self.list.setSpacing(2)
        for entry in entries:
            item = QListWidgetItem(f"{entry.name}  ·  {label(entry.portfolio)}")
            item.setToolTip(entry.description)
            self.list.addItem(item)
        self.details = QTextBrowser()
        self.details.setAccessibleName(self.tr("About this initiative"))
        self.details.setOpenLinks(False)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(self.details)
        split.setSizes([360, 540])
        self.error = ErrorLine()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = QPushButton(self.tr("Add to plan"))
        self.add_button.setAccessibleName(self.tr("Add the selected initiative to the plan"))
        self.add_button.setDefault(True)
        self.buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.list.currentRowChanged.connect(self._show)
        self.list.itemDoubleClicked.connect(lambda _item: self.submit())

        layout = QVBoxLayout(self)
        layout.addWidget(banner)
        layout.addWidget(split, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        if entries:
            self.list.setCurrentRow(0)
        self.add_button.setEnabled(bool(entries))
        self.list.setFocus()

    def current(self) -> LibraryEntry | None:
        row = self.list.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def submit(self) -> None:
        entry = self.current()
        if entry is None:
            return
        message = self.on_add(entry)
        if message:
            self.error.show_message(message)
        else:
            self.accept()

    def _show(self, row: int) -> None:
        entry = self.current()
        if entry is None:
            self.details.clear()
            return
        self.details.setHtml(self.describe(entry))

    def describe(self, entry: LibraryEntry) -> str:
        plan = self.plan
        currency = plan.business.currency
        esc = html.escape
        perspectives = ", ".join(label(p) for p in entry.perspectives)
        links = goal_links(entry.perspectives, plan.goals)
        titles = [g.title for g in plan.goals if g.id in {link.goal_id for link in links}]
        if titles:
            goals = self.tr("Will be linked to your goals: {0}.").format(
                esc("; ".join(titles))
            )
        else:
            goals = self.tr(
                "Your plan has no goal of these perspectives yet: link it to your goals after "
                "adding it."
            )
        option = entry.option
        figures = option_figures(option, plan.business)
        totals = self.tr(
            "Over {0} years (likely scenario): total cost of ownership {1}, benefits {2}."
        ).format(
            option.life_years,
            fmt.money(figures.tco_cents, currency),
            fmt.money(figures.benefits_cents, currency),
        )
        parts = [
            f"<h3>{esc(entry.name)}</h3>",
            f"<p>{esc(entry.description)}</p>",
            "<p>{}: <b>{}</b> · {}: {} · {}</p>".format(
                self.tr("Portfolio"), label(entry.portfolio), self.tr("Typical goals"),
                esc(perspectives), self._quarters(entry.duration_quarters),
            ),
            f"<p>{goals}</p>",
            f"<p><b>{esc(option.name)}</b> — {esc(option.description)}</p>",
            self._lines(self.tr("Costs"), option.costs, currency),
            self._lines(self.tr("Benefits"), option.benefits, currency),
            f"<p>{totals}</p>",
        ]
        return "".join(parts)

    def _quarters(self, count: int) -> str:
        return self.tr("1 quarter") if count == 1 else self.tr("{0} quarters").format(count)

    def _lines(self, title: str, lines: list[CostLine] | list[BenefitLine], currency: str) -> str:
        rows = []
        for line in lines:
            if line.kind == LineKind.ONE_OFF:
                when = self.tr("once, year {0}").format(line.year_from)
            else:
                when = self.tr("a year, years {0}–{1}").format(line.year_from, line.year_to)
            amount = fmt.money(line.amount_cents, currency)
            rows.append(
                f"<tr><td>{label(line.category)}</td><td>{html.escape(line.description)}</td>"
                f"<td align='right'>{amount}</td><td>{when}</td></tr>"
            )
        table = "<table width='100%' cellspacing='0' cellpadding='3'>"
        return f"<p><b>{title}</b></p>{table}{''.join(rows)}</table>"
