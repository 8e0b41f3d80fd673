"""A table model of the branch's accounts for the manager's Accounts page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from branch_client.i18n import translate, ui_language
from branch_client.store import Account, Role
from forms.display import show_datetime

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class AccountRow:
    """One account with its failed-login state (which lives in its key slot)."""

    account: Account
    failed_logins: int
    locked_until: datetime | None


class AccountsModel(QAbstractTableModel):
    """Username, role, status, last login, failed logins; one row per account."""

    COLUMNS = 5

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[AccountRow] = []

    def set_rows(self, rows: list[AccountRow]) -> None:
        """Replace the contents (a branch has tens of accounts: a reset is fine)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> AccountRow:
        """The account shown on `row`."""
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's API
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = [
            translate("AccountsModel", "Username"),
            translate("AccountsModel", "Role"),
            translate("AccountsModel", "Status"),
            translate("AccountsModel", "Last sign-in"),
            translate("AccountsModel", "Failed sign-ins"),
        ]
        return headers[section] if 0 <= section < len(headers) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row.account.id
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        account = row.account
        column = index.column()
        if column == 0:
            return account.username
        if column == 1:
            return (
                translate("AccountsModel", "Manager")
                if account.role is Role.MANAGER
                else translate("AccountsModel", "Teller")
            )
        if column == 2:
            if not account.verified:  # changed outside the app: it cannot be used
                return translate("AccountsModel", "Not verified (changed outside the app)")
            if not account.active:
                return translate("AccountsModel", "Disabled")
            if row.locked_until is not None and row.locked_until > datetime.now(row.locked_until.tzinfo):
                return translate("AccountsModel", "Locked (too many wrong passwords)")
            return translate("AccountsModel", "Active")
        if column == 3:
            return _format_time(account.last_login_at) if account.last_login_at else translate("AccountsModel", "Never")
        if column == 4:
            return str(row.failed_logins)
        return None

    def retranslate(self) -> None:
        """Tell views every header and cell may read differently now."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMNS - 1))


def _format_time(iso: str) -> str:
    """A last sign-in as every table shows a moment: day first, 24-hour (`show_datetime`)."""
    return show_datetime(iso, ui_language(), numeric=True)
