"""QR codes drawn with Qt from the `qrcode` package's module matrix (no Pillow needed)."""

from __future__ import annotations

import qrcode
import qrcode.constants
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR modules for `text`, quiet zone included (error correction M)."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(text)
    code.make(fit=True)
    return [[bool(cell) for cell in row] for row in code.get_matrix()]


def paint_qr(painter: QPainter, rect: QRectF, matrix: list[list[bool]]) -> None:
    """Draw `matrix` as black squares filling the square `rect`."""
    size = len(matrix)
    module = rect.width() / size
    painter.save()
    painter.fillRect(rect, Qt.GlobalColor.white)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(Qt.GlobalColor.black))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.drawRect(QRectF(rect.left() + x * module, rect.top() + y * module, module, module))
    painter.restore()


def qr_image(text: str, *, pixels_per_module: int = 6) -> QImage:
    """A crisp QR image of `text`, each module `pixels_per_module` pixels wide."""
    matrix = qr_matrix(text)
    side = len(matrix) * pixels_per_module
    image = QImage(side, side, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    paint_qr(painter, QRectF(0, 0, side, side), matrix)
    painter.end()
    return image
