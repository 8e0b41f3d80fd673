"""One registration, read only: every answer under its label, its state, the centre's word,
its versions and its sync history, with "Print receipt…" and (when allowed) "Correct…".

Signals:
    back_requested(): the user wants the list again.
    receipt_requested(str): record id whose receipt to print.
    correction_requested(str): record id to correct (the capture wizard makes the new version).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

import forms
from branch_client.i18n import translate, ui_language
from branch_client.store import RecordDetail
from branch_client.ui.registrations import text
from branch_client.ui.widgets import Page, title_label
from forms.display import show_answer


class RecordView(Page):
    """The read-only view of one registration (see the module docstring for its signals)."""

    back_requested = Signal()
    receipt_requested = Signal(str)
    correction_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: RecordDetail | None = None
        self.back_button = QPushButton()
        self.back_button.clicked.connect(self.back_requested)
        self.title = title_label()
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state_label = QLabel()
        self.state_label.setObjectName("recordState")
        self.state_label.setWordWrap(True)
        self.message_label = QLabel()
        self.message_label.setObjectName("centreMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.receipt_button = QPushButton()
        self.receipt_button.clicked.connect(self._receipt)
        self.correct_button = QPushButton()
        self.correct_button.clicked.connect(self._correct)
        buttons = QHBoxLayout()
        buttons.addWidget(self.receipt_button)
        buttons.addWidget(self.correct_button)
        buttons.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)

        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.scroll_area = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.body)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.state_label)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        layout.addWidget(scroll, 1)
        #: label texts of the answers shown, in order (for tests and screenshots)
        self.answer_rows: list[tuple[str, str]] = []
        self.history_rows: list[tuple[str, str]] = []
        self.retranslate()

    def set_record(self, detail: RecordDetail) -> None:
        """Show `detail` (re-rendered in the new language on a switch)."""
        self.detail = detail
        self._render()

    def retranslate(self) -> None:
        self.back_button.setText(translate("Registrations", "← Back to the list"))
        self.receipt_button.setText(translate("Registrations", "Print receipt…"))
        self.correct_button.setText(translate("Registrations", "Correct…"))
        self.correct_button.setToolTip(
            translate("Registrations", "Make a new version of this registration with the answers put right.")
        )
        self._render()

    # --- rendering -------------------------------------------------------------------

    def _render(self) -> None:
        detail = self.detail
        self._clear_body()
        self.answer_rows, self.history_rows = [], []
        if detail is None:
            self.title.setText("")
            self.state_label.setText("")
            self.message_label.setText("")
            self.receipt_button.setEnabled(False)
            self.correct_button.setVisible(False)
            self.scroll_area.setWidget(self.body)
            return
        lang = ui_language()
        marker = text.version_marker(detail.version)
        self.title.setText(f"{detail.reference}  · {marker}" if marker else detail.reference)
        state = translate("Registrations", "State: %1").replace("%1", text.state_name(detail.state))
        if detail.cam_ie_number:
            state += " — " + translate("Registrations", "CAM-IE number: %1").replace("%1", detail.cam_ie_number)
        if detail.superseded_by is not None:
            state += " — " + translate("Registrations", "replaced by a later version")
        self.state_label.setText(state)
        self.message_label.setText(self._centre_message(detail, lang))
        self.message_label.setVisible(bool(self.message_label.text()))
        self.receipt_button.setEnabled(True)
        self.correct_button.setVisible(detail.correctable)
        self._add_answers(detail, lang)
        self._add_record_facts(detail)
        self._add_versions(detail)
        self._add_history(detail)
        self.body_layout.addStretch(1)
        self.scroll_area.setWidget(self.body)

    def _clear_body(self) -> None:
        """A fresh body for each render, put in the scroll area once filled (which deletes
        the previous one): a body filled while shown would not grow to its contents."""
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)

    def _centre_message(self, detail: RecordDetail, lang: str) -> str:
        other = detail.message_en if lang == "km" else detail.message_km
        mine = detail.message_km if lang == "km" else detail.message_en
        message = mine or other or ""
        if not message and detail.reason_code and detail.state in ("rejected", "needs_correction", "duplicate"):
            message = reason_text(detail.reason_code) or ""
        if not message:
            return ""
        return translate("Registrations", "The centre says: %1").replace("%1", message)

    def _section(self, title: str) -> QFormLayout:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.body_layout.addWidget(box)
        return form

    @staticmethod
    def _value_label(value: str) -> QLabel:
        label = QLabel(value)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _add_answers(self, detail: RecordDetail, lang: str) -> None:
        form = _form_for(detail.form_id, detail.form_version)
        answers = detail.answers
        if form is None:  # a form this computer does not have: the stored names and values
            section = self._section(translate("Registrations", "Answers"))
            for name, value in answers.items():
                if not name.startswith("_") and _answered(value):
                    self._add_row(section, name, _plain(value))
            return
        for page in form.pages:
            rows = [
                r
                for r in page.rows
                if r.takes_answer and (_answered(answers.get(r.name)) or r.name in detail.field_messages)
            ]
            if not rows:
                continue
            section = self._section(page.label(lang))
            for row in rows:
                value = _display_value(form, row, answers, lang)
                self._add_row(section, row.label(lang), value, detail.field_messages.get(row.name), lang)

    def _add_row(
        self, form: QFormLayout, label: str, value: str, problem: Mapping[str, str] | None = None, lang: str = "en"
    ) -> None:
        field = self._value_label(value)
        if problem:
            message = problem.get(lang) or next(iter(problem.values()), "")
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(field)
            note = QLabel(message)  # one sentence: unwrapped, so the form gives it its full height
            note.setObjectName("errorText")
            column.addWidget(note)
            form.addRow(label, holder)
        else:
            form.addRow(label, field)
        self.answer_rows.append((label, value))

    def _add_record_facts(self, detail: RecordDetail) -> None:
        section = self._section(translate("Registrations", "Registration"))
        facts = [
            (translate("Registrations", "Reference"), detail.reference),
            (translate("Registrations", "Captured by"), detail.captured_by),
            (translate("Registrations", "Submitted"), text.when(detail.submitted_at)),
            (translate("Registrations", "Form version"), detail.form_version),
        ]
        if detail.receipt_printed_at:
            facts.append((translate("Registrations", "Receipt printed"), text.when(detail.receipt_printed_at)))
        if detail.review_note:
            facts.append((translate("Registrations", "Manager's note"), detail.review_note))
        if detail.withdrawn_at:
            facts.append((translate("Registrations", "Withdrawn"), text.when(detail.withdrawn_at)))
            if detail.withdrawn_reason:
                facts.append((translate("Registrations", "Reason for withdrawal"), detail.withdrawn_reason))
        for label, value in facts:
            section.addRow(label, self._value_label(value))

    def _add_versions(self, detail: RecordDetail) -> None:
        if len(detail.versions) < 2:
            return
        section = self._section(translate("Registrations", "Versions"))
        for n, version in enumerate(detail.versions, start=1):
            line = " — ".join([version.reference, text.when(version.submitted_at), text.state_name(version.state)])
            if version.record_id == detail.record_id:
                line += " — " + translate("Registrations", "this one")
            section.addRow(translate("Registrations", "Version %1").replace("%1", str(n)), self._value_label(line))

    def _add_history(self, detail: RecordDetail) -> None:
        section = self._section(translate("Registrations", "Sync history"))
        events: list[tuple[str, str]] = [(text.when(detail.submitted_at), translate("Registrations", "Submitted"))]
        events += [
            (text.when(at), _event_text(event, detail_code)) for at, event, _batch, detail_code in detail.history
        ]
        if len(events) == 1 and detail.state in ("waiting", "held", "returned"):
            events.append(("", _waiting_text(detail.state)))
        for when, what in events:
            section.addRow(when, self._value_label(what))
        self.history_rows = events

    # --- buttons ---------------------------------------------------------------------

    def _receipt(self) -> None:
        if self.detail is not None:
            self.receipt_requested.emit(self.detail.record_id)

    def _correct(self) -> None:
        if self.detail is not None and self.detail.correctable:
            self.correction_requested.emit(self.detail.record_id)


def _form_for(form_id: str, version: str) -> forms.Form | None:
    try:
        return forms.load_form(form_id, version)
    except forms.FormError:
        try:
            return forms.load_form(form_id)
        except forms.FormError:
            return None


def _answered(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, str | list | tuple | dict):
        return bool(value)
    return True


def _plain(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def _display_value(form: forms.Form, row: forms.Row, answers: Mapping[str, Any], lang: str) -> str:
    """An answer as people read it (`forms.display.show_answer`), or a dash when none was given."""
    return show_answer(form, row, answers.get(row.name), lang) or "—"


def _event_text(event: str, code: str | None) -> str:
    """One line of the sync history in the UI language."""
    names = {
        "batched": translate("Registrations", "Sent to the centre"),
        "answered_accepted": translate("Registrations", "The centre accepted it"),
        "answered_duplicate": translate("Registrations", "The centre holds it as a probable duplicate"),
        "answered_rejected": translate("Registrations", "The centre rejected it"),
        "answered_needs_correction": translate("Registrations", "The centre asked for a correction"),
        "batch_abandoned": translate("Registrations", "The centre refused the batch; it is sent again"),
        "decided_approved": translate("Registrations", "A centre operator approved it"),
        "decided_rejected": translate("Registrations", "A centre operator rejected it"),
        "decided_needs_correction": translate("Registrations", "A centre operator asked for a correction"),
    }
    line = names.get(event, event)
    reason = reason_text(code) if code and event != "batched" else None
    return f"{line} ({reason})" if reason else line


def reason_text(code: str | None) -> str | None:
    """The centre's reason code in words, for the codes that say more than the event beside
    them; None for the others (`needs_correction`, `rejected_by_operator`: the event says it
    already) and for a code this version does not know: a code is never shown as it is."""
    reasons = {
        "invalid_answers": translate("Registrations", "some answers are not valid"),
        "unknown_form": translate("Registrations", "the centre does not know this form"),
        "probable_duplicate": translate("Registrations", "it looks like a business already registered"),
        "already_accepted": translate("Registrations", "the centre had already accepted it"),
    }
    return reasons.get(code or "")


def _waiting_text(state: str) -> str:
    if state == "held":
        return translate("Registrations", "Waiting for a manager's review before it is sent")
    if state == "returned":
        return translate("Registrations", "Returned to the teller by a manager")
    return translate("Registrations", "Waiting to be sent at the next sync")
