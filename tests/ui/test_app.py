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
