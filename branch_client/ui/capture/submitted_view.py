"""After submit: the reference number, big enough to read over the phone, and what next."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from branch_client.ui.widgets import title_label


class SubmittedView(QWidget):
    """The reference, the owner, where the record goes next; print a receipt or start again.

    Signals:
        receipt_requested(str): print a receipt for this record.
        new_requested(): start the next registration.
    """

    receipt_requested = Signal(str)
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record_id = ""
        self._held = False
        self._owner = ""
        self.title = title_label()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption = QLabel()
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setObjectName("referenceCaption")
        self.reference = QLabel()
        self.reference.setObjectName("referenceNumber")
        self.reference.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reference.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(30)
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 2)
        self.reference.setFont(font)
        self.owner = QLabel()
        self.owner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.owner.setObjectName("referenceOwner")
        self.owner.setWordWrap(True)
        self.next_step = QLabel()
        self.next_step.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_step.setWordWrap(True)
        self.next_step.setObjectName("pageIntro")
        self.receipt_note = QLabel()  # "The receipt was sent to the printer." once it was
        self.receipt_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.receipt_note.setWordWrap(True)
        self.receipt_note.setObjectName("saveStatus")
        self.receipt_note.hide()
        card = QFrame()
        card.setObjectName("referenceCard")
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 24, 32, 24)
        inner.setSpacing(8)
        inner.addWidget(self.caption)
        inner.addWidget(self.reference)
        inner.addWidget(self.owner)
        self.print_button = QPushButton()
        self.print_button.setObjectName("primaryButton")
        self.print_button.setAutoDefault(True)
        self.print_button.clicked.connect(lambda: self.receipt_requested.emit(self.record_id))
        self.new_button = QPushButton()
        self.new_button.setAutoDefault(True)
        self.new_button.clicked.connect(self.new_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(self.title)
        column.addSpacing(12)
        column.addWidget(card)
        column.addSpacing(6)
        column.addWidget(self.next_step)
        column.addSpacing(18)
        column.addLayout(buttons)
        column.addSpacing(6)
        column.addWidget(self.receipt_note)
        column.addStretch(2)
        row = QHBoxLayout(self)
        row.addStretch(1)
        row.addLayout(column, 3)
        row.addStretch(1)
        self.retranslate()

    def show_result(self, record_id: str, reference: str, owner: str, *, held: bool) -> None:
        """Show the reference given to `record_id`."""
        self.record_id = record_id
        self._held = held
        self._owner = owner
        self.reference.setText(reference)
        self.receipt_note.clear()
        self.receipt_note.hide()
        self.retranslate()
        self.print_button.setFocus()

    def show_receipt_done(self, text: str) -> None:
        """What became of the receipt (printed, saved as a PDF); focus goes to New registration,
        the teller's next step."""
        self.receipt_note.setText(text)
        self.receipt_note.setVisible(bool(text))
        self.new_button.setFocus()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Registration submitted"))
        self.caption.setText(self.tr("Reference number"))
        self.owner.setText(self._owner)
        if self._held:
            self.next_step.setText(
                self.tr(
                    "It waits for a manager's review, then goes to CAM-IE with the next sync. Give the owner the receipt."
                )
            )
        else:
            self.next_step.setText(
                self.tr(
                    "It goes to CAM-IE with the next sync, even if this computer is offline now. Give the owner the receipt."
                )
            )
        self.print_button.setText(self.tr("Print receipt…"))
        self.new_button.setText(self.tr("New registration") + "  (Ctrl+N)")
