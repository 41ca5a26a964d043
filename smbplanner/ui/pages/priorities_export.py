"""Export the board (regions, axes, legend and cards) as a PNG image or an SVG drawing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsScene

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
    return image.save(str(path), "PNG")


def export_svg(scene: QGraphicsScene, path: Path, title: str, background: QColor) -> bool:
    from PySide6.QtSvg import QSvgGenerator

    rect = scene.sceneRect()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
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
    return path.exists() and path.stat().st_size > 0
