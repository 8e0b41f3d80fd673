"""The registration receipt: PDF, print and preview, with a QR code signed by the device.

    data = receipt.receipt_for(session, record_id)          # from the store, signed, in the owner's language
    receipt.write_pdf(data, Path("r.pdf"), layout="thermal")  # or "a4"
    receipt.print_receipt(data, printer)                      # a QPrinter (print dialog)
    receipt.record_printed(session, record_id)                # receipt_printed_at + audit

See docs/receipt.md for the layouts and the QR code's signed text.
"""

from __future__ import annotations

from pathlib import Path

from branch_client.receipt.data import (
    LANGUAGES,
    ReceiptData,
    Service,
    receipt_for,
    record_printed,
    sample_receipt,
)
from branch_client.receipt.render import LAYOUTS, ReceiptError, compose, print_receipt, render_image, write_pdf


def write_sample_receipt(path: Path, layout: str = "a4") -> None:
    """A receipt for made-up data, signed by a throwaway key, written as a PDF at `path`
    (the packaging self-test uses it). Needs a QGuiApplication; makes an offscreen one if
    there is none."""
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        global _APP
        _APP = QGuiApplication(["cam-ie-receipt", "-platform", "offscreen"])
    write_pdf(sample_receipt(), Path(path), layout)


_APP: object = None

__all__ = [
    "LANGUAGES",
    "LAYOUTS",
    "ReceiptData",
    "ReceiptError",
    "Service",
    "compose",
    "print_receipt",
    "receipt_for",
    "record_printed",
    "render_image",
    "sample_receipt",
    "write_pdf",
    "write_sample_receipt",
]
