"""The receipt: from the store, to PDF (A4 and 80 mm) and a printer; its QR code and Khmer text."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from branch_client import receipt
from branch_client.fonts import register_khmer_font
from branch_client.receipt import ReceiptError
from branch_client.store import Session, audit
from sync import device as device_config
from sync import receipt as signed_receipt
from sync.outbox import Outbox
from sync.settings import SyncSettings
from tests.sync.helpers import sample_answers, submit

OWNER_KM = ("ស្រី", "សុខុមាលា")  # a subscript consonant and a vowel drawn before its consonant
OWNER_LATIN = ("Srey", "Sokhomealea")


@pytest.fixture(autouse=True)
def khmer_font(qapp: QApplication) -> None:
    register_khmer_font(qapp)


@pytest.fixture
def record_id(manager_session: Session) -> str:
    answers = sample_answers(1, seed=7)[0]
    answers.update(
        family_name_km=OWNER_KM[0],
        given_name_km=OWNER_KM[1],
        family_name_latin=OWNER_LATIN[0],
        given_name_latin=OWNER_LATIN[1],
        services=["nssf", "skills"],
    )
    [made] = submit(manager_session, [answers], prefix="PNH-01-2026")
    return made


@dataclasses.dataclass
class Page:
    width_mm: float
    height_mm: float
    text: str
    image: QImage


def read_pdf(path: Path) -> Page:
    """The first page's size, its text (as pdfium extracts it) and a 200 dpi image."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[0]
        width, height = page.get_size()
        text = page.get_textpage().get_text_range()
        bitmap = page.render(scale=200 / 72, grayscale=True)
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_Grayscale8)
        page.close()
        return Page(width * 25.4 / 72, height * 25.4 / 72, text, image.copy())
    finally:
        pdf.close()


def qr_texts(image: QImage) -> list[str]:
    return [code.text for code in zxingcpp.read_barcodes(image)]


def signing_key(session: Session) -> bytes:
    return device_config.signing_key(SyncSettings(session.db.conn)).public_bytes


@pytest.mark.parametrize("language", ["en", "km", "both"])
@pytest.mark.parametrize("layout", ["a4", "thermal"])
def test_the_pdf_shows_khmer_and_a_qr_code_that_verifies(
    manager_session: Session, record_id: str, tmp_path: Path, layout: str, language: str
) -> None:
    data = receipt.receipt_for(manager_session, record_id, language=language)
    path = tmp_path / "receipt.pdf"

    receipt.write_pdf(data, path, layout)

    page = read_pdf(path)
    assert " ".join(OWNER_KM) in page.text  # shaped Khmer, copied back out in logical order
    assert f"{OWNER_LATIN[0].upper()} {OWNER_LATIN[1]}" in page.text
    assert data.reference in page.text
    khmer = ["របបសន្តិសុខសង្គម ប.ស.ស.", "វគ្គបណ្តុះបណ្តាលជំនាញ", "ជំហានបន្ទាប់", "លេខយោង"]
    english = ["NSSF social protection", "Skills training", "What happens next", "Reference number"]
    for words, printed in ((khmer, language in ("km", "both")), (english, language in ("en", "both"))):
        assert all((w in page.text) == printed for w in words), (language, words)
    [code] = qr_texts(page.image)
    assert code == data.qr_text
    signed = signed_receipt.parse(code)
    assert signed.claim.reference == data.reference
    assert signed.claim.record_id == record_id
    assert signed.verify(signing_key(manager_session))
    tampered = code.replace(data.reference, data.reference[:-1] + ("0" if data.reference[-1] != "0" else "1"))
    assert not signed_receipt.parse(tampered).verify(signing_key(manager_session))
    if layout == "thermal":
        assert page.width_mm == pytest.approx(80, abs=0.5)
        assert 150 < page.height_mm < 400  # as long as the content, not a whole A4
    else:
        assert (page.width_mm, page.height_mm) == (pytest.approx(210, abs=0.5), pytest.approx(297, abs=0.5))


def test_the_qr_code_is_large_enough_to_scan_from_thermal_paper(manager_session: Session, record_id: str) -> None:
    sheet = receipt.compose(receipt.receipt_for(manager_session, record_id), "thermal")
    image = receipt.render_image(receipt.receipt_for(manager_session, record_id), "thermal", dpi=203)  # a thermal head

    assert sheet.width_mm == 80
    assert qr_texts(image)  # decodes at the printer's own resolution


def test_a_branch_not_yet_enrolled_signs_with_one_kept_key(manager_session: Session, record_id: str) -> None:
    outbox = Outbox(manager_session.db.conn)
    assert device_config.load(outbox.settings) is None
    assert device_config.pending_key(outbox.settings, create=False) is None

    first = receipt.receipt_for(manager_session, record_id)
    again = receipt.receipt_for(manager_session, record_id)

    kept = device_config.pending_key(outbox.settings, create=False)
    assert kept is not None
    assert first.key_id == again.key_id == kept.key_id
    assert first.qr_text == again.qr_text  # a reprint carries the very same code


def test_printing_is_recorded_and_audited_with_the_record_id_only(manager_session: Session, record_id: str) -> None:
    assert receipt.receipt_for(manager_session, record_id).reprint is False

    receipt.record_printed(manager_session, record_id)
    receipt.record_printed(manager_session, record_id)  # reprints are allowed any time

    printed_at = manager_session.db.execute(
        "SELECT receipt_printed_at FROM registrations WHERE id = ?", [record_id]
    ).fetchone()[0]
    assert printed_at is not None
    entries = audit.entries(manager_session.db, action="receipt_printed")
    assert [(e.subject, json.loads(e.details)) for e in entries] == [(record_id, {}), (record_id, {})]
    assert audit.verify_chain(manager_session.db).intact
    assert receipt.receipt_for(manager_session, record_id).reprint is True  # it now says "Copy"


def test_a_receipt_for_an_unknown_record_is_a_lookup_error(manager_session: Session) -> None:
    with pytest.raises(LookupError):
        receipt.receipt_for(manager_session, "0193a1b2-c3d4-7e5f-8071-000000000000")
    with pytest.raises(LookupError):
        receipt.record_printed(manager_session, "0193a1b2-c3d4-7e5f-8071-000000000000")


def test_printing_to_a_pdf_printer_works(manager_session: Session, record_id: str, tmp_path: Path) -> None:
    data = receipt.receipt_for(manager_session, record_id)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))

    receipt.print_receipt(data, printer, "thermal")

    page = read_pdf(tmp_path / "printed.pdf")
    assert page.width_mm == pytest.approx(80, abs=0.5)
    assert qr_texts(page.image) == [data.qr_text]
    assert " ".join(OWNER_KM) in page.text


def test_a_failing_print_reports_an_error_and_leaves_the_registration(
    manager_session: Session, record_id: str, tmp_path: Path
) -> None:
    before = manager_session.db.execute("SELECT * FROM registrations WHERE id = ?", [record_id]).fetchone()
    data = receipt.receipt_for(manager_session, record_id)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "no-such-folder" / "printed.pdf"))

    with pytest.raises(ReceiptError) as failed:
        receipt.print_receipt(data, printer)
    with pytest.raises(ReceiptError):
        receipt.write_pdf(data, tmp_path / "no-such-folder" / "saved.pdf")

    assert failed.value.code == "not_writable"
    after = manager_session.db.execute("SELECT * FROM registrations WHERE id = ?", [record_id]).fetchone()
    assert after == before  # still submitted, receipt_printed_at still empty
    assert Outbox(manager_session.db.conn).counts()["waiting"] == 1
    assert not (tmp_path / "no-such-folder").exists()


def test_a_failed_save_leaves_no_partial_file(manager_session: Session, record_id: str, tmp_path: Path) -> None:
    data = receipt.receipt_for(manager_session, record_id)
    out = tmp_path / "out"
    (out / "taken.pdf").mkdir(parents=True)  # a folder where the file should go

    with pytest.raises(ReceiptError) as failed:
        receipt.write_pdf(data, out / "taken.pdf")
    with pytest.raises(ValueError, match="layout"):
        receipt.write_pdf(data, out / "other.pdf", "letter")

    assert failed.value.code == "not_writable"
    assert [p.name for p in out.iterdir()] == ["taken.pdf"]
    assert not list((out / "taken.pdf").iterdir())


def test_the_sample_receipt_is_written(tmp_path: Path) -> None:
    path = tmp_path / "sample.pdf"

    receipt.write_sample_receipt(path)

    page = read_pdf(path)
    [code] = qr_texts(page.image)
    assert signed_receipt.parse(code).claim.reference == "PNH-01-2026-000123-8"
    assert "សុខ ស្រីមុំ" in page.text
