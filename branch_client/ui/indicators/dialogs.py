"""The Indicators page's modal questions, behind small functions that tests replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from branch_client.i18n import translate


def choose_save_path(parent: QWidget | None, title: str, suggested_name: str, file_filter: str) -> Path | None:
    """Where to save an export, or None if cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested_name, file_filter)
    return Path(path) if path else None


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
