"""The manager's audit log viewer: who did what and when, filtered, and *Verify* for the chain.

The log itself is append-only and hash-chained (`store/audit.py`); this page only reads
it, over the session's connection, a page at a time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from branch_client.i18n import translate
from branch_client.store import ChainReport, KnownError, Session
from branch_client.ui import error_text
from branch_client.ui.audit import text as audit_text
from branch_client.ui.audit.model import AuditFilter, AuditLogModel
from branch_client.ui.sync import text as sync_text
from branch_client.ui.widgets import Page, message_label, title_label


class AuditPage(Page):
    """Filters (user, action, dates), the log newest first, and *Verify*.

    *Verify* walks the whole chain (about 1.5 s for 120,000 entries) on a thread of its
    own, over a connection of its own, so the window stays responsive. It checks the chain
    against the heads the CAM-IE centre acknowledged too, and says how far the centre has
    witnessed it, or which entries changed after it did (`audit_text.chain_report`).

    Signals:
        verified(str): what *Verify* found, as shown on the page.
    """

    verified = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.title = title_label()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.message = message_label()
        self.verdict = QLabel()
        self.verdict.setObjectName("auditVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.user_filter = QComboBox()
        self.user_filter.setObjectName("auditUser")
        self.user_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.action_filter = QComboBox()
        self.action_filter.setObjectName("auditAction")
        self.action_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.dates = QCheckBox()
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        today = QDate.currentDate()
        for edit, day in ((self.date_from, today.addDays(-7)), (self.date_to, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd-MM-yyyy")  # as on the ID card and in every list: day first
            edit.setDate(day)
            edit.setEnabled(False)
            edit.dateChanged.connect(self._apply_filter)
        self.dates.toggled.connect(self._dates_toggled)
        self.user_filter.currentIndexChanged.connect(self._apply_filter)
        self.action_filter.currentIndexChanged.connect(self._apply_filter)
        self.verify_button = QPushButton()
        self.verify_button.clicked.connect(self.verify)
        self._user_label, self._action_label, self._to_label = QLabel(), QLabel(), QLabel()

        filters = QHBoxLayout()
        filters.addWidget(self._user_label)
        filters.addWidget(self.user_filter)
        filters.addSpacing(12)
        filters.addWidget(self._action_label)
        filters.addWidget(self.action_filter)
        filters.addSpacing(12)
        filters.addWidget(self.dates)
        filters.addWidget(self.date_from)
        filters.addWidget(self._to_label)
        filters.addWidget(self.date_to)
        filters.addStretch(1)
        filters.addWidget(self.verify_button)

        self.model = AuditLogModel(session)
        self.model.setParent(self)  # freed with the page by Qt, not later by the garbage collector
        self.view = QTableView()
        self.view.setObjectName("auditLog")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        # The details take the room the other columns leave and wrap onto more lines (a
        # submission's form, review and corrected reference is one long line in Khmer): each
        # row is as tall as its text, measured for the rows read, a page at a time.
        self.view.setWordWrap(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)  # a raw id would take the row
        header.resizeSection(3, 210)
        header.setStretchLastSection(True)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_rows)
        self.model.modelReset.connect(self._fit_timer.start)
        self.model.rowsInserted.connect(self._rows_read)
        self.model.dataChanged.connect(self._fit_timer.start)
        header.sectionResized.connect(self._column_resized)
        self.empty = QLabel()

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(filters)
        layout.addWidget(self.verdict)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        self._filling = False
        # What the status lines say, kept as the facts behind them so a language switch
        # words them again: the last Verify (its report and the broken entry's time) and the
        # last problem (a KnownError).
        self._report: ChainReport | None = None
        self._broken_at: str | None = None
        self._problem: KnownError | None = None
        self.retranslate()

    # --- reading -------------------------------------------------------------------------

    def activated(self) -> None:
        """Shown: fill the filters and read the newest entries."""
        self._fill_filters()
        self._apply_filter()

    def current_filter(self) -> AuditFilter:
        """The filter the controls describe (dates are local days, `to` included)."""
        since = until = None
        if self.dates.isChecked():
            first, last = sorted((self.date_from.date(), self.date_to.date()))
            since = datetime.combine(_day(first), time()).astimezone()  # local midnight
            until = datetime.combine(_day(last.addDays(1)), time()).astimezone()
        return AuditFilter(
            actor=self.user_filter.currentData(),
            action=self.action_filter.currentData(),
            since=since,
            until=until,
        )

    def _apply_filter(self) -> None:
        if self._filling:
            return
        self._show_problem(None)
        try:
            self.model.set_filter(self.current_filter())
        except KnownError as exc:
            self._show_problem(exc)
        self._fill_empty()

    def _show_problem(self, error: KnownError | None) -> None:
        """Say why the log could not be read (None: clear it); worded again on a switch."""
        self._problem = error
        self.message.setText("" if error is None else error_text.message_for(error))

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self._apply_filter()

    def _fill_filters(self) -> None:
        """The accounts and the actions the log holds, keeping what was chosen."""
        try:
            accounts = sorted(self.session.accounts(), key=lambda a: a.username.lower())
            actions = self.session.audit_actions()
        except KnownError as exc:
            self._show_problem(exc)
            return
        self._filling = True
        try:
            user, action = self.user_filter.currentData(), self.action_filter.currentData()
            self.user_filter.clear()
            self.user_filter.addItem(translate("Audit", "Everyone"), None)
            for account in accounts:
                self.user_filter.addItem(account.username, account.id)
            self.action_filter.clear()
            self.action_filter.addItem(translate("Audit", "All actions"), None)
            for code in sorted(actions, key=audit_text.action):
                self.action_filter.addItem(audit_text.action(code), code)
            self.user_filter.setCurrentIndex(max(0, self.user_filter.findData(user)))
            self.action_filter.setCurrentIndex(max(0, self.action_filter.findData(action)))
        finally:
            self._filling = False

    def _rows_read(self, _parent: object, first: int, last: int) -> None:
        """Rows of the next page came in (scrolling down): as tall as their text."""
        for row in range(first, last + 1):
            self.view.resizeRowToContents(row)

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == self.model.COLUMNS - 1:  # the details: their lines change
            self._fit_timer.start()

    def _fit_rows(self) -> None:
        """Every row read as tall as its text (after the page was read again or the details
        column changed width; once the columns have their widths for the new rows)."""
        self.view.resizeRowsToContents()

    def _fill_empty(self) -> None:
        self.empty.setVisible(self.model.rowCount() == 0)
        self.empty.setText(translate("Audit", "No entry matches these filters."))

    # --- verifying -----------------------------------------------------------------------

    def verify(self) -> None:
        """Walk the whole chain and say plainly whether it is intact, or where it breaks."""
        self._show_problem(None)
        self._report = self._broken_at = None
        self.verdict.clear()
        self.verify_button.setEnabled(False)
        check = self.session.audit_chain_check()
        # The verdict comes back through a relay that outlives this page: if the page is
        # gone by then (signed out), Qt drops the delivery instead of touching a deleted widget.
        relay = _VerifyRelay()
        _RELAYS.append(relay)
        relay.checked.connect(self._show_report)
        if self.session.db_path is None:  # a session without a file (never in the app): check here
            _check(relay, check)
            return
        threading.Thread(target=_check, args=(relay, check), name="audit-verify", daemon=True).start()

    def _show_report(self, report: ChainReport | None, error: KnownError | None) -> None:
        self.verify_button.setEnabled(True)
        if report is None:
            if error is not None:
                self._show_problem(error)
            return
        broken_at = None
        if not report.intact and report.broken_at:
            try:
                entry = self.session.audit_entry(report.broken_at)
            except KnownError as exc:
                self._show_problem(exc)
                return
            broken_at = None if entry is None else entry.at
        self._report, self._broken_at = report, broken_at
        text = self._word_verdict()
        colour = "#1b5e20" if report.intact else "#b00020"
        self.verdict.setStyleSheet(f"QLabel#auditVerdict {{ color: {colour}; font-weight: bold; }}")
        self.verified.emit(text)

    def _word_verdict(self) -> str:
        """Show the last Verify's finding in the UI language (nothing before the first)."""
        report, at = self._report, self._broken_at
        text = "" if report is None else audit_text.chain_report(report, lambda _: sync_text.when(at) if at else None)
        self.verdict.setText(text)
        return text

    # --- drawing -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(translate("Workspace", "Audit log"))
        self.intro.setText(
            translate(
                "Audit",
                "Everything security-relevant that happened on this computer, newest first. Entries cannot be changed; Verify checks that none was.",
            )
        )
        self._user_label.setText(translate("Audit", "User"))
        self._action_label.setText(translate("Audit", "Action"))
        self.dates.setText(translate("Audit", "From"))
        self._to_label.setText(translate("Audit", "to"))
        self.verify_button.setText(translate("Audit", "Verify"))
        self.model.retranslate()
        # Re-label the filters' items in place: a language switch never reads the store.
        if self.user_filter.count():
            self.user_filter.setItemText(0, translate("Audit", "Everyone"))
        if self.action_filter.count():
            self.action_filter.setItemText(0, translate("Audit", "All actions"))
        for i in range(1, self.action_filter.count()):
            self.action_filter.setItemText(i, audit_text.action(str(self.action_filter.itemData(i))))
        self._fill_empty()
        self._word_verdict()
        if self._problem is not None:
            self.message.setText(error_text.message_for(self._problem))


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class _VerifyRelay(QObject):
    """Carries a verdict from the verify thread to the page (see `AuditPage.verify`)."""

    checked = Signal(object, object)  # (ChainReport or None, KnownError or None)


_RELAYS: list[_VerifyRelay] = []  # one small object per Verify click, kept for the process's life


def _check(relay: _VerifyRelay, check: Callable[[], ChainReport]) -> None:
    try:
        report = check()
    except KnownError as exc:
        relay.checked.emit(None, exc)
        return
    relay.checked.emit(report, None)
