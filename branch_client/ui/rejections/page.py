"""The manager's *Rejections and review* page.

Three lists, each a tab with its count:

- **Sent back by the centre**: records the centre rejected or sent back for correction,
  with its reason in the UI language (and per answer, under the form's labels). The
  manager opens one, starts its correction (`correction_requested`: the capture wizard
  makes the linked new version) or withdraws it with a reason.
- **Waiting for your review**: with the branch's *review before sync* policy on (the
  switch is here), submitted registrations wait for a manager: approve (one, a selection,
  or every one of a day, each in one transaction) or return to the teller with a reason.
- **Returned to tellers**: what went back, with the reason, until it is corrected or
  withdrawn.

A teller sees the same page as *Sent back to me*: only her own records (the store filters
them, `Session.rejections` and `returned_registrations`), in two tabs, *Sent back by the
centre* and *Returned to me*, with what she may do: open and correct. No review tab, no
policy switch, no approve, return or withdraw.

The store does the work (`Session.approve`, `return_to_teller`, `withdraw`, see
`branch_client.store.review`); the page asks, shows and refreshes. The details pane under
each list is `details.py`.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from branch_client.i18n import translate, ui_language
from branch_client.store import (
    MAX_REASON,
    SENT_BACK_OPEN,
    KnownError,
    Session,
    UnderReview,
    review_days,
    submitted_on,
)
from branch_client.ui import error_text
from branch_client.ui.rejections import details, dialogs
from branch_client.ui.rejections.models import (
    RECORD_ID_ROLE,
    RecordsModel,
    pending_columns,
    returned_columns,
    sent_back_columns,
)
from branch_client.ui.rejections.record_list import RecordList
from branch_client.ui.widgets import Page, busy_cursor, message_label, title_label
from forms.display import show_date

log = logging.getLogger(__name__)
T = TypeVar("T")


def message_for(error: KnownError) -> str:
    """Plain words for the errors of this page's changes (the others: `error_text`)."""
    if error.code == "reason_required":
        return translate("RejectionsPage", "Write a reason of at most %1 characters.").replace("%1", str(MAX_REASON))
    if error.code == "not_pending_review":
        return translate(
            "RejectionsPage",
            "Nothing was changed: a registration is no longer waiting for review (it was dealt with meanwhile). The list is up to date now.",
        )
    if error.code == "cannot_withdraw":
        return translate(
            "RejectionsPage",
            "Nothing was changed: this record cannot be withdrawn any more (it was corrected, withdrawn or sent meanwhile). The list is up to date now.",
        )
    return error_text.message_for(error)


class RejectionsPage(Page):
    """Records sent back by the centre, registrations waiting for review, and those returned
    (for a teller: her own records sent back by the centre and returned to her).

    Signals:
        correction_requested(str): start a correction (a new version) of this record.
        open_requested(str): show this registration, read-only.
        submitted(str): this registration entered the outbox (approved): the sync
            status may refresh and a pass may send it.
    """

    correction_requested = Signal(str)
    open_requested = Signal(str)
    submitted = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.is_manager = session.account.is_manager
        own = not self.is_manager  # a teller's page: every record listed is hers
        self._review_on = False
        self.counts = {"rejected": 0, "needs_correction": 0, "held": 0, "returned": 0}  # from the store
        self.title = title_label()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)

        # Sent back by the centre.
        self.sent_back = RecordList(
            RecordsModel(sent_back_columns(own=own), dimmed=lambda r: r.state != SENT_BACK_OPEN)
        )
        self.show_withdrawn = QCheckBox()
        self.show_withdrawn.toggled.connect(lambda _checked: self.refresh())
        self.sent_back.layout_.insertWidget(1, self.show_withdrawn)
        self.sent_back.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # newest first
        self.sb_open = QPushButton()
        self.sb_correct = QPushButton()
        self.sb_withdraw = QPushButton()
        self._add_buttons(self.sent_back, self.sb_open, self.sb_correct, self.sb_withdraw)

        # Waiting for your review.
        self.pending = RecordList(RecordsModel(pending_columns()), multi=True)
        self.policy_box = QGroupBox()
        self.policy_switch = QCheckBox()
        self.policy_switch.setObjectName("reviewPolicySwitch")
        self.policy_text = QLabel()
        self.policy_text.setWordWrap(True)
        self.policy_state = QLabel()
        self.policy_state.setObjectName("policyState")
        self.policy_state.setWordWrap(True)
        policy_layout = QVBoxLayout(self.policy_box)
        policy_layout.addWidget(self.policy_switch)
        policy_layout.addWidget(self.policy_text)
        policy_layout.addWidget(self.policy_state)
        self.policy_switch.clicked.connect(self.set_review_policy)
        self.pending.layout_.insertWidget(0, self.policy_box)
        self.pending.intro.hide()  # the policy box and the details' hint say what to do here
        self.policy_box.setVisible(self.is_manager)
        self.pe_open = QPushButton()
        self.pe_approve = QPushButton()
        self.pe_return = QPushButton()
        self.pe_withdraw = QPushButton()
        self.day_label = QLabel()
        self.day_choice = QComboBox()
        self.day_choice.setObjectName("reviewDay")
        self.pe_approve_day = QPushButton()
        self._add_buttons(self.pending, self.pe_open, self.pe_approve, self.pe_return, self.pe_withdraw)
        self.pending.buttons.addWidget(self.day_label)
        self.pending.buttons.addWidget(self.day_choice)
        self.pending.buttons.addWidget(self.pe_approve_day)

        # Returned to tellers.
        self.returned = RecordList(RecordsModel(returned_columns(own=own)))
        self.re_open = QPushButton()
        self.re_correct = QPushButton()
        self.re_withdraw = QPushButton()
        self._add_buttons(self.returned, self.re_open, self.re_correct, self.re_withdraw)

        self.tabs.addTab(self.sent_back, "")
        if self.is_manager:
            self.tabs.addTab(self.pending, "")
        else:  # nothing waits for a teller's review: the list is kept, out of sight and empty
            self.pending.setParent(self)
            self.pending.hide()
        self.tabs.addTab(self.returned, "")
        self.message = message_label()
        self.info = QLabel()
        self.info.setObjectName("reviewInfo")
        self.info.setWordWrap(True)
        self.message.hide()
        self.info.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.info)

        for button, lst in (
            (self.sb_open, self.sent_back),
            (self.pe_open, self.pending),
            (self.re_open, self.returned),
        ):
            button.clicked.connect(lambda _c=False, lst=lst: self._open(lst))
            lst.table.doubleClicked.connect(lambda index, lst=lst: self._open_index(lst, index))
        self.sb_correct.clicked.connect(lambda: self._correct(self.sent_back))
        self.re_correct.clicked.connect(lambda: self._correct(self.returned))
        self.sb_withdraw.clicked.connect(lambda: self.withdraw(self.sent_back))
        self.pe_withdraw.clicked.connect(lambda: self.withdraw(self.pending))
        self.re_withdraw.clicked.connect(lambda: self.withdraw(self.returned))
        self.pe_approve.clicked.connect(self.approve_selected)
        self.pe_return.clicked.connect(self.return_selected)
        self.pe_approve_day.clicked.connect(self.approve_day)
        for lst in (self.sent_back, self.pending, self.returned):
            lst.table.selectionModel().selectionChanged.connect(self._selection_changed)
        for button in (self.pe_approve, self.pe_return, self.pe_withdraw, self.sb_withdraw, self.re_withdraw):
            button.setVisible(self.is_manager)
        for widget in (self.day_label, self.day_choice, self.pe_approve_day):
            widget.setVisible(self.is_manager)

        self.refresh()
        self.retranslate()

    @staticmethod
    def _add_buttons(lst: RecordList, *buttons: QPushButton) -> None:
        for button in buttons:
            lst.buttons.addWidget(button)
        lst.buttons.addStretch(1)

    # --- showing --------------------------------------------------------------------

    def activated(self) -> None:
        """The page is shown: read the lists again (the sync worker may have brought answers)."""
        self.refresh()

    def show_tab(self, name: str) -> None:
        """Open the list `name` ("sent_back", "pending" or "returned"): the home page's
        numbers open the list they count."""
        lst = {"sent_back": self.sent_back, "pending": self.pending, "returned": self.returned}.get(name)
        if lst is not None and self.tabs.indexOf(lst) >= 0:
            self.tabs.setCurrentWidget(lst)

    def refresh(self) -> None:
        """Reload the three lists and the policy from the store."""
        try:
            rows = self.session.rejections(include_withdrawn=self.show_withdrawn.isChecked())
            pending = self.session.pending_review() if self.is_manager else []
            returned = self.session.returned_registrations()
            self.counts = self.session.state_counts(("rejected", "needs_correction", "held", "returned"), own=True)
            self._review_on = self.session.policy.review_before_sync
        except KnownError as exc:
            self._tell(self.message, message_for(exc))
            return
        self.sent_back.set_rows(rows)
        self.pending.set_rows(pending)
        self.returned.set_rows(returned)
        self._fill_days(pending)
        self.policy_switch.setChecked(self._review_on)
        self._update_counts()
        self._update_policy_state()
        self._selection_changed()

    def _fill_days(self, pending: list[UnderReview]) -> None:
        chosen = self.day_choice.currentData()
        self.day_choice.clear()
        for day, count in review_days(pending):
            text = show_date(day.isoformat(), ui_language())
            self.day_choice.addItem(f"{text} ({count})", day.isoformat())
        at = self.day_choice.findData(chosen)
        self.day_choice.setCurrentIndex(at if at >= 0 else 0)
        self.day_choice.setEnabled(self.day_choice.count() > 0)
        self.pe_approve_day.setEnabled(self.day_choice.count() > 0)

    def open_counts(self) -> tuple[int, int, int]:
        """(records the centre sent back that wait for a correction or a withdrawal,
        registrations waiting for review, registrations returned to tellers): the store's
        counts of those states (`Session.state_counts`, a teller's own), as every page shows them."""
        counts = self.counts
        return counts["rejected"] + counts["needs_correction"], counts["held"], counts["returned"]

    def _update_counts(self) -> None:
        sent, pending, returned = self.open_counts()
        tab = self.tabs.indexOf
        self.tabs.setTabText(tab(self.sent_back), self.tr("Sent back by the centre (%1)").replace("%1", str(sent)))
        if self.is_manager:
            self.tabs.setTabText(tab(self.pending), self.tr("Waiting for your review (%1)").replace("%1", str(pending)))
            self.tabs.setTabText(tab(self.returned), self.tr("Returned to tellers (%1)").replace("%1", str(returned)))
        else:
            self.tabs.setTabText(tab(self.returned), self.tr("Returned to me (%1)").replace("%1", str(returned)))

    def _update_policy_state(self) -> None:
        pending = self.pending.model.rowCount()
        stranded = not self._review_on and pending > 0
        self.policy_state.setVisible(stranded)
        self.policy_state.setText(
            self.tr(
                "Review before sync is off, so new registrations go straight to the centre. Those listed here (%1) were submitted while it was on: they are sent only once you approve them."
            ).replace("%1", str(pending))
            if stranded
            else ""
        )

    def _selection_changed(self, *_args: object) -> None:
        sent = self.sent_back.selected_rows()
        one_open = len(sent) == 1 and sent[0].state == SENT_BACK_OPEN
        self.sb_open.setEnabled(len(sent) == 1)
        self.sb_correct.setEnabled(one_open)
        self.sb_withdraw.setEnabled(one_open)
        own = not self.is_manager
        self.sent_back.details.setHtml(details.sent_back_html(sent[0] if len(sent) == 1 else None, own=own))

        pending = self.pending.selected_rows()
        self.pe_open.setEnabled(len(pending) == 1)
        self.pe_approve.setEnabled(bool(pending))
        self.pe_return.setEnabled(bool(pending))
        self.pe_withdraw.setEnabled(len(pending) == 1)
        self.pending.details.setHtml(details.pending_html(pending[0] if len(pending) == 1 else None, len(pending)))

        returned = self.returned.selected_rows()
        self.re_open.setEnabled(len(returned) == 1)
        self.re_correct.setEnabled(len(returned) == 1)
        self.re_withdraw.setEnabled(len(returned) == 1)
        self.returned.details.setHtml(details.returned_html(returned[0] if len(returned) == 1 else None, own=own))

    # --- acting ---------------------------------------------------------------------

    def _open(self, lst: RecordList) -> None:
        ids = lst.selected_ids()
        if len(ids) == 1:
            self.open_requested.emit(ids[0])

    def _open_index(self, lst: RecordList, index: QModelIndex) -> None:
        record_id = lst.proxy.index(index.row(), 0).data(RECORD_ID_ROLE)
        if record_id:
            self.open_requested.emit(str(record_id))

    def _correct(self, lst: RecordList) -> None:
        ids = lst.selected_ids()
        if len(ids) == 1:
            self.correction_requested.emit(ids[0])

    def approve_selected(self) -> None:
        """Approve the selected registrations (asking first when there are several)."""
        ids = self.pending.selected_ids()
        if not ids:
            return
        if len(ids) > 1 and not dialogs.ask_confirmation(
            self,
            self.tr("Approve registrations"),
            self.tr("Approve the %1 selected registrations? They will be sent to the centre at the next sync.").replace(
                "%1", str(len(ids))
            ),
        ):
            return
        self._approve(ids)

    def approve_day(self) -> None:
        """Approve every registration waiting from the chosen day, in one transaction."""
        value = self.day_choice.currentData()
        if not value:
            return
        day = date.fromisoformat(str(value))
        rows = submitted_on(self.pending.model.rows(), day)
        if not rows:
            return
        self.pending.select_ids([r.record_id for r in rows])
        question = (
            self.tr(
                "Approve every registration submitted on %2 (%1 in all)? They will be sent to the centre at the next sync."
            )
            .replace("%1", str(len(rows)))
            .replace("%2", self.day_choice.currentText().rsplit(" (", 1)[0])
        )
        if dialogs.ask_confirmation(self, self.tr("Approve registrations"), question):
            self._approve([r.record_id for r in rows])

    def _approve(self, ids: list[str]) -> bool:
        ok, _ = self._run(lambda: self.session.approve(ids))
        if ok:
            self._tell(
                self.info,
                self.tr("Registrations approved: %1. They will be sent to the centre at the next sync.").replace(
                    "%1", str(len(ids))
                ),
            )
            for record_id in ids:
                self.submitted.emit(record_id)
        return ok

    def return_selected(self) -> None:
        """Send the selected registrations back to their tellers, with a reason."""
        rows = self.pending.selected_rows()
        if not rows:
            return
        if len(rows) == 1:
            prompt = self.tr(
                "Why does %1 go back to %2? The teller reads this, corrects the registration and submits it again."
            )
            prompt = prompt.replace("%1", rows[0].reference).replace("%2", rows[0].teller)
        else:
            prompt = self.tr(
                "Why do these %1 registrations go back to their tellers? Each teller reads this, corrects the registration and submits it again."
            ).replace("%1", str(len(rows)))
        reason = dialogs.ask_reason(self, self.tr("Return to the teller"), prompt)
        if reason is None:
            return
        ok, _ = self._run(lambda: self.session.return_to_teller([r.record_id for r in rows], reason))
        if ok:
            self._tell(self.info, self.tr("Registrations returned: %1.").replace("%1", str(len(rows))))

    def withdraw(self, lst: RecordList) -> None:
        """Withdraw the selected record, with a reason."""
        rows = lst.selected_rows()
        if len(rows) != 1:
            return
        row = rows[0]
        prompt = self.tr(
            "Withdraw %1 — %2? It will not be sent to the centre again and cannot be corrected afterwards. Say why; the reason is kept with the record."
        )
        prompt = prompt.replace("%1", row.reference).replace("%2", row.owner_name)
        reason = dialogs.ask_reason(self, self.tr("Withdraw a record"), prompt)
        if reason is None:
            return
        ok, _ = self._run(lambda: self.session.withdraw(row.record_id, reason))
        if ok:
            self._tell(self.info, self.tr("%1 withdrawn.").replace("%1", row.reference))

    def set_review_policy(self, on: bool) -> None:
        """The switch was clicked: turn review before sync on or off (asking about waiting registrations)."""
        policy = self.session.policy
        if on == policy.review_before_sync:
            return
        new = dataclasses.replace(policy, review_before_sync=on)
        if on:
            ok, _ = self._run(lambda: self.session.set_policy(new))
            if ok:
                self._tell(
                    self.info, self.tr("Review before sync is on. New registrations wait here for your approval.")
                )
            return
        pending = [r.record_id for r in self.session.pending_review()]
        choice = dialogs.LEAVE_PENDING
        if pending:
            asked = dialogs.ask_policy_off(self, len(pending))
            if asked is None:
                self.policy_switch.setChecked(True)
                return
            choice = asked
        if choice == dialogs.APPROVE_ALL and not self._approve(pending):
            self.policy_switch.setChecked(True)
            return
        ok, _ = self._run(lambda: self.session.set_policy(new))
        if not ok:
            return
        if choice == dialogs.APPROVE_ALL:
            text = self.tr(
                "Review before sync is off. The waiting registrations (%1) were approved and will be sent at the next sync."
            ).replace("%1", str(len(pending)))
        elif pending:
            text = self.tr(
                "Review before sync is off. Registrations already waiting (%1) stay here until you approve or return them."
            ).replace("%1", str(len(pending)))
        else:
            text = self.tr("Review before sync is off. New registrations go straight to the centre.")
        self._tell(self.info, text)

    @staticmethod
    def _tell(label: QLabel, text: str) -> None:
        """Show `text` in `label`, or hide the label (no empty line under the tabs)."""
        label.setText(text)
        label.setVisible(bool(text))

    def _run(self, action: Callable[[], T]) -> tuple[bool, T | None]:
        """Run a change; a known error is told plainly, a bug is logged. The lists are read again either way."""
        self._tell(self.message, "")
        self._tell(self.info, "")
        result: tuple[bool, T | None] = (False, None)
        try:
            with busy_cursor():
                result = (True, action())
        except KnownError as exc:
            log.info("refused: %s", exc.code)
            self._tell(self.message, message_for(exc))
        except Exception:
            log.exception("unexpected error")
            self._tell(self.message, error_text.unexpected_error())
        self.refresh()
        return result

    # --- language -------------------------------------------------------------------

    def _manager_texts(self) -> None:
        """Title, explanations and empty lists of the manager's page (everyone's records)."""
        self.title.setText(self.tr("Rejections and review"))
        self.intro.setText(
            self.tr(
                "Records the centre sent back, and registrations waiting for a manager before they are sent. Nothing listed here is lost: each record stays until it is corrected, approved or withdrawn."
            )
        )
        self.sent_back.intro.setText(
            self.tr(
                "The centre refused these records or asks for a correction. Correct one to send a new version of it, or withdraw it if it should not be sent again."
            )
        )
        self.sent_back.empty.setText(self.tr("The centre has not sent back any record."))
        self.returned.intro.setText(
            self.tr(
                "You sent these back to the teller who captured them. The teller corrects each like a record the centre sent back: the new version waits for your review again."
            )
        )
        self.returned.empty.setText(self.tr("No registration is back with a teller."))

    def _teller_texts(self) -> None:
        """The same, spoken to a teller about her own records (she corrects; a manager withdraws)."""
        self.title.setText(self.tr("Sent back to me"))
        self.intro.setText(
            self.tr(
                "Your registrations that need a correction: those the centre sent back and those a manager returned to you. Select one to read why, then correct it. Nothing listed here is lost."
            )
        )
        self.sent_back.intro.setText(
            self.tr(
                "The centre refused these records of yours or asks for a correction. Correct one to send a new version of it. If one should not be sent again, ask your manager to withdraw it."
            )
        )
        self.sent_back.empty.setText(self.tr("The centre has not sent back any record of yours."))
        self.returned.intro.setText(
            self.tr(
                "A manager returned these to you before they were sent. Read the reason, then correct each one: the new version waits for the manager's review again."
            )
        )
        self.returned.empty.setText(self.tr("No registration has been returned to you."))

    def retranslate(self) -> None:
        if self.is_manager:
            self._manager_texts()
        else:
            self._teller_texts()
        self.show_withdrawn.setText(self.tr("Show withdrawn records"))
        self.pending.empty.setText(self.tr("No registration is waiting for your review."))
        self.policy_box.setTitle(self.tr("Review before sync"))
        self.policy_switch.setText(self.tr("Review registrations before they are sent to the centre"))
        self.policy_text.setText(
            self.tr(
                "When this is on, each registration a teller submits waits on this tab until a manager approves it; only then is it sent. Registrations already waiting to be sent are not affected. It is off unless a manager turns it on."
            )
        )
        for button, text in (
            (self.sb_open, self.tr("Open")),
            (self.pe_open, self.tr("Open")),
            (self.re_open, self.tr("Open")),
            (self.sb_correct, self.tr("Correct…")),
            (self.re_correct, self.tr("Correct…")),
            (self.sb_withdraw, self.tr("Withdraw…")),
            (self.pe_withdraw, self.tr("Withdraw…")),
            (self.re_withdraw, self.tr("Withdraw…")),
            (self.pe_approve, self.tr("Approve")),
            (self.pe_return, self.tr("Return to the teller…")),
            (self.pe_approve_day, self.tr("Approve the whole day…")),
        ):
            button.setText(text)
        self.day_label.setText(self.tr("Day:"))
        for lst in (self.sent_back, self.pending, self.returned):
            lst.model.retranslate()
        self._fill_days(self.pending.model.rows())
        self._update_counts()
        self._update_policy_state()
        self._selection_changed()
