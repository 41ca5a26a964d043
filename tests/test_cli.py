"""The command line contract of DESIGN section 5, on real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from smbplanner.cli import main
from smbplanner.storage.schema import SCHEMA_VERSION
from tests.storage.badfiles import BAD_FILES


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "smbplanner", *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "bakery.smbplan"
    assert main(["demo", str(path)]) == 0
    return path


def test_demo_dump_load_dump_gives_the_same_plan_and_figures(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["dump", str(demo)]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["format"] == "smbplanner-plan" and first["version"] == SCHEMA_VERSION
    out = tmp_path / "dump.json"
    assert main(["dump", str(demo), "-o", str(out)]) == 0
    assert json.loads(out.read_text()) == first
    copy = tmp_path / "copy.smbplan"
    assert main(["load", str(out), str(copy)]) == 0
    capsys.readouterr()
    assert main(["dump", str(copy)]) == 0
    second = json.loads(capsys.readouterr().out)
    assert second["plan"] == first["plan"]
    assert second["figures"] == first["figures"]


def test_dump_has_the_design_figures(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    main(["dump", str(demo)])
    doc = json.loads(capsys.readouterr().out)
    plan, figures = doc["plan"], doc["figures"]
    assert len(plan["snapshots"]) == 1 and plan["snapshots"][0]["data"]["initiatives"]
    assert len(figures["initiatives"]) == len(plan["initiatives"])
    keys = {
        "name",
        "quadrant",
        "portfolio",
        "tco",
        "benefits",
        "cash_flows",
        "discount_rate",
        "npv",
        "irr",
        "payback_years",
        "roi_pct",
        "scenarios",
    }
    for item in figures["initiatives"]:
        assert keys <= set(item)
        assert set(item["scenarios"]) >= {"optimistic", "pessimistic"}
    quadrants = {i["quadrant"] for i in figures["initiatives"]}
    assert {"quick_win", "strategic_bet", "back_burner", "unscored"} <= quadrants
    years = [y["year"] for y in figures["years"]]
    assert years == sorted(years) and 2026 in years
    assert {"budget", "planned_run", "planned_change"} <= set(figures["years"][0])


def test_reading_commands_never_modify_the_file(demo: Path, tmp_path: Path) -> None:
    before = demo.read_bytes()
    assert run("dump", str(demo)).returncode == 0
    assert run("check", str(demo)).returncode in (0, 1)
    assert run("summary", str(demo)).returncode == 0
    assert demo.read_bytes() == before
    assert sorted(p.name for p in demo.parent.iterdir()) == [demo.name]


def test_summary_of_a_plan(demo: Path) -> None:
    result = run("summary", str(demo))
    assert result.returncode == 0, result.stderr
    assert "Harbour Bakery Co." in result.stdout
    assert "Quick wins" in result.stdout and "Strategic bets" in result.stdout


def test_new_plan_and_no_overwrite_without_force(tmp_path: Path) -> None:
    path = tmp_path / "new.smbplan"
    assert run("new", str(path), "--name", "Dental Clinic", "--currency", "usd").returncode == 0
    before = path.read_bytes()
    again = run("new", str(path), "--name", "Other")
    assert again.returncode == 2
    assert (
        again.stderr.strip()
        == "smbplanner: new.smbplan: already exists (use --force to overwrite it)"
    )
    assert path.read_bytes() == before
    assert run("new", str(path), "--name", "Other", "--force").returncode == 0
    assert "Other" in run("summary", str(path)).stdout


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_files_exit_2_with_one_line(
    demo: Path, tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / f"{name}.smbplan"
    BAD_FILES[name](demo, bad)
    before = bad.read_bytes()
    result = run("dump", str(bad))  # a real process: no traceback, one line
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("smbplanner: ")
    assert result.stdout == ""
    capsys.readouterr()
    for command in (["check"], ["summary"]):
        assert main([*command, str(bad)]) == 2
        out, err = capsys.readouterr()
        assert out == "" and err.count("\n") == 1 and err.startswith("smbplanner: ")
    assert bad.read_bytes() == before


def test_bad_json_is_refused_with_its_path_and_leaves_no_file(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    main(["dump", str(demo)])
    doc = json.loads(capsys.readouterr().out)
    doc["plan"]["initiatives"][3]["options"][0]["costs"][2]["amount"] = -10
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc))
    target = tmp_path / "out.smbplan"
    result = run("load", str(bad), str(target))
    assert result.returncode == 2
    assert result.stderr == (
        f"smbplanner: {bad}: plan.initiatives[3].options[0].costs[2].amount: "
        "must be a number ≥ 0\n"
    )
    assert not target.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]


def test_load_from_stdin_and_missing_json(demo: Path, tmp_path: Path) -> None:
    text = run("dump", str(demo)).stdout
    target = tmp_path / "piped.smbplan"
    result = subprocess.run(
        [sys.executable, "-m", "smbplanner", "load", "-", str(target)],
        input=text,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    missing = run("load", str(tmp_path / "none.json"), str(tmp_path / "x.smbplan"))
    assert missing.returncode == 2 and "none.json: cannot be read" in missing.stderr


def test_check_exit_codes(demo: Path, tmp_path: Path) -> None:
    result = run("check", str(demo))
    assert result.returncode == 0, result.stdout
    assert run("check", "--strict", str(demo)).returncode == 1  # the demo has warnings
    doc = json.loads(run("dump", str(demo)).stdout)
    for init in doc["plan"]["initiatives"]:
        init["raci"] = [r for r in init["raci"] if r["role"] != "A"]
    broken = tmp_path / "noaccountable.json"
    broken.write_text(json.dumps(doc))
    plan = tmp_path / "noaccountable.smbplan"
    assert run("load", str(broken), str(plan)).returncode == 0
    result = run("check", str(plan))
    assert result.returncode == 1
    assert "Accountable" in result.stdout


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("dump").returncode == 2
    assert run("frobnicate", "x", "y").returncode == 2


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland only")
def test_without_a_display_the_app_says_so_in_one_line(demo: Path) -> None:
    import os

    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "smbplanner", str(demo)], capture_output=True,
                            text=True, timeout=120, env=env)
    assert result.returncode == 2
    assert result.stderr.startswith("smbplanner: no display")
    assert "dump, check" in result.stderr and result.stderr.count("\n") == 1
