"""Export the board (regions, axes, legend and cards) as a PNG image or an SVG drawing.

Each is drawn into memory, then written like every output (``storage.filecopy``): atomically,
never over a plan file, and only over the file the owner chose in the save dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

from smbplanner.storage.errors import PlanFileError
from smbplanner.storage.filecopy import check_output, write_atomically

PNG_SCALE = 2.0  # pixels per scene unit: sharp enough for slides


def _paint(scene: QGraphicsScene, painter: QPainter, target: QRectF) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, target, scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)


def export_png(scene: QGraphicsScene, path: Path, background: QColor) -> bool:
    rect = scene.sceneRect()
    size = QSize(int(rect.width() * PNG_SCALE), int(rect.height() * PNG_SCALE))
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(background)
    painter = QPainter(image)
    _paint(scene, painter, QRectF(0, 0, size.width(), size.height()))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        return False
    return _write(path, bytes(data.data()))


def export_svg(scene: QGraphicsScene, path: Path, title: str, background: QColor) -> bool:
    from PySide6.QtSvg import QSvgGenerator

    rect = scene.sceneRect()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(int(rect.width()), int(rect.height())))
    generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    generator.setTitle(title)
    generator.setDescription("Impact × feasibility board exported by SMB Planner")
    painter = QPainter()
    if not painter.begin(generator):
        return False
    painter.fillRect(QRectF(0, 0, rect.width(), rect.height()), background)
    _paint(scene, painter, QRectF(0, 0, rect.width(), rect.height()))
    painter.end()
    return bool(data.size()) and _write(path, bytes(data.data()))


def _write(path: Path, data: bytes) -> bool:
    """The save dialog asked before overwriting; a plan file is never overwritten."""
    try:
        check_output(path, force=True)
        write_atomically(path, lambda tmp: tmp.write_bytes(data), replace=True)
    except PlanFileError:
        return False
    return True
