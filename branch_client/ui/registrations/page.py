"""Registrations: every registration of the branch, searched as you type, filtered by state,
and one of them opened read only.

The list is a lazily loaded model (`registrations.model`); typing waits 150 ms for the
next key before the query runs, so a fast typist sends one query, not one per letter.
Each query reads one page of rows through indexes (`branch_client.store.search`), a few
milliseconds even on a branch of 120,000 registrations, so it runs on the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branch_client.i18n import translate
from branch_client.store import STATES, KnownError, ListFilter, Session
from branch_client.ui import error_text
from branch_client.ui.registrations import model, text
from branch_client.ui.registrations.model import RECORD_ID_ROLE, RegistrationListModel
from branch_client.ui.registrations.record_view import RecordView
from branch_client.ui.widgets import Page, message_label, title_label

SEARCH_DELAY_MS = 150


class RegistrationsPage(Page):
    """The list, and the record view in its place when one is opened.

    Signals:
        correction_requested(str): record id the teller wants to correct.
        receipt_requested(str): record id whose receipt to print.
    """

    correction_requested = Signal(str)
    receipt_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.title = title_label()
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setObjectName("registrationSearch")
        self.state_combo = QComboBox()
        self.earlier_versions = QCheckBox()
        self.model = RegistrationListModel(session)
        self.model.setParent(self)  # freed with the page by Qt, not later by the garbage collector
        self.model.load_failed.connect(lambda exc: self._say(error_text.message_for(exc)))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.activated.connect(self._open_index)
        self.table.doubleClicked.connect(self._open_index)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        self.message = message_label()
        self.message.hide()

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self._debounce.start)
        self.search_edit.returnPressed.connect(self.apply_filter)
        self.state_combo.currentIndexChanged.connect(self.apply_filter)
        self.earlier_versions.toggled.connect(self.apply_filter)

        controls = QHBoxLayout()
        controls.addWidget(self.search_edit, 3)
        controls.addWidget(self.state_combo, 1)
        controls.addWidget(self.earlier_versions)
        self.list_page = list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.title)
        list_layout.addLayout(controls)
        list_layout.addWidget(self.message)
        list_layout.addWidget(self.table, 1)
        list_layout.addWidget(self.empty_label, 1)

        self.record_view = RecordView()
        self.record_view.back_requested.connect(self.show_list)
        self.record_view.receipt_requested.connect(self.receipt_requested)
        self.record_view.correction_requested.connect(self.correction_requested)

        self.stack = QStackedWidget()
        self.stack.addWidget(list_page)
        self.stack.addWidget(self.record_view)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self._fill_states()
        self.retranslate()

    # --- what the workspace calls ----------------------------------------------------

    def activated(self) -> None:
        """The page is shown: read the list again (records may have been submitted or synced)."""
        if self.stack.currentWidget() is self.record_view and self.record_view.detail is not None:
            self.show_record(self.record_view.detail.record_id)
        self.refresh()

    def show_record(self, record_id: str) -> None:
        """Open `record_id` read only (says so plainly if it is not in this store)."""
        try:
            detail = self.session.record_detail(record_id)
        except KnownError as exc:
            self._say(error_text.message_for(exc))
            return
        if detail is None:
            self._say(translate("Registrations", "That registration is not in this branch's store."))
            self.show_list()
            return
        self._say("")
        self.record_view.set_record(detail)
        self.stack.setCurrentWidget(self.record_view)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._size_columns()

    def _say(self, words: str) -> None:
        self.message.setText(words)
        self.message.setVisible(bool(words))

    def show_list(self) -> None:
        """Back from a record to the list, where it was."""
        self.stack.setCurrentWidget(self.list_page)
        self.table.setFocus()

    # --- the list --------------------------------------------------------------------

    def current_filter(self) -> ListFilter:
        """The filter the controls describe now."""
        return ListFilter(
            query=self.search_edit.text(),
            state=self.state_combo.currentData(),
            latest_only=not self.earlier_versions.isChecked(),
        )

    def apply_filter(self) -> None:
        """Run the query the controls describe (the debounce timer calls this)."""
        self._debounce.stop()
        self._load(self.current_filter())

    def refresh(self) -> None:
        """Read the list again with the current controls."""
        self.apply_filter()

    def _load(self, where: ListFilter) -> None:
        try:
            self.model.set_filter(where)
        except KnownError as exc:
            self._say(error_text.message_for(exc))
            return
        self._say("")
        self._show_empty_state()

    def _show_empty_state(self) -> None:
        empty = self.model.rowCount() == 0
        self.table.setVisible(not empty)
        self.empty_label.setVisible(empty)
        if not empty:
            return
        where = self.model.filter
        if where.key:
            words = translate("Registrations", "No registration matches “%1”.").replace("%1", where.query.strip())
        elif where.state is not None:
            words = translate("Registrations", "No registration is in the state “%1”.").replace(
                "%1", text.state_name(where.state)
            )
        else:
            words = translate(
                "Registrations", "No registrations yet. Those submitted from New registration appear here."
            )
        self.empty_label.setText(words)

    def _size_columns(self) -> None:
        """Widths from the longest text each column can hold (not by measuring every row,
        which would cost more than the query on each key); names take the rest."""
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()

        def width(*samples: str) -> int:
            return max(metrics.horizontalAdvance(s) for s in samples) + 24

        headers = [str(self.model.headerData(c, Qt.Orientation.Horizontal)) for c in range(self.model.COLUMNS)]
        widths = {
            model.REFERENCE: width("PNH-01-2026-000000-W/2  · " + text.version_marker(2), headers[model.REFERENCE]),
            model.SUBMITTED: width(text.when("2026-12-28T23:59:59+00:00"), headers[model.SUBMITTED]),
            model.CAPTURED_BY: width("teller-name", headers[model.CAPTURED_BY]),
            model.STATE: min(180, width(*[text.state_name(s) for s in STATES], headers[model.STATE])),
            model.CAM_IE_NUMBER: width("CIE-2026-0000000", headers[model.CAM_IE_NUMBER]),
        }
        # On a narrow window the other columns give way a little (elided), then the table scrolls
        # sideways: names never shrink below a readable width.
        names = metrics.horizontalAdvance("M" * 12)
        room = self.width() - 48 - 2 * names
        scale = max(0.8, min(1.0, room / sum(widths.values())))
        for column, pixels in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, int(pixels * scale))
        fits = sum(int(p * scale) for p in widths.values()) <= room
        for column in (model.OWNER, model.BUSINESS):
            header.setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch if fits else QHeaderView.ResizeMode.Interactive
            )
            if not fits:
                header.resizeSection(column, names)
        header.setStretchLastSection(False)

    def _open_index(self, index: QModelIndex) -> None:
        record_id = self.model.data(self.model.index(index.row(), 0), RECORD_ID_ROLE)
        if isinstance(record_id, str):
            self.show_record(record_id)

    def _fill_states(self) -> None:
        self.state_combo.blockSignals(True)
        current = self.state_combo.currentIndex()
        self.state_combo.clear()
        self.state_combo.addItem(translate("Registrations", "All states"), None)
        for state in STATES:
            self.state_combo.addItem(text.state_name(state), state)
        self.state_combo.setCurrentIndex(max(0, current))
        self.state_combo.blockSignals(False)

    def retranslate(self) -> None:
        self.title.setText(translate("Workspace", "Registrations"))
        self.search_edit.setPlaceholderText(
            translate("Registrations", "Search by reference, ID number, phone or name (Khmer or Latin)")
        )
        self.earlier_versions.setText(translate("Registrations", "Show earlier versions"))
        self._fill_states()
        self.model.retranslate()
        self._size_columns()
        if self.model.loaded:
            self._show_empty_state()
