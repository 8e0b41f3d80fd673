"""A table of counts by the owner's sex: one per indicator, beside its chart."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt

from branch_client.i18n import translate
from branch_client.services.indicators import FEMALE, MALE, OTHER, SexCounts

_Index = QModelIndex | QPersistentModelIndex

#: Qt.UserRole on a count cell: the number itself (display text is locale-formatted).
VALUE_ROLE = Qt.ItemDataRole.UserRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
#: The roles `data` answers; a view asks for a dozen more per cell each paint, so those
#: are turned away before any other work.
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, VALUE_ROLE, Qt.ItemDataRole.ToolTipRole, _ALIGNMENT})
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class BreakdownModel(QAbstractTableModel):
    """Category, women-owned, men-owned, [not recorded], total, women-owned %.

    The "not recorded" column shows only when some owner's sex is missing or unusual.
    `category_header` names the first column ("Activity", "Period"…).
    """

    def __init__(self, category_header: str = "") -> None:
        super().__init__()
        self.category_header = category_header
        self._rows: list[SexCounts] = []
        self._labels: list[str] = []
        self._show_other = False

    def set_rows(self, rows: Sequence[SexCounts], labels: Sequence[str], *, show_other: bool = False) -> None:
        """Replace the contents; `labels[i]` is row i's category in the UI language."""
        self.beginResetModel()
        self._rows = list(rows)
        self._labels = list(labels)
        self._show_other = show_other
        self.endResetModel()

    def counts(self, row: int) -> SexCounts:
        """The counts shown on `row`."""
        return self._rows[row]

    def label(self, row: int) -> str:
        """The category label shown on `row`."""
        return self._labels[row]

    def _columns(self) -> list[str]:
        return ["category", FEMALE, MALE, *([OTHER] if self._show_other else []), "total", "share"]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self._columns())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        columns = self._columns()
        if not 0 <= section < len(columns):
            return None
        return {
            "category": self.category_header,
            FEMALE: translate("Indicators", "Women-owned"),
            MALE: translate("Indicators", "Men-owned"),
            OTHER: translate("Indicators", "Sex not recorded"),
            "total": translate("Indicators", "Total"),
            "share": translate("Indicators", "% women"),
        }[columns[section]]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        columns = self._columns()
        if not 0 <= index.column() < len(columns):
            return None
        column = columns[index.column()]
        row = self._rows[index.row()]
        if role == _ALIGNMENT:
            return _LEFT if column == "category" else _RIGHT
        if column == "category":
            return self._labels[index.row()]
        if column == "share":
            share = row.female_share
            if role == VALUE_ROLE:
                return share
            return "–" if share is None else QLocale().toString(share * 100, "f", 1)
        value = row.total if column == "total" else row.value(column)
        return value if role == VALUE_ROLE else QLocale().toString(value)

    def retranslate(self, category_header: str) -> None:
        """Re-read the headers and cells (numbers follow the locale)."""
        self.category_header = category_header
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))
