"""What the caller chooses: sections, paper, scenario, logo and footer (File ▸ Export PDF… and
``smbplanner export``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from smbplanner.domain.enums import InitiativeStatus, Scenario

#: Every section, in the order the board pack prints them: (key, title).
SECTIONS: list[tuple[str, str]] = [
    ("cover", "Cover"),
    ("decision", "Decision sought"),
    ("contents", "Contents"),
    ("summary", "Executive summary"),
    ("goals", "Goals and KPIs"),
    ("swot", "SWOT analysis"),
    ("current", "Current state"),
    ("grid", "Priority grid"),
    ("portfolio", "Initiative portfolio"),
    ("roadmap", "Roadmap"),
    ("budget", "Budget by year"),
    ("finance", "Cash flow and financing"),
    ("proposals", "Proposed initiatives"),
    ("initiatives", "Funded initiatives"),
    ("delivery", "Delivery and benefits"),
    ("risks", "Risks"),
    ("governance", "Governance"),
    ("appendix", "Appendix: assumptions and method"),
]
SECTION_KEYS = tuple(key for key, _ in SECTIONS)
SECTION_TITLES = dict(SECTIONS)
PAPERS = ("a4", "letter")
#: How many initiatives get a page of their own: ``all`` (every one whose status is among
#: ``ReportOptions.detail_statuses``), ``ask`` (of those, the ``ASK_PAGES`` largest proposed
#: and the ``ASK_PAGES`` largest funded ones; the rest in tables) or ``none`` (tables only).
DETAILS = ("all", "ask", "none")
ASK_PAGES = 12
#: The statuses that can have a page of their own (on hold and cancelled never do).
DETAIL_STATUSES = (InitiativeStatus.PROPOSED, InitiativeStatus.APPROVED,
                   InitiativeStatus.IN_PROGRESS, InitiativeStatus.DONE)
DEFAULT_FOOTER = "Confidential"

#: ``progress(step, steps, what)``; return False to cancel the export (ExportCancelled).
Progress = Callable[[int, int, str], "bool | None"]


class ReportError(ValueError):
    """Options the board pack cannot be built with; the message is one line for the user."""


class ExportCancelled(Exception):
    """The progress callback asked to stop."""


@dataclass(frozen=True)
class ReportOptions:
    sections: tuple[str, ...] = SECTION_KEYS
    paper: str = "a4"
    scenario: Scenario = Scenario.LIKELY
    logo_path: Path | None = None
    footer: str = DEFAULT_FOOTER
    #: The date printed on the cover and used for "next review"; None: today.
    as_of: date | None = None
    #: How many initiatives get a page of their own (``DETAILS``)...
    detail: str = "ask"
    #: ... among those with these statuses (``DETAIL_STATUSES``); the others are in tables.
    detail_statuses: tuple[InitiativeStatus, ...] = DETAIL_STATUSES

    def checked(self) -> ReportOptions:
        """These options with sections in print order; raises ReportError when unusable."""
        unknown = [s for s in self.sections if s not in SECTION_TITLES]
        if unknown:
            raise ReportError(
                f"unknown section {unknown[0]!r}; choose from {', '.join(SECTION_KEYS)}"
            )
        if not self.sections:
            raise ReportError("choose at least one section")
        if self.paper not in PAPERS:
            raise ReportError(f"unknown paper size {self.paper!r}; choose a4 or letter")
        if not isinstance(self.scenario, Scenario):
            raise ReportError(f"unknown scenario {self.scenario!r}")
        if self.logo_path is not None and not Path(self.logo_path).is_file():
            raise ReportError(f"{self.logo_path}: no such logo image")
        if self.detail not in DETAILS:
            raise ReportError(f"unknown detail {self.detail!r}; choose all, ask or none")
        odd = [s for s in self.detail_statuses if s not in DETAIL_STATUSES]
        if odd:
            raise ReportError(f"no initiative with status {str(odd[0])!r} has a page of its "
                              "own; choose from proposed, approved, in_progress, done")
        ordered = tuple(key for key in SECTION_KEYS if key in self.sections)
        statuses = tuple(s for s in DETAIL_STATUSES if s in self.detail_statuses)
        return ReportOptions(
            ordered, self.paper, self.scenario, self.logo_path, self.footer, self.as_of,
            self.detail, statuses,
        )


def parse_sections(text: str) -> tuple[str, ...]:
    """``"cover,summary"`` → ("cover", "summary"); raises ReportError on unknown names."""
    keys = [part.strip().lower() for part in text.split(",") if part.strip()]
    options = ReportOptions(sections=tuple(keys))
    return options.checked().sections


def parse_statuses(text: str) -> tuple[InitiativeStatus, ...]:
    """``"proposed,approved"`` → the statuses; "" → none; raises ReportError otherwise."""
    out = []
    for part in (p.strip().lower().replace(" ", "_") for p in text.split(",")):
        if not part:
            continue
        try:
            status = InitiativeStatus(part)
        except ValueError:
            raise ReportError(f"unknown status {part!r}; choose from proposed, approved, "
                              "in_progress, done") from None
        out.append(status)
    return ReportOptions(detail_statuses=tuple(out)).checked().detail_statuses
