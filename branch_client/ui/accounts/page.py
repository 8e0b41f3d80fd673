"""The manager's Accounts page: create tellers, disable/enable, reset passwords, unlock."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branch_client.store import Session, normalise_username
from branch_client.ui import dialogs
from branch_client.ui.accounts.model import AccountRow, AccountsModel
from branch_client.ui.actions import attempt
from branch_client.ui.widgets import Page, message_label, title_label

STATUS_COLUMN = 2  # active, disabled or locked (AccountsModel's columns)


class AccountsPage(Page):
    """A table of accounts and the actions a manager may take on the selected one.

    Signals:
        recovery_key_replaced(str): a new recovery key was made; it must be shown once.
    """

    recovery_key_replaced = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.title = title_label()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.model = AccountsModel()
        self.model.setParent(self)  # freed with the page by Qt, not later by the garbage collector
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Each column as wide as its longest text, the status (the longest: "Locked (too many
        # wrong passwords)") taking the rest; rows grow when a text still needs two lines.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STATUS_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.new_button = QPushButton()
        self.reset_button = QPushButton()
        self.disable_button = QPushButton()
        self.enable_button = QPushButton()
        self.unlock_button = QPushButton()
        self.recovery_button = QPushButton()
        self.message = message_label()
        self.new_button.clicked.connect(self.create_account)
        self.reset_button.clicked.connect(self.reset_password)
        self.disable_button.clicked.connect(self.disable_account)
        self.enable_button.clicked.connect(self.enable_account)
        self.unlock_button.clicked.connect(self.unlock_account)
        self.recovery_button.clicked.connect(self.replace_recovery_key)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        buttons = QHBoxLayout()
        for button in (self.new_button, self.reset_button, self.disable_button, self.enable_button, self.unlock_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.recovery_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.refresh()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Accounts"))
        self.intro.setText(
            self.tr(
                "Each person who uses this computer has their own account. A disabled account can no longer open the branch's data."
            )
        )
        self.new_button.setText(self.tr("New account…"))
        self.reset_button.setText(self.tr("Reset password…"))
        self.disable_button.setText(self.tr("Disable"))
        self.enable_button.setText(self.tr("Enable…"))
        self.unlock_button.setText(self.tr("Unlock"))
        self.recovery_button.setText(self.tr("New recovery key…"))
        self.model.retranslate()

    def refresh(self) -> None:
        """Reload the accounts from the store, keeping the selection where possible."""
        selected = self.selected()
        rows = []
        for account in self._session.accounts():
            failed, locked_until = self._session.failed_login_state(account.id)
            rows.append(AccountRow(account, failed, locked_until))
        self.model.set_rows(rows)
        if selected is not None:
            for index, row in enumerate(rows):
                if row.account.id == selected.account.id:
                    self.table.selectRow(index)
        self._update_buttons()

    def selected(self) -> AccountRow | None:
        """The account on the selected row, if any."""
        indexes = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_at(indexes[0].row()) if indexes else None

    def select_username(self, username: str) -> None:
        """Select the row of `username` (used by tests and after creating an account)."""
        for index in range(self.model.rowCount()):
            if self.model.row_at(index).account.username == username:
                self.table.selectRow(index)
                return

    def create_account(self) -> None:
        """Ask for a username, role and password, then create the account."""
        request = dialogs.ask_new_account(self)
        if request is None:
            return
        if self._run(lambda: self._session.create_account(request.username, request.password, request.role)):
            self.select_username(normalise_username(request.username))
            self.message.setText(self.tr("Account created."))

    def reset_password(self) -> None:
        """Give the selected account a new password."""
        row = self.selected()
        if row is None:
            return
        password = dialogs.ask_new_password(self, row.account.username)
        if password is not None and self._run(lambda: self._session.reset_password(row.account.id, password)):
            self.message.setText(self.tr("Password changed. Give the new password to the account's owner."))

    def disable_account(self) -> None:
        """Disable the selected account after confirmation."""
        row = self.selected()
        if row is None:
            return
        question = self.tr("Disable the account %1? It will no longer be able to sign in.").replace(
            "%1", row.account.username
        )
        if dialogs.ask_confirmation(self, self.tr("Disable account"), question) and self._run(
            lambda: self._session.disable_account(row.account.id)
        ):
            self.message.setText(self.tr("Account disabled."))

    def enable_account(self) -> None:
        """Enable the selected account with a new password."""
        row = self.selected()
        if row is None:
            return
        password = dialogs.ask_new_password(self, row.account.username)
        if password is not None and self._run(lambda: self._session.enable_account(row.account.id, password)):
            self.message.setText(self.tr("Account enabled."))

    def unlock_account(self) -> None:
        """Clear the selected account's failed-login lock."""
        row = self.selected()
        if row is not None and self._run(lambda: self._session.unlock_account(row.account.id)):
            self.message.setText(self.tr("Account unlocked."))

    def replace_recovery_key(self) -> None:
        """Make a new recovery key (the old one stops working) and have it shown once."""
        question = self.tr(
            "Make a new recovery key? The old recovery key will stop working at once, and the new one is shown only once."
        )
        if not dialogs.ask_confirmation(self, self.tr("New recovery key"), question):
            return
        ok, recovery = attempt(self._session.replace_recovery_key, self.message.setText)
        if ok and recovery is not None:
            self.message.setText(self.tr("A new recovery key was made."))
            self.recovery_key_replaced.emit(str(recovery))

    def _run(self, action: Callable[[], object]) -> bool:
        ok, _ = attempt(action, self.message.setText)
        if ok:
            self.refresh()
        return ok

    def _update_buttons(self) -> None:
        row = self.selected()
        is_self = row is not None and row.account.id == self._session.account.id
        self.reset_button.setEnabled(row is not None and row.account.active)
        self.disable_button.setEnabled(row is not None and row.account.active and not is_self)
        self.enable_button.setEnabled(row is not None and not row.account.active)
        self.unlock_button.setEnabled(row is not None and row.failed_logins > 0)
