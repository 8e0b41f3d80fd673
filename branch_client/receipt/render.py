"""The receipt's two layouts (A4, 80 mm thermal) and where they go: PDF, printer, image.

`compose` lays the receipt out once (`sheet.Composer`), so the PDF, the printer and the
on-screen preview show the same page. After a PDF is written, `pdf_text` puts the
characters of each glyph run back into it, so its Khmer can be copied and searched.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Final

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPdfWriter,
)
from PySide6.QtPrintSupport import QPrinter

from branch_client.fonts import KHMER_FAMILY, font_files
from branch_client.receipt import texts
from branch_client.receipt.data import ReceiptData
from branch_client.receipt.pdf_text import add_actual_text
from branch_client.receipt.qr import qr_matrix
from branch_client.receipt.sheet import UNITS_PER_INCH, Composer, Sheet, Style, mm, text_height
from branch_client.receipt.texts import Bilingual

LAYOUTS: Final = ("a4", "thermal")
THERMAL_WIDTH_MM: Final = 80.0

A4: Final = Style(
    210, 297, 16, 0.8, QColor("#1b1f23"), QColor("#0b4f6c"), QColor("#5b6770"), QColor("#c5d0d8"), QColor("#eef4f7")
)
#: How tight an A4 page may get (gaps and body text) to keep a long receipt on its one page.
A4_FITS: Final = (1.0, 0.9, 0.8, 0.65, 0.5)
# Thermal paper prints black only: no greys, no tints. 0.75 mm modules are 6 dots at 203 dpi.
THERMAL: Final = Style(THERMAL_WIDTH_MM, None, 4, 0.75, *(QColor("black"),) * 4, None)


class ReceiptError(Exception):
    """The receipt could not be written or printed. `code`: `not_writable`, `printer_failed`."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code


# --- the two layouts ------------------------------------------------------------------


def compose(data: ReceiptData, layout: str = "a4") -> Sheet:
    """Lay the receipt out for `layout` (`a4` or `thermal`)."""
    _ensure_fonts()
    if layout == "a4":
        for fit in A4_FITS:  # the roomy page when it fits, else tighter
            sheet = _compose_a4(data, fit)
            if sheet.content_bottom_mm <= A4.page_height_mm - A4.margin_mm:  # type: ignore[operator]
                break
        return sheet
    if layout == "thermal":
        return _compose_thermal(data)
    raise ValueError(f"unknown receipt layout {layout!r}")


def _services(c: Composer, data: ReceiptData, points: float, *, x: float, width: float) -> None:
    """The services asked for, a bullet each, in the receipt's languages (a service's second
    language under its first, beside the same bullet)."""
    if not data.services:
        c.value(texts.NO_SERVICES, data.languages, points, x=x, width=width)
        return
    indent = mm(points * 0.45)
    for service in data.services:
        top = c.y
        c.text("•", points, x=x, width=indent)
        c.y = top
        c.value(Bilingual(service.km, service.en), data.languages, points, x=x + indent, width=width - indent)


def _compose_a4(data: ReceiptData, fit: float = 1.0) -> Sheet:
    """The A4 page; `fit` below 1 tightens the gaps and the body text, for a receipt whose
    content (both languages, a long address, many services) would not fit the page."""
    c = Composer(A4)
    _a4_header(c, data, fit)
    _a4_reference(c, data, fit)
    _a4_details(c, data, fit)
    _a4_next_and_qr(c, data, fit)
    c.rule(gap_mm=3 * fit)  # the footer
    c.text(
        f"{texts.RECORD.inline(data.languages)} {data.record_id}   ·   "
        f"{texts.DEVICE_KEY.inline(data.languages)} {data.key_id}",
        7,
        color=A4.muted,
    )
    return c.sheet(bottom_margin_mm=A4.margin_mm)


def _body_size(points: float, fit: float) -> float:
    """A body text size on a page tightened to `fit`."""
    return points * (0.5 + fit / 2)


def _a4_header(c: Composer, data: ReceiptData, fit: float) -> None:
    """The platform on the left, the title (and "Copy" on a reprint) on the right."""
    s, langs = A4, data.languages
    left, half = c.left, c.width / 2
    top = c.y
    c.text("CAM-IE", 22, bold=True, color=s.accent, width=half)
    c.label(texts.PLATFORM, languages=langs, width=half, size=8.5)
    header_bottom = c.y
    c.y = top + mm(1)
    right = Qt.AlignmentFlag.AlignRight
    for index, title in enumerate(texts.TITLE.texts(langs)):
        if index == 0:
            c.text(title, 16, bold=True, color=s.ink, x=left + half, width=half, align=right)
        else:
            c.text(title.upper(), 10, bold=True, color=s.muted, x=left + half, width=half, align=right)
    if data.reprint:
        c.y += mm(1)
        copy = " · ".join(t.upper() for t in texts.COPY.texts(langs))
        c.text(copy, 9, bold=True, color=s.accent, x=left + half, width=half, align=right)
    c.y = max(c.y, header_bottom)
    c.rule(color=s.accent, thickness_mm=0.6, gap_mm=3 * fit)


def _a4_reference(c: Composer, data: ReceiptData, fit: float) -> None:
    """The panel with the reference (large), the date and the CAM-IE number once there is one."""
    s, langs = A4, data.languages
    left, width = c.left, c.width
    c.y += mm(1 * fit)
    panel_top, panel_ops = c.y, c.mark()
    pad = mm(5 * fit)
    inner_x = left + pad
    date_x = left + width * 0.62
    date_width = left + width - pad - date_x
    c.y = panel_top + pad
    c.label(texts.REFERENCE, languages=langs, x=inner_x, width=date_x - inner_x)
    c.y += mm(1)
    c.text(data.reference, 20, bold=True, color=s.ink, x=inner_x, width=date_x - inner_x)
    left_bottom = c.y
    c.y = panel_top + pad
    c.label(texts.DATE, languages=langs, x=date_x, width=date_width)
    c.y += mm(1)
    c.text(data.when, 13, bold=True, x=date_x, width=date_width)
    if data.cam_ie_number:
        c.y += mm(2)
        c.label(texts.CAM_IE_NUMBER, languages=langs, x=date_x, width=date_width)
        c.text(data.cam_ie_number, 13, bold=True, color=s.accent, x=date_x, width=date_width)
    c.y = max(c.y, left_bottom) + pad
    c.box(QRectF(left, panel_top, width, c.y - panel_top), fill=s.tint, border=s.rule, at=panel_ops)
    c.y += mm(3 * fit)


def _a4_details(c: Composer, data: ReceiptData, fit: float) -> None:
    """One row per detail: the label in the receipt's languages, then the value."""
    s, langs = A4, data.languages
    label_width = mm(52)
    value_x = c.left + label_width
    value_width = c.width - label_width

    def pt(points: float) -> float:
        return _body_size(points, fit)

    def row(label: Bilingual, draw_value: Callable[[], object], *, last: bool = False) -> None:
        row_top = c.y
        c.label(label, languages=langs, width=label_width - mm(4), size=pt(9))
        label_bottom = c.y
        c.y = row_top
        draw_value()
        c.y = max(c.y, label_bottom)
        if not last:
            c.rule(gap_mm=2 * fit)

    def owner() -> None:
        if data.owner_km:
            c.text(data.owner_km, pt(14), bold=True, x=value_x, width=value_width)
        if data.owner_latin:
            c.text(
                data.owner_latin, pt(11), x=value_x, width=value_width, color=s.ink if not data.owner_km else s.muted
            )

    row(texts.OWNER, owner)
    row(texts.PHONE, lambda: c.text(data.phone or "—", pt(12), x=value_x, width=value_width))
    row(texts.BUSINESS, lambda: c.text(data.business_name or "—", pt(12), x=value_x, width=value_width))
    row(texts.ACTIVITY, lambda: c.value(data.activity, langs, pt(11), x=value_x, width=value_width))
    row(texts.ADDRESS, lambda: c.value(data.address, langs, pt(11), x=value_x, width=value_width))
    row(texts.BRANCH, lambda: c.text(f"{data.branch_name}  ({data.branch_code})", pt(11), x=value_x, width=value_width))
    row(texts.TELLER, lambda: c.text(data.teller or "—", pt(11), x=value_x, width=value_width))
    row(texts.SERVICES, lambda: _services(c, data, pt(11), x=value_x, width=value_width), last=True)
    c.rule(color=s.accent, thickness_mm=0.3, gap_mm=3.5 * fit)


def _a4_next_and_qr(c: Composer, data: ReceiptData, fit: float) -> None:
    """What happens next (left) and the signed QR code (right)."""
    s, langs = A4, data.languages
    left, width = c.left, c.width
    c.y += mm(2 * fit)
    block_top = c.y
    qr_side = mm(s.module_mm) * len(qr_matrix(data.qr_text))
    qr_x = left + width - qr_side
    steps_width = qr_x - left - mm(10)
    c.text(
        texts.NEXT.inline(langs), _body_size(12, fit), bold=True, color=s.accent, width=steps_width, after=mm(2 * fit)
    )
    for step in texts.numbered_steps(registered=bool(data.cam_ie_number)):
        c.value(step, langs, _body_size(10, fit), width=steps_width)
        c.y += mm(2 * fit)
    steps_bottom = c.y
    c.qr(data.qr_text, qr_x, block_top - mm(s.module_mm) * 4)
    c.y = block_top - mm(s.module_mm) * 4 + qr_side
    c.text(texts.SCAN.inline(langs), 8, color=s.muted, x=qr_x, width=qr_side, align=Qt.AlignmentFlag.AlignHCenter)
    c.y = max(c.y, steps_bottom)


def _compose_thermal(data: ReceiptData) -> Sheet:
    c = Composer(THERMAL)
    s = THERMAL
    langs = data.languages
    center = Qt.AlignmentFlag.AlignHCenter
    c.y += mm(2)
    c.text("CAM-IE", 18, bold=True, align=center)
    for index, text in enumerate(texts.PLATFORM.texts(langs)):
        c.text(text, 7.5 if index == 0 else 7, align=center)
    c.y += mm(2)
    for index, text in enumerate(texts.TITLE.texts(langs)):
        c.text(text if index == 0 else text.upper(), 12 if index == 0 else 9, bold=True, align=center)
    if data.reprint:
        c.y += mm(1.5)
        copy = " · ".join(t.upper() for t in texts.COPY.texts(langs))
        badge = c.measure(copy, 9, c.width, bold=True, align=center)
        height = text_height(badge) + mm(1.5)
        c.box(QRectF(c.left + c.width / 2 - mm(17), c.y, mm(34), height), fill=s.ink, radius_mm=1)
        c.draw_text(badge, c.left, c.y + mm(0.75), QColor("white"))
        c.y += height
    c.rule(dashed=True)

    c.label(texts.REFERENCE, languages=langs, align=center, inline=True, size=7.5)
    c.text(data.reference, 15, bold=True, align=center, after=mm(1))

    def pair(label: Bilingual, value: str) -> None:
        """A short value on the right of its label."""
        top = c.y
        c.label(label, languages=langs, width=c.width * 0.45, size=7.5)
        label_bottom = c.y
        c.y = top
        c.text(value, 9, bold=True, x=c.left + c.width * 0.45, width=c.width * 0.55, align=Qt.AlignmentFlag.AlignRight)
        c.y = max(c.y, label_bottom) + mm(1.2)

    c.rule(dashed=True, gap_mm=2)
    pair(texts.DATE, data.when)
    pair(texts.BRANCH, data.branch_code)
    c.text(data.branch_name, 8, align=Qt.AlignmentFlag.AlignRight, after=mm(1.2))
    pair(texts.TELLER, data.teller or "—")
    if data.cam_ie_number:
        pair(texts.CAM_IE_NUMBER, data.cam_ie_number)
    c.rule(dashed=True, gap_mm=2)

    c.label(texts.OWNER, languages=langs, inline=True, size=7.5)
    if data.owner_km:
        c.text(data.owner_km, 12, bold=True)
    if data.owner_latin:
        c.text(data.owner_latin, 10)
    c.y += mm(1.5)
    pair(texts.PHONE, data.phone or "—")
    c.label(texts.BUSINESS, languages=langs, inline=True, size=7.5)
    c.text(data.business_name or "—", 10, after=mm(1.5))
    c.label(texts.ACTIVITY, languages=langs, inline=True, size=7.5)
    c.value(data.activity, langs, 9)
    c.y += mm(1.5)
    c.label(texts.ADDRESS, languages=langs, inline=True, size=7.5)
    c.value(data.address, langs, 9)
    c.y += mm(1.5)
    c.label(texts.SERVICES, languages=langs, inline=True, size=7.5)
    _services(c, data, 9, x=c.left, width=c.width)
    c.rule(dashed=True)

    c.text(texts.NEXT.inline(langs), 9.5, bold=True, after=mm(1))
    for step in texts.numbered_steps(registered=bool(data.cam_ie_number)):
        c.value(step, langs, 8)
        c.y += mm(1)
    c.rule(dashed=True, gap_mm=2)

    side = mm(s.module_mm) * len(qr_matrix(data.qr_text))
    c.qr(data.qr_text, c.left + (c.width - side) / 2, c.y)
    c.y += side
    c.text(texts.SCAN.inline(langs), 7.5, align=center, after=mm(1))
    c.text(f"{texts.RECORD.inline(langs)} {data.record_id}", 6.5, align=center)
    c.text(f"{texts.DEVICE_KEY.inline(langs)} {data.key_id}", 6.5, align=center)
    c.rule(dashed=True, gap_mm=2)
    c.text(texts.THANKS.inline(langs), 9, bold=True, align=center)
    return c.sheet(bottom_margin_mm=12)  # the cutter sits above the print head


# --- output ---------------------------------------------------------------------------


def page_layout(sheet: Sheet) -> QPageLayout:
    """The sheet's page: A4, or 80 mm wide and as long as the receipt. No margins: the
    layout keeps its own, and a printer told to print the full page draws from the edge."""
    size = QPageSize(
        QSizeF(sheet.width_mm, sheet.height_mm), QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.ExactMatch
    )
    if sheet.width_mm == 210 and sheet.height_mm == 297:
        size = QPageSize(QPageSize.PageSizeId.A4)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


def _paint(device: QPaintDevice, sheet: Sheet) -> list[str]:
    painter = QPainter()
    if not painter.begin(device):
        raise ReceiptError("printer_failed", "the printer could not start the page")
    try:
        scale = device.logicalDpiX() / UNITS_PER_INCH
        painter.scale(scale, device.logicalDpiY() / UNITS_PER_INCH)
        return sheet.paint(painter)
    finally:
        if not painter.end():
            raise ReceiptError("printer_failed", "the printer did not finish the page")


def write_pdf(data: ReceiptData, path: Path, layout: str = "a4") -> None:
    """Write the receipt as a one-page PDF at `path` (A4 or 80 mm thermal).

    Written beside `path` and moved into place, so a failure never leaves half a file or
    passes an older one off as new. Raises `ReceiptError("not_writable")`.
    """
    sheet = compose(data, layout)
    path = Path(path)
    partial = path.with_name(f".{path.name}.partial")
    try:
        partial.write_bytes(b"")  # fail here, plainly, rather than inside Qt's painter
    except OSError as exc:
        raise ReceiptError("not_writable", str(exc)) from exc
    try:
        writer = QPdfWriter(str(partial))
        writer.setResolution(1200)
        writer.setTitle(f"CAM-IE receipt {data.reference}")
        writer.setCreator("CAM-IE Branch Client")
        writer.setPageLayout(page_layout(sheet))
        runs = _paint(writer, sheet)
        del writer  # closes the file
        if partial.stat().st_size == 0:
            raise ReceiptError("not_writable", "nothing was written")
        add_actual_text(partial, [runs])
        os.replace(partial, path)
    except OSError as exc:
        raise ReceiptError("not_writable", str(exc)) from exc
    finally:
        partial.unlink(missing_ok=True)


def print_receipt(data: ReceiptData, printer: QPrinter, layout: str = "a4") -> None:
    """Print the receipt on `printer` (set up by the print dialog, or to a PDF file).

    Raises `ReceiptError` when the printer (or its output file) cannot be used; the
    registration is not touched either way.
    """
    sheet = compose(data, layout)
    printer.setFullPage(True)
    page = page_layout(sheet)
    if not printer.setPageLayout(page):  # a printer whose smallest margins are wider: its own margins
        printer.setPageSize(page.pageSize())
    output = printer.outputFileName() if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat else ""
    if output:
        try:
            Path(output).open("ab").close()
        except OSError as exc:
            raise ReceiptError("not_writable", str(exc)) from exc
    runs = _paint(printer, sheet)
    if output:
        add_actual_text(Path(output), [runs])


def render_image(data: ReceiptData, layout: str = "a4", *, dpi: float = 96.0) -> QImage:
    """The receipt as an image (the dialog's preview)."""
    sheet = compose(data, layout)
    width = round(sheet.width_mm / 25.4 * dpi)
    height = round(sheet.height_mm / 25.4 * dpi)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.scale(dpi / UNITS_PER_INCH, dpi / UNITS_PER_INCH)
    sheet.paint(painter)
    painter.end()
    return image


def _ensure_fonts() -> None:
    """Noto Sans Khmer must be known to Qt (the app registers it at start; a self-test may not)."""
    if QGuiApplication.instance() is None:
        raise RuntimeError("a receipt needs a QGuiApplication")
    if KHMER_FAMILY not in QFontDatabase.families():
        for path in font_files():
            QFontDatabase.addApplicationFont(str(path))
