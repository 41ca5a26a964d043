"""The corpus through the app's File ▸ Open: a dialog with one clear sentence for each bad
file, the plan that was open stays open, nothing is changed or left behind; the version-1
fixture opens migrated (after a backup)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from smbplanner.storage.lock import lock_path
from smbplanner.storage.paths import backup_dir
from smbplanner.storage.schema import SCHEMA_VERSION
from smbplanner.ui.mainwindow import MainWindow
from smbplanner.ui.settings import AppSettings
from tests.data.make_bad_files import BAD_DIR, EXPECTED_WORDS, MAKERS

V1 = Path(__file__).resolve().parents[1] / "data" / "sample-v1.smbplan"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    return win


def test_every_bad_file_is_refused_by_file_open(
    window: MainWindow, sample_path: Path, tmp_path: Path
) -> None:
    corpus = tmp_path / "bad"
    shutil.copytree(BAD_DIR, corpus)
    warnings: list[tuple[str, str]] = []
    window.files.warn = lambda title, text: warnings.append((title, text))
    assert window.open_path(sample_path)
    timings = []
    for name in sorted(MAKERS):
        bad = corpus / f"{name}.smbplan"
        before = bad.read_bytes()
        window.files.ask_open_path = lambda bad=bad: bad
        started = time.perf_counter()
        window.actions.open.trigger()
        timings.append((time.perf_counter() - started, name))
        title, text = warnings.pop()
        assert not warnings
        assert title == "Cannot open plan"
        assert text.startswith(f"{bad.name}: ") and "\n" not in text
        assert EXPECTED_WORDS[name] in text, text
        document = window.files.document
        assert document is not None and document.path == sample_path  # still on the sample
        assert document.plan().business.name == "Harbour Bakery Co."
        assert bad.read_bytes() == before
        assert not lock_path(bad).exists()
    assert sorted(p.name for p in corpus.iterdir()) == sorted(p.name for p in BAD_DIR.iterdir())
    worst = max(timings)
    print(f"\nslowest refusal through File > Open: {worst[0] * 1000:.0f} ms ({worst[1]})")


def test_the_version_1_fixture_opens_migrated_after_a_backup(
    window: MainWindow, tmp_path: Path
) -> None:
    old = tmp_path / "old.smbplan"
    shutil.copyfile(V1, old)
    warnings: list[tuple[str, str]] = []
    window.files.warn = lambda title, text: warnings.append((title, text))
    window.files.ask_open_path = lambda: old
    window.actions.open.trigger()
    assert warnings == []
    document = window.files.document
    assert document is not None and document.path == old and not document.readonly
    assert document.plan().business.name == "Harbour Bakery Co."
    assert document.plan_file.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    backups = list(backup_dir().glob("old.v1.*"))
    assert len(backups) == 1 and backups[0].read_bytes()[100:] == V1.read_bytes()[100:]
