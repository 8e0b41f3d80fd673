"""The page's questions, each behind a small function that tests replace (as `ui.dialogs`)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branch_client.i18n import translate
from branch_client.store import MAX_REASON
from branch_client.ui import dialogs

# The answers of `ask_policy_off`.
APPROVE_ALL, LEAVE_PENDING = "approve_all", "leave_pending"


class ReasonDialog(QDialog):
    """A question and a box for the reason; OK stays disabled until there is one."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(translate("ReviewDialogs", "Reason (required)"))
        self.hint = QLabel()
        self.hint.setObjectName("errorText")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.text.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.text)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.resize(460, 260)
        self._check()

    def reason(self) -> str:
        return self.text.toPlainText().strip()

    def _check(self) -> None:
        too_long = len(self.reason()) > MAX_REASON
        self.hint.setText(
            translate("ReviewDialogs", "A reason has at most %1 characters.").replace("%1", str(MAX_REASON))
            if too_long
            else ""
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.reason()) and not too_long)


def ask_reason(parent: QWidget | None, title: str, prompt: str) -> str | None:
    """The reason typed (never empty), or None if cancelled."""
    dialog = ReasonDialog(parent, title, prompt)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.reason()


class PolicyOffBox(QMessageBox):
    """The question of `ask_policy_off`: approve all and turn off, turn off and leave them
    waiting, or cancel; `answer()` once closed."""

    def __init__(self, parent: QWidget | None, pending: int) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(translate("ReviewDialogs", "Turn off review before sync"))
        self.setText(
            translate(
                "ReviewDialogs",
                "Registrations still waiting for your review: %1. Turning review off does not send them: "
                "approve them all now, or leave them waiting here until you approve or return each one.",
            ).replace("%1", str(pending))
        )
        # Qt's own box while the UI is Khmer, as every message box of the app (ui.dialogs).
        self.setOption(QMessageBox.Option.DontUseNativeDialog, dialogs.qt_dialogs_only())
        self.approve = QPushButton(
            translate("ReviewDialogs", "Approve all %1 and turn off").replace("%1", str(pending))
        )
        self.leave = QPushButton(translate("ReviewDialogs", "Turn off, leave them waiting"))
        self.addButton(self.approve, QMessageBox.ButtonRole.AcceptRole)
        self.addButton(self.leave, QMessageBox.ButtonRole.AcceptRole)
        self.addButton(QMessageBox.StandardButton.Cancel)

    def answer(self) -> str | None:
        """APPROVE_ALL, LEAVE_PENDING, or None when cancelled (or not answered)."""
        clicked = self.clickedButton()
        if clicked is self.approve:
            return APPROVE_ALL
        if clicked is self.leave:
            return LEAVE_PENDING
        return None


def ask_policy_off(parent: QWidget | None, pending: int) -> str | None:
    """Turning review off while `pending` registrations wait: APPROVE_ALL, LEAVE_PENDING or None (cancel)."""
    box = PolicyOffBox(parent, pending)
    box.exec()
    box.deleteLater()
    return box.answer()


def ask_confirmation(parent: QWidget | None, title: str, question: str) -> bool:
    """Yes/No; True when the manager says yes (the app's message box: Khmer buttons in Khmer)."""
    return dialogs.ask_confirmation(parent, title, question)
