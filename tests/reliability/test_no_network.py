"""No network: the app, ``smbplanner demo`` and ``smbplanner export`` run with every way of
opening a connection blocked, and nothing tries to connect.

In-process, ``socket.socket``, ``socket.create_connection`` and ``socket.getaddrinfo`` are
replaced by functions that record the attempt and raise. In a process of its own, an audit
hook (which no import can get around) refuses every ``socket.*`` audit event but
``gethostname``, and the same three run there, the app started through ``ui.app.run``.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from smbplanner import cli
from smbplanner.ui.mainwindow import MainWindow
from smbplanner.ui.settings import AppSettings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    tried: list[str] = []

    def refuse(what: str):  # type: ignore[no-untyped-def]
        def blocked(*args: object, **kwargs: object) -> None:
            tried.append(f"{what}{args!r}")
            raise OSError(f"network blocked by the test: {what}")

        return blocked

    class BlockedSocket(socket.socket):
        def __init__(self, *args: object, **kwargs: object) -> None:
            tried.append(f"socket.socket{args!r}")
            raise OSError("network blocked by the test: socket.socket")

    monkeypatch.setattr(socket, "socket", BlockedSocket)
    monkeypatch.setattr(socket, "create_connection", refuse("socket.create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("socket.getaddrinfo"))
    return tried


def test_the_blocking_works(attempts: list[str]) -> None:
    with pytest.raises(OSError, match="blocked"):
        socket.create_connection(("example.com", 80))
    with pytest.raises(OSError, match="blocked"):
        socket.socket()
    assert len(attempts) == 2
    attempts.clear()


def test_app_demo_and_export_never_connect(
    attempts: list[str], tmp_path: Path, qtbot: QtBot, capsys: pytest.CaptureFixture[str]
) -> None:
    plan, pdf = tmp_path / "demo.smbplan", tmp_path / "board.pdf"
    assert cli.main(["demo", str(plan)]) == 0
    assert cli.main(["export", str(plan), "-o", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(plan)
    for action in window.actions.pages:  # every page built and shown
        action.trigger()
        qtbot.wait(1)
    window.files.close_plan()
    assert attempts == []


CHILD = """
import json, os, sys
tried = []
def hook(event, args):
    if event.startswith("socket.") and event != "socket.gethostname":
        tried.append(event)
        raise OSError("network blocked by the audit hook: " + event)
sys.addaudithook(hook)
plan, pdf = sys.argv[1], sys.argv[2]
from smbplanner import cli
codes = [cli.main(["demo", plan]), cli.main(["export", plan, "-o", pdf])]
from PySide6.QtCore import QTimer
from smbplanner.ui import app
from smbplanner.ui.mainwindow import MainWindow
qt = app.create_app()
pages = []
def visit():
    for window in qt.topLevelWidgets():
        if isinstance(window, MainWindow) and window.files.document is not None:
            for action in window.actions.pages:
                action.trigger()
                pages.append(action.text())
    qt.quit()
QTimer.singleShot(800, visit)
codes.append(app.run(__import__("pathlib").Path(plan)))
codes.append(len(pages) >= 7)
seen = list(tried)
import socket
try:  # the hook itself works: a real attempt is seen and refused
    socket.create_connection(("127.0.0.1", 9), timeout=1)
except OSError:
    pass
print(json.dumps({"codes": codes, "tried": seen, "probe": tried[len(seen):]}))
"""


def test_in_a_process_of_its_own_nothing_opens_a_socket(tmp_path: Path) -> None:
    plan, pdf = tmp_path / "demo.smbplan", tmp_path / "board.pdf"
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(plan), str(pdf)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**_env(tmp_path), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["probe"], "the audit hook saw nothing: the test could not fail"
    assert result["codes"] == [0, 0, 0, True] and result["tried"] == []
    assert pdf.read_bytes().startswith(b"%PDF")


def _env(tmp_path: Path) -> dict[str, str]:
    import os

    env = dict(os.environ)
    env["HOME"] = str(tmp_path / "home")  # the app's settings and data go somewhere harmless
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    return env

