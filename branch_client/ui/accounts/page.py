"""The manager's Accounts page: create tellers, disable/enable, reset passwords, unlock,
and re-key the store.

Disabling an account re-keys the store (`Session.disable_account`): the new key is sealed
to every remaining slot at once, then the database file takes it on another thread
(`Session.rekey_job`) under a busy indicator, since SQLCipher reports no progress; the
page finishes it on the GUI thread (`Session.finish_rekey`). A row whose signature does
not verify (changed outside the app) reads "Not verified"; it can only be disabled.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branch_client.store import KnownError, RecoveryKey, Session, normalise_username
from branch_client.ui import dialogs, error_text
from branch_client.ui.accounts.model import AccountRow, AccountsModel
from branch_client.ui.actions import attempt
from branch_client.ui.widgets import Page, message_label, title_label

log = logging.getLogger(__name__)

STATUS_COLUMN = 2  # active, disabled or locked (AccountsModel's columns)


class _RekeyRelay(QObject):
    """Brings a re-key job's end back to the GUI thread (queued, since it is emitted on the
    job's thread)."""

    done = Signal(object)  # None, or the exception the job raised


# Relays of jobs still running: each outlives its page, so a page closed meanwhile (a lock)
# costs nothing; Qt drops a delivery to a deleted receiver.
_RELAYS: list[_RekeyRelay] = []


def _run_job(relay: _RekeyRelay, job: Callable[[], None]) -> None:
    try:
        job()
    except Exception as exc:  # told on the GUI thread (a KnownError) or logged there (a bug)
        relay.done.emit(exc)
    else:
        relay.done.emit(None)


class AccountsPage(Page):
    """A table of accounts and the actions a manager may take on the selected one.

    Signals:
        recovery_key_replaced(str): a new recovery key was made; it must be shown once.
        store_rekeyed(): the database key changed; connections opened with the old key
            (the sync worker's, a draft saver's) must be opened again with `Session.key`.
    """

    recovery_key_replaced = Signal(str)
    store_rekeyed = Signal()

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
        self.rekey_button = QPushButton()
        self.warning = QLabel()  # the policies do not verify
        self.warning.setObjectName("policyWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("QLabel#policyWarning { color: #b00020; }")
        self.progress: QProgressDialog | None = None
        self._after_rekey: tuple[_RekeyRelay, str, RecoveryKey | None] | None = None
        self.message = message_label()
        self.new_button.clicked.connect(self.create_account)
        self.reset_button.clicked.connect(self.reset_password)
        self.disable_button.clicked.connect(self.disable_account)
        self.enable_button.clicked.connect(self.enable_account)
        self.unlock_button.clicked.connect(self.unlock_account)
        self.recovery_button.clicked.connect(self.replace_recovery_key)
        self.rekey_button.clicked.connect(self.rekey_store)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        buttons = QHBoxLayout()
        for button in (self.new_button, self.reset_button, self.disable_button, self.enable_button, self.unlock_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.rekey_button)
        buttons.addWidget(self.recovery_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.warning)
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
        self.rekey_button.setText(self.tr("Re-key the store…"))
        self.rekey_button.setToolTip(
            self.tr(
                "Change the key that encrypts the branch's data, so that copies of the key files taken earlier open nothing."
            )
        )
        self.warning.setText(
            self.tr(
                "The branch's policies were changed outside the app and are not applied: every registration waits for a manager's review. Set the policies again to sign them."
            )
        )
        if self.progress is not None:
            self.progress.setLabelText(self._progress_text())
        self.model.retranslate()

    def refresh(self) -> None:
        """Reload the accounts from the store, keeping the selection where possible."""
        selected = self.selected()
        rows = []
        for account in self._session.accounts():
            failed, locked_until = self._session.failed_login_state(account.id)
            rows.append(AccountRow(account, failed, locked_until))
        self.model.set_rows(rows)
        self.warning.setVisible(not self._policy_verified())
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
        question = self.tr(
            "Disable the account %1? It will no longer be able to sign in, and the key of the branch's data will be changed."
        ).replace("%1", row.account.username)
        if not dialogs.ask_confirmation(self, self.tr("Disable account"), question):
            return
        ok, outcome = attempt(
            lambda: self._session.disable_account(row.account.id, complete=False), self.message.setText
        )
        if ok and outcome is not None:
            self.refresh()
            done = self.tr("Account disabled. The branch's data has a new key.")
            self._finish_in_background(self._outcome_text(outcome.needs_password, done), outcome.recovery_key)

    def rekey_store(self) -> None:
        """Change the database key (and the manager key) after confirmation, without asking
        anyone's password: the new key is sealed to every account's slot."""
        question = self.tr(
            "Change the key of the branch's data? Copies of the key files taken before will no longer open it. Nobody needs a new password. This can take a minute."
        )
        if not dialogs.ask_confirmation(self, self.tr("Re-key the store"), question):
            return
        ok, outcome = attempt(lambda: self._session.rekey(complete=False), self.message.setText)
        if ok and outcome is not None:
            done = self.tr("The branch's data has a new key.")
            self._finish_in_background(self._outcome_text(outcome.needs_password, done), outcome.recovery_key)

    @property
    def rekey_running(self) -> bool:
        """Whether a re-key job is running (its busy indicator is shown)."""
        return self.progress is not None

    def _finish_in_background(self, done_text: str, recovery: RecoveryKey | None) -> None:
        """Run the slow part of a begun re-key on another thread under a busy indicator;
        then say `done_text` and have a new recovery key shown, if one was made."""
        job = self._session.rekey_job()
        self.progress = QProgressDialog(self._progress_text(), "", 0, 0, self)
        self.progress.setCancelButton(None)  # an interrupted re-key is finished at the next sign-in anyway
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.show()
        relay = _RekeyRelay()
        _RELAYS.append(relay)
        self._after_rekey = (relay, done_text, recovery)
        relay.done.connect(self._rekey_done)  # a bound slot: Qt drops it if the page is gone by then
        threading.Thread(target=_run_job, args=(relay, job), name="store-rekey", daemon=True).start()

    def _rekey_done(self, error: object) -> None:
        if self._after_rekey is None:
            return
        relay, done_text, recovery = self._after_rekey
        self._after_rekey = None
        _RELAYS.remove(relay)
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        finished, _ = attempt(self._session.finish_rekey, self.message.setText)
        if isinstance(error, KnownError):
            self.message.setText(error_text.message_for(error))
        elif isinstance(error, BaseException):
            log.error("re-key failed", exc_info=error)
            self.message.setText(error_text.unexpected_error())
        elif finished:
            self.message.setText(done_text)
            self.refresh()
            if recovery is not None:  # first: whoever hears `store_rekeyed` may close this page
                self.recovery_key_replaced.emit(str(recovery))
            self.store_rekeyed.emit()
            return
        self.refresh()

    def _outcome_text(self, waiting: tuple[str, ...], done_text: str) -> str:
        if not waiting:
            return done_text
        return (
            done_text
            + " "
            + self.tr(
                "These accounts have not signed in since the update and need a new password (Reset password…): %1"
            ).replace("%1", ", ".join(waiting))
        )

    def _progress_text(self) -> str:
        return self.tr("Changing the key of the branch's data… Keep the computer on.")

    def _policy_verified(self) -> bool:
        try:
            return self._session.policy.verified
        except KnownError:
            return True  # the store cannot be read now: that is told where it matters

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
        verified = row is not None and row.account.verified
        # A row that does not verify was changed outside the app: it can only be disabled
        # (which makes it a disabled teller's, signed), never given a password.
        self.reset_button.setEnabled(verified and row is not None and row.account.active)
        self.disable_button.setEnabled(row is not None and (row.account.active or not verified) and not is_self)
        self.enable_button.setEnabled(verified and row is not None and not row.account.active)
        self.unlock_button.setEnabled(verified and row is not None and row.failed_logins > 0)
