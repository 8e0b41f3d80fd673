"""New registration: the teller's capture wizard, drafts, duplicate warning, review and submit.

Three views in one page: the start (a new registration, the teller's drafts), the wizard
(one page per group of the form, then the review) and the submitted view (the reference
number). Possible duplicates are shown under the question that completes their key as the
teller types (`DuplicateWatch`), compared side by side on request (`CompareDialog`), and
checked once more at Submit (`DuplicateDialog`). A new registration starts in the branch's
own province and district. Ctrl+N starts a new registration from anywhere on the page; the
one being typed is kept in the drafts. The wizard's decisions are `forms.wizard.Wizard`'s; drafts are written by a
`DraftSaver` on its own thread within a second of every change; submitting is one store
transaction (`Session.submit_registration`).

Call `flush()` before the session closes (lock, sign-out, quit): it writes the pending
change of the draft being typed. The page also flushes when it is hidden, and writes what
is left when it is destroyed.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTime, Signal
from PySide6.QtGui import QHideEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QStackedWidget, QVBoxLayout, QWidget

import forms
from branch_client.i18n import translate, ui_language
from branch_client.qt.draft_saver import DEFAULT_DELAY_MS, DraftSaver
from branch_client.services import capture
from branch_client.store import CorrectionSource, Draft, DuplicateMatch, KnownError, Session
from branch_client.ui import dialogs, error_text
from branch_client.ui.actions import attempt
from branch_client.ui.capture.compare import CompareDialog
from branch_client.ui.capture.drafts_model import DraftsModel
from branch_client.ui.capture.duplicate_hint import DuplicateWatch
from branch_client.ui.capture.duplicates import DuplicateDialog
from branch_client.ui.capture.start_view import StartView
from branch_client.ui.capture.style import CAPTURE_STYLE
from branch_client.ui.capture.submitted_view import SubmittedView
from branch_client.ui.capture.wizard_view import WizardView
from branch_client.ui.widgets import Page, local_shortcut
from forms.wizard import Wizard
from sync.ids import uuid7_str

log = logging.getLogger(__name__)


class CapturePage(Page):
    """The teller's capture page.

    Signals:
        submitted(str): a registration was submitted (its record id).
        open_requested(str): the teller wants to see this registration (a duplicate's match).
        receipt_requested(str): print a receipt for this registration.
        correction_requested(str): kept for the workspace's wiring (corrections start here
            through `start_correction`).
    """

    submitted = Signal(str)
    open_requested = Signal(str)
    receipt_requested = Signal(str)
    correction_requested = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None, *, save_delay_ms: int | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = ui_language()
        self.form = forms.load_form()
        self.wizard: Wizard | None = None
        self.draft_id: str | None = None
        self.created_at = ""
        self.supersedes: str | None = None
        self._correction_reference = ""
        self._correction_message: dict[str, str] = {}
        self._save_started = False  # a new record is saved from its first change on
        self.last_reference = ""
        self.duplicate_dialog: DuplicateDialog | None = None
        self.compare_dialog: CompareDialog | None = None
        self._not_duplicates: list[str] = []  # the record's own id and its versions

        self.saver: DraftSaver | None = None
        self._save_delay_ms = DEFAULT_DELAY_MS if save_delay_ms is None else save_delay_ms
        self._start_saver()

        self.drafts_model = DraftsModel()
        self.start_view = StartView(self.drafts_model)
        self.start_view.new_requested.connect(self.new_registration)
        self.start_view.resume_requested.connect(self.resume)
        self.start_view.discard_requested.connect(self.discard)
        self.wizard_view = WizardView()
        self.wizard_view.answer_changed.connect(self._changed)
        self.wizard_view.page_changed.connect(self._page_changed)
        self.wizard_view.save_requested.connect(self.save_now)
        self.wizard_view.close_requested.connect(self.close_wizard)
        self.wizard_view.submit_requested.connect(self.submit)
        self.duplicate_watch = DuplicateWatch(self.wizard_view, self._typed_duplicates, self)
        self.duplicate_watch.compare_requested.connect(self.compare)
        self.submitted_view = SubmittedView()
        self.submitted_view.receipt_requested.connect(self.receipt_requested)
        self.submitted_view.new_requested.connect(self.new_registration)
        self.views = QStackedWidget()
        for view in (self.start_view, self.wizard_view, self.submitted_view):
            self.views.addWidget(view)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.views)
        self.new_shortcut = local_shortcut(QKeySequence.StandardKey.New, self, self._new_shortcut)
        self.setStyleSheet(CAPTURE_STYLE)
        self.refresh_drafts()
        self.retranslate()

    # ------------------------------------------------------------------ the start view
    def activated(self) -> None:
        """The workspace shows this page: bring the drafts list up to date."""
        if self.views.currentWidget() is self.start_view:
            self.refresh_drafts()

    def refresh_drafts(self) -> None:
        """Re-read the teller's drafts."""
        ok, found = attempt(self.session.drafts, self.start_view.message.setText)
        if not ok or found is None:
            return
        corrected = [d.supersedes for d in found if d.supersedes]
        _, refs = attempt(lambda: self.session.references(corrected), self.start_view.message.setText)
        self.drafts_model.set_drafts(found, refs or {})

    def show_start(self) -> None:
        """The start view: new registration and the drafts list."""
        self.refresh_drafts()
        self.views.setCurrentWidget(self.start_view)
        self.start_view.new_button.setFocus()

    def _new_shortcut(self) -> None:
        """Ctrl+N: a new registration, also while one is being typed (an owner at the counter
        cannot wait for another to finish); that one is saved and stays in the drafts."""
        kept = self.views.currentWidget() is self.wizard_view and self.wizard is not None and self._save_started
        self.new_registration()
        if kept:
            self.wizard_view.set_status(translate("Capture", "The registration you were typing is kept in the drafts."))

    # ------------------------------------------------------------------ starting a record
    def new_registration(self) -> None:
        """Open the wizard on a new registration (saved from its first change): empty, but for
        the branch's own province and district, which the teller can change."""
        self.flush()
        wizard = Wizard.new(self.form, lang=self.lang)
        _, home = attempt(lambda: capture.home_answers(self.session, self.form), lambda _message: None)
        for name, value in (home or {}).items():
            wizard.set_answer(name, value)
            wizard.defaults[name] = wizard.answer(name)
        self._open(
            wizard,
            draft_id=uuid7_str(),
            created_at=datetime.now(UTC).isoformat(timespec="milliseconds"),
            supersedes=None,
            save_now=False,
        )

    def resume(self, draft_id: str) -> bool:
        """Open draft `draft_id` where it was left (same answers, same page)."""
        self.flush()
        ok, draft = attempt(lambda: self.session.draft(draft_id), self.start_view.message.setText)
        if not ok:
            return False
        if draft is None:
            self.start_view.message.setText(translate("Capture", "This draft is no longer there."))
            self.refresh_drafts()
            return False
        try:
            form = forms.load_form(draft.form_id, draft.form_version)
        except forms.FormError:
            log.warning("draft %s names a form that is not installed", draft.id)
            self.start_view.message.setText(
                translate("Capture", "This draft was made with a form this version of the app does not have.")
            )
            return False
        remarks: dict[str, dict[str, str]] = {}
        if draft.supersedes:
            _, source = attempt(lambda: self.session.correction_source(draft.supersedes or ""), log.info)
            if source is not None:
                remarks = source.remarks
                self._set_correction(source)
        wizard = Wizard(form, draft.answers, page=draft.page, lang=self.lang, remarks=remarks)
        self._open(wizard, draft_id=draft.id, created_at=draft.created_at, supersedes=draft.supersedes, save_now=False)
        self._save_started = True
        return True

    def start_correction(self, record_id: str) -> bool:
        """Open the wizard on a new version of registration `record_id`: a copy of its answers,
        the centre's messages beside the fields. A correction already being typed is resumed."""
        self.flush()
        ok, existing = attempt(self.session.drafts, self.start_view.message.setText)
        if ok and existing:
            for draft in existing:
                if draft.supersedes == record_id:
                    return self.resume(draft.id)
        ok, source = attempt(lambda: self.session.correction_source(record_id), self.start_view.message.setText)
        if not ok:
            return False
        if source is None:
            self.show_start()
            self.start_view.message.setText(translate("Capture", "This registration is not in this branch's store."))
            return False
        try:
            form = forms.load_form(source.form_id, source.form_version)
        except forms.FormError:
            form = self.form
        self._set_correction(source)
        wizard = Wizard(form, capture.typed_answers(form, source.answers), lang=self.lang, remarks=source.remarks)
        first_remark = next((name for name in form.fields if name in source.remarks), None)
        page = wizard.page_of(first_remark) if first_remark else None
        wizard.go_to(page or 0)
        self._open(
            wizard,
            draft_id=uuid7_str(),
            created_at=datetime.now(UTC).isoformat(timespec="milliseconds"),
            supersedes=record_id,
            save_now=True,
        )
        return True

    def _set_correction(self, source: CorrectionSource) -> None:
        self._correction_reference = source.reference
        self._correction_message = dict(source.message)

    def _open(self, wizard: Wizard, *, draft_id: str, created_at: str, supersedes: str | None, save_now: bool) -> None:
        if supersedes is None:
            self._correction_reference = ""
            self._correction_message = {}
        self.wizard = wizard
        self.draft_id = draft_id
        self.created_at = created_at
        self.supersedes = supersedes
        self._save_started = save_now
        _, versions = attempt(lambda: capture.own_versions(self.session, supersedes), lambda _message: None)
        self._not_duplicates = [draft_id, *(versions or ([supersedes] if supersedes else []))]
        self.duplicate_watch.detach()
        self.views.setCurrentWidget(self.wizard_view)
        self.wizard_view.set_status("")
        heading, banner = self._heading()
        self.wizard_view.load(wizard, heading=heading, banner=banner)
        self.duplicate_watch.attach()
        if save_now:
            self._schedule()

    def _heading(self) -> tuple[str, str]:
        if not self.supersedes:
            return translate("Capture", "New registration"), ""
        heading = translate("Capture", "Correction of %1").replace("%1", self._correction_reference)
        message = self._correction_message.get(self.lang) or self._correction_message.get("en", "")
        banner = translate(
            "Capture", "The CAM-IE centre sent this registration back. Its notes are shown beside the answers."
        )
        if message:
            banner = translate("Capture", "CAM-IE centre: %1").replace("%1", message) + "\n" + banner
        return heading, banner

    def close_wizard(self) -> None:
        """Back to the start view; the draft is saved first."""
        self.flush()
        self.duplicate_watch.detach()
        self.wizard = None
        self.draft_id = None
        self.wizard_view.clear()
        self.show_start()

    # ------------------------------------------------------------------ drafts
    def current_draft(self) -> Draft | None:
        """The record being typed, as a draft."""
        wizard = self.wizard
        if wizard is None or self.draft_id is None:
            return None
        return Draft(
            id=self.draft_id,
            account_id=self.session.account.id,
            form_id=wizard.form.form_id,
            form_version=wizard.form.version,
            answers=dict(wizard.answers),
            page=wizard.page,
            completeness=round(wizard.completeness, 4),
            supersedes=self.supersedes,
            created_at=self.created_at,
        )

    def _changed(self, *_args: object) -> None:
        self._save_started = True  # a new record becomes a draft with its first answer
        self._schedule()

    def _page_changed(self, *_args: object) -> None:
        self._schedule()  # the page is remembered, once there is a draft

    def _start_saver(self) -> None:
        """The draft saver's thread and connection (with the session's key as it is now)."""
        if self.session.db_path is None:
            return
        saver = DraftSaver(self.session.db_path, self.session.key, delay_ms=self._save_delay_ms)
        saver.saved.connect(self._saved)
        saver.failed.connect(self._save_failed)
        self.saver = saver
        # Whatever happens to the page, the last change is written and the thread ends.
        self.destroyed.connect(lambda _obj=None, s=saver: s.close())
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(saver.close)

    def use_new_key(self) -> None:
        """The store was re-keyed: a new saver with the session's new key, and the draft
        being typed written again through it (the wizard holds all of it)."""
        old, self.saver = self.saver, None
        if old is not None:
            old.close()
        self._start_saver()
        self._schedule()

    def _schedule(self) -> None:
        draft = self.current_draft()
        if draft is None or not self._save_started:
            return
        if self.saver is not None:
            self.saver.schedule(draft)
        else:  # no path to open a second connection: write on this one
            attempt(lambda: self.session.save_draft(draft), self._save_failed_text)

    def flush(self) -> bool:
        """Write the pending change of the draft being typed now (before the session closes)."""
        if self.saver is None:
            return True
        return self.saver.flush()

    def close_drafts(self) -> None:
        """Write what is pending and end the draft saver's thread (the session is ending)."""
        if self.saver is not None:
            self.saver.close()

    def save_now(self) -> None:
        """Ctrl+S: write the draft at once and say so."""
        if self.wizard is None:
            return
        self._save_started = True
        self._schedule()
        if self.flush():
            self.wizard_view.set_status(
                translate("Capture", "Draft saved at %1.").replace(
                    "%1", QLocale().toString(QTime.currentTime(), "HH:mm:ss")
                )
            )

    def _saved(self, draft_id: str, stamp: str) -> None:
        del stamp
        if draft_id == self.draft_id:
            self.wizard_view.set_status(
                translate("Capture", "Draft saved at %1.").replace(
                    "%1", QLocale().toString(QTime.currentTime(), "HH:mm:ss")
                )
            )

    def _save_failed(self, code: str) -> None:
        self._save_failed_text(
            error_text.message_for(KnownError(code)) if code != "unexpected" else error_text.unexpected_error()
        )

    def _save_failed_text(self, message: str) -> None:
        self.wizard_view.set_status(
            translate("Capture", "The draft could not be saved: %1").replace("%1", message), problem=True
        )

    def discard(self, draft_id: str) -> bool:
        """Throw a draft away after the teller confirms."""
        _, mine = attempt(self.session.drafts, self.start_view.message.setText)
        draft = next((d for d in mine or [] if d.id == draft_id), None)
        who = draft.owner_name if draft is not None and draft.owner_name else translate("Capture", "without a name yet")
        question = translate("Capture", "Discard the draft (%1)? What was typed in it will be lost.").replace("%1", who)
        if not dialogs.ask_confirmation(self, translate("Capture", "Discard draft"), question):
            return False
        if self.saver is not None:
            self.saver.forget(draft_id)
            self.saver.flush()
        ok, _ = attempt(lambda: self.session.discard_draft(draft_id), self.start_view.message.setText)
        if ok:
            self.start_view.message.setText("")
        self.refresh_drafts()
        return ok

    # ------------------------------------------------------------------ submitting
    def submit(self) -> None:
        """Check the answers, warn about possible duplicates, then submit."""
        wizard = self.wizard
        if wizard is None:
            return
        wizard.touch_all()
        self.wizard_view.refresh()
        if not wizard.can_submit:
            page = wizard.first_error_page()
            field = wizard.first_error_field()
            if page is not None:
                self.wizard_view.show_page(page, focus=False)
            if field is not None:
                self.wizard_view.focus_field(field)
            self.wizard_view.set_status(
                translate("Capture", "Some answers need attention: they are marked in red."), problem=True
            )
            return
        self.flush()
        stored = wizard.form.normalise(wizard.answers)
        ok, matches = attempt(
            lambda: capture.possible_duplicates(self.session, stored, supersedes=self.supersedes), self._submit_failed
        )
        if not ok:
            return
        if matches:
            self._warn_duplicates(matches)
        else:
            self._submit(None)

    def _warn_duplicates(self, matches: list[DuplicateMatch]) -> None:
        dialog = DuplicateDialog(matches, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open_requested.connect(self._open_match)
        kinds = {m.record_id: m.kinds for m in matches}
        dialog.compare_requested.connect(
            lambda record_id: self.compare(record_id, over=dialog, kinds=kinds.get(record_id, ()))
        )
        dialog.accepted.connect(lambda: self._submit(dialog.reason_text()))
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.duplicate_dialog = dialog
        dialog.open()

    def _dialog_closed(self, dialog: DuplicateDialog) -> None:
        if self.duplicate_dialog is dialog:
            self.duplicate_dialog = None
        dialog.deleteLater()

    def _open_match(self, record_id: str) -> None:
        self.flush()
        self.open_requested.emit(record_id)

    # ------------------------------------------------------------------ duplicates as typed
    def _typed_duplicates(self) -> dict[str, list[DuplicateMatch]] | None:
        """The registrations matching each key typed so far (`DuplicateWatch`'s lookup);
        None when the store cannot be read (the check at Submit then tells why)."""
        wizard = self.wizard
        if wizard is None:
            return None
        try:
            return capture.duplicates_as_typed(self.session, wizard.form, wizard.answers, exclude=self._not_duplicates)
        except KnownError as exc:
            log.info("duplicates not looked for as typed: %s", exc.code)
        except Exception:
            log.exception("looking for duplicates as typed failed")
        return None

    def compare(self, record_id: str, *, over: QDialog | None = None, kinds: tuple[str, ...] = ()) -> None:
        """Show the record being typed beside registration `record_id` (window-modal, over
        the duplicate warning `over` when it comes from there)."""
        wizard = self.wizard
        if wizard is None:
            return
        ok, detail = attempt(lambda: self.session.record_detail(record_id), self._submit_failed)
        if not ok or detail is None:
            return
        try:
            registered_form = forms.load_form(detail.form_id, detail.form_version)
        except forms.FormError:
            registered_form = wizard.form
        if not kinds:
            shown = (m for hint in self.duplicate_watch.hints.values() for m in hint.matches)
            kinds = next((m.kinds for m in shown if m.record_id == record_id), ())
        dialog = CompareDialog(
            wizard.form,
            wizard.form.normalise(wizard.answers),
            detail,
            registered_form,
            self.lang,
            kinds=kinds,
            parent=over or self,
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open_requested.connect(self._open_match)
        if over is not None:
            dialog.open_requested.connect(lambda _record_id: over.reject())
        dialog.finished.connect(lambda _result: self._compare_closed(dialog))
        self.compare_dialog = dialog
        dialog.open()

    def _compare_closed(self, dialog: CompareDialog) -> None:
        if self.compare_dialog is dialog:
            self.compare_dialog = None
        dialog.deleteLater()

    def _submit(self, duplicate_note: str | None) -> None:
        wizard = self.wizard
        if wizard is None or self.draft_id is None:
            return
        record_id = self.draft_id
        if self.saver is not None:
            self.saver.flush()
        ok, done = attempt(
            lambda: capture.submit(
                self.session,
                wizard.form,
                wizard.answers,
                record_id=record_id,
                captured_at=self.created_at,
                supersedes=self.supersedes,
                duplicate_note=duplicate_note,
            ),
            self._submit_failed,
        )
        if not ok or done is None:
            return
        if self.saver is not None:
            self.saver.forget(record_id)
        self.duplicate_watch.detach()
        self.last_reference = done.reference
        self.wizard = None
        self.draft_id = None
        self.wizard_view.clear()
        self.submitted_view.show_result(record_id, done.reference, done.owner, held=done.held_for_review)
        self.views.setCurrentWidget(self.submitted_view)
        self.submitted_view.print_button.setFocus()
        log.info("registration %s submitted", record_id)
        self.submitted.emit(record_id)

    def _submit_failed(self, message: str) -> None:
        self.wizard_view.set_status(message, problem=True)

    # ------------------------------------------------------------------ Qt
    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        self.flush()
        super().hideEvent(event)

    def retranslate(self) -> None:
        self.lang = ui_language()
        self.start_view.retranslate()
        self.submitted_view.retranslate()
        if self.wizard is not None:
            self.wizard.set_language(self.lang)
            heading, banner = self._heading()
            self.wizard_view.set_heading(heading, banner)
            self.duplicate_watch.retranslate(self.lang)
        else:
            self.wizard_view.retranslate()
