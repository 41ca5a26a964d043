"""Fixtures of the Initiatives page's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


@pytest.fixture
def keep(qtbot: QtBot) -> Iterator[list[QWidget]]:
    """Widgets made inside a test stay alive until its end (qtbot holds weak references)."""
    kept: list[QWidget] = []
    yield kept
    for widget in kept:
        widget.close()
