"""Colours of the pages' matplotlib charts, read from the application palette so that a chart
reads well in light and in dark mode."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QPalette


def chart_colours(palette: QPalette, **accents: tuple[Any, Any]) -> dict[str, Any]:
    """Figure, axes, text and grid colours from ``palette``, plus each accent given as
    ``name=(light, dark)``, picked for the palette's brightness."""
    text = palette.color(QPalette.ColorRole.WindowText)
    dark = text.lightness() > 128
    return {
        "figure": palette.color(QPalette.ColorRole.Window).name(),
        "axes": palette.color(QPalette.ColorRole.Base).name(),
        "text": text.name(),
        "grid": palette.color(QPalette.ColorRole.Mid).name(),
        **{name: pair[1] if dark else pair[0] for name, pair in accents.items()},
    }
