"""Starting the application: icon, palette, and the window on a plan."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from smbplanner.resources import resource
from smbplanner.ui.app import create_app
from smbplanner.ui.theme import apply_scheme


def test_app_has_its_icon_and_follows_a_scheme(qapp: QApplication) -> None:
    assert resource("icons", "smbplanner.svg").is_file()
    app = create_app()
    assert not app.windowIcon().isNull()
    assert app.windowIcon().pixmap(64, 64).width() == 64
    apply_scheme(app, dark=True)
    dark = app.palette().color(QPalette.ColorRole.Window).lightness()
    apply_scheme(app, dark=False)
    light = app.palette().color(QPalette.ColorRole.Window).lightness()
    assert dark < 80 < 180 < light


def test_resources_override(monkeypatch: object, tmp_path: Path) -> None:
    import pytest

    mp: pytest.MonkeyPatch = monkeypatch  # type: ignore[assignment]
    mp.setenv("SMBPLANNER_RESOURCES", str(tmp_path))
    assert resource("icons", "x.svg") == tmp_path / "icons" / "x.svg"


def test_opening_a_plan_imports_no_charting_or_pdf_library(sample_path: Path) -> None:
    """Start-up stays light: matplotlib and reportlab wait until a chart or a PDF is needed."""
    import os
    import subprocess
    import sys

    script = (
        "import sys, pathlib\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from smbplanner.ui.mainwindow import MainWindow\n"
        "from smbplanner.ui.settings import AppSettings\n"
        "settings = AppSettings(QSettings(sys.argv[2], QSettings.Format.IniFormat))\n"
        "window = MainWindow(settings)\n"
        "window.show()\n"
        "assert window.open_path(pathlib.Path(sys.argv[1]))\n"
        "app.processEvents()\n"
        "print(sorted(m for m in ('matplotlib', 'reportlab') if m in sys.modules))\n"
        "window.close()\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script, str(sample_path), str(sample_path.with_suffix(".ini"))],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_start_up_on_a_plan_leaves_the_heavy_work_until_after_the_first_paint(
    sample_path: Path, tmp_path: Path
) -> None:
    """At the first paint of ``smbplanner PLAN``: no sqlite-utils (editing needs it, opening
    does not), no charts or PDF library, no welcome page, no backup yet (it follows the
    first paint); the style is Fusion and the light palette Fusion's with our accent."""
    import os
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from smbplanner.ui import app as A\n"
        "from smbplanner.storage.backups import list_backups\n"
        "def done():\n"
        "    heavy = ('sqlite_utils', 'click', 'numpy', 'matplotlib', 'reportlab',\n"
        "             'smbplanner.ui.welcome', 'openpyxl', 'python_calamine')\n"
        "    print(sorted(m for m in heavy if m in sys.modules))\n"
        "    print(len(list_backups(A.Path(sys.argv[1]))))\n"
        "    app = A.QApplication.instance()\n"
        "    print(app.style().name())\n"
        "    from smbplanner.ui.theme import ACCENT\n"
        "    fusion = app.style().standardPalette()\n"
        "    from PySide6.QtGui import QPalette\n"
        "    fusion.setColor(QPalette.ColorRole.Highlight, ACCENT)\n"
        "    print(app.palette() == fusion)\n"
        "    A.QApplication.quit()\n"
        "A._QuitAfterFirstPaint._done = staticmethod(done)\n"
        "from smbplanner.cli import main\n"
        "sys.exit(main([sys.argv[1], '--exit-when-shown']))\n"
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "SMBPLANNER_DATA_DIR": str(tmp_path / "data"),
    }
    result = subprocess.run(
        [sys.executable, "-c", script, str(sample_path)],
        capture_output=True, text=True, timeout=120, env=env,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["[]", "0", "fusion", "True"]
