"""Registrations: every registration of the branch, searched as you type, filtered by state,
and one of them opened read only.

The list is a lazily loaded model (`registrations.model`); typing waits 150 ms for the
next key before the query runs, so a fast typist sends one query, not one per letter.
Each query reads one page of rows through indexes (`branch_client.store.search`), a few
milliseconds even on a branch of 120,000 registrations, so it runs on the GUI thread.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, QLocale, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branch_client.i18n import translate, ui_language
from branch_client.store import STATES, KnownError, ListFilter, Session
from branch_client.ui import error_text
from branch_client.ui.registrations import model, text
from branch_client.ui.registrations.model import RECORD_ID_ROLE, RegistrationListModel
from branch_client.ui.registrations.record_view import RecordView
from branch_client.ui.widgets import Page, message_label, title_label
from forms.display import show_date

SEARCH_DELAY_MS = 150
#: Rows measured for column widths: the first page, not every row scrolled through.
MEASURED_ROWS = 200
#: Room around a cell's text (the style's margins and the grid line) and a heading's.
CELL_PADDING = 20
HEADER_PADDING = 24
SAMPLE_MOMENT = "2026-12-28T23:59:00"  # day, month and hour at two digits
SAMPLE_CAM_IE_NUMBER = "CIE-2026-0000000"


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
        self.state_counts: dict[str, int] = {}  # the store's count of each state, as last read
        self.earlier_versions = QCheckBox()
        # What a number of the home page counted (its days, owner's sex, teller), while the
        # list shows just those; "Show all" drops it.
        self.scope = ListFilter()
        self.scope_label = QLabel()
        self.scope_label.setObjectName("listScope")
        self.scope_label.setWordWrap(True)
        self.scope_clear = QPushButton()
        self.scope_clear.clicked.connect(self.clear_scope)
        self.scope_bar = QWidget()
        scope_layout = QHBoxLayout(self.scope_bar)
        scope_layout.setContentsMargins(0, 0, 0, 0)
        scope_layout.addWidget(self.scope_label, 1)
        scope_layout.addWidget(self.scope_clear)
        self.scope_bar.hide()
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
        self.table.installEventFilter(self)  # column widths follow the table's width
        self.model.modelReset.connect(self._size_columns)
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
        list_layout.addWidget(self.scope_bar)
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
        self.read_counts()
        self.refresh()

    def read_counts(self) -> None:
        """Read the count of every state for the filter's choices (`Session.state_counts`)."""
        try:
            self.state_counts = self.session.state_counts()
        except KnownError as exc:
            self._say(error_text.message_for(exc))
            return
        self._fill_states()

    def show_filtered(self, where: ListFilter) -> None:
        """Show the list narrowed to what a home page number counted: `where`'s state, and
        its days, owner's sex and teller (shown above the list with *Show all*)."""
        self.show_list()
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.earlier_versions.blockSignals(True)
        self.earlier_versions.setChecked(False)
        self.earlier_versions.blockSignals(False)
        self.scope = ListFilter(days=where.days, sex=where.sex, captured_by=where.captured_by)
        self.state_combo.blockSignals(True)
        self.state_combo.setCurrentIndex(max(0, self.state_combo.findData(where.state)))
        self.state_combo.blockSignals(False)
        self._word_scope()
        self.apply_filter()

    def clear_scope(self) -> None:
        """*Show all*: the list as its controls alone describe it."""
        self.scope = ListFilter()
        self._word_scope()
        self.apply_filter()

    def _word_scope(self) -> None:
        scope = self.scope
        self.scope_bar.setVisible(scope != ListFilter())
        parts = []
        if scope.days is not None:
            first, last = (show_date(day, ui_language()) for day in scope.days)
            parts.append(
                translate("Registrations", "submitted on %1").replace("%1", first)
                if first == last
                else translate("Registrations", "submitted from %1 to %2").replace("%1", first).replace("%2", last)
            )
        if scope.sex is not None:
            parts.append(text.sex_name(scope.sex))
        if scope.captured_by is not None:
            parts.append(translate("Registrations", "mine"))
        self.scope_label.setText(translate("Registrations", "Showing only: %1").replace("%1", ", ".join(parts)))
        self.scope_clear.setText(translate("Registrations", "Show all"))

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
        return dataclasses.replace(
            self.scope,
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
        if where.query.strip():
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
        """Column widths from the font and the longest text each column holds: reference,
        submitted, state and CAM-IE number are never cut; the owner's name takes what is
        left, the business what the names do not need, and "captured by" gives way first.
        At 1366×768 the whole row fits without a sideways scrollbar in either language."""
        table, header = self.table, self.table.horizontalHeader()
        cell, head = table.fontMetrics(), header.fontMetrics()
        shown = range(min(self.model.rowCount(), MEASURED_ROWS))

        def cells(column: int) -> list[str]:
            return [str(self.model.data(self.model.index(r, column))) for r in shown]

        def width(column: int, *samples: str) -> int:
            heading = head.horizontalAdvance(str(self.model.headerData(column, Qt.Orientation.Horizontal)))
            text = max((cell.horizontalAdvance(s) for s in samples), default=0)
            return max(heading + HEADER_PADDING, text + CELL_PADDING)

        fixed = {
            model.REFERENCE: width(model.REFERENCE, *cells(model.REFERENCE)),
            model.SUBMITTED: width(model.SUBMITTED, text.when(SAMPLE_MOMENT, numeric=True), *cells(model.SUBMITTED)),
            # The states the list shows (every state's name is long in Khmer: the owner's name needs the room).
            model.STATE: width(model.STATE, *cells(model.STATE)),
            model.CAM_IE_NUMBER: width(model.CAM_IE_NUMBER, SAMPLE_CAM_IE_NUMBER, *cells(model.CAM_IE_NUMBER)),
        }
        # The room inside the table, keeping the vertical scrollbar's place (it comes with
        # the second page of rows, and must not then push a column out of view).
        room = table.width() - 2 * table.frameWidth() - table.verticalScrollBar().sizeHint().width()
        name = cell.horizontalAdvance("M" * 12)  # a readable name
        captured = width(model.CAPTURED_BY, *cells(model.CAPTURED_BY))
        captured = max(min(captured, (room - sum(fixed.values()) - name) // 3), width(model.CAPTURED_BY))
        pool = room - sum(fixed.values()) - captured  # for the owner and the business
        owner = max(name, width(model.OWNER, *cells(model.OWNER)))
        wanted = width(model.BUSINESS, *cells(model.BUSINESS))
        # Both whole when they fit; else each a share of the room as large as its need.
        business = wanted if owner + wanted <= pool else max(name // 2, pool * wanted // (owner + wanted))
        widths = {**fixed, model.CAPTURED_BY: captured, model.BUSINESS: business}
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(min(header.minimumSectionSize(), name // 2))
        for column, pixels in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, pixels)
        header.setSectionResizeMode(model.OWNER, QHeaderView.ResizeMode.Stretch)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._size_columns()
        return super().eventFilter(watched, event)

    def _open_index(self, index: QModelIndex) -> None:
        record_id = self.model.data(self.model.index(index.row(), 0), RECORD_ID_ROLE)
        if isinstance(record_id, str):
            self.show_record(record_id)

    def _fill_states(self) -> None:
        self.state_combo.blockSignals(True)
        current = self.state_combo.currentIndex()
        self.state_combo.clear()
        counts = self.state_counts
        locale = QLocale()

        def counted(name: str, n: int | None) -> str:
            return name if n is None else f"{name} ({locale.toString(n)})"

        every = sum(counts.values()) if counts else None
        self.state_combo.addItem(counted(translate("Registrations", "All states"), every), None)
        for state in STATES:
            self.state_combo.addItem(counted(text.state_name(state), counts.get(state)), state)
        self.state_combo.setCurrentIndex(max(0, current))
        self.state_combo.blockSignals(False)

    def retranslate(self) -> None:
        self.title.setText(translate("Workspace", "Registrations"))
        self.search_edit.setPlaceholderText(
            translate("Registrations", "Search by reference, ID number, phone or name (Khmer or Latin)")
        )
        self.earlier_versions.setText(translate("Registrations", "Show earlier versions"))
        self._fill_states()
        self._word_scope()
        self.model.retranslate()
        self._size_columns()
        if self.model.loaded:
            self._show_empty_state()
