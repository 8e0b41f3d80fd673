"""The signed-in workspace: navigation on the left, the chosen page on the right.

Which pages appear depends on the role: tellers capture and look up registrations;
managers also see sync status, accounts and indicators.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QWidget,
)

from branch_client.i18n import translate
from branch_client.store import Session
from branch_client.ui.accounts_page import AccountsPage
from branch_client.ui.placeholder_page import PlaceholderPage
from branch_client.ui.widgets import Page


@dataclass(frozen=True)
class NavEntry:
    """One navigation item: a stable key, its translated label, and who may see it."""

    key: str
    label: Callable[[], str]
    managers_only: bool


NAVIGATION = [
    NavEntry("capture", lambda: translate("Workspace", "New registration"), managers_only=False),
    NavEntry("registrations", lambda: translate("Workspace", "Registrations"), managers_only=False),
    NavEntry("sync", lambda: translate("Workspace", "Sync status"), managers_only=True),
    NavEntry("accounts", lambda: translate("Workspace", "Accounts"), managers_only=True),
    NavEntry("indicators", lambda: translate("Workspace", "Indicators"), managers_only=True),
]

_COMING = {
    "capture": lambda: translate(
        "Workspace",
        "Capturing a registration is not part of this version yet. It will guide you through the owner, the business, the services requested and consent, in Khmer or English, and print a receipt with a QR code.",
    ),
    "registrations": lambda: translate(
        "Workspace",
        "The list of this branch's registrations is not part of this version yet. It will let you search by reference, ID number, phone or name and see each record's sync state.",
    ),
    "sync": lambda: translate(
        "Workspace",
        "Sync status is not part of this version yet. It will show what is waiting, sent, accepted or rejected by the centre, and when the last sync succeeded.",
    ),
    "indicators": lambda: translate(
        "Workspace",
        "Indicators are not part of this version yet. They will show the branch's registrations by the owner's sex, activity, premises, location and services requested.",
    ),
}


class Workspace(Page):
    """Navigation list + page stack for one session.

    Signals:
        recovery_key_replaced(str): passed on from the Accounts page.
    """

    recovery_key_replaced = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.entries = [e for e in NAVIGATION if session.account.is_manager or not e.managers_only]
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(260)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        for entry in self.entries:
            page = self._make_page(entry)
            self.pages[entry.key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem()
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        layout = QHBoxLayout(self)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.nav.setCurrentRow(0)
        self.retranslate()

    def _make_page(self, entry: NavEntry) -> QWidget:
        if entry.key == "accounts":
            page = AccountsPage(self.session)
            page.recovery_key_replaced.connect(self.recovery_key_replaced)
            return page
        return PlaceholderPage(entry.label, _COMING[entry.key])

    def retranslate(self) -> None:
        for row, entry in enumerate(self.entries):
            item = self.nav.item(row)
            if item is not None:
                item.setText(entry.label())

    def nav_keys(self) -> list[str]:
        """The keys of the visible navigation entries, in order."""
        return [e.key for e in self.entries]

    def open(self, key: str) -> QWidget:
        """Switch to the page `key` and return it."""
        self.nav.setCurrentRow(self.nav_keys().index(key))
        return self.pages[key]
