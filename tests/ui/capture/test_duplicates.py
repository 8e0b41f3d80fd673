"""Duplicates: found as the teller types (one test per key, with real key events), compared
side by side, and warned about once more before submit (going on needs a reason)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from branch_client.i18n import translate
from branch_client.store import Session, audit
from branch_client.ui.capture.duplicate_hint import DuplicateHint
from branch_client.ui.capture.duplicates import match_kind_text
from branch_client.ui.capture.fields import ButtonsField, TextField
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


def test_the_reason_has_focus_and_enter_submits_only_once_a_reason_is_written(
    make_page: MakePage, teller: Session, existing: tuple[str, str, dict[str, Any]], qtbot: QtBot
) -> None:
    _, _, original = existing
    page = open_with(make_page, matching("phone", original))
    page.submit()
    dialog = page.duplicate_dialog
    assert dialog is not None
    qtbot.wait_until(lambda: QApplication.focusWidget() is dialog.reason)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # no reason: nothing happens
    assert dialog.isVisible()
    assert teller.db.execute("SELECT count(*) FROM registrations").fetchone()[0] == 1
    qtbot.keyClicks(dialog.reason, "Second stall")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # a new line
    qtbot.keyClicks(dialog.reason, "at Psar Kandal")
    assert dialog.isVisible()
    with qtbot.waitSignal(page.submitted):
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert teller.db.execute("SELECT count(*) FROM registrations").fetchone()[0] == 2


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


# --- duplicates as the teller types -------------------------------------------------------

# Typing in Khmer script and moving focus offscreen: Qt notes it cannot raise or grab.
KEYBOARD_NOISE = ("does not support raise", "does not support grabbing the keyboard")


def text_edit(page: CapturePage, name: str) -> QLineEdit:
    field = page.wizard_view.fields[name]
    assert isinstance(field, TextField)
    return field.edit


def type_in(qtbot: QtBot, page: CapturePage, name: str, text: str, *, then_tab: bool = True) -> QLineEdit:
    """Type `text` into question `name` key by key, as a teller does, then Tab out of it."""
    edit = text_edit(page, name)
    edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClicks(edit, text)
    if then_tab:
        qtbot.keyClick(edit, Qt.Key.Key_Tab)
    return edit


def hint_under(page: CapturePage, name: str) -> DuplicateHint | None:
    """The duplicate warning shown under question `name`, if any."""
    attachment = page.wizard_view.fields[name].attachment
    return attachment if isinstance(attachment, DuplicateHint) and attachment.isVisible() else None


def choose_national_id(page: CapturePage) -> None:
    field = page.wizard_view.fields["id_type"]
    assert isinstance(field, ButtonsField)
    field.buttons["national_id"].click()


def new_page(make_page: MakePage) -> CapturePage:
    page = make_page()
    page.new_registration()
    assert page.views.currentWidget() is page.wizard_view
    return page


@pytest.mark.qt_log_ignore(*KEYBOARD_NOISE)
def test_an_id_number_already_registered_is_shown_under_the_field_on_leaving_it(
    make_page: MakePage, teller: Session, existing: tuple[str, str, dict[str, Any]], qtbot: QtBot
) -> None:
    _, reference, original = existing
    page = new_page(make_page)
    choose_national_id(page)
    edit = type_in(qtbot, page, "id_number", "010 203 040")
    qtbot.waitUntil(lambda: hint_under(page, "id_number") is not None)
    hint = hint_under(page, "id_number")
    assert hint is not None
    owner = teller.find_duplicates(original)[0].owner_name
    assert reference in hint.text.text()
    assert owner in hint.text.text()
    assert hint.text.text().startswith("Already registered at this branch: ")
    assert hint_under(page, "phone") is None  # no other key is complete
    assert hint_under(page, "date_of_birth") is None
    assert not hint.isAncestorOf(QApplication.focusWidget())  # it took no focus
    assert page.wizard is not None
    assert edit.text() == "010 203 040"

    # The answer changes so that the key no longer matches: the warning goes.
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, "1")
    qtbot.waitUntil(lambda: hint_under(page, "id_number") is None)
    assert page.wizard.answers["id_number"] == "010 203 041"


@pytest.mark.qt_log_ignore(*KEYBOARD_NOISE)
def test_a_match_appears_while_typing_pauses_without_taking_focus(
    make_page: MakePage, existing: tuple[str, str, dict[str, Any]], qtbot: QtBot
) -> None:
    page = new_page(make_page)
    choose_national_id(page)
    edit = type_in(qtbot, page, "id_number", "010203040", then_tab=False)
    qtbot.waitUntil(lambda: hint_under(page, "id_number") is not None)  # the debounce, no Tab
    assert QApplication.focusWidget() is edit
    qtbot.keyClicks(edit, "9")  # typing goes on in the field: ten digits match nothing
    assert edit.text() == "0102030409"
    qtbot.waitUntil(lambda: hint_under(page, "id_number") is None)
    assert QApplication.focusWidget() is edit


@pytest.mark.qt_log_ignore(*KEYBOARD_NOISE)
def test_a_phone_number_already_registered_is_shown_under_the_phone(
    make_page: MakePage, existing: tuple[str, str, dict[str, Any]], qtbot: QtBot
) -> None:
    _, reference, _ = existing
    page = new_page(make_page)
    edit = type_in(qtbot, page, "phone", "012 345 678")
    qtbot.waitUntil(lambda: hint_under(page, "phone") is not None)
    hint = hint_under(page, "phone")
    assert hint is not None
    assert reference in hint.text.text()
    assert hint_under(page, "id_number") is None
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)  # 012 345 67: no longer a number
    qtbot.waitUntil(lambda: hint_under(page, "phone") is None)


@pytest.mark.qt_log_ignore(*KEYBOARD_NOISE)
@pytest.mark.parametrize("birth", ["1980-02-02", "02-02-1980", "2/2/1980"])  # as stored, as on the ID card
def test_a_name_and_birth_date_already_registered_is_shown_under_the_birth_date(
    birth: str, make_page: MakePage, existing: tuple[str, str, dict[str, Any]], qtbot: QtBot
) -> None:
    _, reference, original = existing
    page = new_page(make_page)
    for name in ("family_name_km", "given_name_km"):
        text_edit(page, name).setText(original[name])  # Khmer script: the teller's input method
    edit = type_in(qtbot, page, "date_of_birth", birth)
    qtbot.waitUntil(lambda: hint_under(page, "date_of_birth") is not None)
    hint = hint_under(page, "date_of_birth")
    assert hint is not None
    assert reference in hint.text.text()
    assert hint.kind == "name_and_birth"
    edit.setFocus()
    edit.end(False)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, "1")  # another year (or day): another person
    qtbot.waitUntil(lambda: hint_under(page, "date_of_birth") is None)


@pytest.mark.qt_log_ignore(*KEYBOARD_NOISE)
def test_tab_reaches_compare_and_compare_shows_both_records(
    make_page: MakePage, teller: Session, existing: tuple[str, str, dict[str, Any]], qtbot: QtBot
) -> None:
    original_id, reference, original = existing
    page = new_page(make_page)
    for name, value in newcomer().items():
        if name in ("family_name_km", "given_name_km", "family_name_latin", "given_name_latin"):
            text_edit(page, name).setText(value)
    choose_national_id(page)
    edit = type_in(qtbot, page, "id_number", "010203040", then_tab=False)
    qtbot.waitUntil(lambda: hint_under(page, "id_number") is not None)
    hint = hint_under(page, "id_number")
    assert hint is not None
    qtbot.keyClick(edit, Qt.Key.Key_Tab)  # right after the question: its "Compare"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is hint.compare_button)
    qtbot.keyClick(hint.compare_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.compare_dialog is not None and page.compare_dialog.isVisible())
    dialog = page.compare_dialog
    assert dialog is not None
    assert dialog.value("name_km", "typed") == "ហេង ធីតា"
    assert dialog.value("name_km", "registered") == f"{original['family_name_km']} {original['given_name_km']}"
    assert dialog.value("name_latin", "typed") == "Heng Thida"
    assert dialog.value("id", "typed") == dialog.value("id", "registered") == "Khmer national ID card 010203040"
    assert dialog.value("date_of_birth", "typed") == "—"  # not typed yet
    assert dialog.value("date_of_birth", "registered").startswith("2 February 1980 (age ")
    assert dialog.value("phone", "registered") == "+855 12 345 678"
    assert dialog.value("reference", "registered") == reference
    assert dialog.value("state", "registered") == "Waiting"
    assert "name_km" in dialog.differing()
    assert "id" not in dialog.differing()
    assert dialog.value("village", "registered").count(",") == 3  # village, commune, district, province
    assert dialog.cells[("name_km", "label")].text().startswith("≠")
    assert dialog.continue_button.isDefault()
    assert not dialog.open_button.isDefault()

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Escape: back to typing, nothing changed
    qtbot.waitUntil(lambda: page.compare_dialog is None)
    assert page.views.currentWidget() is page.wizard_view
    assert teller.db.execute("SELECT count(*) FROM registrations").fetchone()[0] == 1

    page.wizard_view.focus_field("id_number")
    qtbot.keyClick(text_edit(page, "id_number"), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.compare_dialog is not None and page.compare_dialog.isVisible())
    dialog = page.compare_dialog
    assert dialog is not None
    with qtbot.waitSignal(page.open_requested) as opened:
        dialog.open_button.click()
    assert opened.args == [original_id]
    assert teller.draft(page.draft_id or "") is not None  # the draft waits for the teller


def test_the_submit_warning_compares_each_match(
    make_page: MakePage, existing: tuple[str, str, dict[str, Any]], qtbot: QtBot, tmp_path: Path
) -> None:
    original_id, reference, original = existing
    page = open_with(make_page, matching("phone", original))
    page.submit()
    warning = page.duplicate_dialog
    assert warning is not None
    assert len(warning.compare_buttons) == 1
    qtbot.waitUntil(lambda: warning.compare_buttons[0].isVisible())
    assert warning.grab().save(str(tmp_path / "warning.png"))
    warning.compare_buttons[0].click()
    dialog = page.compare_dialog
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.record_id == original_id
    assert dialog.value("phone", "typed") == dialog.value("phone", "registered") == "+855 12 345 678"
    assert dialog.value("reference", "registered") == reference
    assert "phone" not in dialog.differing()
    assert {"name_km", "name_latin", "date_of_birth", "id"} <= set(dialog.differing())
    assert "Same phone number" in dialog.heading.text()
    dialog.continue_button.click()
    assert warning.isVisible()  # back to the warning: submit with a reason, or go back
    warning.compare_button.click()  # the keyboard's way: the selected match
    dialog = page.compare_dialog
    assert dialog is not None
    with qtbot.waitSignal(page.open_requested):
        dialog.open_button.click()
    qtbot.waitUntil(lambda: not warning.isVisible())


@pytest.mark.qt_log_ignore(*KEYBOARD_NOISE)
def test_a_resumed_draft_shows_its_matches_at_once(
    make_page: MakePage, teller: Session, existing: tuple[str, str, dict[str, Any]], qtbot: QtBot
) -> None:
    page = new_page(make_page)
    choose_national_id(page)
    type_in(qtbot, page, "phone", "012345678")
    qtbot.waitUntil(lambda: hint_under(page, "phone") is not None)
    draft_id = page.draft_id
    page.close_wizard()
    assert draft_id is not None
    assert page.resume(draft_id)
    assert hint_under(page, "phone") is not None


@pytest.mark.parametrize("lang", ["en", "km"])
def test_the_warning_and_the_comparison_read_well_at_1366_by_768(
    lang: str,
    make_page: MakePage,
    language: Callable[[str], None],
    existing: tuple[str, str, dict[str, Any]],
    qtbot: QtBot,
    tmp_path: Path,
) -> None:
    language(lang)
    page = make_page()
    page.resize(1366, 768)
    page.new_registration()
    fill(page, matching("id_number", existing[2]))
    page.wizard_view.show_page(0)
    page.duplicate_watch.check()
    hint = hint_under(page, "id_number")
    assert hint is not None
    page.wizard_view.focus_field("id_number")

    def whole() -> bool:  # laid out: the text wrapped beside the button, nothing cut off
        text, button = hint.text, hint.compare_button
        return text.height() >= text.heightForWidth(text.width()) and button.height() >= button.sizeHint().height()

    qtbot.waitUntil(whole)
    qtbot.waitUntil(lambda: hint.visibleRegion().boundingRect().height() == hint.height())  # scrolled into view
    assert hint.geometry().right() <= page.wizard_view.fields["id_number"].width()
    shot = page.grab()
    assert not shot.isNull()
    assert shot.width() == 1366
    assert shot.save(str(tmp_path / f"hint-{lang}.png"))
    if lang == "km":
        assert hint.compare_button.text() == translate("Duplicates", "Compare")
    page.compare(existing[0])
    dialog = page.compare_dialog
    assert dialog is not None
    dialog.resize(dialog.sizeHint().expandedTo(dialog.minimumSize()))
    assert dialog.width() <= 1366
    assert dialog.height() <= 768
    picture = dialog.grab()
    assert picture.save(str(tmp_path / f"compare-{lang}.png"))
    for (_key, _side), cell in dialog.cells.items():
        assert cell.height() >= cell.heightForWidth(cell.width()) - 1  # every value whole
    dialog.reject()
