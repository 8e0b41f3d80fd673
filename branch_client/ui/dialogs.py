"""Every modal dialog behind a small function, so tests can replace it.

Screens call these instead of constructing dialogs themselves; pytest-qt tests
monkeypatch them (a modal `exec()` would block an offscreen test).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from branch_client.i18n import translate, ui_language
from branch_client.ui import error_text

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from branch_client.store import BranchInfo, Role

# Most screens import this module, so printing (QtPrintSupport), the recovery sheet (with
# the receipts' QR code) and the accounts vocabulary are imported by the functions that
# use them: a screen that never prints does not load them.


def qt_dialogs_only() -> bool:
    """True when the app must show Qt's own dialogs rather than the system's.

    The system's file and print dialogs (Windows, macOS) speak the system's language,
    usually English; Qt's own are translated with the app (see `ui.qt_strings`). So while
    the UI is Khmer the app asks Qt for its own dialogs."""
    return ui_language() == "km"


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
) -> QMessageBox:
    """A message box as the app shows it: Qt's own while the UI is Khmer, so that its
    standard buttons (translated in the `QPlatformTheme` context) read Khmer."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setOption(QMessageBox.Option.DontUseNativeDialog, qt_dialogs_only())
    return box


def confirmation_box(parent: QWidget | None, title: str, question: str) -> QMessageBox:
    """The Yes/No box of `ask_confirmation`, not yet shown."""
    buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    return message_box(parent, QMessageBox.Icon.Question, title, question, buttons)


def ask_confirmation(parent: QWidget | None, title: str, question: str) -> bool:
    """Yes/No question; True when the user says yes."""
    box = confirmation_box(parent, title, question)
    _show_once(box)
    return box.clickedButton() is box.button(QMessageBox.StandardButton.Yes)


def notice_box(parent: QWidget | None, icon: QMessageBox.Icon, message: str) -> QMessageBox:
    """The OK box of `show_error` (a warning icon) and `show_info`, not yet shown."""
    title = translate("Dialogs", "CAM-IE Branch Client")
    return message_box(parent, icon, title, message, QMessageBox.StandardButton.Ok)


def show_error(parent: QWidget | None, message: str) -> None:
    """Tell the user about an error they can act on."""
    _show_once(notice_box(parent, QMessageBox.Icon.Warning, message))


def show_info(parent: QWidget | None, message: str) -> None:
    """Tell the user something went well or needs attention."""
    _show_once(notice_box(parent, QMessageBox.Icon.Information, message))


def _show_once(dialog: QDialog) -> int:
    """Show `dialog` modally, then let Qt delete it (it would live on as a child of its
    parent); the dialog's result."""
    result = dialog.exec()
    dialog.deleteLater()
    return result


def file_dialog(parent: QWidget | None, title: str, file_filter: str, *, save_as: str | None = None) -> QFileDialog:
    """The file dialog the app shows: a Save dialog suggesting the file name `save_as`, or
    an Open dialog for one existing file when it is None.

    While the UI is Khmer it is Qt's own dialog (see `qt_dialogs_only`), keyboard-usable
    as the system's: the file name has the focus, Enter accepts, Escape cancels. A typed
    name without an extension gets the suggested name's (a teller typing "receipt" gets
    "receipt.pdf"), and saving over a file asks first, in both dialogs."""
    dialog = QFileDialog(parent, title, "", file_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, qt_dialogs_only())
    if save_as is None:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix(Path(save_as).suffix.lstrip("."))
        dialog.selectFile(save_as)
    if qt_dialogs_only():
        _make_room_for_khmer(dialog)
    return dialog


def _make_room_for_khmer(dialog: QFileDialog) -> None:
    """Khmer words are wider than English ones: a larger dialog than Qt's default, whose
    places list and Size, Type and Date columns show their text whole (Qt's own widgets,
    found by their object names in qfiledialog.ui; left as they are if Qt renames them)."""
    dialog.resize(900, 540)  # within the branch PC's 1366x768 screen
    splitter = dialog.findChild(QSplitter, "splitter")
    if splitter is not None and splitter.count() == 2:
        splitter.setSizes([190, 710])
    view = dialog.findChild(QTreeView, "treeView")
    if view is not None:
        header = view.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, header.count()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


def chosen_file(dialog: QFileDialog) -> Path | None:
    """Show `dialog` modally; the file chosen, or None if cancelled."""
    if _show_once(dialog) != QDialog.DialogCode.Accepted:
        return None
    files = dialog.selectedFiles()
    return Path(files[0]) if files and files[0] else None


def choose_pdf_path(parent: QWidget | None, suggested_name: str) -> Path | None:
    """Where to save a PDF, or None if cancelled."""
    title = translate("Dialogs", "Save as PDF")
    return chosen_file(file_dialog(parent, title, translate("Dialogs", "PDF files (*.pdf)"), save_as=suggested_name))


def choose_ca_bundle(parent: QWidget | None) -> Path | None:
    """A PEM file of the CA that signs the centre's certificate, or None if cancelled."""
    title = translate("Dialogs", "Centre's CA certificate")
    return chosen_file(file_dialog(parent, title, translate("Dialogs", "Certificates (*.pem *.crt)")))


# Where QPrintDialog is the operating system's dialog rather than Qt's own widget.
SYSTEM_PRINT_DIALOG_PLATFORMS = ("win32", "darwin")


def printer_dialog(parent: QWidget | None, printer: QPrinter) -> QDialog:
    """The print dialog the app shows, configuring `printer` when accepted.

    Qt's own print dialog exists only on Linux; on Windows (and macOS) QPrintDialog is the
    system's, in the system's language. There, while the UI is Khmer, the app shows its
    own `PrinterChooser` instead: the receipt and the recovery sheet set their own paper
    and margins, so the printer and the number of copies are all there is to choose."""
    if qt_dialogs_only() and sys.platform in SYSTEM_PRINT_DIALOG_PLATFORMS:
        return PrinterChooser(parent, printer)
    from PySide6.QtPrintSupport import QPrintDialog

    return QPrintDialog(printer, parent)


def choose_printer(parent: QWidget | None, printer: QPrinter) -> bool:
    """The print dialog (see `printer_dialog`), configuring `printer`; False if cancelled."""
    return _show_once(printer_dialog(parent, printer)) == QDialog.DialogCode.Accepted


class PrinterChooser(QDialog):
    """The app's own print dialog: which printer, how many copies; Print and Cancel.

    Used where Qt's print dialog would be the system's (see `printer_dialog`). The printer
    list has the focus, preselected on the default printer; Enter prints, Escape cancels."""

    def __init__(self, parent: QWidget | None, printer: QPrinter) -> None:
        from PySide6.QtPrintSupport import QPrinterInfo

        super().__init__(parent)
        self._printer = printer
        self.setWindowTitle(translate("Dialogs", "Print"))
        self.printers = QComboBox()
        self.printers.addItems(QPrinterInfo.availablePrinterNames())
        self.printers.setMinimumContentsLength(30)  # printer names are long
        current = printer.printerName() or QPrinterInfo.defaultPrinterName()
        if current:
            self.printers.setCurrentText(current)
        self.copies = QSpinBox()
        self.copies.setRange(1, 99)
        self.copies.setValue(max(1, printer.copyCount()))
        form = QFormLayout()
        form.addRow(translate("Dialogs", "&Printer"), self.printers)
        form.addRow(translate("Dialogs", "&Copies"), self.copies)
        self.message = QLabel()
        self.message.setObjectName("errorText")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        print_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        print_button.setText(translate("Dialogs", "Print"))
        if self.printers.count() == 0:
            self.message.setText(translate("Dialogs", "No printer is set up on this computer."))
            print_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.printers.setFocus()

    def accept(self) -> None:
        """Configure the printer with the choice, then close."""
        self._printer.setPrinterName(self.printers.currentText())
        self._printer.setCopyCount(self.copies.value())
        super().accept()


def print_recovery_sheet(parent: QWidget | None, branch: BranchInfo, recovery_key: str) -> bool:
    """Ask for a printer and print the recovery sheet; False if cancelled."""
    from PySide6.QtPrintSupport import QPrinter

    from branch_client.ui.setup.recovery_sheet import paint_recovery_sheet

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if not choose_printer(parent, printer):
        return False
    paint_recovery_sheet(printer, branch, recovery_key)
    return True


@dataclass(frozen=True)
class NewAccount:
    """What the manager typed in the new-account dialog."""

    username: str
    role: Role
    password: str


class _PasswordFields:
    """Password + confirmation with an inline message when they differ."""

    def __init__(self, form: QFormLayout) -> None:
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(translate("Dialogs", "Password (at least 8 characters)"), self.password)
        form.addRow(translate("Dialogs", "Password again"), self.confirm)

    def value(self) -> str | None:
        return self.password.text() if self.password.text() == self.confirm.text() else None


class _AccountDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, username: str | None) -> None:
        from branch_client.store import Role

        super().__init__(parent)
        self.setWindowTitle(
            translate("Dialogs", "New account") if username is None else translate("Dialogs", "New password")
        )
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.username = QLineEdit()
        self.role = QComboBox()
        self.role.addItem(translate("Dialogs", "Teller"), Role.TELLER)
        self.role.addItem(translate("Dialogs", "Manager"), Role.MANAGER)
        if username is None:
            form.addRow(translate("Dialogs", "Username"), self.username)
            form.addRow(translate("Dialogs", "Role"), self.role)
        else:
            form.addRow(translate("Dialogs", "Account"), QLabel(username))
        self.passwords = _PasswordFields(form)
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("errorText")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept_if_valid(self) -> None:
        if self.passwords.value() is None:
            self.message.setText(error_text.passwords_differ())
            return
        self.accept()


def ask_new_account(parent: QWidget | None) -> NewAccount | None:
    """Username, role and first password for a new account, or None if cancelled."""
    from branch_client.store import Role

    dialog = _AccountDialog(parent, username=None)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    password = dialog.passwords.value()
    assert password is not None
    return NewAccount(dialog.username.text(), Role(dialog.role.currentData()), password)


def ask_new_password(parent: QWidget | None, username: str) -> str | None:
    """A new password (typed twice) for `username`, or None if cancelled."""
    dialog = _AccountDialog(parent, username=username)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passwords.value()


def ask_password_change(parent: QWidget | None) -> tuple[str, str] | None:
    """(current password, new password) for the signed-in account, or None."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(translate("Dialogs", "Change my password"))
    layout = QVBoxLayout(dialog)
    form = QFormLayout()
    current = QLineEdit()
    current.setEchoMode(QLineEdit.EchoMode.Password)
    form.addRow(translate("Dialogs", "Current password"), current)
    fields = _PasswordFields(form)
    layout.addLayout(form)
    message = QLabel()
    message.setObjectName("errorText")
    layout.addWidget(message)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)

    def accept_if_valid() -> None:
        if fields.value() is None:
            message.setText(error_text.passwords_differ())
        else:
            dialog.accept()

    buttons.accepted.connect(accept_if_valid)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    new = fields.value()
    assert new is not None
    return current.text(), new
