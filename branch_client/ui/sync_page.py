"""The manager's sync page: connect the branch to the centre, see what reached it, sync now.

The page only displays what the `SyncController` reports and forwards the manager's
requests; enrolment and passes happen in `sync_service` and on the sync thread.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branch_client.i18n import translate
from branch_client.sync_service import SyncSnapshot
from branch_client.ui import dialogs, sync_text
from branch_client.ui.widgets import Page, message_label, title_label
from sync.outbox import STATES


class SyncPage(Page):
    """Enrolment form (until enrolled), then counts, last success, last error and *Sync now*.

    Signals:
        enrol_requested(str, str, str): the centre's address, the enrolment code, and the
            CA bundle to pin the centre with ("" for the system's trust store).
        sync_requested(): *Sync now*.
        cancel_requested(): *Cancel* while a pass runs.
    """

    enrol_requested = Signal(str, str, str)
    sync_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snapshot: SyncSnapshot | None = None
        self.title = title_label()
        self.message = message_label()
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setObjectName("syncInfo")
        self._manual = False  # the running pass was asked for on this page

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

        self.status_box = QGroupBox()
        self.details = QFormLayout(self.status_box)
        self._detail_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("centre", "fingerprint", "last_success", "last_error", *STATES):
            name, value = QLabel(), QLabel()
            value.setWordWrap(True)
            value.setObjectName(f"value_{key}")
            self._detail_labels[key] = (name, value)
            self.details.addRow(name, value)

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

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.enrol_box)
        layout.addWidget(self.status_box)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.info)
        layout.addStretch(1)
        self.retranslate()

    # --- what the controller tells the page --------------------------------------------

    def set_snapshot(self, snapshot: SyncSnapshot) -> None:
        """Show the store's sync state."""
        self.snapshot = snapshot
        self._fill()

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

    def show_error(self, message: str) -> None:
        """Why the last request (enrolment, sync) did not work."""
        self.info.clear()
        self.message.setText(message)

    def show_info(self, message: str) -> None:
        """How the last request went, when it went well."""
        self.message.clear()
        self.info.setText(message)

    def take_manual(self) -> bool:
        """Whether the pass that just ended was started with *Sync now* here (and forget it)."""
        manual, self._manual = self._manual, False
        return manual

    def _sync_now(self) -> None:
        self._manual = True
        self.message.clear()
        self.info.clear()
        self.sync_requested.emit()

    def value_text(self, key: str) -> str:
        """The text shown for one detail (`centre`, `last_error`, a state…)."""
        return self._detail_labels[key][1].text()

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
            "fingerprint": translate("Sync", "Centre key fingerprint"),
            "last_success": translate("Sync", "Last successful sync"),
            "last_error": translate("Sync", "Last problem"),
        }
        for key, (label, _) in self._detail_labels.items():
            label.setText(names.get(key) or sync_text.state_name(key))
        self.sync_button.setText(translate("Sync", "Sync now"))
        self.cancel_button.setText(translate("Sync", "Cancel"))
        self._fill()

    def _fill(self) -> None:
        snap = self.snapshot
        enrolled = bool(snap and snap.enrolled)
        self.enrol_box.setVisible(not enrolled)
        self.status_box.setVisible(snap is not None)
        self.sync_button.setEnabled(enrolled and not self.cancel_button.isEnabled())
        if snap is None:
            return
        values = {
            "centre": snap.centre_url or translate("Sync", "not connected"),
            "fingerprint": snap.centre_fingerprint or "—",
            "last_success": sync_text.when(snap.last_success_at),
            "last_error": (
                sync_text.failing_since(snap.last_error_code, snap.last_error_since) if snap.last_error_code else "—"
            ),
        }
        for key, (_, value) in self._detail_labels.items():
            value.setText(values[key] if key in values else str(snap.counts.get(key, 0)))

    def _enrol(self) -> None:
        self.message.clear()
        self.info.clear()
        self.enrol_requested.emit(
            self.centre_url.text().strip(), self.enrolment_code.text().strip(), self.ca_bundle.text()
        )

    def _choose_ca_bundle(self) -> None:
        path = dialogs.choose_ca_bundle(self)
        if path is not None:
            self.ca_bundle.setText(str(path))
