"""Table models for the sync page: the batch history (lazy, newest first) and one batch's records."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt

from branch_client.i18n import translate
from branch_client.store import BatchRecord, BatchRow, Session
from branch_client.ui.paged_model import PagedTableModel
from branch_client.ui.sync import text as sync_text

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class BatchHistoryModel(PagedTableModel[BatchRow]):
    """Time, records, size, duration and result of each batch, newest first.

    Rows are read a page at a time (`canFetchMore`/`fetchMore`): views ask for more as the
    manager scrolls. `refresh()` re-reads from the top when batches were added or answered.
    """

    COLUMNS = 5
    PAGE = 200

    def __init__(self, session: Session, *, page: int = PAGE) -> None:
        super().__init__(page)
        self._session = session
        self._version: tuple[int, int, int] | None = None

    def refresh(self, *, force: bool = False) -> bool:  # type: ignore[override]  # also says whether it reloaded
        """Reload the first page if the batches changed (or `force`); True if it reloaded."""
        version = self._session.batches_version()
        if not force and version == self._version:
            return False
        rows = self._read(None)
        with self._resetting(rows):
            self._version = version
        return True

    def _read(self, after: BatchRow | None) -> list[BatchRow]:
        before = None if after is None else after.sequence
        return self._session.batches(before_sequence=before, limit=self._page_size)

    def row_of(self, batch_id: str) -> int | None:
        """The row showing `batch_id` among those loaded, or None."""
        for row, batch in enumerate(self._rows):
            if batch.batch_id == batch_id:
                return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY:
            return None
        headers = [
            translate("BatchHistory", "Sent"),
            translate("BatchHistory", "Records"),
            translate("BatchHistory", "Size"),
            translate("BatchHistory", "Duration"),
            translate("BatchHistory", "Result"),
        ]
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        batch = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.UserRole:
            return batch.batch_id
        if role == _ALIGN and column in (1, 2, 3):
            return int(_RIGHT.value)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0:
            return translate("BatchHistory", "Batch %1").replace("%1", str(batch.sequence))
        if role != _DISPLAY:
            return None
        if column == 0:
            return sync_text.when(batch.created_at)
        if column == 1:
            return QLocale().toString(batch.record_count)
        if column == 2:
            return sync_text.size(batch.wire_bytes)
        if column == 3:
            return sync_text.duration(batch.duration_ms)
        if column == 4:
            return sync_text.batch_result(
                batch.state, batch.accepted, batch.duplicates, batch.rejected, batch.error_code
            )
        return None


class BatchRecordsModel(QAbstractTableModel):
    """The records of one batch: reference, state, CAM-IE number, the centre's message.

    A batch holds at most a few hundred records, so they are read at once.
    """

    COLUMNS = 4

    def __init__(self, session: Session) -> None:
        super().__init__()
        self._session = session
        self._rows: list[BatchRecord] = []
        self.batch_id: str | None = None
        self.language = "en"

    def show_batch(self, batch_id: str | None) -> None:
        """Show the records of `batch_id` (none for None); re-reads them when called again."""
        self.beginResetModel()
        self.batch_id = batch_id
        self._rows = [] if batch_id is None else self._session.batch_records(batch_id)
        self.endResetModel()

    def row_at(self, row: int) -> BatchRecord:
        """The record shown on `row`."""
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> object:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY:
            return None
        headers = [
            translate("BatchHistory", "Reference"),
            translate("BatchHistory", "State"),
            translate("BatchHistory", "CAM-IE number"),
            translate("BatchHistory", "The centre's message"),
        ]
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: _Index, role: int = _DISPLAY) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record = self._rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return record.record_id
        if role not in (_DISPLAY, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == 0:
            return record.reference
        if column == 1:
            if record.state == "resent":
                return translate("BatchHistory", "Sent again in a later batch")
            return sync_text.state_name(record.state)
        if column == 2:
            return record.cam_ie_number or ""
        if column == 3:
            return self.message(record)
        return None

    def message(self, record: BatchRecord) -> str:
        """The centre's words on `record` in the UI language (the other language, then its code, if missing)."""
        first, second = (
            (record.message_km, record.message_en) if self.language == "km" else (record.message_en, record.message_km)
        )
        return first or second or record.reason_code or ""

    def retranslate(self, language: str) -> None:
        """Follow a language switch: headers, states and the centre's messages."""
        self.language = language
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMNS - 1))
