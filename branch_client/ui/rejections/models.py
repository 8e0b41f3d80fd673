"""Table models of the *Rejections and review* page: one small model per list, sorted by a proxy.

The lists are small (a branch has tens of records needing a person, not thousands), so each
refresh resets its model; every cell is worked out when the view asks for it, in the UI
language of that moment.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from branch_client.i18n import translate, ui_language
from branch_client.store import CORRECTION_SENT, WITHDRAWN, SentBack, UnderReview
from forms.display import show_datetime

_Index = QModelIndex | QPersistentModelIndex
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


def local_time(iso: str) -> str:
    """A stored UTC time as this computer's local date and time, day first and 24-hour
    (`12 February 2026, 14:05`), the one way every screen shows a moment (`show_datetime`)."""
    return show_datetime(iso, ui_language())


def sent_back_state(row: SentBack, *, own: bool = False) -> str:
    """What a record sent back by the centre is waiting for, in words (`own`: told to the
    teller whose record it is, for whom the review is a manager's)."""
    if row.state == WITHDRAWN:
        return translate("ReviewModel", "Withdrawn")
    if row.state == CORRECTION_SENT:
        reference = row.correction_reference or ""
        if row.correction_review == "pending":
            text = (
                translate("ReviewModel", "Correction %1 waiting for a manager's review")
                if own
                else translate("ReviewModel", "Correction %1 waiting for your review")
            )
            return text.replace("%1", reference)
        if row.correction_review == "returned":
            text = (
                translate("ReviewModel", "Correction %1 returned to you")
                if own
                else translate("ReviewModel", "Correction %1 returned to the teller")
            )
            return text.replace("%1", reference)
        return translate("ReviewModel", "Correction %1 sent").replace("%1", reference)
    if row.status == "rejected":
        return translate("ReviewModel", "Rejected")
    return translate("ReviewModel", "Sent back for correction")


def review_notes(row: UnderReview) -> str:
    """What the manager should know about a registration waiting for review."""
    notes = []
    if row.supersedes_reference:
        notes.append(translate("ReviewModel", "Correction of %1").replace("%1", row.supersedes_reference))
    if row.duplicate_note is not None:
        notes.append(translate("ReviewModel", "Submitted despite a possible duplicate"))
    return "; ".join(notes)


@dataclass(frozen=True)
class Column:
    """One column: its header, the text of a cell, and what it sorts by (the text when None)."""

    header: Callable[[], str]
    text: Callable[[Any], str]
    sort_key: Callable[[Any], str] | None = None
    tooltip: bool = False  # long text: the whole of it on hover
    wraps: bool = False  # long text: shares the room the other columns leave, on several lines


def _reference(row: Any) -> str:
    return str(row.reference)


def _owner(row: Any) -> str:
    return str(row.owner_name)


def _submitted(row: Any) -> str:
    return local_time(row.submitted_at)


def _submitted_key(row: Any) -> str:
    return str(row.submitted_at)


def _teller(row: Any) -> str:
    return str(row.teller)


def _common(*, own: bool = False) -> list[Column]:
    """Reference, owner, submitted and (on a manager's page) the teller: on a teller's own
    page every row is hers, so the column would only repeat her name."""
    columns = [
        Column(lambda: translate("ReviewModel", "Reference"), _reference),
        Column(lambda: translate("ReviewModel", "Owner"), _owner),
        Column(lambda: translate("ReviewModel", "Submitted"), _submitted, _submitted_key),
    ]
    if not own:
        columns.append(Column(lambda: translate("ReviewModel", "Teller"), _teller))
    return columns


def _own_state(row: SentBack) -> str:
    return sent_back_state(row, own=True)


def sent_back_columns(*, own: bool = False) -> list[Column]:
    """Reference, owner, submitted, teller (not on a teller's own page), state, the centre's reason."""
    return [
        *_common(own=own),
        Column(lambda: translate("ReviewModel", "State"), _own_state if own else sent_back_state, wraps=True),
        Column(
            lambda: translate("ReviewModel", "Centre's reason"),
            lambda r: r.message(ui_language()),
            tooltip=True,
            wraps=True,
        ),
    ]


def pending_columns() -> list[Column]:
    """Reference, owner, submitted, teller, notes."""
    return [*_common(), Column(lambda: translate("ReviewModel", "Notes"), review_notes, tooltip=True, wraps=True)]


def returned_columns(*, own: bool = False) -> list[Column]:
    """Reference, owner, submitted, teller (not on a teller's own page), the manager's reason."""
    return [
        *_common(own=own),
        Column(
            lambda: translate("ReviewModel", "Reason for return"),
            lambda r: r.review_note or "",
            tooltip=True,
            wraps=True,
        ),
    ]


class RecordsModel(QAbstractTableModel):
    """Rows of `SentBack` or `UnderReview`, shown through `columns`."""

    def __init__(self, columns: Sequence[Column], *, dimmed: Callable[[Any], bool] | None = None) -> None:
        super().__init__()
        self._columns = list(columns)
        self._rows: list[Any] = []
        self._dimmed = dimmed  # rows that need nothing more (shown greyed)

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace the contents."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def wrapping_columns(self) -> list[int]:
        """The columns of long text (a state, a reason), which share the room left and wrap."""
        return [i for i, column in enumerate(self._columns) if column.wraps]

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._columns[section].header() if 0 <= section < len(self._columns) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self._columns):
            return None
        row, column = self._rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == RECORD_ID_ROLE:
            return row.record_id
        if role == SORT_ROLE:
            return (column.sort_key or column.text)(row)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.text(row) or None
        if role == Qt.ItemDataRole.ForegroundRole and self._dimmed is not None and self._dimmed(row):
            return QBrush(QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        return None

    def retranslate(self) -> None:
        """Every header and cell may read differently now (another language, another date format)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self._columns) - 1))


def sorted_view(model: RecordsModel) -> QSortFilterProxyModel:
    """A proxy that sorts `model` by its sort keys (dates by their stored value, not their text)."""
    proxy = QSortFilterProxyModel(model)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setSortLocaleAware(True)
    return proxy
