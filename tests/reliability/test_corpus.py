"""The corpus of bad files in tests/data/bad: reproducible, and each refused cleanly (the
version-1 fixture migrated), never run, never changed, through the CLI and the app's Open.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from smbplanner import cli
from smbplanner.storage.lock import lock_path
from tests.data.make_bad_files import BAD_DIR, EXPECTED_WORDS, MAKERS, MARKER, generate

ROOT = Path(__file__).resolve().parents[2]
V1 = ROOT / "tests" / "data" / "sample-v1.smbplan"
COMMANDS = ("check", "dump", "summary", "export")
SLOWEST: list[tuple[float, str]] = []


def test_the_script_reproduces_the_committed_corpus_byte_for_byte(tmp_path: Path) -> None:
    written = generate(tmp_path)
    assert {p.name for p in written} == {f"{name}.smbplan" for name in MAKERS}
    committed = sorted(p.name for p in BAD_DIR.glob("*.smbplan"))
    assert sorted(p.name for p in tmp_path.glob("*.smbplan")) == committed
    for name in committed:
        assert (tmp_path / name).read_bytes() == (BAD_DIR / name).read_bytes(), (
            f"{name} differs: if tiny_plan() or the schema changed on purpose, regenerate the "
            "corpus with: .venv/bin/python -m tests.data.make_bad_files"
        )
    assert sum(p.stat().st_size for p in BAD_DIR.iterdir()) < 1_500_000


@pytest.fixture
def corpus(tmp_path: Path) -> Iterator[Path]:
    """A copy of the corpus (the committed files are never opened by the app)."""
    folder = tmp_path / "bad"
    shutil.copytree(BAD_DIR, folder)
    (folder / "good.smbplan").unlink()
    yield folder


def argv(command: str, bad: Path) -> list[str]:
    out = ["-o", str(bad.with_suffix(".pdf"))] if command == "export" else []
    return [command, str(bad), *out]


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_the_cli_refuses_each_bad_file_in_one_line(
    corpus: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = corpus / f"{name}.smbplan"
    before = bad.read_bytes()
    for command in COMMANDS:
        started = time.perf_counter()
        code = cli.main(argv(command, bad))
        SLOWEST.append((time.perf_counter() - started, f"{command} {name}"))
        out, err = capsys.readouterr()
        assert code == 2, (command, out, err)
        assert err.count("\n") == 1 and err.startswith(f"smbplanner: {bad.name}: "), err
        assert EXPECTED_WORDS[name] in err
        assert "Traceback" not in err and out == ""
        assert bad.read_bytes() == before
    assert sorted(p.name for p in corpus.iterdir() if p.stem == name) == [bad.name]
    assert not lock_path(bad).exists()


@pytest.mark.parametrize(
    "name",
    ["truncated_mid_page", "zeroed_page", "trigger_writes_marker", "oversized_text"],
)
def test_the_installed_cli_in_a_process_of_its_own(corpus: Path, name: str) -> None:
    bad = corpus / f"{name}.smbplan"
    before = bad.read_bytes()
    command = COMMANDS[len(name) % 3]  # check, dump or summary (export imports reportlab)
    done = subprocess.run(
        [sys.executable, "-m", "smbplanner.cli", *argv(command, bad)],
        cwd=ROOT, capture_output=True, text=True, timeout=20,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and EXPECTED_WORDS[name] in done.stderr
    assert bad.read_bytes() == before


def test_nothing_in_a_hostile_file_ever_runs(corpus: Path, tmp_path: Path) -> None:
    """The triggers would add a goal named MARKER on any edit; the file stays as it was."""
    from smbplanner.storage.errors import PlanFileError
    from smbplanner.storage.planfile import PlanFile

    bad = corpus / "trigger_writes_marker.smbplan"
    for readonly in (True, False):
        with pytest.raises(PlanFileError, match="unexpected trigger"):
            PlanFile.open(bad, readonly=readonly)
    conn = sqlite3.connect(f"{bad.as_uri()}?mode=ro", uri=True)
    try:
        titles = [r[0] for r in conn.execute("SELECT title FROM goal")]
        triggers = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")
        assert triggers.fetchone()[0] == 2  # the file still holds them: it was not "cleaned"
    finally:
        conn.close()
    assert MARKER not in titles and titles == ["Answer every call", "Cut admin time"]
    assert bad.read_bytes() == (BAD_DIR / bad.name).read_bytes()


def test_the_version_1_fixture_is_read_through_the_cli_without_a_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = tmp_path / "old.smbplan"
    shutil.copyfile(V1, old)
    for command in COMMANDS:
        assert cli.main(argv(command, old)) in (0, 1), capsys.readouterr().err
        out, err = capsys.readouterr()
        assert err == "" and out
    assert old.read_bytes() == V1.read_bytes()  # read-only: migrated in memory only
    assert old.with_suffix(".pdf").stat().st_size > 10_000


def test_the_slowest_refusal_is_reported() -> None:
    """Not a speed assertion (those live in benchmarks): shows the slowest refusal."""
    if SLOWEST:
        worst = max(SLOWEST)
        print(f"\nslowest CLI refusal: {worst[0] * 1000:.0f} ms ({worst[1]}), "
              f"{len(SLOWEST)} refusals")
