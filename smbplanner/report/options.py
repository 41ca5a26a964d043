"""What the caller chooses: sections, paper, scenario, logo and footer (File ▸ Export PDF… and
``smbplanner export``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from smbplanner.domain.enums import Scenario

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
#: How many initiatives get a page of their own: ``all`` (every proposed and funded one),
#: ``ask`` (every funded one and the ask's largest ``ASK_PAGES``; the rest in a table) or
#: ``none`` (tables only).
DETAILS = ("all", "ask", "none")
ASK_PAGES = 12
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
    #: Which initiatives get a page of their own (``DETAILS``).
    detail: str = "ask"

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
        ordered = tuple(key for key in SECTION_KEYS if key in self.sections)
        return ReportOptions(
            ordered, self.paper, self.scenario, self.logo_path, self.footer, self.as_of,
            self.detail,
        )


def parse_sections(text: str) -> tuple[str, ...]:
    """``"cover,summary"`` → ("cover", "summary"); raises ReportError on unknown names."""
    keys = [part.strip().lower() for part in text.split(",") if part.strip()]
    options = ReportOptions(sections=tuple(keys))
    return options.checked().sections
