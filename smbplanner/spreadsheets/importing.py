"""A preview written to the plan as ONE edit: one transaction, one undo step, all or
nothing (``storage.edits``). The caller runs the steps: ``perform(plan_file, steps)`` on the
command line, ``PlanDocument.edit(label, steps)`` in the app."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from smbplanner.domain.model import Plan
from smbplanner.domain.numbers import count
from smbplanner.spreadsheets.preview import ADD, SKIP, UPDATE, Preview
from smbplanner.storage.edits import EditSession


@dataclass(frozen=True)
class Summary:
    """What an import did (or, for a dry run, would do)."""

    table: str
    added: int
    updated: int
    skipped: int
    refused: int
    unchanged: int = 0  # of the updates, those that change nothing

    def sentence(self, *, would: bool = False) -> str:
        verb = "would add" if would else "added"
        parts = [f"{verb} {count(self.added, 'row')}", f"updated {self.updated}" if not would else
                 f"update {self.updated}"]
        if self.unchanged:
            parts[-1] += f" ({self.unchanged} unchanged)"
        text = f"{self.table}: " + ", ".join(parts)
        if self.skipped:
            text += f", {'skip' if would else 'skipped'} {self.skipped}"
        if self.refused:
            text += f"; {self.refused} refused"
        return text + "."


def summary(preview: Preview) -> Summary:
    counts = preview.counts()
    unchanged = sum(1 for r in preview.rows if not r.refused and r.decision == UPDATE
                    and r.planned is not None and r.planned.unchanged)
    return Summary(preview.target.title, counts[ADD], counts[UPDATE], counts[SKIP],
                   counts["refused"], unchanged)


def import_steps(preview: Preview, plan: Plan) -> Callable[[EditSession], Summary]:
    """The edit's steps: every accepted row, written by its table's declaration."""
    accepted = preview.accepted()
    result = summary(preview)

    def steps(session: EditSession) -> Summary:
        preview.target.write(session, plan, accepted)
        return result

    return steps


def dry_run_lines(preview: Preview) -> list[str]:
    """One line per row that would be written: "add system 'Till'", "update …"."""
    out: list[str] = []
    for row in preview.rows:
        if row.planned is None or row.refused:
            continue
        what = row.decision
        if row.decision == UPDATE and row.planned.unchanged:
            what = "unchanged"
        out.append(f"row {row.number}: {what} {preview.target.noun} {row.planned.name!r}")
    return out
