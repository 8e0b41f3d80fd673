"""The signed-in workspace: navigation on the left, the chosen page on the right.

Which pages appear depends on the role: tellers capture and look up registrations;
managers also see sync status, accounts and indicators.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QWidget,
)

from branch_client import sync_service
from branch_client.i18n import translate
from branch_client.store import KnownError, Session
from branch_client.sync_worker import SyncController
from branch_client.ui import error_text, sync_text
from branch_client.ui.accounts_page import AccountsPage
from branch_client.ui.placeholder_page import PlaceholderPage
from branch_client.ui.sync_page import SyncPage
from branch_client.ui.widgets import Page, busy_cursor
from sync.engine import PassResult
from sync.transport import InsecureURL, SyncError


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

    def __init__(self, session: Session, sync: SyncController | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.sync = sync
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
        if entry.key == "sync":
            return self._make_sync_page()
        return PlaceholderPage(entry.label, _COMING[entry.key])

    def _make_sync_page(self) -> SyncPage:
        page = SyncPage()
        page.enrol_requested.connect(self.enrol)
        if self.sync is not None:
            sync = self.sync
            page.sync_requested.connect(sync.sync_now)
            page.cancel_requested.connect(sync.cancel)
            sync.state_changed.connect(page.set_snapshot)
            sync.running_changed.connect(page.set_running)
            sync.progress.connect(page.set_progress)
            sync.pass_finished.connect(self._after_pass)
            if sync.snapshot is not None:
                page.set_snapshot(sync.snapshot)
        return page

    def enrol(self, centre_url: str, enrolment_code: str, ca_bundle: str = "") -> None:
        """Connect this branch PC to the centre (managers), then sync at once."""
        page = self.pages["sync"]
        assert isinstance(page, SyncPage)
        if not centre_url or not enrolment_code:
            page.show_error(translate("Sync", "Enter the centre's address and the enrolment code."))
            return
        try:
            with busy_cursor():
                config = sync_service.enrol(self.session, centre_url, enrolment_code, ca_bundle=ca_bundle or None)
        except InsecureURL:
            page.show_error(sync_text.problem("insecure_url"))
            return
        except SyncError as exc:
            page.show_error(sync_text.problem(exc.code, exc.message, self._language()))
            return
        except KnownError as exc:
            page.show_error(error_text.message_for(exc))
            return
        page.show_info(
            translate("Sync", "Connected. Check that the centre's key fingerprint is %1.").replace(
                "%1", config.centre_fingerprint
            )
        )
        if self.sync is not None:
            self.sync.refresh()
            self.sync.sync_now()

    def _after_pass(self, result: object) -> None:
        page = self.pages.get("sync")
        if not isinstance(page, SyncPage) or not isinstance(result, PassResult):
            return
        manual = page.take_manual()
        if result.error is None:
            if manual:
                page.show_info(translate("Sync", "Sync finished: %1 records sent.").replace("%1", str(result.records)))
        elif result.error.code != "cancelled":
            page.show_error(sync_text.problem(result.error.code, result.error.message, self._language()))

    def _language(self) -> str:
        return "km" if QLocale().language() == QLocale.Language.Khmer else "en"

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
