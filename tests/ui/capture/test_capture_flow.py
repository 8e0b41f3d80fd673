"""A whole registration through the wizard's widgets, in Khmer and in English: the stored
registration, its outbox row and its audit entry."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from branch_client.store import Session, audit
from branch_client.ui.capture.fields import ButtonsField, SearchField, TextField
from branch_client.ui.capture.page import CapturePage
from forms import load_form
from tests.ui.capture.conftest import MakePage

LABELS = {
    "en": {
        "sex": "Female",
        "activity": "Retail of food and drinks at stalls and markets (4781)",
        "services": "Skills training, Bank account and finance",
    },
    "km": {
        "sex": "ស្រី",
        "activity": "លក់រាយម្ហូបអាហារ ភេសជ្ជៈ នៅតូប និងផ្សារ",
        "services": "វគ្គបណ្តុះបណ្តាលជំនាញ, គណនីធនាគារ និងហិរញ្ញប្បទាន",
    },
}


def text_field(page: CapturePage, name: str) -> TextField:
    field = page.wizard_view.fields[name]
    assert isinstance(field, TextField)
    return field


def buttons(page: CapturePage, name: str) -> ButtonsField:
    field = page.wizard_view.fields[name]
    assert isinstance(field, ButtonsField)
    return field


def search(page: CapturePage, name: str) -> SearchField:
    field = page.wizard_view.fields[name]
    assert isinstance(field, SearchField)
    return field


def type_and_enter(qtbot: QtBot, page: CapturePage, name: str, text: str) -> None:
    """Type into a question as a teller does, then Enter for the next question."""
    edit = text_field(page, name).edit
    edit.setFocus()
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:  # QTest types ASCII only; Khmer comes from the input method as committed text
        edit.insert(text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def next_page(qtbot: QtBot, page: CapturePage) -> None:
    focused = QApplication.focusWidget() or page.wizard_view
    qtbot.keyClick(focused, Qt.Key.Key_PageDown)


def fill_owner(qtbot: QtBot, page: CapturePage) -> None:
    text_field(page, "family_name_km").edit.setText("សុខ")
    text_field(page, "given_name_km").edit.setText("សុភា")
    type_and_enter(qtbot, page, "family_name_latin", "Sok")
    type_and_enter(qtbot, page, "given_name_latin", "Sophea")
    female = buttons(page, "sex").buttons["female"]
    female.setFocus()
    qtbot.keyClick(female, Qt.Key.Key_Space)
    type_and_enter(qtbot, page, "date_of_birth", "1985-03-21")
    buttons(page, "id_type").buttons["national_id"].click()
    # Pasted: Khmer digits and a zero-width space, as copied from a Khmer document.
    text_field(page, "id_number").edit.setText("០១០\u200b២០៣ ០៤០")
    text_field(page, "phone").edit.setText("០១២ ៣៤៥ ៦៧៨")
    buttons(page, "role").buttons["owner"].click()


def fill_business(qtbot: QtBot, page: CapturePage) -> None:
    type_and_enter(qtbot, page, "business_name", "ហាងសុភា")
    activity = search(page, "activity")
    line = activity.combo.lineEdit()
    assert line is not None
    line.setFocus()
    qtbot.keyClicks(line, "4781")  # type to filter: part of the name is enough when only one has it
    qtbot.keyClick(line, Qt.Key.Key_Return)
    buttons(page, "premises").buttons["market_stall"].click()
    type_and_enter(qtbot, page, "start_year", "២០១៥")
    buttons(page, "revenue_currency").buttons["KHR"].click()
    text_field(page, "revenue_monthly").edit.setText("1,500,000")


def fill_address(qtbot: QtBot, page: CapturePage) -> dict[str, str]:
    form = load_form()
    province = search(page, "province")
    line = province.combo.lineEdit()
    assert line is not None
    line.setFocus()
    line.setText("ភ្នំពេញ")  # Khmer script, part of the name
    qtbot.keyClick(line, Qt.Key.Key_Return)
    answers = dict(page.wizard.answers) if page.wizard else {}
    district = form.choices("district", answers)[0]
    combo = search(page, "district").combo
    combo.setCurrentIndex(combo.findData(district.name))
    answers["district"] = district.name
    commune = form.choices("commune", answers)[1]
    commune_line = search(page, "commune").combo.lineEdit()
    assert commune_line is not None
    commune_line.setText(commune.label("en").upper())  # English, any case
    qtbot.keyClick(commune_line, Qt.Key.Key_Return)
    answers["commune"] = commune.name
    village = form.choices("village", answers)[0]
    village_combo = search(page, "village").combo
    village_combo.setCurrentIndex(village_combo.findData(village.name))
    type_and_enter(qtbot, page, "address_detail", "ផ្ទះលេខ ១២ ផ្លូវ ១០៨")
    return {"province": "12", "district": district.name, "commune": commune.name, "village": village.name}


@pytest.mark.parametrize("lang", ["en", "km"])
def test_a_complete_registration_through_the_wizard(
    lang: str, make_page: MakePage, teller: Session, qtbot: QtBot, language: Callable[[str], None]
) -> None:
    language(lang)
    page = make_page()
    assert page.views.currentWidget() is page.start_view
    qtbot.keyClick(page.start_view.new_button, Qt.Key.Key_Return)
    assert page.views.currentWidget() is page.wizard_view
    wizard = page.wizard
    assert wizard is not None
    assert wizard.lang == lang
    view = page.wizard_view

    fill_owner(qtbot, page)
    assert "id_suffix" in [r.name for r in wizard.visible_fields()]  # relevance applied live
    assert view.fields["id_suffix"].isVisible()
    next_page(qtbot, page)
    assert wizard.page == 1
    fill_business(qtbot, page)
    assert wizard.answers["activity"] == "isic_4781"
    next_page(qtbot, page)
    address = fill_address(qtbot, page)
    assert wizard.page == 3  # Enter on the page's last question went on to the next page
    next_page(qtbot, page)  # existing registrations: none
    assert wizard.page == 4
    services = buttons(page, "services")
    services.buttons["skills"].click()
    services.buttons["finance"].click()
    next_page(qtbot, page)
    buttons(page, "consent").buttons["yes"].click()
    next_page(qtbot, page)
    assert wizard.on_review
    review = view.review
    # Read back to the owner in the language she reads (Khmer unless the teller chose
    # otherwise on the consent page), whatever the teller's UI language.
    assert review.value_text("sex") == LABELS["km"]["sex"]
    assert review.value_text("activity") == LABELS["km"]["activity"]
    assert review.value_text("services") == LABELS["km"]["services"]
    assert review.value_text("id_number") == "010203040"
    assert review.value_text("phone") == "+855 12 345 678"
    assert review.problems is None, wizard.all_errors()
    assert wizard.completeness == 1.0

    with qtbot.waitSignal(page.submitted) as submitted:
        view.next_button.click()  # “Submit registration”
    record_id = submitted.args[0]
    assert page.views.currentWidget() is page.submitted_view
    reference = page.submitted_view.reference.text()
    assert reference.startswith("PNH-01-")
    with qtbot.waitSignal(page.receipt_requested) as receipt:
        page.submitted_view.print_button.click()
    assert receipt.args == [record_id]

    row = teller.db.execute(
        "SELECT reference, answers, captured_by, supersedes, duplicate_note, review_state, captured_at"
        " FROM registrations WHERE id = ?",
        [record_id],
    ).fetchone()
    assert row[0] == reference
    stored = json.loads(row[1])
    assert stored["family_name_km"] == "សុខ"
    assert stored["given_name_latin"] == "Sophea"
    assert stored["sex"] == "female"
    assert stored["date_of_birth"] == "1985-03-21"
    assert stored["id_number"] == "010203040"
    assert stored["phone"] == "+85512345678"
    assert stored["start_year"] == 2015
    assert stored["revenue_monthly"] == 1_500_000
    assert stored["workers_total"] == 0
    assert stored["services"] == ["skills", "finance"]
    assert {k: stored[k] for k in address} == address
    assert stored["consent"] == "yes"
    assert stored["_form_version"] == load_form().version
    assert row[2] == teller.account.id
    assert row[3] is None
    assert row[4] is None
    assert row[5] is None
    assert row[6]  # when capture started
    outbox = teller.db.execute("SELECT state FROM outbox WHERE record_id = ?", [record_id]).fetchall()
    assert outbox == [("waiting",)]
    entries = [e for e in audit.entries(teller.db) if e.action == "registration_submitted"]
    assert [e.subject for e in entries] == [record_id]
    assert entries[0].actor == teller.account.id
    assert teller.drafts() == []  # the draft went with the submit


def test_submit_is_blocked_until_the_answers_are_valid_and_typing_never_is(
    make_page: MakePage, qtbot: QtBot, teller: Session
) -> None:
    page = make_page()
    page.new_registration()
    view = page.wizard_view
    phone = text_field(page, "phone").edit
    phone.setFocus()
    qtbot.keyClicks(phone, "012 34")
    assert page.wizard is not None
    assert page.wizard.answers["phone"] == "012 34"
    assert not view.fields["phone"].error.isVisible()  # not while typing
    text_field(page, "business_name").edit.setFocus()  # focus leaves the phone
    qtbot.waitUntil(lambda: view.fields["phone"].error.isVisible())
    assert "012 345 678" in view.fields["phone"].error.text()

    view.show_page(page.wizard.review_page)
    assert view.review.problems is not None
    view.next_button.click()
    assert page.views.currentWidget() is page.wizard_view  # nothing was submitted
    assert page.wizard.page == 0  # the first page with a problem
    assert view.fields["family_name_km"].error.isVisible()
    assert teller.db.execute("SELECT count(*) FROM registrations").fetchone()[0] == 0
    qtbot.keyClicks(phone, "5 678")  # still typing freely
    assert page.wizard.error("phone") is None


def test_keyboard_only_navigation(make_page: MakePage, qtbot: QtBot) -> None:
    page = make_page()
    qtbot.keyClick(page.start_view.new_button, Qt.Key.Key_Return)
    view = page.wizard_view
    first = text_field(page, "family_name_km").edit
    assert QApplication.focusWidget() is first  # the cursor is in the first question
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is text_field(page, "given_name_km").edit
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)
    assert page.wizard is not None
    assert page.wizard.page == 1
    assert QApplication.focusWidget() is text_field(page, "business_name").edit
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageUp)
    assert page.wizard.page == 0
    # Enter on the last question of a page goes to the next page.
    role = buttons(page, "role").buttons["employee"]
    role.setFocus()
    qtbot.keyClick(role, Qt.Key.Key_Space)
    qtbot.keyClick(role, Qt.Key.Key_Return)
    assert page.wizard.page == 1
    assert page.wizard.answers["role"] == "employee"
    # Ctrl+S saves at once and says so.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "saved" in view.status.text().lower()
    assert not page.saver.has_pending() if page.saver else True


def test_language_switch_relabels_the_wizard(
    make_page: MakePage, language: Callable[[str], None], qtbot: QtBot
) -> None:
    page = make_page()
    page.new_registration()
    field = page.wizard_view.fields["sex"]
    assert "Sex" in field.title.text()
    language("km")
    qtbot.waitUntil(lambda: "ភេទ" in field.title.text())
    assert isinstance(field, ButtonsField)
    assert field.buttons["female"].text() == "ស្រី"
    assert page.wizard is not None
    assert page.wizard.lang == "km"
