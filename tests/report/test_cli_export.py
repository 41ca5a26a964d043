"""``smbplanner export``: writes the PDF, refuses bad input with exit 2 and one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from smbplanner.cli import main


def run(*args: str, seed: str = "0") -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    return subprocess.run([sys.executable, "-m", "smbplanner", *args], capture_output=True,
                          timeout=120, env=env)


def test_export_writes_a_pdf_and_refuses_to_overwrite(
    plan_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pack.pdf"
    assert main(["export", str(plan_path), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    capsys.readouterr()
    before = out.read_bytes()
    assert main(["export", str(plan_path), "-o", str(out), "--paper", "letter"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already exists" in err and "--force" in err
    assert out.read_bytes() == before
    assert main(["export", str(plan_path), "-o", str(out), "--paper", "letter",
                 "--sections", "summary,cover", "--scenario", "pessimistic", "--force"]) == 0
    assert out.read_bytes() != before


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--sections", "cover,nonsense"], "unknown section 'nonsense'"),
        (["--sections", ""], "choose at least one section"),
        (["--logo", "missing.png"], "no such logo image"),
    ],
)
def test_bad_options_exit_2_with_one_line(
    plan_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str],
    message: str,
) -> None:
    out = tmp_path / "pack.pdf"
    assert main(["export", str(plan_path), "-o", str(out), *extra]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert not out.exists()


def test_bad_files_exit_2(plan_path: Path, tmp_path: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(plan_path), "-o", str(tmp_path / "pack.txt")]) == 2
    assert "must be a .pdf file" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "none.smbplan"), "-o", str(tmp_path / "a.pdf")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert main(["export", str(plan_path), "-o", str(tmp_path / "no" / "a.pdf")]) == 2
    assert "no such folder" in capsys.readouterr().err


def test_same_plan_same_bytes_across_processes(plan_path: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    assert run("export", str(plan_path), "-o", str(first), seed="1").returncode == 0
    assert run("export", str(plan_path), "-o", str(second), seed="2").returncode == 0
    assert first.read_bytes() == second.read_bytes()


def test_start_up_does_not_import_reportlab() -> None:
    code = ("import sys, smbplanner.cli; "
            "print(sorted(m for m in sys.modules if m.startswith(('reportlab', 'matplotlib', "
            "'smbplanner.report'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.stdout.strip() == "[]"


def test_detail_chooses_which_initiatives_get_a_page(plan_path: Path, tmp_path: Path) -> None:
    from tests.report.conftest import Pack

    pages = {}
    for detail in ("all", "none"):
        out = tmp_path / f"{detail}.pdf"
        assert main(["export", str(plan_path), "-o", str(out), "--detail", detail]) == 0
        pack = Pack(out.read_bytes())
        pages[detail] = sum("Figures in three scenarios" in p for p in pack.pages)
    assert pages["none"] == 0 < pages["all"]


def test_detail_statuses_choose_whose_initiatives_get_a_page(
    plan_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.report.conftest import Pack

    out = tmp_path / "proposed.pdf"
    assert main(["export", str(plan_path), "-o", str(out), "--detail", "all",
                 "--detail-statuses", "proposed", "--sections", "proposals,initiatives"]) == 0
    pages = sum("Figures in three scenarios" in p for p in Pack(out.read_bytes()).pages)
    assert pages == 1  # the tiny plan's one proposed initiative
    assert main(["export", str(plan_path), "-o", str(tmp_path / "x.pdf"),
                 "--detail-statuses", "proposed,someday"]) == 2
    assert capsys.readouterr().err.strip().endswith(
        "unknown status 'someday'; choose from proposed, approved, in_progress, done")
