"""Signing in, and regaining access with the recovery key."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branch_client.ui import error_text
from branch_client.ui.widgets import (
    Page,
    app_name_label,
    centered,
    message_label,
    password_edit,
    title_label,
)

if TYPE_CHECKING:
    from branch_client.store import BranchInfo


class LoginPage(Page):
    """Username and password for this branch.

    Signals:
        sign_in_requested(str, str): username, password.
        recovery_requested(): the user chose to use the recovery key.
    """

    sign_in_requested = Signal(str, str)
    recovery_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._branch: BranchInfo | None = None
        self.title = title_label()
        self.branch_label = QLabel()
        self.username = QLineEdit()
        self.username.setMaxLength(64)
        self.password = password_edit()
        self.message = message_label()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.sign_in_button = QPushButton()
        self.sign_in_button.setDefault(True)
        self.forgot_button = QPushButton()
        self.forgot_button.setFlat(True)
        self.sign_in_button.clicked.connect(self._submit)
        self.password.returnPressed.connect(self._submit)
        self.username.returnPressed.connect(self.password.setFocus)
        self.forgot_button.clicked.connect(self.recovery_requested)

        self.username_label, self.password_label = QLabel(), QLabel()
        self.username_label.setBuddy(self.username)
        self.password_label.setBuddy(self.password)
        form = QFormLayout()
        form.addRow(self.username_label, self.username)
        form.addRow(self.password_label, self.password)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(app_name_label())
        column.addWidget(self.title)
        column.addWidget(self.branch_label)
        column.addLayout(form)
        column.addWidget(self.message)
        column.addWidget(self.sign_in_button)
        column.addWidget(self.forgot_button)
        column.addWidget(self.hint)
        layout = QVBoxLayout(self)
        layout.addWidget(centered(inner, max_width=460))
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Sign in"))
        self.username_label.setText(self.tr("Username"))
        self.password_label.setText(self.tr("Password"))
        self.sign_in_button.setText(self.tr("Sign in"))
        self.forgot_button.setText(self.tr("Forgot password? Use the recovery key"))
        self._show_branch()

    def prepare(self, branch: BranchInfo | None, *, username: str = "", message: str = "") -> None:
        """Reset the form for the next sign-in; `branch` None means the store cannot be read."""
        self._branch = branch
        self._show_branch()
        self.username.setText(username)
        self.password.clear()
        self.message.setText(message)
        self.sign_in_button.setEnabled(branch is not None)
        (self.password if username else self.username).setFocus()

    def set_hint(self, text: str) -> None:
        """A line under the form (the demo shows its accounts here)."""
        self.hint.setText(text)

    def show_error(self, message: str) -> None:
        """Why sign-in failed; the password is cleared, the username kept."""
        self.message.setText(message)
        self.password.clear()
        self.password.setFocus()

    def _show_branch(self) -> None:
        if self._branch is not None:
            self.branch_label.setText(
                self.tr("Branch: %1 (%2)").replace("%1", self._branch.name).replace("%2", self._branch.code)
            )
        else:
            self.branch_label.clear()

    def _submit(self) -> None:
        if not self.sign_in_button.isEnabled():
            return
        self.message.clear()
        self.sign_in_requested.emit(self.username.text(), self.password.text())


class RecoverAccessPage(Page):
    """Recovery key + a manager's username + a new password for that manager.

    Signals:
        recover_requested(str, str, str): recovery key, manager username, new password.
        back_requested(): return to the sign-in form.
    """

    recover_requested = Signal(str, str, str)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title_label()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.recovery_key = QLineEdit()
        self.recovery_key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.username = QLineEdit()
        self.password = password_edit()
        self.confirm = password_edit()
        self.message = message_label()
        self.recover_button = QPushButton()
        self.recover_button.setDefault(True)
        self.back_button = QPushButton()
        self.recover_button.clicked.connect(self._submit)
        self.confirm.returnPressed.connect(self._submit)
        self.back_button.clicked.connect(self.back_requested)

        self._labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        for label, field in zip(
            self._labels, [self.recovery_key, self.username, self.password, self.confirm], strict=True
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.title)
        column.addWidget(self.intro)
        column.addLayout(form)
        column.addWidget(self.message)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addWidget(self.recover_button)
        column.addLayout(row)
        layout = QVBoxLayout(self)
        layout.addWidget(centered(inner, max_width=560))
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Use the recovery key"))
        self.intro.setText(
            self.tr(
                "Type the recovery key from the sheet kept in the branch safe, the manager account to recover, and a new password for it."
            )
        )
        for label, text in zip(
            self._labels,
            [
                self.tr("Recovery key"),
                self.tr("Manager's username"),
                self.tr("New password"),
                self.tr("New password again"),
            ],
            strict=True,
        ):
            label.setText(text)
        self.recover_button.setText(self.tr("Recover and sign in"))
        self.back_button.setText(self.tr("Back"))

    def reset(self) -> None:
        """Empty every field."""
        for field in (self.recovery_key, self.username, self.password, self.confirm):
            field.clear()
        self.message.clear()

    def show_error(self, message: str) -> None:
        """Why recovery failed."""
        self.message.setText(message)

    def _submit(self) -> None:
        if self.password.text() != self.confirm.text():
            self.show_error(error_text.passwords_differ())
            return
        self.message.clear()
        self.recover_requested.emit(self.recovery_key.text(), self.username.text(), self.password.text())
