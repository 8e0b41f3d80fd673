"""Branch set-up, shown on first start: the store, the first manager, the recovery key."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
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


class SetupPage(Page):
    """The form that creates a branch.

    Signals:
        create_requested(str, str, str, str): branch code, branch name, manager username, password.
    """

    create_requested = Signal(str, str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title_label()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.branch_code = QLineEdit()
        self.branch_code.setMaxLength(16)
        self.branch_name = QLineEdit()
        self.branch_name.setMaxLength(100)
        self.username = QLineEdit()
        self.username.setMaxLength(32)
        self.password = password_edit()
        self.confirm = password_edit()
        self.centre_url = QLineEdit()
        self.centre_url.setPlaceholderText("https://")
        self.enrolment_code = QLineEdit()
        self.enrolment_code.setMaxLength(40)
        self.message = message_label()
        self.create_button = QPushButton()
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._submit)
        self.confirm.returnPressed.connect(self._submit)

        self.form = QFormLayout()
        self._labels = [QLabel() for _ in range(7)]
        fields = [self.branch_code, self.branch_name, self.username, self.password, self.confirm]
        fields += [self.centre_url, self.enrolment_code]
        for label, field in zip(self._labels, fields, strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(app_name_label())
        column.addWidget(self.title)
        column.addWidget(self.intro)
        column.addLayout(self.form)
        column.addWidget(self.message)
        column.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.addWidget(centered(inner, max_width=560))
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Set up this branch"))
        self.intro.setText(
            self.tr(
                "This creates the branch's encrypted data store on this computer and the first manager account. You will then see a recovery key: print it or save it and keep it in the branch safe."
            )
        )
        texts = [
            self.tr("Branch code"),
            self.tr("Branch name"),
            self.tr("Manager's username"),
            self.tr("Password (at least 8 characters)"),
            self.tr("Password again"),
            self.tr("CAM-IE centre address (optional)"),
            self.tr("Enrolment code (optional)"),
        ]
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.branch_code.setPlaceholderText(self.tr("e.g. PNH-01"))
        self.create_button.setText(self.tr("Create branch"))

    def centre_details(self) -> tuple[str, str]:
        """The centre's address and enrolment code typed at set-up (either may be empty)."""
        return self.centre_url.text().strip(), self.enrolment_code.text().strip()

    def show_error(self, message: str) -> None:
        """Show why set-up did not happen; the fields keep what was typed."""
        self.message.setText(message)

    def _submit(self) -> None:
        if self.password.text() != self.confirm.text():
            self.show_error(error_text.passwords_differ())
            return
        url, code = self.centre_details()
        if bool(url) != bool(code):
            self.show_error(self.tr("To connect to the centre now, enter both its address and the enrolment code."))
            return
        if url:
            # The page is built at every start; the URL check (and HTTP with it) only on submit.
            from branch_client.ui.sync import text as sync_text
            from sync.transport import InsecureURL, check_url

            try:
                check_url(url)
            except InsecureURL:
                self.show_error(sync_text.problem("insecure_url"))
                return
        self.message.clear()
        self.create_requested.emit(
            self.branch_code.text(), self.branch_name.text(), self.username.text(), self.password.text()
        )
