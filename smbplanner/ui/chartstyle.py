"""Colours of the pages' matplotlib charts, read from the application palette so that a chart
reads well in light and in dark mode; and a deferred draw tied to its canvas."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

from smbplanner.ui.theme import is_dark

_PENDING = "smbplanner_draw_pending"


def chart_colours(palette: QPalette, **accents: tuple[Any, Any]) -> dict[str, Any]:
    """Figure, axes, text and grid colours from ``palette``, plus each accent given as
    ``name=(light, dark)``, picked for the palette's brightness."""
    text = palette.color(QPalette.ColorRole.WindowText)
    dark = is_dark(palette)
    return {
        "figure": palette.color(QPalette.ColorRole.Window).name(),
        "axes": palette.color(QPalette.ColorRole.Base).name(),
        "text": text.name(),
        "grid": palette.color(QPalette.ColorRole.Mid).name(),
        **{name: pair[1] if dark else pair[0] for name, pair in accents.items()},
    }


def draw_soon(canvas: QWidget) -> None:
    """Draw a matplotlib canvas once the event loop is free, like ``canvas.draw_idle()``, but
    with a timer owned by the canvas: Qt drops it if the canvas is deleted first (matplotlib's
    own timer then drew a deleted canvas and printed a traceback). Calls before the draw
    make one draw."""
    if canvas.property(_PENDING):
        return
    canvas.setProperty(_PENDING, True)

    def draw() -> None:
        if not shiboken6.isValid(canvas):
            return
        canvas.setProperty(_PENDING, False)
        if canvas.width() > 0 and canvas.height() > 0:
            try:
                canvas.draw()  # type: ignore[attr-defined]
            except RuntimeError:  # the canvas was deleted while it drew (a window closing)
                if shiboken6.isValid(canvas):
                    raise

    QTimer.singleShot(0, canvas, draw)
