"""The Indicators page's modal questions, behind small functions that tests replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from branch_client.i18n import translate
from branch_client.ui.dialogs import chosen_file, file_dialog


def choose_save_path(parent: QWidget | None, title: str, suggested_name: str, file_filter: str) -> Path | None:
    """Where to save an export, or None if cancelled (the app's file dialog: Qt's own,
    in Khmer, while the UI is Khmer)."""
    return chosen_file(file_dialog(parent, title, file_filter, save_as=suggested_name))


def ask_password(parent: QWidget | None, explanation: str) -> str | None:
    """The signed-in account's password typed again, or None if cancelled."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(translate("Indicators", "Confirm it is you"))
    layout = QVBoxLayout(dialog)
    text = QLabel(explanation)
    text.setWordWrap(True)
    layout.addWidget(text)
    layout.addWidget(QLabel(translate("Indicators", "Your password")))
    password = QLineEdit()
    password.setEchoMode(QLineEdit.EchoMode.Password)
    layout.addWidget(password)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return password.text()
