"""The printed recovery sheet: branch, date, the recovery key as text and as a QR code.

One drawing routine serves the PDF file and the printer, both paged paint devices.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPainter,
    QPdfWriter,
)

from branch_client.fonts import KHMER_FAMILY
from branch_client.i18n import translate, ui_language
from branch_client.receipt.qr import paint_qr, qr_matrix
from branch_client.store import BranchInfo
from branch_client.ui.widgets import set_a4_portrait
from forms.display import show_date


def paint_recovery_sheet(device: QPagedPaintDevice, branch: BranchInfo, recovery_key: str) -> None:
    """Draw the sheet on one A4 page of `device`."""
    set_a4_portrait(device, 20)
    painter = QPainter(device)
    try:
        dpi = device.logicalDpiY()
        page = QRectF(painter.viewport())
        mm = dpi / 25.4

        def font(points: float, *, bold: bool = False, mono: bool = False) -> QFont:
            f = QFont()
            f.setFamilies(["DejaVu Sans Mono", "Courier New", "monospace"] if mono else [KHMER_FAMILY])
            f.setPointSizeF(points)
            f.setBold(bold)
            return f

        y = 0.0

        def text(line: str, f: QFont, height_mm: float) -> None:
            nonlocal y
            painter.setFont(f)
            box = QRectF(0, y, page.width(), height_mm * mm)
            painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, line)
            y += height_mm * mm

        text(translate("RecoverySheet", "CAM-IE Branch Client — recovery key"), font(18, bold=True), 14)
        text(f"{branch.name} ({branch.code}) · {show_date(date.today().isoformat(), ui_language())}", font(12), 10)
        text(recovery_key, font(20, bold=True, mono=True), 16)
        side = 70 * mm
        paint_qr(painter, QRectF(0, y, side, side), qr_matrix(recovery_key))
        y += side + 8 * mm
        text(
            translate(
                "RecoverySheet",
                "This key opens the branch's encrypted data if every manager password is lost. Keep this sheet in the branch safe. Anyone holding it can read the branch's registrations.",
            ),
            font(11),
            24,
        )
        text(
            translate(
                "RecoverySheet", "To use it: on the sign-in screen choose “Forgot password? Use the recovery key”."
            ),
            font(11),
            12,
        )
    finally:
        painter.end()


def save_recovery_pdf(path: Path, branch: BranchInfo, recovery_key: str) -> bool:
    """Write the recovery sheet as a one-page PDF; False if it could not be written there.

    The PDF is written beside `path` first and moved into place, so a failure never
    leaves a half-written sheet or passes an older file off as the new one.
    """
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(b"")  # fail here, plainly, rather than inside Qt's painter
    except OSError:
        return False
    writer = QPdfWriter(str(partial))
    writer.setResolution(300)
    writer.setTitle("CAM-IE recovery key")
    writer.setCreator("CAM-IE Branch Client")
    paint_recovery_sheet(writer, branch, recovery_key)
    del writer  # closes the file
    try:
        if partial.stat().st_size == 0:
            partial.unlink()
            return False
        os.replace(partial, path)
    except OSError:
        return False
    return True
