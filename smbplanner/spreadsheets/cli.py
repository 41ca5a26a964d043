"""``smbplanner import``: a sheet into a table as one edit, or a dry run that changes
nothing. Any refused row (or a sheet refused as a whole) refuses the import: exit 2 with one
line naming the file and the first problems by row and column; the plan is unchanged."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from smbplanner.spreadsheets.importing import dry_run_lines, import_steps, summary
from smbplanner.spreadsheets.preview import make_preview
from smbplanner.spreadsheets.reading import SheetError, read_sheet, sheet_names
from smbplanner.spreadsheets.targets import Target, target

#: Problems named in the one-line refusal (the rest are counted).
SHOWN_PROBLEMS = 3


def default_sheet(path: Path, table: Target) -> str | None:
    """The sheet named as the table (an exported workbook's), else None (the first)."""
    names = sheet_names(path)
    return next((n for n in names if n.strip().lower() == table.title.lower()), None)


def run_import(args: argparse.Namespace, error: type[Exception]) -> int:
    from smbplanner.storage.edits import perform
    from smbplanner.storage.filecopy import shown
    from smbplanner.storage.planfile import PlanFile

    table = target(args.table)
    path = Path(args.file)
    name = shown(path.name)
    try:
        sheet = read_sheet(path, args.sheet or default_sheet(path, table))
    except SheetError as e:
        raise error(str(e)) from None
    with PlanFile.open(args.plan, readonly=args.dry_run) as plan_file:
        plan = plan_file.load(snapshots=False)
        preview = make_preview(plan, sheet, table, existing=args.existing)
        problems = preview.problems
        if problems:
            first = "; ".join(str(p) for p in problems[:SHOWN_PROBLEMS])
            more = len(problems) - SHOWN_PROBLEMS
            tail = f" (and {more} more)" if more > 0 else ""
            raise error(f"{name}, sheet {sheet.name!r}: {first}{tail}; nothing was imported")
        if args.dry_run:
            for line in dry_run_lines(preview):
                print(line)
            print(f"Dry run: {summary(preview).sentence(would=True)} Nothing was changed.")
            return 0
        done: Any = perform(plan_file, import_steps(preview, plan))
    print(f"Imported {name} into {shown(args.plan)}: {done.value.sentence()}")
    return 0
