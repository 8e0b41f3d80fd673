"""The duplicate warning before submit: registrations of this branch that look like this one.

The teller sees each match (reference, owner, what matched, when), can compare it side by
side with the record being submitted (`CompareDialog`, through `compare_requested`), open
one, or go on with a reason, which is kept with the registration. Shown window-modal with `open()`, so
nothing blocks the event loop (and tests drive it like any widget).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from branch_client.i18n import translate, ui_language
from branch_client.store import MATCH_ID, MATCH_PERSON, MATCH_PHONE, DuplicateMatch
from forms.display import show_datetime

MIN_WIDTH = 720
# The widest the matches' table makes the dialog: the branch PC's 1366-pixel screen, less
# the dialog's frame and margins.
MAX_TABLE_WIDTH = 1280


def match_kind_text(kind: str) -> str:
    """What matched, in words."""
    if kind == MATCH_ID:
        return translate("Duplicates", "Same ID number")
    if kind == MATCH_PHONE:
        return translate("Duplicates", "Same phone number")
    if kind == MATCH_PERSON:
        return translate("Duplicates", "Same name and date of birth")
    return kind


def _when(stamp: str) -> str:
    """When a match was submitted, day first and 24-hour in local time, as every screen shows it."""
    return show_datetime(stamp, ui_language())


class DuplicateDialog(QDialog):
    """The matches, and the choice: open one, go back, or submit anyway with a reason.

    Signals:
        open_requested(str): the teller wants to see this registration.
        compare_requested(str): the teller wants this registration side by side with the
            record being submitted (the page opens the comparison over this dialog).
    After `accepted`, `reason()` holds the teller's reason (never empty).
    """

    open_requested = Signal(str)
    compare_requested = Signal(str)

    def __init__(self, matches: list[DuplicateMatch], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateDialog")
        self.matches = list(matches)
        self.setWindowTitle(translate("Duplicates", "Possible duplicate"))
        self.setMinimumWidth(MIN_WIDTH)
        self.heading = QLabel(translate("Duplicates", "This owner may already be registered at this branch"))
        self.heading.setObjectName("sectionTitle")
        self.heading.setWordWrap(True)
        self.explanation = QLabel(
            translate(
                "Duplicates",
                "Check with the owner. If it is the same business, open the registration instead of making a second one. If it is a different business, or a different person, say why and submit.",
            )
        )
        self.explanation.setWordWrap(True)
        self.table = QTableWidget(len(self.matches), 5)
        self.table.setObjectName("duplicateTable")
        self.table.setHorizontalHeaderLabels(
            [
                translate("Duplicates", "Reference"),
                translate("Duplicates", "Owner"),
                translate("Duplicates", "What matches"),
                translate("Duplicates", "Submitted"),
                "",
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.compare_buttons: list[QPushButton] = []
        for row, match in enumerate(self.matches):
            cells = [
                match.reference,
                match.owner_name,
                "; ".join(match_kind_text(k) for k in match.kinds),
                _when(match.submitted_at),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, match.record_id)
                self.table.setItem(row, column, item)
            compare = QPushButton(translate("Duplicates", "Compare"))
            compare.setObjectName(f"compare_{row}")
            compare.setAutoDefault(False)
            compare.clicked.connect(lambda _checked=False, r=match.record_id: self.compare_requested.emit(r))
            self.table.setCellWidget(row, 4, compare)
            self.compare_buttons.append(compare)
        if self.matches:
            self.table.selectRow(0)
        self.table.doubleClicked.connect(lambda _index: self._open())
        self.open_button = QPushButton(translate("Duplicates", "Open the selected registration"))
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self._open)
        self.compare_button = QPushButton(translate("Duplicates", "Compare with the selected registration"))
        self.compare_button.setAutoDefault(False)
        self.compare_button.clicked.connect(self._compare)
        self.reason_label = QLabel(translate("Duplicates", "Why register anyway? (required)"))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("duplicateReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(
            translate("Duplicates", "For example: a second business of the same owner, at another market.")
        )
        self.reason.setMaximumHeight(90)
        self.reason_label.setBuddy(self.reason)
        self.buttons = QDialogButtonBox()
        self.submit_button = self.buttons.addButton(
            translate("Duplicates", "Submit anyway"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            translate("Duplicates", "Go back"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.submit_button.setEnabled(False)
        self.buttons.accepted.connect(self._accept_if_reason)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)

        open_row = QHBoxLayout()
        open_row.addStretch(1)
        open_row.addWidget(self.compare_button)
        open_row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table)
        layout.addLayout(open_row)
        layout.addSpacing(6)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        # Focus starts in the reason: the one way on is to write why. Enter there submits once
        # a reason is written (Shift+Enter starts a new line); with none it does nothing, and
        # Escape goes back, so no stray key registers the owner twice.
        self.reason.installEventFilter(self)
        self.reason.setFocus()
        self._fit_table()

    def _fit_table(self) -> None:
        """The table as wide as its columns (every name, match and button whole: the dialog
        grows, up to the width of the branch PC's screen) and as tall as five matches."""
        self.ensurePolished()  # measured with the style sheet's fonts and paddings
        table = self.table
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        header = table.horizontalHeader()
        frame = 2 * table.frameWidth()
        rows = sum(table.rowHeight(r) for r in range(min(table.rowCount(), 5)))
        table.setMaximumHeight(header.sizeHint().height() + rows + frame + 4)
        scrollbar = table.verticalScrollBar().sizeHint().width() if table.rowCount() > 5 else 0
        table.setMinimumWidth(min(header.length() + frame + scrollbar + 16, MAX_TABLE_WIDTH))
        layout = self.layout()
        if layout is not None:  # a minimum of its own hides the layout's: say the larger one
            self.setMinimumWidth(max(MIN_WIDTH, layout.minimumSize().width()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            watched is self.reason
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            if self.reason_text():
                self.accept()
            return True
        return super().eventFilter(watched, event)

    def reason_text(self) -> str:
        """The reason typed, trimmed."""
        return self.reason.toPlainText().strip()

    def _update(self) -> None:
        self.submit_button.setEnabled(bool(self.reason_text()))

    def _accept_if_reason(self) -> None:
        if self.reason_text():
            self.accept()
        else:
            self.reason.setFocus()

    def selected_record(self) -> str | None:
        """The record id of the selected match."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, str) else None

    def _compare(self) -> None:
        record_id = self.selected_record()
        if record_id is not None:
            self.compare_requested.emit(record_id)

    def _open(self) -> None:
        record_id = self.selected_record()
        if record_id is not None:
            self.open_requested.emit(record_id)
            self.reject()
