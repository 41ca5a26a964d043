"""The side bar's guide through the five phases: under the list of pages, the current
phase's checklist (✓ done, ▸ next, ○ to do) and what comes next, each step a link to the
page where it is done. Rules in ``analysis/phases.py``."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from smbplanner.ui.document import PlanDocument

if TYPE_CHECKING:
    from smbplanner.analysis.phases import Phase, PhaseFacts

DONE, NEXT, TODO = "✓", "▸", "○"


class PhaseGuide(QWidget):
    """``go_to(page title)`` when the owner clicks a step."""

    go_to = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document: PlanDocument | None = None
        self.page = "Destination"
        #: what each initiative contributes to the steps, kept between refreshes
        self._facts: PhaseFacts | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.steps = QLabel()
        self.steps.setWordWrap(True)
        self.steps.linkActivated.connect(self._clicked)
        self.steps.setAccessibleName(self.tr("Steps of this phase"))
        self.next = QLabel()
        self.next.setWordWrap(True)
        self.next.linkActivated.connect(self._clicked)
        self.next.setAccessibleName(self.tr("What comes next"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.steps)
        layout.addWidget(self.next)
        layout.addStretch(1)

    def set_document(self, document: PlanDocument | None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._changed)
        self.document = document
        if document is not None:
            document.changed.connect(self._changed)
        self.refresh()

    def _changed(self, _changes: object = None) -> None:
        self.refresh()

    def set_page(self, title: str) -> None:
        self.page = title
        self.refresh()

    def _clicked(self, link: str) -> None:
        self.go_to.emit(link.removeprefix("page:"))

    def refresh(self) -> None:
        document = self.document
        self.setVisible(document is not None)
        if document is None:
            return
        if not document.loaded:  # the first paint shows the first page; this comes after
            self.heading.setText("")
            self.steps.setText("")
            self.next.setText("")
            return
        from smbplanner.analysis.phases import (  # after the first paint
            PhaseFacts,
            phase_of_page,
            phases,
        )

        if self._facts is None:
            self._facts = PhaseFacts()
        all_phases = phases(document.plan(), self._facts)
        phase = all_phases[phase_of_page(self.page) - 1]
        done = sum(s.done for p in all_phases for s in p.steps)
        total = sum(len(p.steps) for p in all_phases)
        self.heading.setText(self.tr("<b>Phase {0} of 5 · {1}</b><br>{2} of {3} steps done "
                                     "in the plan").format(phase.number, phase.name, done,
                                                           total))
        self.steps.setText(self._checklist(phase))
        self.next.setText(self._next(all_phases, phase))

    def _checklist(self, phase: Phase) -> str:
        following = phase.next_step
        rows = []
        for step in phase.steps:
            mark = DONE if step.done else NEXT if step is following else TODO
            text = html.escape(self.tr(step.text))
            if step is following:
                text = f"<b>{text}</b>"
            link = f"<a href='page:{html.escape(step.page)}'>{text}</a>" \
                if step.page != self.page else text
            rows.append(f"<tr><td>{mark}&nbsp;</td><td>{link}</td></tr>")
        return f"<table cellspacing='2'>{''.join(rows)}</table>"

    def _next(self, all_phases: list[Phase], phase: Phase) -> str:
        if phase.next_step is not None:
            return ""
        later = next((p for p in all_phases[phase.number:] + all_phases[:phase.number]
                      if not p.done), None)
        if later is None:
            return self.tr("Every phase is done: export the board pack (File ▸ Export PDF).")
        step = later.next_step
        assert step is not None
        return self.tr("This phase is done. Next: <a href='page:{0}'>{1} — {2}</a>").format(
            html.escape(step.page), later.name, html.escape(self.tr(step.text)))
