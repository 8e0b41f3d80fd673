"""The manager's sync page: connect the branch to the centre, see what reached it, sync now.

The page displays what the `SyncController` reports (counts, times, warnings: one
`SyncSnapshot`, the same the status bar shows) and forwards the manager's requests;
enrolment and passes happen in `sync_service` and on the sync thread. With a session it
also lists the batch history and each batch's records (read from the session's own
connection, a page at a time) and lets the manager change the branch's sync policy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeAlias

from PySide6.QtCore import QItemSelection, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branch_client.i18n import translate, ui_language
from branch_client.qt.sync_worker import SyncController
from branch_client.services.sync import SyncSnapshot
from branch_client.store import STATES, KnownError, Policy, Session
from branch_client.ui import dialogs, error_text
from branch_client.ui.sync import text as sync_text
from branch_client.ui.sync.batches_model import BatchHistoryModel, BatchRecordsModel
from branch_client.ui.widgets import Page, message_label, title_label

# Drafts, then every state a registration can be in (the store's one list of them).
RECORD_KEYS = ("drafts", *STATES)
# A status line: its text, or a function that words it in the UI language in force.
Wording: TypeAlias = str | Callable[[], str]
CENTRE_KEYS = ("centre", "fingerprint", "key_expires", "oldest_waiting", "last_success", "next_attempt", "last_error")


class SyncPage(Page):
    """Enrolment form (until enrolled), then warnings, counts, times, *Sync now*, the batch
    history with each batch's records, and the branch's sync policy.

    Signals:
        enrol_requested(str, str, str): the centre's address, the enrolment code, and the
            CA bundle to pin the centre with ("" for the system's trust store).
        sync_requested(): *Sync now*.
        cancel_requested(): *Cancel* while a pass runs.
        refresh_requested(): the policy changed; the snapshot (warnings) should be read again.
    """

    enrol_requested = Signal(str, str, str)
    sync_requested = Signal()
    cancel_requested = Signal()
    refresh_requested = Signal()

    def __init__(self, session: Session | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.snapshot: SyncSnapshot | None = None
        self.title = title_label()
        self.message = message_label()
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setObjectName("syncInfo")
        self._manual = False  # the running pass was asked for on this page
        self._said: tuple[Wording, Wording] = ("", "")  # the status lines (problem, news)

        self.warnings = QLabel()
        self.warnings.setObjectName("syncWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.setStyleSheet(
            "QLabel#syncWarnings { background: #fff4e5; border: 1px solid #e0a040; color: #6b3a00; padding: 8px; }"
        )
        self.warnings.setVisible(False)

        self._build_enrol_box()
        self._build_status_box()

        self.sync_button = QPushButton()
        self.sync_button.clicked.connect(self._sync_now)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)
        for button in (self.sync_button, self.cancel_button):
            button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.warnings)
        layout.addWidget(self.enrol_box)
        layout.addWidget(self.status_box)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.info)
        self._say("", "")
        self.history_box: QWidget | None = None
        self.policy_box: QWidget | None = None
        self.tabs: QTabWidget | None = None
        self.batches: BatchHistoryModel | None = None
        self.batch_records: BatchRecordsModel | None = None
        if session is not None:
            # History and policy share one tabbed area: the page fits a 1100×720 window.
            self.tabs = QTabWidget()
            self.history_box = self._build_history_box(session)
            self.tabs.addTab(self.history_box, "")
            if session.account.is_manager:
                self.policy_box = self._build_policy_box()
                self.tabs.addTab(self.policy_box, "")
                self._load_policy()
            layout.addWidget(self.tabs, 1)
        else:
            layout.addStretch(1)
        self.retranslate()

    def _build_enrol_box(self) -> None:
        self.enrol_box = QGroupBox()
        self.enrol_intro = QLabel()
        self.enrol_intro.setWordWrap(True)
        self.centre_url = QLineEdit()
        self.centre_url.setPlaceholderText("https://")
        self.enrolment_code = QLineEdit()
        self.enrolment_code.setMaxLength(40)
        self.ca_bundle = QLineEdit()
        self.ca_bundle.setReadOnly(True)
        self.ca_button = QPushButton()
        self.ca_button.clicked.connect(self._choose_ca_bundle)
        self.enrol_button = QPushButton()
        self.enrol_button.clicked.connect(self._enrol)
        self.enrolment_code.returnPressed.connect(self._enrol)
        self._url_label, self._code_label, self._ca_label = QLabel(), QLabel(), QLabel()
        enrol_form = QFormLayout()
        enrol_form.addRow(self._url_label, self.centre_url)
        enrol_form.addRow(self._code_label, self.enrolment_code)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(self.ca_button)
        enrol_form.addRow(self._ca_label, ca_row)
        enrol_layout = QVBoxLayout(self.enrol_box)
        enrol_layout.addWidget(self.enrol_intro)
        enrol_layout.addLayout(enrol_form)
        enrol_layout.addWidget(self.enrol_button)

    def _build_status_box(self) -> None:
        """Counts two by two on the left, the times on the right, the centre on one line below."""
        self.status_box = QGroupBox()
        self._detail_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for key in (*RECORD_KEYS, *CENTRE_KEYS):
            name, value = QLabel(), QLabel()
            value.setObjectName(f"value_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(key == "last_error")
            self._detail_labels[key] = (name, value)
        counts = QGridLayout()
        counts.setHorizontalSpacing(10)
        for i, key in enumerate(RECORD_KEYS):
            name, value = self._detail_labels[key]
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            row, pair = divmod(i, 2)
            counts.addWidget(name, row, pair * 3)
            counts.addWidget(value, row, pair * 3 + 1)
        counts.setColumnMinimumWidth(2, 12)
        times = QFormLayout()
        for key in ("oldest_waiting", "last_success", "next_attempt", "key_expires", "last_error"):
            times.addRow(*self._detail_labels[key])
        centre = QHBoxLayout()
        for key in ("centre", "fingerprint"):
            name, value = self._detail_labels[key]
            centre.addWidget(name)
            centre.addWidget(value)
            centre.addSpacing(16)
        centre.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(counts, 2)
        columns.addSpacing(24)
        columns.addLayout(times, 3)
        box = QVBoxLayout(self.status_box)
        box.addLayout(columns)
        box.addLayout(centre)

    def _build_history_box(self, session: Session) -> QWidget:
        box = QWidget()
        self.batches = BatchHistoryModel(session)
        self.batch_records = BatchRecordsModel(session)
        self.batches.setParent(self)  # freed with the page by Qt, not later by the garbage collector
        self.batch_records.setParent(self)
        self.batch_view = _table(self.batches)
        self.batch_view.setObjectName("batchHistory")
        self.records_view = _table(self.batch_records)
        self.records_view.setObjectName("batchRecords")
        self.batch_view.selectionModel().selectionChanged.connect(self._batch_selected)
        self.records_title = QLabel()
        self.records_title.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.records_title)
        right_layout.addWidget(self.records_view, 1)
        self.history_empty = QLabel()
        self.history_empty.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.batch_view)
        splitter.addWidget(right)
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(self.history_empty)
        box_layout.addWidget(splitter, 1)
        return box

    def _build_policy_box(self) -> QWidget:
        box = QWidget()
        self.policy_intro = QLabel()
        self.policy_intro.setWordWrap(True)
        self.review_before_sync = QCheckBox()
        self.warn_days = QSpinBox()
        self.warn_days.setRange(1, 90)
        self.warn_waiting = QSpinBox()
        self.warn_waiting.setRange(1, 1_000_000)
        self.warn_waiting.setGroupSeparatorShown(True)
        self.policy_save = QPushButton()
        self.policy_save.clicked.connect(self.save_policy)
        self._days_label, self._waiting_label = QLabel(), QLabel()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self._days_label, self.warn_days)
        form.addRow(self._waiting_label, self.warn_waiting)
        save_row = QHBoxLayout()
        save_row.addWidget(self.policy_save)
        save_row.addStretch(1)
        column = QVBoxLayout(box)
        column.addWidget(self.policy_intro)
        column.addWidget(self.review_before_sync)
        column.addLayout(form)
        column.addLayout(save_row)
        column.addStretch(1)
        return box

    # --- what the controller tells the page --------------------------------------------

    def follow(self, sync: SyncController) -> None:
        """Show what `sync` reports and send it the manager's requests (the workspace's wiring)."""
        self.sync_requested.connect(sync.sync_now)
        self.cancel_requested.connect(sync.cancel)
        self.refresh_requested.connect(sync.refresh)
        sync.state_changed.connect(self.set_snapshot)
        sync.running_changed.connect(self.set_running)
        sync.progress.connect(self.set_progress)
        if sync.snapshot is not None:
            self.set_snapshot(sync.snapshot)
        self.set_running(sync.running)

    def set_snapshot(self, snapshot: SyncSnapshot) -> None:
        """Show the store's sync state; the batch history follows it."""
        self.snapshot = snapshot
        self._fill()
        self._refresh_history()

    def set_running(self, running: bool) -> None:
        """A pass started or ended."""
        self.sync_button.setEnabled(not running and bool(self.snapshot and self.snapshot.enrolled))
        self.cancel_button.setEnabled(running)
        self.progress.setVisible(running)
        if running:
            self.progress.setRange(0, 0)  # busy until the first batch is answered

    def set_progress(self, done: int, total: int) -> None:
        """Records answered so far in this pass."""
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def show_error(self, message: Wording) -> None:
        """Why the last request (enrolment, sync) did not work. Given as a function that
        words it (`lambda: translate(…)`), the line follows a language switch; given as
        text, it stays as written."""
        self._say(message, "")

    def show_info(self, message: Wording) -> None:
        """How the last request went, when it went well (a function or text, as `show_error`)."""
        self._say("", message)

    def _say(self, error: Wording, info: Wording) -> None:
        self._said = (error, info)
        self._word_status()

    def _word_status(self) -> None:
        """Set the two status lines from what was last said, in the UI language now."""
        error, info = (part() if callable(part) else part for part in self._said)
        self.message.setText(error)
        self.info.setText(info)
        self.message.setVisible(bool(error))  # empty lines would push the history down
        self.info.setVisible(bool(info))

    def take_manual(self) -> bool:
        """Whether the pass that just ended was started with *Sync now* here (and forget it)."""
        manual, self._manual = self._manual, False
        return manual

    def activated(self) -> None:
        """Shown again: re-read the history and the policy (a pass may have run meanwhile)."""
        self._refresh_history(force=True)
        if self.policy_box is not None:
            self._load_policy()

    def _sync_now(self) -> None:
        self._manual = True
        self._say("", "")
        self.sync_requested.emit()

    def value_text(self, key: str) -> str:
        """The text shown for one detail (`centre`, `last_error`, a state, `drafts`, `held`…)."""
        return self._detail_labels[key][1].text()

    def warning_texts(self) -> list[str]:
        """The warnings shown now, one sentence each (empty when the branch is not at risk)."""
        if self.snapshot is None:
            return []
        return [sync_text.warning(item) for item in self.snapshot.warnings]

    # --- batch history -----------------------------------------------------------------

    def select_batch(self, row: int) -> None:
        """Select the batch on `row` of the history (its records show beside it)."""
        self.batch_view.selectRow(row)

    def _refresh_history(self, *, force: bool = False) -> None:
        if self.batches is None or self.batch_records is None:
            return
        if self.session is not None and not self.session.is_open:  # a last snapshot after the lock
            return
        try:
            selected = self.batch_records.batch_id
            if self.batches.refresh(force=force):
                row = self.batches.row_of(selected) if selected else None
                if row is not None:
                    self.batch_view.selectRow(row)
                else:
                    self.batch_records.show_batch(None)
            elif selected is not None:
                self.batch_records.show_batch(selected)  # its records' answers may have come in
        except KnownError as exc:
            self.show_error(_problem(exc))
        self._fill_history_titles()

    def _batch_selected(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        del selected, deselected
        if self.batches is None or self.batch_records is None:
            return
        rows = self.batch_view.selectionModel().selectedRows()
        batch_id = self.batches.row_at(rows[0].row()).batch_id if rows else None
        try:
            self.batch_records.show_batch(batch_id)
        except KnownError as exc:
            self.show_error(_problem(exc))
        self._fill_history_titles()

    def _fill_history_titles(self) -> None:
        if self.batches is None or self.batch_records is None:
            return
        empty = self.batches.rowCount() == 0
        self.history_empty.setVisible(empty)
        self.history_empty.setText(translate("Sync", "No batch has been sent yet."))
        rows = self.batch_view.selectionModel().selectedRows()
        if rows:
            batch = self.batches.row_at(rows[0].row())
            self.records_title.setText(
                translate("Sync", "Records of the batch sent %1").replace("%1", sync_text.when(batch.created_at))
            )
        else:
            self.records_title.setText(translate("Sync", "Choose a batch to see its records."))

    # --- policy ------------------------------------------------------------------------

    def _load_policy(self) -> None:
        if self.session is None or self.policy_box is None:
            return
        try:
            policy = self.session.policy
        except KnownError as exc:
            self.show_error(_problem(exc))
            return
        self.review_before_sync.setChecked(policy.review_before_sync)
        self.warn_days.setValue(policy.warn_days_without_sync)
        self.warn_waiting.setValue(policy.warn_waiting)

    def save_policy(self) -> None:
        """Store the policy as set in the box (audited), then ask for fresh warnings."""
        if self.session is None:
            return
        policy = Policy(
            review_before_sync=self.review_before_sync.isChecked(),
            warn_days_without_sync=self.warn_days.value(),
            warn_waiting=self.warn_waiting.value(),
        )
        try:
            if policy == self.session.policy:
                self.show_info(lambda: translate("Sync", "The branch policy is unchanged."))
                return
            self.session.set_policy(policy)
        except KnownError as exc:
            self.show_error(_problem(exc))
            return
        self.show_info(lambda: translate("Sync", "The branch policy was saved."))
        self.refresh_requested.emit()

    # --- drawing -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title.setText(translate("Sync", "Sync status"))
        self.enrol_box.setTitle(translate("Sync", "Connect this branch to the CAM-IE centre"))
        self.enrol_intro.setText(
            translate(
                "Sync",
                "Enter the centre's address and the one-time enrolment code from the CAM-IE operator. Then compare the key fingerprint shown here with the one the operator reads to you.",
            )
        )
        self._url_label.setText(translate("Sync", "Centre address"))
        self._code_label.setText(translate("Sync", "Enrolment code"))
        self._ca_label.setText(translate("Sync", "Centre's CA certificate (optional)"))
        self.ca_bundle.setPlaceholderText(translate("Sync", "the computer's trusted authorities"))
        self.ca_button.setText(translate("Sync", "Choose…"))
        self.enrol_button.setText(translate("Sync", "Connect"))
        self.status_box.setTitle(translate("Sync", "Registrations and the centre"))
        names = {
            "centre": translate("Sync", "Centre"),
            "fingerprint": translate("Sync", "Key fingerprint"),
            "key_expires": translate("Sync", "Key valid until"),
            "oldest_waiting": translate("Sync", "Oldest record waiting since"),
            "last_success": translate("Sync", "Last successful sync"),
            "next_attempt": translate("Sync", "Next automatic sync"),
            "last_error": translate("Sync", "Last problem"),
        }
        for key, (label, _) in self._detail_labels.items():
            label.setText(names.get(key) or sync_text.state_name(key))
        self.sync_button.setText(translate("Sync", "Sync now"))
        self.cancel_button.setText(translate("Sync", "Cancel"))
        if self.tabs is not None and self.batches is not None and self.batch_records is not None:
            self.tabs.setTabText(0, translate("Sync", "Batch history"))
            self.batches.retranslate()
            language = ui_language()
            self.batch_records.retranslate(language)
            self._fill_history_titles()
        if self.tabs is not None and self.policy_box is not None:
            self.tabs.setTabText(1, translate("Sync", "Branch policy"))
            self.policy_intro.setText(
                translate(
                    "Sync",
                    "When the branch is at risk, this page and the status bar say so. Choose when, and whether a manager checks registrations before they are sent.",
                )
            )
            self.review_before_sync.setText(
                translate("Sync", "A manager reviews each registration before it is sent to the centre")
            )
            self._days_label.setText(translate("Sync", "Warn after this many days without a sync"))
            self._waiting_label.setText(translate("Sync", "Warn when more registrations than this wait"))
            self.policy_save.setText(translate("Sync", "Save policy"))
        self._fill()
        self._word_status()

    def _fill(self) -> None:
        snap = self.snapshot
        enrolled = bool(snap and snap.enrolled)
        self.enrol_box.setVisible(not enrolled)
        self.status_box.setVisible(snap is not None)
        self.sync_button.setEnabled(enrolled and not self.cancel_button.isEnabled())
        warnings = self.warning_texts()
        self.warnings.setVisible(bool(warnings))
        self.warnings.setText("\n".join("⚠ " + text for text in warnings))
        if snap is None:
            return
        values = {
            "centre": snap.centre_url or translate("Sync", "not connected"),
            "fingerprint": snap.centre_fingerprint or "—",
            "key_expires": sync_text.when(snap.centre_key_expires_at) if snap.centre_key_expires_at else "—",
            "oldest_waiting": sync_text.since_and_age(snap.oldest_waiting_at) if snap.oldest_waiting_at else "—",
            "last_success": sync_text.since_and_age(snap.last_success_at),
            "next_attempt": sync_text.when(snap.next_attempt_at) if snap.next_attempt_at and enrolled else "—",
            "last_error": (
                sync_text.failing_since(snap.last_error_code, snap.last_error_since) if snap.last_error_code else "—"
            ),
        }
        for key, (_, value) in self._detail_labels.items():
            value.setText(values[key] if key in values else QLocale().toString(snap.counts.get(key, 0)))

    def _enrol(self) -> None:
        self._say("", "")
        self.enrol_requested.emit(
            self.centre_url.text().strip(), self.enrolment_code.text().strip(), self.ca_bundle.text()
        )

    def _choose_ca_bundle(self) -> None:
        path = dialogs.choose_ca_bundle(self)
        if path is not None:
            self.ca_bundle.setText(str(path))


def _problem(error: KnownError) -> Callable[[], str]:
    """A known error as a status line that is worded again after a language switch."""
    return lambda: error_text.message_for(error)


def _table(model: BatchHistoryModel | BatchRecordsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view
