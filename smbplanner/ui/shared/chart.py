"""What the pages' matplotlib charts share: ``ChartFrame`` (a message when there is nothing to
draw, else a canvas made when first needed, matplotlib imported then; drawn when shown and when
the palette changes), colours read from the application palette so that a chart reads well in
light and in dark mode, and a deferred draw tied to its canvas."""

from __future__ import annotations

from functools import cache
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

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


def style_axes(ax: Any, c: dict[str, Any], grid: str = "both") -> None:
    """An axes in the palette's colours ``c`` (see ``chart_colours``): its background, tick
    labels, spines and grid lines (on ``grid``: "both", "x" or "y")."""
    ax.set_facecolor(c["axes"])
    ax.tick_params(colors=c["text"], labelsize=8)
    for spine in ax.spines.values():
        spine.set_color(c["grid"])
    ax.grid(True, axis=grid, color=c["grid"], linewidth=0.5, alpha=0.6)


def fresh_axes(figure: Any, c: dict[str, Any]) -> Any:
    """The figure cleared in the palette's colours, with one new axes."""
    figure.clear()
    figure.set_facecolor(c["figure"])
    ax = figure.add_subplot()
    ax.set_facecolor(c["axes"])
    return ax


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


@cache
def canvas_class() -> type:
    """matplotlib's Qt canvas whose own deferred draws (after a resize, say) go through
    ``draw_soon``: matplotlib's ``draw_idle`` uses a timer with no owner, which fired after the
    canvas was deleted and printed a traceback. Made (and matplotlib imported) on first use."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    class Canvas(FigureCanvasQTAgg):  # type: ignore[misc]
        def draw_idle(self) -> None:
            draw_soon(self)

    return Canvas


class ChartFrame(QWidget):
    """A chart of a page: shows ``empty`` (a message) or its matplotlib canvas, made by
    ``ensure_canvas`` when first needed. ``draw()`` (a subclass's) runs when the chart is shown
    with something new to draw (``request_draw`` while hidden only marks it), and again when
    the palette changes (switching light and dark)."""

    def __init__(self, name: str, width: int, height: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setMinimumSize(width, height)
        self.canvas: Any = None  # FigureCanvasQTAgg, once there has been something to draw
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(12)
        self._stack = QStackedLayout(self)
        self._stack.addWidget(self.empty)
        self._dirty = True

    def draw(self) -> None:
        raise NotImplementedError

    def request_draw(self) -> None:
        """Draw now when shown, else when next shown."""
        self._dirty = True
        if self.isVisible():
            self._draw_now()

    def _draw_now(self) -> None:
        self._dirty = False
        self.draw()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self._draw_now()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.request_draw()

    def show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self._stack.setCurrentWidget(self.empty)

    def ensure_canvas(self, width: float, height: float, layout: str | None = None) -> Any:
        """The canvas (a ``width`` × ``height`` inch figure), made on the first call."""
        if self.canvas is None:
            from matplotlib.figure import Figure

            self.canvas = canvas_class()(Figure(figsize=(width, height), layout=layout))
            self.canvas.setAccessibleName(self.accessibleName())
            self._stack.addWidget(self.canvas)
        return self.canvas

    def show_canvas(self) -> None:
        """Bring the canvas to the front and draw it once the event loop is free."""
        self._stack.setCurrentWidget(self.canvas)
        draw_soon(self.canvas)
