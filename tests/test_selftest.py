"""`smbplanner --self-test`, `smbplanner PLAN --exit-when-shown`, the numpy-free start-up and
the Linux desktop files, each as a user or a packager would run them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from smbplanner.cli import main
from smbplanner.sample import sample_plan
from smbplanner.storage.planfile import PlanFile

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "installers" / "linux"


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the self-test must choose offscreen by itself
    env.update(SMBPLANNER_DATA_DIR=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    env.update(extra)
    return env


def _smbplanner(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "smbplanner", *args], capture_output=True,
                          text=True, timeout=120, env=env)


def test_self_test_without_a_display_prints_ok(tmp_path: Path) -> None:
    result = _smbplanner("--self-test", env=_env(tmp_path))
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip()
    assert line.startswith("OK: main window (7 pages shown)"), line
    assert "Harbour Bakery Co." in line and "offscreen display" in line
    pages = int(line.split("board pack (")[1].split(" pages")[0])
    assert pages > 5
    assert not (tmp_path / "cfg" / "SMB Planner").exists()  # the user's settings untouched


def test_self_test_failure_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = _smbplanner("--self-test", env=_env(tmp_path, SMBPLANNER_RESOURCES=str(tmp_path)))
    assert result.returncode == 1
    assert result.stdout == ""
    errors = [line for line in result.stderr.splitlines() if line.startswith("smbplanner:")]
    assert len(errors) == 1
    expected = f"smbplanner: self-test failed: SelfTestError: no fonts in {tmp_path}"
    assert errors[0].startswith(expected)
    assert "Traceback" not in result.stderr


def test_exit_when_shown_opens_the_plan_then_quits(tmp_path: Path) -> None:
    plan = tmp_path / "bakery.smbplan"
    PlanFile.create(plan, sample_plan()).close()
    env = _env(tmp_path, QT_QPA_PLATFORM="offscreen")
    before = time.time()
    result = _smbplanner(str(plan), "--exit-when-shown", env=env)
    assert result.returncode == 0, result.stderr
    (line,) = [x for x in result.stdout.splitlines() if x.startswith("first paint: ")]
    assert before < float(line.removeprefix("first paint: ")) < time.time()
    settings = (tmp_path / "cfg" / "SMB Planner" / "SMB Planner.conf").read_text()
    assert str(plan) in settings  # opened, so it is now a recent file
    assert not plan.with_name(plan.name + ".lock").exists()  # and closed cleanly


def test_gui_flags_and_commands_do_not_mix(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--self-test", "summary", "x.smbplan"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit):
        main(["a.smbplan", "b.smbplan", "--exit-when-shown"])
    assert "unknown command 'a.smbplan'" in capsys.readouterr().err


def test_opening_a_plan_file_imports_no_numpy() -> None:
    script = (
        "import sys\n"
        "from smbplanner.storage.planfile import PlanFile\n"
        "from smbplanner.sample import sample_plan\n"
        "import tempfile, pathlib\n"
        "path = pathlib.Path(tempfile.mkdtemp()) / 'p.smbplan'\n"
        "PlanFile.create(path, sample_plan()).close()\n"
        "with PlanFile.open(path) as f: f.load()\n"
        "print('numpy' in sys.modules, 'pandas' in sys.modules)\n"
        "import numpy\n"
        "print(numpy.zeros(2).sum())\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["False False", "0.0"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None,
                    reason="desktop-file-validate is not installed (desktop-file-utils)")
def test_desktop_file_validates() -> None:
    desktop = LINUX / "org.smbplanner.SMBPlanner.desktop"
    result = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "", result.stdout
    assert "MimeType=application/x-smbplanner;" in desktop.read_text()


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli is not installed")
def test_metainfo_validates() -> None:
    metainfo = LINUX / "org.smbplanner.SMBPlanner.metainfo.xml"
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def test_icon_set_is_complete() -> None:
    icons = ROOT / "installers" / "icons"
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        png = icons / "hicolor" / f"{size}x{size}" / "apps" / "org.smbplanner.SMBPlanner.png"
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(data[16:20], "big") == size  # the IHDR width
    assert (icons / "smbplanner.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (icons / "smbplanner.icns").read_bytes()[:4] == b"icns"


def test_storage_takes_sqlite_utils_only_through_the_numpy_free_import() -> None:
    package = ROOT / "smbplanner"
    direct = [
        str(path.relative_to(ROOT))
        for path in package.rglob("*.py")
        if path.name != "sqlutils.py"
        and any(line.startswith(("import sqlite_utils", "from sqlite_utils"))
                for line in path.read_text(encoding="utf-8").splitlines())
    ]
    assert direct == []  # use: from smbplanner.storage.sqlutils import sqlite_utils
