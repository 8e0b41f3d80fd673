"""The registrations list as a Qt table model that loads a page at a time.

Nothing is read at construction. `set_filter` reads the first page (`PAGE_SIZE`
rows, newest first); the view asks for more with `canFetchMore`/`fetchMore` as the user
scrolls, and each page continues after the last row held (keyset paging on the record
id, see `Session.registrations_page`). A branch of 120,000 registrations is never read
whole into memory.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal

from branch_client.i18n import translate
from branch_client.store import PAGE_SIZE, KnownError, ListFilter, ListRow, Session
from branch_client.ui.paged_model import PagedTableModel
from branch_client.ui.registrations import text

_Index = QModelIndex | QPersistentModelIndex
log = logging.getLogger(__name__)

REFERENCE, OWNER, BUSINESS, SUBMITTED, CAPTURED_BY, STATE, CAM_IE_NUMBER = range(7)
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole
STATE_ROLE = Qt.ItemDataRole.UserRole + 1


class RegistrationListModel(PagedTableModel[ListRow]):
    """Reference, owner, business, submitted, captured by, state, CAM-IE number; one row per
    registration, read through the signed-in `session`.

    Signals:
        load_failed(object): the KnownError that stopped reading further rows while scrolling
            (`set_filter` raises it to its caller instead).
    """

    COLUMNS = 7
    load_failed = Signal(object)

    def __init__(self, session: Session, page_size: int = PAGE_SIZE) -> None:
        super().__init__(page_size)
        self._session = session
        self._filter = ListFilter()
        self._loaded = False

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
        rows = self._session.registrations_page(where, limit=self._page_size)
        with self._resetting(rows):
            self._filter = where
            self._loaded = True

    def refresh(self) -> None:
        """Read the first page again (after a submit, a sync pass, or coming back to the page)."""
        self.set_filter(self._filter)

    def _read(self, after: ListRow | None) -> list[ListRow]:
        before = None if after is None else after.record_id
        return self._session.registrations_page(self._filter, before=before, limit=self._page_size)

    def row_of(self, record_id: str) -> int:
        """The row showing `record_id` among those loaded, or -1."""
        for n, row in enumerate(self._rows):
            if row.record_id == record_id:
                return n
        return -1

    # --- Qt's model API --------------------------------------------------------------

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802 - Qt's API
        try:
            super().fetchMore(parent)
        except KnownError as exc:  # the view called us: tell the page, and stop asking
            log.warning("reading more registrations failed: %s", exc.code)
            self._exhausted = True
            self.load_failed.emit(exc)

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
            # The reference ends in "/2" already; the words are here, not in the narrow column.
            return " — ".join(
                [
                    text.version_marker(row.version),
                    translate("Registrations", "A correction: it replaces the earlier version."),
                ]
            )
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == REFERENCE:
            return row.reference
        if column == OWNER:
            return row.owner_name
        if column == BUSINESS:
            return row.business_name
        if column == SUBMITTED:
            return text.when(row.submitted_at, numeric=True)
        if column == CAPTURED_BY:
            return row.captured_by
        if column == STATE:
            return text.state_name(row.state)
        if column == CAM_IE_NUMBER:
            return row.cam_ie_number or ""
        return None
