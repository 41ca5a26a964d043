"""Helpers of the spreadsheet tests: a plan file, an import into it as one edit."""

from __future__ import annotations

from pathlib import Path

from smbplanner.domain.model import Plan
from smbplanner.spreadsheets.importing import Summary, import_steps
from smbplanner.spreadsheets.preview import Preview, make_preview
from smbplanner.spreadsheets.reading import read_sheet
from smbplanner.spreadsheets.targets import target
from smbplanner.storage.edits import perform
from smbplanner.storage.planfile import PlanFile


def preview_of(plan_path: Path, file: Path, table: str, sheet: str | None = None) -> Preview:
    with PlanFile.open(plan_path, readonly=True) as pf:
        plan = pf.load()
    return make_preview(plan, read_sheet(file, sheet), target(table))


def import_into(plan_path: Path, file: Path, table: str, sheet: str | None = None) -> Summary:
    """Import a sheet into the plan (every row must pass)."""
    with PlanFile.open(plan_path) as pf:
        plan = pf.load()
        preview = make_preview(plan, read_sheet(file, sheet), target(table))
        assert not preview.problems, [str(p) for p in preview.problems]
        return perform(pf, import_steps(preview, plan)).value


def load(plan_path: Path) -> Plan:
    with PlanFile.open(plan_path, readonly=True) as pf:
        return pf.load()
