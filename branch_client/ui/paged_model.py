"""A table model that reads its rows a page at a time (keyset paging).

The audit log, the batch history and the registrations list can each hold far more rows
than a view should read at once. They share the paging here: the first page is read on
`refresh()`, and the view asks for the next one with `canFetchMore`/`fetchMore` as the user
scrolls; each page continues after the last row held (`_read(after_row)`). A page shorter
than `page_size` means there is nothing further.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

_Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")


class PagedTableModel(QAbstractTableModel, Generic[Row]):
    """Rows of type `Row` read `page_size` at a time; subclasses say how (`_read`) and show them (`data`)."""

    COLUMNS: ClassVar[int]

    def __init__(self, page_size: int) -> None:
        super().__init__()
        self._page_size = page_size
        self._rows: list[Row] = []
        self._exhausted = True

    def _read(self, after: Row | None) -> list[Row]:
        """Up to `page_size` rows following `after` in the model's order (from the first for None)."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Read the first page again; the rows held are dropped."""
        rows = self._read(None)
        with self._resetting(rows):
            pass

    @contextmanager
    def _resetting(self, rows: list[Row]) -> Iterator[None]:
        """Show `rows` as the first page, in one model reset; the block sets what goes with them."""
        self.beginResetModel()
        try:
            yield
        finally:
            self._rows = rows
            self._exhausted = len(rows) < self._page_size
            self.endResetModel()

    def row_at(self, row: int) -> Row:
        """The row of data shown on `row`."""
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else self.COLUMNS

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802 - Qt's API
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008, N802 - Qt's API
        if not self.canFetchMore(parent) or not self._rows:
            return
        more = self._read(self._rows[-1])
        self._exhausted = len(more) < self._page_size
        if more:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def retranslate(self) -> None:
        """Tell views every header and cell may read differently now."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMNS - 1))
