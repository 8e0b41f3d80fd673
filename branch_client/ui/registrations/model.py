"""The registrations list as a Qt table model that loads a page at a time.

Nothing is read at construction. `set_filter` reads the first page (`search.PAGE_SIZE`
rows, newest first); the view asks for more with `canFetchMore`/`fetchMore` as the user
scrolls, and each page continues after the last row held (keyset paging on the record
id, see `branch_client.store.search`). A branch of 120,000 registrations is never read
whole into memory.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from branch_client.i18n import translate
from branch_client.store import search
from branch_client.store.database import translate_errors
from branch_client.store.errors import KnownError
from branch_client.store.search import ListFilter, ListRow
from branch_client.ui.registrations import text

_Index = QModelIndex | QPersistentModelIndex
log = logging.getLogger(__name__)

REFERENCE, OWNER, BUSINESS, SUBMITTED, CAPTURED_BY, STATE, CAM_IE_NUMBER = range(7)
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole
STATE_ROLE = Qt.ItemDataRole.UserRole + 1


class RegistrationListModel(QAbstractTableModel):
    """Reference, owner, business, submitted, captured by, state, CAM-IE number; one row per
    registration. `conn` is the store's DB-API connection (read only here).

    Signals:
        load_failed(object): the KnownError that stopped reading further rows while scrolling
            (`set_filter` raises it to its caller instead).
    """

    COLUMNS = 7
    load_failed = Signal(object)

    def __init__(self, conn: Any, page_size: int = search.PAGE_SIZE) -> None:
        super().__init__()
        self._conn = conn
        self._page_size = page_size
        self._filter = ListFilter()
        self._rows: list[ListRow] = []
        self._loaded = False
        self._exhausted = True

    @property
    def filter(self) -> ListFilter:
        """What the list shows now."""
        return self._filter

    @property
    def loaded(self) -> bool:
        """True once a first page was read (an empty list before means "not looked yet")."""
        return self._loaded

    def set_filter(self, where: ListFilter) -> None:
        """Show `where`: the rows held are dropped and its first page is read."""
        rows = search.page(self._conn, where, limit=self._page_size)
        self.beginResetModel()
        self._filter = where
        self._rows = rows
        self._loaded = True
        self._exhausted = len(rows) < self._page_size
        self.endResetModel()

    def refresh(self) -> None:
        """Read the first page again (after a submit, a sync pass, or coming back to the page)."""
        self.set_filter(self._filter)

    def row_at(self, row: int) -> ListRow:
        """The registration shown on `row`."""
        return self._rows[row]

    def row_of(self, record_id: str) -> int:
        """The row showing `record_id` among those loaded, or -1."""
        for n, row in enumerate(self._rows):
            if row.record_id == record_id:
                return n
        return -1

    # --- Qt's model API --------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else self.COLUMNS

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt's API
        return not parent.isValid() and self._loaded and not self._exhausted

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802 - Qt's API
        if not self.canFetchMore(parent):
            return
        before = self._rows[-1].record_id if self._rows else None
        try:
            with translate_errors():
                rows = search.page(self._conn, self._filter, before=before, limit=self._page_size)
        except KnownError as exc:  # the view called us: tell the page, and stop asking
            log.warning("reading more registrations failed: %s", exc.code)
            self._exhausted = True
            self.load_failed.emit(exc)
            return
        self._exhausted = len(rows) < self._page_size
        if not rows:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = [
            translate("Registrations", "Reference"),
            translate("Registrations", "Owner"),
            translate("Registrations", "Business"),
            translate("Registrations", "Submitted"),
            translate("Registrations", "Captured by"),
            translate("Registrations", "State"),
            translate("Registrations", "CAM-IE number"),
        ]
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == RECORD_ID_ROLE:
            return row.record_id
        if role == STATE_ROLE:
            return row.state
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == REFERENCE and row.version > 1:
            return translate("Registrations", "A correction: it replaces the earlier version.")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == REFERENCE:
            marker = text.version_marker(row.version)
            return f"{row.reference}  · {marker}" if marker else row.reference
        if column == OWNER:
            return row.owner_name
        if column == BUSINESS:
            return row.business_name
        if column == SUBMITTED:
            return text.when(row.submitted_at)
        if column == CAPTURED_BY:
            return row.captured_by
        if column == STATE:
            return text.state_name(row.state)
        if column == CAM_IE_NUMBER:
            return row.cam_ie_number or ""
        return None

    def retranslate(self) -> None:
        """Tell views every header and cell may read differently now."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMNS - 1))
