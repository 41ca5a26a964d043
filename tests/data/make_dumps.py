"""Write the expected dumps of the sample plan and of the large demo into ``tests/data/dumps``.

Run ``.venv/bin/python -m tests.data.make_dumps`` from the project root only when the JSON
format changes on purpose (a new schema version): ``tests/storage/test_dump_format.py`` checks
that ``dump`` still writes these bytes. The sample's dump is kept whole (a change reads as a
diff); the large demo's (2 MB) as its SHA-256.
"""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from smbplanner.domain.model import Plan
from smbplanner.sample import large_plan, sample_plan
from smbplanner.storage.jsonio import dump_document, to_json_text
from smbplanner.storage.planfile import PlanFile

DUMPS = Path(__file__).parent / "dumps"


def dump_text(plan: Plan) -> str:
    """The dump (figures aside: they have their own tests) of ``plan`` as stored and read back."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.smbplan"
        PlanFile.create(path, plan).close()
        with PlanFile.open(path, readonly=True) as f:
            return to_json_text(dump_document(f.load(), {}))


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main() -> None:
    DUMPS.mkdir(exist_ok=True)
    (DUMPS / "sample.json").write_text(dump_text(sample_plan()), encoding="utf-8")
    (DUMPS / "large.sha256").write_text(sha256(dump_text(large_plan())) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
