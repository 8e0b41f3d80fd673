"""The receipt dialog: preview, paper choice, Save as PDF…, Print… (chosen, cancelled, failing, none)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from branch_client.fonts import register_khmer_font
from branch_client.i18n import Translator
from branch_client.store import Session, audit
from branch_client.ui import dialogs, receipt_dialog
from branch_client.ui.receipt_dialog import ReceiptDialog
from tests.sync.helpers import sample_answers, submit


@pytest.fixture
def record_id(manager_session: Session, qapp: QApplication) -> str:
    register_khmer_font(qapp)
    answers = {**sample_answers(1, seed=41)[0], "family_name_km": "ចាន់", "given_name_km": "ស្រីនាង"}
    return submit(manager_session, [answers])[0]


@pytest.fixture
def dialog(qtbot: QtBot, manager_session: Session, record_id: str) -> ReceiptDialog:
    made = ReceiptDialog(manager_session, record_id)
    qtbot.addWidget(made)
    made.show()
    return made


@pytest.fixture
def printers(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The printer names the dialog sees (none, unless a test adds one)."""
    names: list[str] = []
    monkeypatch.setattr(receipt_dialog.QPrinterInfo, "availablePrinterNames", staticmethod(lambda: names))
    return names


def printed_at(session: Session, record_id: str) -> str | None:
    return session.db.execute("SELECT receipt_printed_at FROM registrations WHERE id = ?", [record_id]).fetchone()[0]


def test_the_preview_shows_the_page_for_the_chosen_paper(dialog: ReceiptDialog) -> None:
    a4 = dialog.preview.pixmap()
    assert not a4.isNull()
    assert a4.height() / a4.width() == pytest.approx(297 / 210, rel=0.02)

    dialog.layout_choice.setCurrentIndex(dialog.layout_choice.findData("thermal"))

    roll = dialog.preview.pixmap()
    assert dialog.layout_name == "thermal"
    assert roll.height() / roll.width() > 2.5  # a long narrow slip
    assert dialog.message.text() == ""


def test_save_as_pdf_writes_the_receipt_and_records_it(
    qtbot: QtBot,
    dialog: ReceiptDialog,
    manager_session: Session,
    record_id: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "receipt.pdf"
    monkeypatch.setattr(dialogs, "choose_pdf_path", lambda parent, name: target)

    with qtbot.wait_signal(dialog.printed) as signal, qtbot.wait_signal(dialog.completed) as completed:
        dialog.save_button.click()

    assert signal.args == [record_id]
    assert target.stat().st_size > 1000
    assert str(target) in dialog.status.text()
    assert str(target) in completed.args[0]
    assert not dialog.isVisible()  # done: it closes, as a print preview does
    assert printed_at(manager_session, record_id) is not None
    assert [e.subject for e in audit.entries(manager_session.db, action="receipt_printed")] == [record_id]
    assert dialog.data is not None
    assert dialog.data.reprint  # printing again says "Copy"


def test_a_save_that_fails_says_so_and_records_nothing(
    qtbot: QtBot,
    dialog: ReceiptDialog,
    manager_session: Session,
    record_id: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(dialogs, "choose_pdf_path", lambda parent, name: tmp_path / "gone" / "receipt.pdf")

    with qtbot.assert_not_emitted(dialog.printed):
        dialog.save_button.click()

    assert "could not be written" in dialog.message.text()
    assert printed_at(manager_session, record_id) is None


def test_printing_to_a_chosen_printer(
    qtbot: QtBot,
    dialog: ReceiptDialog,
    manager_session: Session,
    record_id: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    printers: list[str],
) -> None:
    printers.append("Desk printer")
    output = tmp_path / "printed.pdf"

    def choose(parent: QWidget | None, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(output))
        return True

    monkeypatch.setattr(dialogs, "choose_printer", choose)

    with qtbot.wait_signal(dialog.printed):
        dialog.print_button.click()

    assert output.stat().st_size > 1000
    assert "sent to the printer" in dialog.status.text()
    assert printed_at(manager_session, record_id) is not None


def test_a_cancelled_or_failing_print_leaves_the_registration_as_it_was(
    qtbot: QtBot,
    dialog: ReceiptDialog,
    manager_session: Session,
    record_id: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    printers: list[str],
) -> None:
    printers.append("Desk printer")
    before = manager_session.db.execute("SELECT * FROM registrations WHERE id = ?", [record_id]).fetchone()
    monkeypatch.setattr(dialogs, "choose_printer", lambda parent, printer: False)
    with qtbot.assert_not_emitted(dialog.printed):
        dialog.print_button.click()
    assert "cancelled" in dialog.status.text()

    def broken(parent: QWidget | None, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "gone" / "printed.pdf"))
        return True

    monkeypatch.setattr(dialogs, "choose_printer", broken)
    with qtbot.assert_not_emitted(dialog.printed):
        dialog.print_button.click()

    assert "could not be printed" in dialog.message.text()
    assert "Traceback" not in dialog.message.text()
    after = manager_session.db.execute("SELECT * FROM registrations WHERE id = ?", [record_id]).fetchone()
    assert after == before
    assert dialog.print_button.isEnabled()  # try again at any time
    assert dialog.isVisible()  # a failed or cancelled print keeps the receipt open


def test_without_a_printer_the_dialog_says_so(
    dialog: ReceiptDialog, monkeypatch: pytest.MonkeyPatch, printers: list[str]
) -> None:
    monkeypatch.setattr(dialogs, "choose_printer", lambda parent, printer: pytest.fail("no dialog without printers"))

    dialog.print_button.click()

    assert "No printer is set up" in dialog.message.text()


def test_an_unknown_record_is_told_plainly(qtbot: QtBot, manager_session: Session, qapp: QApplication) -> None:
    dialog = ReceiptDialog(manager_session, "0193a1b2-c3d4-7e5f-8071-000000000000")
    qtbot.addWidget(dialog)

    assert "not in this branch's store" in dialog.message.text()
    assert not dialog.print_button.isEnabled()
    assert not dialog.save_button.isEnabled()
    assert dialog.preview.pixmap().isNull()


def test_the_receipt_stays_in_the_owner_s_language_when_the_ui_switches(
    qtbot: QtBot, dialog: ReceiptDialog, qapp: QApplication
) -> None:
    qtbot.wait_until(lambda: dialog.data is not None)
    assert dialog.data is not None
    owner = dialog.data.language  # recorded with the registration (Khmer by default)
    english_label = dialog.language_label.text()
    translator = Translator(qapp)
    try:
        translator.set_language("km")
        qtbot.wait_until(lambda: dialog.language_label.text() != english_label)  # the dialog's texts follow
        assert dialog.data.language == owner  # the receipt does not
        assert not dialog.preview.pixmap().isNull()
    finally:
        translator.set_language("en")
        translator.deleteLater()
    assert dialog.data.language == owner


def test_print_is_the_default_and_each_action_has_its_key(
    qtbot: QtBot, dialog: ReceiptDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    qtbot.wait_until(lambda: dialog.data is not None)
    assert dialog.print_button.isDefault()
    assert not dialog.close_button.autoDefault()
    assert not dialog.save_button.autoDefault()
    asked: list[str] = []
    monkeypatch.setattr(dialog, "save_pdf", lambda: asked.append("save"))
    monkeypatch.setattr(dialog, "print_receipt", lambda: asked.append("print"))
    dialog.save_button.clicked.disconnect()
    dialog.save_button.clicked.connect(dialog.save_pdf)
    dialog.print_button.clicked.disconnect()
    dialog.print_button.clicked.connect(dialog.print_receipt)
    dialog.activateWindow()
    qtbot.wait_until(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["save", "print"]
