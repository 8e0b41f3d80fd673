"""The receipt of one registration: a preview, A4 or 80 mm, Print… and Save as PDF….

Opened after a submit and from a registration later (reprints are allowed any time).
A print or a save that worked closes the dialog, as a print preview does, and says what was
done where the teller is (`completed`). The receipt is in the language the owner reads (recorded with the registration), whatever
the teller's screen language; the teller may choose another for one print. A cancelled or
failed print changes nothing but the message shown: the registration is already
submitted, and the receipt can be printed again from it.
"""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from branch_client import receipt
from branch_client.receipt import ReceiptData, ReceiptError
from branch_client.receipt.render import THERMAL_WIDTH_MM
from branch_client.store import KnownError, Session
from branch_client.ui import dialogs, error_text
from branch_client.ui.widgets import busy_cursor, message_label, title_label

log = logging.getLogger(__name__)

#: Width of the preview page on screen, in pixels (before the screen's scale factor).
PREVIEW_WIDTH = {"a4": 560, "thermal": 340}


class ReceiptDialog(QDialog):
    """Preview and print (or save) the receipt of the registration `record_id`.

    Signals:
        printed(str): the record id, each time its receipt was printed or saved.
        completed(str): what was done ("sent to the printer", "saved as …"), just before the
            dialog closes itself after a print or a save that worked.
    """

    printed = Signal(str)
    completed = Signal(str)

    def __init__(self, session: Session, record_id: str, parent: QWidget | None = None, *, layout: str = "a4") -> None:
        super().__init__(parent)
        self._session = session
        self._record_id = record_id
        self._data: ReceiptData | None = None
        self._owner_language = ""  # km, en or both, once the receipt is read
        self.setMinimumSize(640, 720)

        self.title = title_label()
        self.layout_label = QLabel()
        self.layout_choice = QComboBox()
        self.layout_choice.addItem("", "a4")
        self.layout_choice.addItem("", "thermal")
        self.layout_choice.setCurrentIndex(max(0, self.layout_choice.findData(layout)))
        self.layout_choice.currentIndexChanged.connect(self._show_preview)
        self.language_label = QLabel()
        self.language_choice = QComboBox()
        for code in receipt.LANGUAGES:
            self.language_choice.addItem("", code)
        self.language_choice.setEnabled(False)  # until the receipt is read: it says the owner's language
        self.language_choice.currentIndexChanged.connect(self._language_chosen)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.preview.setObjectName("receiptPreview")
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setStyleSheet(
            "QScrollArea { background: #8a939a; } QLabel#receiptPreview { background: #8a939a; padding: 16px; }"
        )
        self.message = message_label()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self.print_receipt)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save_pdf)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        # The teller's next step is to print: Print is the default (Enter) and has focus;
        # Ctrl+P prints and Ctrl+Shift+S saves a PDF from anywhere in the dialog; Escape closes.
        self.close_button.setAutoDefault(False)
        self.save_button.setAutoDefault(False)
        self.print_button.setDefault(True)
        self.print_shortcut = QShortcut(QKeySequence.StandardKey.Print, self)
        self.print_shortcut.activated.connect(self.print_button.click)
        self.save_shortcut = QShortcut(QKeySequence("Ctrl+Shift+S"), self)
        self.save_shortcut.activated.connect(self.save_button.click)

        choice = QHBoxLayout()
        choice.addWidget(self.layout_label)
        choice.addWidget(self.layout_choice)
        choice.addSpacing(24)
        choice.addWidget(self.language_label)
        choice.addWidget(self.language_choice)
        choice.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        column = QVBoxLayout(self)
        column.addWidget(self.title)
        column.addLayout(choice)
        column.addWidget(scroll, 1)
        column.addWidget(self.message)
        column.addWidget(self.status)
        column.addLayout(buttons)
        self.retranslate()
        self._load()
        self.print_button.setFocus()

    # --- texts --------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Set every visible text in the UI language."""
        self.setWindowTitle(self.tr("Registration receipt"))
        self.title.setText(self.tr("Registration receipt"))
        self.layout_label.setText(self.tr("Paper:"))
        self.layout_choice.setItemText(0, self.tr("A4 sheet"))
        self.layout_choice.setItemText(1, self.tr("80 mm receipt roll"))
        self.language_label.setText(self.tr("Language:"))
        names = {"km": self.tr("Khmer"), "en": self.tr("English"), "both": self.tr("Khmer and English")}
        for index in range(self.language_choice.count()):
            code = str(self.language_choice.itemData(index))
            name = names.get(code, code)
            if code == self._owner_language:
                name = self.tr("%1 — the owner's language").replace("%1", name)
            self.language_choice.setItemText(index, name)
        self.print_button.setText(self.tr("Print…"))
        self.print_button.setToolTip(self.tr("Print the receipt (Enter or Ctrl+P)"))
        self.save_button.setText(self.tr("Save as PDF…"))
        self.save_button.setToolTip(self.tr("Save the receipt as a PDF file (Ctrl+Shift+S)"))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()  # the dialog's own texts; the receipt stays in the owner's language
        super().changeEvent(event)

    # --- state --------------------------------------------------------------------------

    @property
    def layout_name(self) -> str:
        """The chosen paper: `a4` or `thermal`."""
        return str(self.layout_choice.currentData())

    @property
    def language(self) -> str:
        """The language the receipt is printed in: km, en or both."""
        return str(self.language_choice.currentData())

    @property
    def data(self) -> ReceiptData | None:
        """The receipt shown (None when it could not be read)."""
        return self._data

    def _load(self) -> None:
        try:
            self._data = receipt.receipt_for(self._session, self._record_id)
        except LookupError:
            self._fail(self.tr("This registration is not in this branch's store, so it has no receipt."))
        except KnownError as exc:
            self._fail(error_text.message_for(exc))
        except Exception:
            log.exception("the receipt could not be prepared")
            self._fail(error_text.unexpected_error())
        else:
            self._owner_language = self._data.language
            self.retranslate()
            with QSignalBlocker(self.language_choice):
                self.language_choice.setCurrentIndex(max(0, self.language_choice.findData(self._data.language)))
            self.language_choice.setEnabled(True)
            self._show_preview()

    def _language_chosen(self) -> None:
        """Another language for this print (the owner's stays recorded with the registration)."""
        if self._data is not None and self.language != self._data.language:
            self._data = dataclasses.replace(self._data, language=self.language)
            self._show_preview()

    def _fail(self, text: str) -> None:
        self._data = None
        self.preview.clear()
        self.message.setText(text)
        self.print_button.setEnabled(False)
        self.save_button.setEnabled(False)

    def _show_preview(self) -> None:
        if self._data is None:
            return
        ratio = self.devicePixelRatioF()
        page_mm = THERMAL_WIDTH_MM if self.layout_name == "thermal" else 210.0
        dpi = PREVIEW_WIDTH[self.layout_name] / (page_mm / 25.4)
        image = receipt.render_image(self._data, self.layout_name, dpi=dpi * ratio)
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self.preview.setPixmap(pixmap)

    # --- actions ------------------------------------------------------------------------

    def print_receipt(self) -> None:
        """Ask for a printer and print; a cancel or a failure leaves the registration as it is."""
        if self._data is None:
            return
        self._say("", "")
        if not QPrinterInfo.availablePrinterNames():
            self._say(
                self.tr("No printer is set up on this computer. Save the receipt as a PDF instead, and print it later.")
            )
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not dialogs.choose_printer(self, printer):
            self._say(
                "", self.tr("Printing was cancelled. The registration is saved; you can print its receipt at any time.")
            )
            return
        try:
            with busy_cursor():
                receipt.print_receipt(self._data, printer, self.layout_name)
        except ReceiptError:
            self._say(
                self.tr(
                    "The receipt could not be printed. Check that the printer is on and has paper, then try again. The registration is saved."
                )
            )
            return
        self._done(self.tr("The receipt was sent to the printer."))

    def save_pdf(self) -> None:
        """Ask where, and save the receipt as a PDF there."""
        if self._data is None:
            return
        self._say("", "")
        name = f"cam-ie-receipt-{self._data.reference.replace('/', '-')}.pdf"
        path = dialogs.choose_pdf_path(self, name)
        if path is None:
            return
        try:
            with busy_cursor():
                receipt.write_pdf(self._data, path, self.layout_name)
        except ReceiptError:
            self._say(self.tr("The PDF could not be written there. Choose another folder."))
            return
        self._done(self.tr("The receipt was saved as %1.").replace("%1", str(path)))

    def _done(self, text: str) -> None:
        """Record the print (the receipt now says "Copy" when printed again)."""
        try:
            receipt.record_printed(self._session, self._record_id)
        except KnownError as exc:
            self._say(error_text.message_for(exc))
            return
        except LookupError:
            self._say(self.tr("This registration is not in this branch's store, so it has no receipt."))
            return
        self._say("", text)
        self.printed.emit(self._record_id)
        self.completed.emit(text)
        assert self._data is not None
        self._data = dataclasses.replace(self._data, reprint=True)  # printed again, it says "Copy"
        self.accept()  # as a print preview does: the receipt is out, the desk is next

    def _say(self, error: str, info: str = "") -> None:
        self.message.setText(error)
        self.status.setText(info)
