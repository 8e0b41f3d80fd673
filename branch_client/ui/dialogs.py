"""Every modal dialog behind a small function, so tests can replace it.

Screens call these instead of constructing dialogs themselves; pytest-qt tests
monkeypatch them (a modal `exec()` would block an offscreen test).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from branch_client.i18n import translate
from branch_client.ui import error_text

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from branch_client.store import BranchInfo, Role

# Most screens import this module, so printing (QtPrintSupport), the recovery sheet (with
# the receipts' QR code) and the accounts vocabulary are imported by the functions that
# use them: a screen that never prints does not load them.


def ask_confirmation(parent: QWidget | None, title: str, question: str) -> bool:
    """Yes/No question; True when the user says yes."""
    answer = QMessageBox.question(parent, title, question)
    return answer == QMessageBox.StandardButton.Yes


def show_error(parent: QWidget | None, message: str) -> None:
    """Tell the user about an error they can act on."""
    QMessageBox.warning(parent, translate("Dialogs", "CAM-IE Branch Client"), message)


def show_info(parent: QWidget | None, message: str) -> None:
    """Tell the user something went well or needs attention."""
    QMessageBox.information(parent, translate("Dialogs", "CAM-IE Branch Client"), message)


def choose_pdf_path(parent: QWidget | None, suggested_name: str) -> Path | None:
    """Where to save a PDF, or None if cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, translate("Dialogs", "Save as PDF"), suggested_name, "PDF (*.pdf)")
    return Path(path) if path else None


def choose_ca_bundle(parent: QWidget | None) -> Path | None:
    """A PEM file of the CA that signs the centre's certificate, or None if cancelled."""
    path, _ = QFileDialog.getOpenFileName(
        parent, translate("Dialogs", "Centre's CA certificate"), "", translate("Dialogs", "Certificates (*.pem *.crt)")
    )
    return Path(path) if path else None


def choose_printer(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system print dialog, configuring `printer`; False if cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog

    return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted


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
