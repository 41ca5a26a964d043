"""Help ▸ Check plan file: SQLite's integrity and reference checks of the file, then the
plan's own checks (references, dependency loops and timing, RACI, options, goals and
initiatives left unlinked, budget), as a readable report. Reading only: nothing is changed.

The findings and their wording come from ``storage/health.py`` and ``analysis/checks.py``;
this module only lays them out.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from smbplanner.analysis.checks import ERROR, Finding, check_plan
from smbplanner.storage.errors import PlanFileError
from smbplanner.storage.health import FileHealth, check_file
from smbplanner.ui.document import PlanDocument
from smbplanner.ui.theme import is_dark


@dataclass
class Report:
    """What the dialog shows: the file's checks, then the plan's errors and warnings."""

    file: FileHealth
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    plan_checked: bool = True

    @property
    def clean(self) -> bool:
        return self.file.sound and not self.errors and not self.warnings


def build_report(document: PlanDocument) -> Report:
    health = check_file(document.plan_file)
    if not health.sound:
        return Report(health, plan_checked=False)
    try:
        findings = check_plan(document.plan_file.load(snapshots=False))
    except PlanFileError as e:
        return Report(FileHealth(integrity=[str(e)]), plan_checked=False)
    return Report(
        health,
        [f for f in findings if f.severity == ERROR],
        [f for f in findings if f.severity != ERROR],
    )


OK, WARNING = "ok", "warning"
#: Titles of the groups of plan findings, by the first word of ``Finding.where``.
GROUPS = {"initiative": "Initiatives", "goal": "Goals", "KPI": "KPIs", "SWOT": "SWOT items",
          "budget": "Budget", "system": "Systems", "option": "Options"}


@dataclass
class Section:
    title: str
    verdict: str
    level: str  # OK, ERROR or WARNING
    groups: list[tuple[str, list[str]]]  # (group title or "", lines)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


class CheckDialog(QDialog):
    """The report of one check of the open plan; "Check again" runs it anew."""

    def __init__(self, document: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = document
        self.setWindowTitle(self.tr("Check plan file — {0}").format(document.path.name))
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName(self.tr("Result"))
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Check report"))
        self.browser.setOpenLinks(False)
        again = QPushButton(self.tr("Check again"))
        again.clicked.connect(self.run)
        copy = QPushButton(self.tr("Copy report"))
        copy.setToolTip(self.tr("Copy the report as plain text, e.g. to send it to someone"))
        copy.clicked.connect(self.copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(again, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.verdict)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(720, 520)
        self.report = build_report(document)
        self._show()

    def run(self) -> None:
        self.report = build_report(self.document)
        self._show()

    def _show(self) -> None:
        self.verdict.setText(f"<h3>{html.escape(self.summary())}</h3>")
        self.browser.setHtml(self.html())

    def summary(self) -> str:
        r, name = self.report, self.document.path.name
        if r.clean:
            return self.tr("{0}: no problems found.").format(name)
        if not r.file.sound:
            return self.tr("{0}: the file itself is damaged.").format(name)
        errors = (_count(len(r.errors), self.tr("error"), self.tr("errors"))
                  if r.errors else self.tr("no errors"))
        warnings = (_count(len(r.warnings), self.tr("warning"), self.tr("warnings"))
                    if r.warnings else self.tr("no warnings"))
        return self.tr("{0}: {1}, {2}.").format(name, errors, warnings)

    def _colours(self) -> dict[str, str]:
        if is_dark(self.palette()):
            return {OK: "#81c784", ERROR: "#ef9a9a", WARNING: "#ffd54f"}
        return {OK: "#2e7d32", ERROR: "#c62828", WARNING: "#8a6100"}

    def _grouped(self, findings: list[Finding]) -> list[tuple[str, list[str]]]:
        groups: dict[str, list[str]] = {}
        for f in findings:
            kind = f.where.split(" ", 1)[0]
            title = self.tr(GROUPS.get(kind, "Other"))
            named = f.where.split(" ", 1)[-1] in f.message
            line = f.message if named else f"{f.where}: {f.message}"
            groups.setdefault(title, []).append(line[:1].upper() + line[1:])
        return list(groups.items())

    def sections(self) -> list[Section]:
        """The parts of the report, in order."""
        r = self.report
        parts = [
            Section(self.tr("File integrity (SQLite integrity check)"),
                    self.tr("OK: every page and index of the file is sound.")
                    if not r.file.integrity else self.tr("Damaged:"),
                    ERROR if r.file.integrity else OK, [("", r.file.integrity)]),
            Section(self.tr("References between tables (foreign key check)"),
                    self.tr("OK: every link points to something that exists.")
                    if not r.file.references else self.tr("Broken links:"),
                    ERROR if r.file.references else OK, [("", r.file.references)]),
        ]
        if not r.plan_checked:
            parts.append(Section(self.tr("The plan"), self.tr(
                "Not checked, because the file is damaged. Restore a backup (File ▸ Restore "
                "from backup…)."), ERROR, []))
            return parts
        parts.append(Section(
            self.tr("Errors in the plan"),
            _count(len(r.errors), self.tr("error"), self.tr("errors")) + ":" if r.errors
            else self.tr("None: links, dependencies, RACI, options and cost lines are "
                         "consistent."),
            ERROR if r.errors else OK, self._grouped(r.errors)))
        parts.append(Section(
            self.tr("Warnings"),
            _count(len(r.warnings), self.tr("warning"), self.tr("warnings")) + ":"
            if r.warnings else self.tr("None: every initiative serves a goal, every goal is "
                                       "served, budgets are kept."),
            WARNING if r.warnings else OK, self._grouped(r.warnings)))
        return parts

    def html(self) -> str:
        colours = self._colours()
        out: list[str] = []
        for part in self.sections():
            out.append(f"<h4 style='margin-bottom:2px'>{html.escape(part.title)}</h4>")
            out.append(f"<p style='color:{colours[part.level]}; margin-top:0; "
                       f"margin-bottom:0'>{html.escape(part.verdict)}</p>")
            for group, lines in part.groups:
                if not lines:
                    continue
                if group:
                    out.append(f"<p style='margin-top:6px; margin-bottom:0'><b>"
                               f"{html.escape(group)}</b> ({len(lines)})</p>")
                items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
                out.append(f"<ul style='margin-top:2px; margin-bottom:0'>{items}</ul>")
        return "".join(out)

    def text(self) -> str:
        """The report as plain text (what "Copy report" copies)."""
        out = [self.summary(), ""]
        for part in self.sections():
            out += [part.title, f"  {part.verdict}"]
            for group, lines in part.groups:
                if group and lines:
                    out.append(f"  {group}:")
                out += [f"  - {line}" for line in lines]
            out.append("")
        return "\n".join(out).rstrip() + "\n"

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
