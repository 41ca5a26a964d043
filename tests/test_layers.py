"""The layering of DESIGN §2 holds: ``lint-imports`` keeps every contract of
``[tool.importlinter]`` in pyproject.toml (layers domain ← analysis ← storage | report ← ui, no
Qt below ui, no SQL outside storage). ``make lint`` runs the same check."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _lint_imports() -> str | None:
    beside = Path(sys.executable).parent / "lint-imports"
    return str(beside) if beside.exists() else shutil.which("lint-imports")


def test_import_contracts_are_kept() -> None:
    command = _lint_imports()
    if command is None:
        pytest.skip("import-linter is not installed (pip install -e '.[dev]')")
    result = subprocess.run(
        [command, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
