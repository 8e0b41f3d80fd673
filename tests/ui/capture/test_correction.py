"""Corrections: a new linked version of a registration, with the centre's messages beside the fields."""

from __future__ import annotations

import json
from typing import Any

from pytestqt.qtbot import QtBot

from branch_client.store import Session
from branch_client.ui.capture.fields import TextField
from tests.ui.capture.conftest import MakePage, sample_record, submit_existing

CENTRE_FIELDS = {"phone": {"km": "លេខទូរស័ព្ទនេះមិនដំណើរការ", "en": "This phone number does not answer"}}


def returned(teller: Session) -> tuple[str, str, dict[str, Any]]:
    record = {k: v for k, v in sample_record(seed=5).items() if not k.startswith("_")}
    record_id, reference = submit_existing(teller, record)
    with teller.db.atomic():
        teller.db.execute(
            "INSERT INTO sync_results (record_id, status, reason_code, message_km, message_en, fields, updated_at)"
            " VALUES (?, 'needs_correction', 'bad_phone', ?, ?, ?, '2026-11-24T10:00:00+00:00')",
            [record_id, "សូមកែលេខទូរស័ព្ទ", "Please correct the phone number", json.dumps(CENTRE_FIELDS)],
        )
    return record_id, reference, record


def test_a_correction_makes_a_linked_version(make_page: MakePage, teller: Session, qtbot: QtBot) -> None:
    original_id, reference, record = returned(teller)
    page = make_page()
    assert page.start_correction(original_id)
    wizard = page.wizard
    assert wizard is not None
    assert page.supersedes == original_id
    assert wizard.answers["family_name_latin"] == record["family_name_latin"]
    assert wizard.answers["revenue_monthly"] == str(record["revenue_monthly"])
    assert "_form_id" not in wizard.answers
    view = page.wizard_view
    assert reference in view.title.text()
    assert "Please correct the phone number" in view.banner.text()
    phone = view.fields["phone"]
    assert isinstance(phone, TextField)
    assert phone.remark.isVisible()
    assert "This phone number does not answer" in phone.remark.text()
    assert wizard.page == 0  # the page of the first field the centre named
    # A correction draft is a draft from the start (how soon is test_drafts' concern, not a clock's here).
    qtbot.waitUntil(lambda: teller.draft(page.draft_id or "") is not None)
    draft = teller.draft(page.draft_id or "")
    assert draft is not None
    assert draft.supersedes == original_id

    phone.edit.setText("097 765 4321")
    view.show_page(wizard.review_page)
    with qtbot.waitSignal(page.submitted) as submitted:
        view.next_button.click()
    assert page.duplicate_dialog is None  # its own earlier version is no duplicate
    record_id = submitted.args[0]
    row = teller.db.execute(
        "SELECT reference, supersedes, answers FROM registrations WHERE id = ?", [record_id]
    ).fetchone()
    assert row[0] == f"{reference}/2"
    assert row[1] == original_id
    assert json.loads(row[2])["phone"] == "+855977654321"
    assert page.submitted_view.reference.text() == f"{reference}/2"


def test_a_correction_draft_is_listed_and_resumed(make_page: MakePage, teller: Session) -> None:
    original_id, reference, _ = returned(teller)
    page = make_page()
    page.start_correction(original_id)
    draft_id = page.draft_id
    page.close_wizard()
    assert page.drafts_model.index(0, 1).data() == f"Correction of {reference}"
    assert page.start_correction(original_id)  # asked again: the same draft, not a second one
    assert page.draft_id == draft_id
    phone = page.wizard_view.fields["phone"]
    assert phone.remark.isVisible()
    assert len(teller.drafts()) == 1


def test_correcting_an_unknown_registration_says_so(make_page: MakePage) -> None:
    page = make_page()
    assert not page.start_correction("no-such-record")
    assert page.views.currentWidget() is page.start_view
    assert page.start_view.message.text()
