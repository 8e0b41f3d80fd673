"""The duplicate warning before submit: one test per kind of match; going on needs a reason."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from branch_client.store import Session, audit
from branch_client.ui.capture.duplicates import match_kind_text
from branch_client.ui.capture.page import CapturePage
from tests.ui.capture.conftest import MakePage, sample_record, submit_existing
from tests.ui.capture.helpers import fill

ORIGINAL_ID = "010203040"
ORIGINAL_PHONE = "+85512345678"


def typed(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if not k.startswith("_") and k != "workers_total"}


def newcomer() -> dict[str, Any]:
    """Someone else entirely: another name, birth date, ID number and phone."""
    record = typed(sample_record(seed=2))
    record.update(
        family_name_km="ហេង",
        given_name_km="ធីតា",
        family_name_latin="Heng",
        given_name_latin="Thida",
        date_of_birth="1990-07-14",
        id_type="national_id",
        id_number="099888777",
        phone="+85599111222",
    )
    return record


@pytest.fixture
def existing(teller: Session) -> tuple[str, str, dict[str, Any]]:
    record = typed(sample_record(seed=1))
    record.update(id_type="national_id", id_number=ORIGINAL_ID, phone=ORIGINAL_PHONE, date_of_birth="1980-02-02")
    record_id, reference = submit_existing(teller, record)
    return record_id, reference, record


def matching(kind: str, original: dict[str, Any]) -> dict[str, Any]:
    answers = newcomer()
    if kind == "id_number":
        answers["id_number"] = "010 203 040"  # typed with spaces
    elif kind == "phone":
        answers["phone"] = "012 345 678"
    else:
        for name in ("family_name_km", "given_name_km", "family_name_latin", "given_name_latin", "date_of_birth"):
            answers[name] = original[name]
    return answers


def open_with(make_page: MakePage, answers: dict[str, Any]) -> CapturePage:
    page = make_page()
    page.new_registration()
    fill(page, answers)
    assert page.wizard is not None
    assert page.wizard.can_submit, page.wizard.all_errors()
    return page


@pytest.mark.parametrize("kind", ["id_number", "phone", "name_and_birth"])
def test_each_kind_of_match_is_shown_and_going_on_needs_a_reason(
    kind: str, make_page: MakePage, teller: Session, existing: tuple[str, str, dict[str, Any]], qtbot: QtBot
) -> None:
    original_id, reference, original = existing
    page = open_with(make_page, matching(kind, original))
    page.wizard_view.next_button.click()  # Submit
    dialog = page.duplicate_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == reference
    assert dialog.table.item(0, 1).text() == teller.find_duplicates(original)[0].owner_name
    assert dialog.table.item(0, 2).text() == match_kind_text(kind)
    assert dialog.table.item(0, 3).text()  # when
    assert teller.db.execute("SELECT count(*) FROM registrations").fetchone()[0] == 1  # nothing yet

    assert not dialog.submit_button.isEnabled()  # no reason, no way on
    dialog.submit_button.click()
    assert dialog.isVisible()
    dialog.reason.setPlainText("   ")
    assert not dialog.submit_button.isEnabled()
    reason = "A second stall, at Psar Kandal, run by the same owner"
    dialog.reason.setPlainText(reason)
    with qtbot.waitSignal(page.submitted) as submitted:
        dialog.submit_button.click()
    record_id = submitted.args[0]
    assert page.views.currentWidget() is page.submitted_view
    row = teller.db.execute("SELECT duplicate_note, answers FROM registrations WHERE id = ?", [record_id]).fetchone()
    assert row[0] == reason
    assert json.loads(row[1])["given_name_latin"] == matching(kind, original)["given_name_latin"]
    entry = next(e for e in audit.entries(teller.db) if e.subject == record_id)
    assert json.loads(entry.details)["duplicate_warning"] == "overridden"
    assert original_id != record_id


def test_going_back_submits_nothing_and_open_asks_for_the_match(
    make_page: MakePage, teller: Session, existing: tuple[str, str, dict[str, Any]], qtbot: QtBot
) -> None:
    original_id, _, original = existing
    answers = matching("phone", original)
    answers["id_number"] = ORIGINAL_ID  # two kinds at once: listed together
    page = open_with(make_page, answers)
    page.submit()
    dialog = page.duplicate_dialog
    assert dialog is not None
    assert dialog.table.item(0, 2).text() == f"{match_kind_text('id_number')}; {match_kind_text('phone')}"
    dialog.cancel_button.click()
    assert not dialog.isVisible()
    assert page.views.currentWidget() is page.wizard_view  # back on the review, answers kept
    assert teller.db.execute("SELECT count(*) FROM registrations").fetchone()[0] == 1

    page.submit()
    dialog = page.duplicate_dialog
    assert dialog is not None
    with qtbot.waitSignal(page.open_requested) as opened:
        dialog.open_button.click()
    assert opened.args == [original_id]
    assert teller.draft(page.draft_id or "") is not None  # the draft waits for the teller


def test_no_warning_without_a_match(make_page: MakePage, teller: Session, existing: object, qtbot: QtBot) -> None:
    page = open_with(make_page, newcomer())
    with qtbot.waitSignal(page.submitted):
        page.submit()
    assert page.duplicate_dialog is None
    assert teller.db.execute("SELECT count(*) FROM registrations WHERE duplicate_note IS NULL").fetchone()[0] == 2
