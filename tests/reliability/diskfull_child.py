"""The child of the disk-full tests: edits a plan under ``RLIMIT_FSIZE``.

``python -m tests.reliability.diskfull_child PLAN LIMIT_BYTES`` opens PLAN for editing, then
limits the size of any file it writes to LIMIT_BYTES (SIGXFSZ ignored, so a write past the
limit fails with EFBIG as on a full disk) and tries an edit that must grow the file. It prints
one JSON line: the error message (or null), whether it read the plan afterwards, and whether a
small edit that fits still works.
"""

from __future__ import annotations

import json
import resource
import signal
import sys

from smbplanner.domain.model import Goal, Initiative
from smbplanner.domain.validation import ValidationError
from smbplanner.storage.edits import perform
from smbplanner.storage.errors import PlanFileError
from smbplanner.storage.planfile import PlanFile

BIG_TEXT = "Grow the business. " * 1000  # 19,000 characters, within a plan's limits


def main(argv: list[str]) -> int:
    path, limit = argv[0], int(argv[1])
    plan_file = PlanFile.open(path)
    before = plan_file.load()
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    result: dict[str, object] = {"error": None, "kind": None}
    try:
        for n in range(40):  # each one adds pages: the limit is reached at once or soon
            plan_file.add(Initiative(name=f"Big {n}", description=BIG_TEXT, start_year=2026))
            perform(plan_file, lambda e: (
                e.update(Goal, 1, description=BIG_TEXT),
                e.update(Goal, 2, description=BIG_TEXT[::-1]),
            ))
    except (PlanFileError, ValidationError) as e:
        result["error"], result["kind"] = str(e), type(e).__name__
    after = plan_file.load()
    result["still_reads"] = after.business == before.business
    result["goals"] = [g.description for g in after.goals]
    result["initiatives"] = [i.name for i in after.initiatives]
    try:
        plan_file.update(Goal, 1, weight=5 if after.goals[0].weight != 5 else 4)
        result["small_edit"] = "ok"
    except PlanFileError as e:
        result["small_edit"] = str(e)
    plan_file.close()
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
