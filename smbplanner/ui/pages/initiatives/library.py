"""The "Add from library…" dialog: the starter library's initiatives, each with its
description, portfolio and illustrative cost and benefit lines with their totals (from
``analysis``), and a tick box per goal of the plan: the goals the entry matches
(``library.propose_links``) come ticked with the words that matched, and the owner confirms
or changes them before adding — no link is made that the owner did not see."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.figures import option_figures
from smbplanner.domain.enums import LineKind, label
from smbplanner.domain.model import BenefitLine, CostLine, GoalLink, Plan
from smbplanner.library import DEFAULT_CONTRIBUTION, LibraryEntry, propose_links
from smbplanner.ui import fmt
from smbplanner.ui.shared.widgets import ErrorLine

ESTIMATES = "Illustrative estimates — replace with your own quotes."


class LibraryDialog(QDialog):
    """Shown with ``open()``; "Add to plan" calls ``on_add(entry, links)`` with the goal links
    the owner ticked, which returns an error message (shown, the dialog stays open) or None
    (the dialog closes)."""

    def __init__(
        self,
        entries: list[LibraryEntry],
        plan: Plan,
        on_add: Callable[[LibraryEntry, list[GoalLink]], str | None],
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
        self.goal_boxes: dict[int, QCheckBox] = {}
        self.goals_title = QLabel()
        self.goals_title.setWordWrap(True)
        self.goals_area = QWidget()
        self.goals_layout = QVBoxLayout(self.goals_area)
        self.goals_layout.setContentsMargins(0, 0, 0, 0)
        self.goals_layout.addStretch(1)
        goals_scroll = QScrollArea()
        goals_scroll.setWidget(self.goals_area)
        goals_scroll.setWidgetResizable(True)
        goals_scroll.setFrameShape(QFrame.Shape.NoFrame)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.details, 3)
        right_layout.addWidget(self.goals_title)
        right_layout.addWidget(goals_scroll, 2)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(right)
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
        message = self.on_add(entry, self.links())
        if message:
            self.error.show_message(message)
        else:
            self.accept()

    def links(self) -> list[GoalLink]:
        """The goal links the owner ticked, in the plan's goal order."""
        return [GoalLink(goal_id, DEFAULT_CONTRIBUTION)
                for goal_id, box in sorted(self.goal_boxes.items(), key=self._goal_order)
                if box.isChecked()]

    def _goal_order(self, item: tuple[int, QCheckBox]) -> int:
        ids = [g.id for g in self.plan.goals]
        return ids.index(item[0]) if item[0] in ids else len(ids)

    def _show(self, row: int) -> None:
        entry = self.current()
        if entry is None:
            self.details.clear()
            self._fill_goals(None)
            return
        self.details.setHtml(self.describe(entry))
        self._fill_goals(entry)

    def _fill_goals(self, entry: LibraryEntry | None) -> None:
        """A tick box per goal: the proposed ones ticked, each saying why."""
        for box in self.goal_boxes.values():
            self.goals_layout.removeWidget(box)
            box.hide()  # at once: deleteLater would leave it drawn under the new ones
            box.deleteLater()
        self.goal_boxes = {}
        proposals = propose_links(entry, self.plan.goals) if entry is not None else []
        for proposal in proposals:
            goal = proposal.goal
            assert goal.id is not None
            if proposal.proposed:
                words = ", ".join(f"“{w}”" for w in proposal.words)
                why = self.tr("suggested: shares {0}").format(words)
            elif proposal.same_perspective:
                why = self.tr("same perspective ({0})").format(
                    label(goal.perspective))
            else:
                why = ""
            title = goal.title if len(goal.title) <= 70 else goal.title[:69] + "…"
            box = QCheckBox(f"{title} — {why}" if why else title)
            box.setToolTip(goal.title)
            box.setAccessibleName(self.tr("Link to goal: {0}").format(goal.title))
            box.setChecked(proposal.proposed)
            box.toggled.connect(self._count_links)
            self.goals_layout.insertWidget(self.goals_layout.count() - 1, box)
            self.goal_boxes[goal.id] = box
        if entry is None:
            self.goals_title.setText("")
        elif not proposals:
            self.goals_title.setText(self.tr(
                "Your plan has no goals yet: link the initiative to goals once you add them."))
        else:
            self.goals_title.setText(self.tr(
                "<b>Goals it will serve</b> — ticked where the library's words match your "
                "goal; check them, tick or untick before adding:"))
        self._count_links()

    def _count_links(self) -> None:
        count = sum(box.isChecked() for box in self.goal_boxes.values())
        self.add_button.setText(
            self.tr("Add to plan, linked to {0}").format(fmt.count(count, "goal")) if count
            else self.tr("Add to plan, linked to no goal"))

    def describe(self, entry: LibraryEntry) -> str:
        plan = self.plan
        currency = plan.business.currency
        esc = html.escape
        perspectives = ", ".join(label(p) for p in entry.perspectives)
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
