"""The recovery key, shown once after set-up as text and QR, with print and save-as-PDF."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branch_client.receipt.qr import qr_image
from branch_client.store import BranchInfo
from branch_client.ui import dialogs
from branch_client.ui.setup.recovery_sheet import save_recovery_pdf
from branch_client.ui.widgets import Page, centered, message_label, title_label


class RecoveryKeyPage(Page):
    """Shows the key until the manager confirms it is stored safely.

    Signals:
        acknowledged(): the manager ticked the box and pressed Continue.
    """

    acknowledged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._branch = BranchInfo("", "")
        self._key = ""
        self.title = title_label()
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.key_label = QLabel()
        mono = QFont(["DejaVu Sans Mono", "Consolas", "Courier New", "monospace"])
        mono.setPointSizeF(16)
        mono.setBold(True)
        self.key_label.setFont(mono)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.qr_label = QLabel()
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self._print)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self._save_pdf)
        self.stored = QCheckBox()
        self.continue_button = QPushButton()
        self.continue_button.setEnabled(False)
        self.stored.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self._continue)
        self.message = message_label()

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.title)
        column.addWidget(self.explanation)
        column.addWidget(self.key_label, alignment=Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.qr_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        column.addLayout(buttons)
        column.addWidget(self.message)
        self.centre_note = QLabel()
        self.centre_note.setWordWrap(True)
        self.centre_note.setObjectName("centreNote")
        column.addWidget(self.centre_note)
        column.addWidget(self.stored)
        column.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.addWidget(centered(inner, max_width=620))
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Recovery key"))
        self.explanation.setText(
            self.tr(
                "If every manager password is lost, only this key opens the branch's data. It is shown once. Print it or save it as a PDF, and keep it in the branch safe."
            )
        )
        self.print_button.setText(self.tr("Print…"))
        self.save_button.setText(self.tr("Save as PDF…"))
        self.stored.setText(self.tr("I have printed or saved the recovery key and will keep it safe"))
        self.continue_button.setText(self.tr("Continue"))

    def show_key(self, branch: BranchInfo, recovery_key: str) -> None:
        """Display `recovery_key`; the page forgets it once acknowledged."""
        self._branch, self._key = branch, recovery_key
        self.key_label.setText(recovery_key)
        self.qr_label.setPixmap(QPixmap.fromImage(qr_image(recovery_key, pixels_per_module=5)))
        self.stored.setChecked(False)
        self.message.clear()

    def set_centre_note(self, text: str) -> None:
        """One sentence on the centre connection made (or not) at set-up."""
        self.centre_note.setText(text)

    def is_showing_key(self) -> bool:
        """Whether a key is on screen and not yet confirmed as stored."""
        return bool(self._key)

    def _print(self) -> None:
        if dialogs.print_recovery_sheet(self, self._branch, self._key):
            self.message.setText("")

    def _save_pdf(self) -> None:
        path = dialogs.choose_pdf_path(self, f"cam-ie-recovery-{self._branch.code}.pdf")
        if path is None:
            return
        if save_recovery_pdf(path, self._branch, self._key):
            self.message.setText("")
        else:
            self.message.setText(self.tr("The PDF could not be written there. Choose another folder."))

    def _continue(self) -> None:
        self.key_label.clear()
        self.qr_label.clear()
        self._key = ""
        self.acknowledged.emit()
