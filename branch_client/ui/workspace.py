"""The signed-in workspace: navigation on the left, the chosen page on the right.

Which pages appear depends on the role: tellers capture and look up registrations;
managers also see sync status, accounts and indicators. Each page's module is imported
when the page is first opened, so signing in costs only the page shown first.

The navigation list takes no Tab focus, so Tab in a form never runs through it: a teller
reaches it by its own keys. Ctrl+1…Ctrl+9 open the n-th page; F6 moves between the list
and the page (in the list, the arrows move and Enter opens); Ctrl+N starts a new
registration from any page (the capture page answers it itself while it has the focus).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QWidget,
)

from branch_client.i18n import translate, ui_language
from branch_client.store import KnownError
from branch_client.ui import error_text
from branch_client.ui.nav_badges import BADGE_ROLE, BadgeDelegate, badge_text
from branch_client.ui.widgets import Page, busy_cursor

if TYPE_CHECKING:
    from branch_client.qt.sync_worker import SyncController
    from branch_client.store import Session
    from branch_client.ui.sync.page import SyncPage


@dataclass(frozen=True)
class NavEntry:
    """One navigation item: a stable key, its translated label, and who may see it."""

    key: str
    label: Callable[[], str]
    managers_only: bool
    teller_label: Callable[[], str] | None = None  # when tellers see the page under another name


NAVIGATION = [
    NavEntry(
        "home",
        lambda: translate("Workspace", "Branch home"),
        managers_only=False,
        teller_label=lambda: translate("Workspace", "My desk"),
    ),
    NavEntry("capture", lambda: translate("Workspace", "New registration"), managers_only=False),
    NavEntry("registrations", lambda: translate("Workspace", "Registrations"), managers_only=False),
    NavEntry("sync", lambda: translate("Workspace", "Sync status"), managers_only=True),
    # Tellers see their own records sent back or returned here; managers see everyone's and review.
    NavEntry(
        "rejections",
        lambda: translate("Workspace", "Rejections and review"),
        managers_only=False,
        teller_label=lambda: translate("Workspace", "Sent back to me"),
    ),
    NavEntry("accounts", lambda: translate("Workspace", "Accounts"), managers_only=True),
    NavEntry("indicators", lambda: translate("Workspace", "Indicators"), managers_only=True),
    NavEntry("audit", lambda: translate("Workspace", "Audit log"), managers_only=True),
]
#: Ctrl+1 … Ctrl+9 open the first nine pages of the navigation.
PAGE_SHORTCUTS = 9
#: Moves the focus between the navigation and the page (as in browsers and office programs).
FOCUS_SWITCH_KEY = "F6"
NEW_REGISTRATION_KEY = "Ctrl+N"
NAV_MIN_WIDTH, NAV_MAX_WIDTH, NAV_PADDING = 120, 260, 16


def page_shortcut(row: int) -> QKeySequence:
    """The key that opens the navigation's `row`-th page (from 0): Ctrl+1 for the first."""
    return QKeySequence(f"Ctrl+{row + 1}")


def first_input(page: QWidget) -> QWidget | None:
    """The first widget of `page` that Tab would stop at (visible, enabled), in focus order."""
    widget = page.nextInFocusChain()
    while widget is not None and widget is not page:
        if (
            page.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value
        ):
            return widget
        widget = widget.nextInFocusChain()
    return None


class Workspace(Page):
    """Navigation list + page stack for one session.

    Signals:
        recovery_key_replaced(str): passed on from the Accounts page.
        news(object): after each sync pass, what the centre said (`PassResult.received`,
            None when nothing), for the status bar to say once.
    """

    recovery_key_replaced = Signal(str)
    news = Signal(object)

    def __init__(self, session: Session, sync: SyncController | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.sync = sync
        self.entries = [e for e in NAVIGATION if session.account.is_manager or not e.managers_only]
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # reached by F6 and Ctrl+1…9, never by Tab
        self.nav.setItemDelegate(BadgeDelegate(self.nav))
        self.badges: dict[str, int] = {}  # page key → what is new there since it was last seen
        self.stack = QStackedWidget()
        # Pages are made when first opened: a manager's indicators over 120,000 records
        # cost nothing until someone looks at them.
        self.pages: dict[str, QWidget] = {}
        self._shown_row = -1
        self._page_focus: dict[int, QWidget] = {}  # where the focus was on each page, to go back to
        for _entry in self.entries:
            self.stack.addWidget(QWidget())
            self.nav.addItem(QListWidgetItem())
        self.nav.currentRowChanged.connect(self._row_changed)
        self.nav.clicked.connect(self._clicked)
        self.nav.activated.connect(self._open_from_navigation)
        layout = QHBoxLayout(self)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self._make_shortcuts()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
        if sync is not None:
            sync.pass_finished.connect(self._after_pass)
        self.nav.setCurrentRow(0)
        self.retranslate()
        self.refresh_badges()

    # --- the keyboard ------------------------------------------------------------------

    def _make_shortcuts(self) -> None:
        # Window shortcuts (QShortcut's default; PySide6 ignores a context given with a
        # callable): they answer wherever the focus is in the window, the navigation too.
        self.page_shortcuts = [
            QShortcut(page_shortcut(row), self, lambda r=row: self.open_row(r, focus=True))
            for row in range(min(PAGE_SHORTCUTS, len(self.entries)))
        ]
        self.focus_shortcut = QShortcut(QKeySequence(FOCUS_SWITCH_KEY), self, self.switch_focus)
        # Off while the capture page answers Ctrl+N itself (its own shortcut keeps the draft
        # being typed): two live shortcuts on one key would both stay silent.
        self.new_shortcut = QShortcut(QKeySequence(NEW_REGISTRATION_KEY), self, self.new_registration)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Remember where the focus is on the page shown, and who answers Ctrl+N."""
        if not shiboken6.isValid(self):
            return
        page = self.stack.currentWidget()
        if new is not None and page is not None and page.isAncestorOf(new):
            self._page_focus[self.stack.currentIndex()] = new
        self._share_new_key(new)

    def _share_new_key(self, focus: QWidget | None) -> None:
        """Ctrl+N is the workspace's unless the capture page's own shortcut would answer it."""
        capture = self.pages.get("capture")
        own = getattr(capture, "new_shortcut", None)
        answers = capture is not None and capture.isVisible() and isinstance(own, QShortcut) and own.isEnabled()
        if answers and isinstance(own, QShortcut) and own.context() != Qt.ShortcutContext.WindowShortcut:
            answers = focus is not None and capture is not None and (focus is capture or capture.isAncestorOf(focus))
        self.new_shortcut.setEnabled(not answers)

    def switch_focus(self) -> None:
        """F6: from the page to the navigation, or back to the page (to the input it left;
        a page chosen with the arrows but not opened with Enter is not opened)."""
        if self.nav.hasFocus():
            self._highlight(self._shown_row)
            self.focus_page()
        else:
            self.nav.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_page(self) -> None:
        """Put the focus in the page shown: where it was last, else on its first input."""
        page = self.stack.currentWidget()
        if page is None:
            return
        target = self._page_focus.get(self.stack.currentIndex())
        if target is None or not shiboken6.isValid(target) or not target.isVisible() or not target.isEnabled():
            target = first_input(page)
        (target or page).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def new_registration(self) -> None:
        """Ctrl+N outside the capture page: open it on a new registration (a draft being
        typed there is saved first and stays in the drafts)."""
        capture = self.open("capture")
        start = getattr(capture, "new_registration", None)
        if callable(start):
            start()

    def _row_changed(self, row: int) -> None:
        if not self.nav.hasFocus():  # a click, or the program: open it; arrows only move
            self._show_row(row)

    def _clicked(self, index: QModelIndex) -> None:
        if index.row() != self._shown_row:
            self._show_row(index.row())

    def _open_from_navigation(self, index: QModelIndex) -> None:
        """Enter on a navigation item: open its page and go into it."""
        self.open_row(index.row(), focus=True)

    def _highlight(self, row: int) -> None:
        """Mark `row` in the navigation without opening it."""
        blocked = self.nav.blockSignals(True)
        self.nav.setCurrentRow(row)
        self.nav.blockSignals(blocked)

    def open_row(self, row: int, *, focus: bool = False) -> None:
        """Show the navigation's `row`-th page (Ctrl+1…9 and Enter also put the focus in it)."""
        if not 0 <= row < len(self.entries):
            return
        self._highlight(row)
        if row != self._shown_row:
            self._show_row(row)
        if focus:
            self.focus_page()

    def page(self, key: str) -> QWidget:
        """The page `key`, made on first use."""
        page = self.pages.get(key)
        if page is None:
            row = self.nav_keys().index(key)
            page = self._make_page(self.entries[row])
            self.pages[key] = page
            placeholder = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
        return page

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self.entries):
            return
        page = self.page(self.entries[row].key)
        self.stack.setCurrentIndex(row)
        self._shown_row = row
        self._share_new_key(QApplication.focusWidget())
        activated = getattr(page, "activated", None)
        if callable(activated):  # a page that shows store data refreshes it when shown
            activated()
        self._seen(self.entries[row].key)

    def _make_page(self, entry: NavEntry) -> QWidget:
        if entry.key == "home":
            return self._make_home_page()
        if entry.key == "accounts":
            from branch_client.ui.accounts.page import AccountsPage

            page = AccountsPage(self.session)
            page.recovery_key_replaced.connect(self.recovery_key_replaced)
            page.store_rekeyed.connect(self._store_rekeyed)
            return page
        if entry.key == "sync":
            return self._make_sync_page()
        if entry.key == "capture":
            from branch_client.ui.capture.page import CapturePage

            capture = CapturePage(self.session)
            capture.submitted.connect(self._after_submit)
            capture.open_requested.connect(self.show_record)
            capture.receipt_requested.connect(self.show_receipt)
            return capture
        if entry.key == "registrations":
            from branch_client.ui.registrations.page import RegistrationsPage

            registrations = RegistrationsPage(self.session)
            registrations.correction_requested.connect(self.start_correction)
            registrations.receipt_requested.connect(self.show_receipt)
            return registrations
        if entry.key == "rejections":
            from branch_client.ui.rejections.page import RejectionsPage

            rejections = RejectionsPage(self.session)
            rejections.correction_requested.connect(self.start_correction)
            rejections.open_requested.connect(self.show_record)
            rejections.submitted.connect(self._after_submit)
            return rejections
        if entry.key == "indicators":
            from branch_client.ui.indicators.page import IndicatorsPage

            return IndicatorsPage(self.session)
        if entry.key == "audit":
            from branch_client.ui.audit.page import AuditPage

            return AuditPage(self.session)
        raise KeyError(entry.key)

    def close_drafts(self) -> None:
        """Write the draft being typed and stop its saver: the session is about to close."""
        capture = self.pages.get("capture")
        close = getattr(capture, "close_drafts", None)
        if callable(close):
            close()

    def _after_submit(self, record_id: str) -> None:
        """A registration went in: the counts change, and the sync worker may send it now."""
        del record_id
        if self.sync is not None:
            self.sync.refresh()

    def start_correction(self, record_id: str) -> None:
        """Open the wizard on a new version of `record_id` (a rejected or returned record)."""
        capture = self.open("capture")
        start = getattr(capture, "start_correction", None)
        if callable(start):
            start(record_id)

    def show_receipt(self, record_id: str) -> None:
        """Open the receipt of `record_id` (after a submit, or a reprint from the list)."""
        from branch_client.ui.receipt_dialog import ReceiptDialog

        dialog = ReceiptDialog(self.session, record_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        submitted = getattr(self.pages.get("capture"), "submitted_view", None)
        if submitted is not None and getattr(submitted, "record_id", None) == record_id:
            dialog.completed.connect(submitted.show_receipt_done)  # said on the desk it closes onto
        dialog.open()

    def show_record(self, record_id: str) -> None:
        """Open one registration, read-only, from the registrations list."""
        registrations = self.open("registrations")
        show = getattr(registrations, "show_record", None)
        if callable(show):
            show(record_id)

    def _make_sync_page(self) -> SyncPage:
        from branch_client.ui.sync.page import SyncPage

        page = SyncPage(self.session)
        page.enrol_requested.connect(self.enrol)
        if self.sync is not None:
            page.follow(self.sync)  # sync now, cancel, refresh; state, running and progress
        return page

    def _store_rekeyed(self) -> None:
        """The store has a new key: the connections opened on other threads with the old one
        (the sync worker's, the draft saver's) are opened again with the session's new key."""
        if self.sync is not None:
            self.sync.use_key(self.session.key)
        use_new_key = getattr(self.pages.get("capture"), "use_new_key", None)
        if callable(use_new_key):
            use_new_key()

    def _make_home_page(self) -> QWidget:
        from branch_client.ui.home.page import HomePage

        page = HomePage(self.session)
        page.open_requested.connect(self.open_target)
        if self.sync is not None:
            self.sync.state_changed.connect(page.set_snapshot)
            if self.sync.snapshot is not None:
                page.set_snapshot(self.sync.snapshot)
        return page

    def open_target(self, key: str, detail: object = None) -> None:
        """Open page `key` on what a home page number counted: the registrations list
        filtered (`detail` a `ListFilter`), a tab of rejections and review, a new registration."""
        page = self.open(key)
        if key == "registrations" and detail is not None:
            show = getattr(page, "show_filtered", None)
            if callable(show):
                show(detail)
        elif key == "rejections" and isinstance(detail, str):
            show_tab = getattr(page, "show_tab", None)
            if callable(show_tab):
                show_tab(detail)
        elif key == "capture" and detail == "new":
            self.new_registration()
            return
        self.focus_page()

    # --- what is new -------------------------------------------------------------------

    def _news_pages(self) -> list[str]:
        """The pages whose news the navigation counts (those this role sees)."""
        return [key for key in ("sync", "rejections") if key in self.nav_keys()]

    def refresh_badges(self) -> None:
        """Count what is new on each page since this account last saw it (the page in view
        has nothing new: it is being seen; a page never seen starts now)."""
        shown = self.entries[self._shown_row].key if 0 <= self._shown_row < len(self.entries) else None
        try:
            for key in self._news_pages():
                count = None if key == shown else self.session.news_count(key)
                if count is None:
                    self._seen(key)
                else:
                    self.badges[key] = count
        except KnownError:
            return  # the badges wait for the next pass; the pages say what is wrong
        self._show_badges()

    def _seen(self, key: str) -> None:
        """The page `key` is in view: what was new there is seen."""
        if key not in self._news_pages():
            return
        try:
            self.session.mark_seen(key)
        except KnownError:
            return
        if self.badges.get(key):
            self.badges[key] = 0
            self._show_badges()

    def _show_badges(self) -> None:
        for row, entry in enumerate(self.entries):
            item = self.nav.item(row)
            if item is None:
                continue
            count = self.badges.get(entry.key, 0)
            item.setData(BADGE_ROLE, count)
            label = item.text()
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                translate("Workspace", "%1, %2 new").replace("%1", label).replace("%2", badge_text(count))
                if count
                else label,
            )

    def enrol(self, centre_url: str, enrolment_code: str, ca_bundle: str = "") -> None:
        """Connect this branch PC to the centre (managers), then sync at once."""
        from branch_client.services import sync as sync_service
        from branch_client.ui.sync import text as sync_text
        from branch_client.ui.sync.page import SyncPage
        from sync.transport import InsecureURL, SyncError

        page = self.page("sync")
        assert isinstance(page, SyncPage)
        if not centre_url or not enrolment_code:
            page.show_error(lambda: translate("Sync", "Enter the centre's address and the enrolment code."))
            return
        try:
            with busy_cursor():
                config = sync_service.enrol(self.session, centre_url, enrolment_code, ca_bundle=ca_bundle or None)
        except InsecureURL:
            page.show_error(lambda: sync_text.problem("insecure_url"))
            return
        except SyncError as exc:
            failed = exc  # worded again on a language switch, after the except block is gone
            page.show_error(lambda: sync_text.problem(failed.code, failed.message, ui_language()))
            return
        except KnownError as exc:
            known = exc
            page.show_error(lambda: error_text.message_for(known))
            return
        fingerprint = config.centre_fingerprint
        page.show_info(
            lambda: translate("Sync", "Connected. Check that the centre's key fingerprint is %1.").replace(
                "%1", fingerprint
            )
        )
        if self.sync is not None:
            self.sync.refresh()
            self.sync.sync_now()

    def _after_pass(self, result: object) -> None:
        from branch_client.ui.sync import text as sync_text
        from branch_client.ui.sync.page import SyncPage
        from sync.engine import PassResult

        if not isinstance(result, PassResult):
            return
        received = result.received
        if received:
            self.refresh_badges()
        self.news.emit(received or None)
        for key in ("home", "rejections", "registrations"):
            shown = self.pages.get(key)
            if shown is not None and shown is self.stack.currentWidget():
                refresh = getattr(shown, "activated", None)
                if callable(refresh):
                    refresh()
        page = self.pages.get("sync")
        if not isinstance(page, SyncPage):
            return
        manual = page.take_manual()
        if result.error is None:
            if manual:
                page.show_info(lambda: sync_text.pass_report(result))
        elif result.error.code != "cancelled":
            error = result.error
            page.show_error(lambda: sync_text.problem(error.code, error.message, ui_language()))

    def retranslate(self) -> None:
        native = QKeySequence.SequenceFormat.NativeText
        switch = translate("Workspace", "F6 moves between this list and the page.")
        for row, entry in enumerate(self.entries):
            item = self.nav.item(row)
            if item is not None:
                teller = not self.session.account.is_manager and entry.teller_label is not None
                label = entry.teller_label() if teller and entry.teller_label else entry.label()
                item.setText(label)
                key = page_shortcut(row).toString(native) if row < PAGE_SHORTCUTS else ""
                item.setToolTip(f"{label} ({key})\n{switch}" if key else f"{label}\n{switch}")
        # As wide as its longest label (in this language), no wider: at 1366×768 every
        # pixel it does not need goes to the page's lists.
        # A badge's room is kept, so a badge never widens the list.
        badge = self.nav.fontMetrics().horizontalAdvance("99+") + 4 * 6
        needed = self.nav.sizeHintForColumn(0) + 2 * self.nav.frameWidth() + NAV_PADDING + badge
        self.nav.setFixedWidth(max(NAV_MIN_WIDTH, min(NAV_MAX_WIDTH + badge, needed)))
        self._show_badges()

    def help_section(self) -> str:
        """The guide's section for the page in view (F1): its navigation key."""
        keys = self.nav_keys()
        return keys[self._shown_row] if 0 <= self._shown_row < len(keys) else "start"

    def nav_keys(self) -> list[str]:
        """The keys of the visible navigation entries, in order."""
        return [e.key for e in self.entries]

    def open(self, key: str) -> QWidget:
        """Switch to the page `key` and return it."""
        self.open_row(self.nav_keys().index(key))
        return self.page(key)
