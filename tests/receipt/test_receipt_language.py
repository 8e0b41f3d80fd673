"""The receipt is in the language the owner reads, whatever the teller's screen language.

Each registration records `owner_language` (km, en or both; records of 2026.1, before it
was asked, are Khmer). The PDF's text is read back with pdfium, so these tests see what a
person holding the receipt reads, and the pages are checked for content past the margin.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from branch_client import receipt
from branch_client.fonts import register_khmer_font
from branch_client.i18n import Translator, translate, ui_language
from branch_client.receipt.data import Service
from branch_client.store import NewRegistration, Session
from branch_client.ui.receipt_dialog import ReceiptDialog
from forms.samples import generate_registrations
from sync.ids import uuid7_str
from tests.receipt.test_receipt import read_pdf
from tests.sync.helpers import sample_answers, submit

ADDRESS = {"province": "12", "district": "1201", "commune": "120101", "village": "12010101"}
ADDRESS_KM = "ផ្ទះលេខ ២៥ ផ្លូវ ៣១០, ភូមិ ១, ទន្លេបាសាក់, ចំការមន, រាជធានីភ្នំពេញ"
ADDRESS_EN = "ផ្ទះលេខ ២៥ ផ្លូវ ៣១០, Phum Muoy, Tonle Basak, Chamkar Mon, Phnom Penh"
ACTIVITY = {"km": "ជួសជុល និងលក់ម៉ូតូ", "en": "Motorbike repair and sale (4540)"}
SERVICES = {"km": ["របបសន្តិសុខសង្គម ប.ស.ស.", "វគ្គបណ្តុះបណ្តាលជំនាញ"], "en": ["NSSF social protection", "Skills training"]}
PHONE = "+855 12 345 678"
#: Words of the receipt's own wording that say which language it is printed in.
WORDING = {
    "km": ["លេខយោង", "កាលបរិច្ឆេទ", "ម្ចាស់អាជីវកម្ម", "លេខទូរស័ព្ទ", "អាសយដ្ឋានអាជីវកម្ម", "ជំហានបន្ទាប់"],
    "en": ["Reference number", "Date", "Owner", "Phone number", "Business address", "What happens next"],
}


@pytest.fixture(autouse=True)
def khmer_font(qapp: QApplication) -> None:
    register_khmer_font(qapp)


def registered(session: Session, owner_language: str | None, *, seed: int = 11) -> str:
    """A submitted registration of the latest form whose owner reads `owner_language`."""
    answers = sample_answers(1, seed=seed)[0]
    answers.update(
        ADDRESS,
        phone="+85512345678",
        activity="isic_4540",
        address_detail="ផ្ទះលេខ ២៥ ផ្លូវ ៣១០",
        services=["nssf", "skills"],
    )
    if owner_language is None:
        answers.pop("owner_language", None)
    else:
        answers["owner_language"] = owner_language
    [record_id] = submit(session, [answers])
    return record_id


def pdf_text(data: receipt.ReceiptData, tmp_path: Path, layout: str) -> str:
    path = tmp_path / f"receipt-{data.language}-{layout}.pdf"
    receipt.write_pdf(data, path, layout)
    return read_pdf(path).text


def assert_in(text: str, language: str) -> None:
    """The receipt's wording and its answers read in `language`."""
    for word in WORDING[language]:
        assert word in text, word
    assert ACTIVITY[language] in text
    for service in SERVICES[language]:
        assert service in text
    address = ADDRESS_KM if language == "km" else ADDRESS_EN
    assert address.replace(" ", "") in text.replace(" ", "").replace("\r", "").replace("\n", "")  # may wrap


def assert_not_in(text: str, language: str) -> None:
    for word in (*WORDING[language][:1], WORDING[language][-1], ACTIVITY[language], *SERVICES[language]):
        assert word not in text, word


@pytest.mark.parametrize("layout", ["a4", "thermal"])
def test_english_ui_and_a_khmer_owner_give_a_khmer_receipt(
    manager_session: Session, translator: Translator, tmp_path: Path, layout: str
) -> None:
    translator.set_language("en")
    assert ui_language() == "en"
    data = receipt.receipt_for(manager_session, registered(manager_session, "km"))

    text = pdf_text(data, tmp_path, layout)

    assert data.language == "km"
    assert_in(text, "km")
    assert_not_in(text, "en")
    assert PHONE in text
    assert "១. " in text  # the steps are numbered in Khmer digits


@pytest.mark.parametrize("layout", ["a4", "thermal"])
def test_khmer_ui_and_an_english_owner_give_an_english_receipt(
    manager_session: Session, translator: Translator, tmp_path: Path, layout: str
) -> None:
    translator.set_language("km")
    assert ui_language() == "km"
    data = receipt.receipt_for(manager_session, registered(manager_session, "en"))

    text = pdf_text(data, tmp_path, layout)

    assert data.language == "en"
    assert_in(text, "en")
    assert_not_in(text, "km")
    assert PHONE in text
    assert "ស្រី" in text or data.owner_km in text  # the owner's Khmer name is hers, in any language


@pytest.mark.parametrize("ui_lang", ["en", "km"])
@pytest.mark.parametrize("layout", ["a4", "thermal"])
def test_an_owner_who_reads_both_gets_both(
    manager_session: Session, translator: Translator, tmp_path: Path, layout: str, ui_lang: str
) -> None:
    translator.set_language(ui_lang)
    data = receipt.receipt_for(manager_session, registered(manager_session, "both"))

    text = pdf_text(data, tmp_path, layout)

    assert data.language == "both"
    assert_in(text, "km")
    assert_in(text, "en")
    assert PHONE in text


def test_a_reprint_keeps_the_owner_language_and_another_can_be_asked(
    manager_session: Session, translator: Translator
) -> None:
    record_id = registered(manager_session, "en")
    receipt.record_printed(manager_session, record_id)
    translator.set_language("km")

    again = receipt.receipt_for(manager_session, record_id)
    asked = receipt.receipt_for(manager_session, record_id, language="both")

    assert (again.reprint, again.language) == (True, "en")
    assert asked.language == "both"
    assert receipt.receipt_for(manager_session, record_id, language="fr").language == "en"  # not a language: hers


def test_a_record_of_2026_1_prints_in_khmer_with_its_details(
    manager_session: Session, translator: Translator, tmp_path: Path
) -> None:
    translator.set_language("en")
    answers = next(generate_registrations(1, seed=12, version="2026.1"))
    answers.update(ADDRESS, phone="+85512345678", activity="isic_4540", address_detail="ផ្ទះលេខ ២៥ ផ្លូវ ៣១០")
    answers["services"] = ["nssf", "skills"]
    record_id = uuid7_str()
    manager_session.submit_registration(
        NewRegistration(
            record_id=record_id,
            reference="",
            form_id="cam_ie_registration",
            form_version="2026.1",
            answers=answers,
            captured_at="2026-03-02T09:00:00+07:00",
        )
    )

    data = receipt.receipt_for(manager_session, record_id)
    text = pdf_text(data, tmp_path, "a4")

    assert "owner_language" not in answers
    assert data.language == "km"
    assert_in(text, "km")
    assert PHONE in text


def test_the_details_are_kept_in_both_languages(manager_session: Session) -> None:
    data = receipt.receipt_for(manager_session, registered(manager_session, "km"))

    assert data.phone == PHONE
    assert (data.activity.km, data.activity.en) == (ACTIVITY["km"], ACTIVITY["en"])
    assert (data.address.km, data.address.en) == (ADDRESS_KM, ADDRESS_EN)
    assert data.when == data.submitted_at.strftime("%d/%m/%Y %H:%M")  # day first


@pytest.mark.parametrize("language", ["km", "en", "both"])
def test_a_long_receipt_stays_on_its_a4_page(language: str) -> None:
    """Both languages, a long address, every service, a CAM-IE number and "Copy" still fit."""
    base = receipt.sample_receipt(language)
    long = dataclasses.replace(
        base,
        reprint=True,
        cam_ie_number="KH-2026-0001234",
        branch_name="Phnom Penh — Psar Thmei branch, ground floor of the market building",
        address=base.address._replace(
            km=base.address.km + ", ផ្ទះលេខ ១២៣ ផ្លូវលំ ជិតវត្តធំ ទល់មុខផ្សារ ខាងក្រោយសាលារៀន" * 2,
            en=base.address.en + ", near the big pagoda opposite the market behind the school" * 2,
        ),
        services=(*base.services, Service("formalisation", "ការចុះបញ្ជីអាជីវកម្មជាផ្លូវការ", "Formal business registration")),
    )
    for data in (base, long, dataclasses.replace(long, cam_ie_number=None)):
        sheet = receipt.compose(data, "a4")
        assert sheet.height_mm == 297
        assert sheet.content_bottom_mm <= 297 - 16  # inside the bottom margin
        roll = receipt.compose(data, "thermal")
        assert roll.width_mm == 80
        assert roll.content_bottom_mm < roll.height_mm  # the roll is as long as its content


def test_the_dialog_prints_in_the_owner_language_whatever_the_ui_language(
    qtbot: QtBot, manager_session: Session, translator: Translator, tmp_path: Path
) -> None:
    translator.set_language("en")
    dialog = ReceiptDialog(manager_session, registered(manager_session, "km"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.data is not None
    assert (dialog.data.language, dialog.language) == ("km", "km")
    assert "owner" in dialog.language_choice.currentText()

    translator.set_language("km")
    qtbot.wait_until(lambda: dialog.print_button.text() != "Print…")  # the dialog's own words changed
    assert dialog.data.language == "km"  # the receipt did not

    dialog.language_choice.setCurrentIndex(dialog.language_choice.findData("both"))
    assert dialog.data.language == "both"
    assert not dialog.preview.pixmap().isNull()
    dialog.grab().save(str(tmp_path / "receipt-dialog.png"))


# --------------------------------------------------------------------------- the read-back
@pytest.mark.parametrize("ui_lang", ["en", "km"])
@pytest.mark.parametrize(
    ("owner", "sex", "activity", "label"),
    [
        ("km", "ស្រី", "លក់រាយម្ហូបអាហារ ភេសជ្ជៈ នៅតូប និងផ្សារ", "ភេទ"),
        ("en", "Female", "Retail of food and drinks at stalls and markets (4781)", "Sex"),
        (
            "both",
            "ស្រី\nFemale",
            "លក់រាយម្ហូបអាហារ ភេសជ្ជៈ នៅតូប និងផ្សារ\nRetail of food and drinks at stalls and markets (4781)",
            "ភេទ\nSex",
        ),
    ],
)
def test_the_review_reads_back_in_the_owner_language(
    qtbot: QtBot, translator: Translator, ui_lang: str, owner: str, sex: str, activity: str, label: str, tmp_path: Path
) -> None:
    from branch_client.ui.capture.review import ReviewView, summary_pairs
    from forms import load_form
    from forms.wizard import Wizard

    translator.set_language(ui_lang)
    answers = {**sample_answers(1, seed=7)[0], "sex": "female", "activity": "isic_4781", "owner_language": owner}
    wizard = Wizard(load_form(), answers, lang=ui_lang)
    view = ReviewView()
    qtbot.addWidget(view)
    view.resize(1366, 768)

    view.show_wizard(wizard)
    view.show()

    assert view.languages == {"km": ("km",), "en": ("en",), "both": ("km", "en")}[owner]
    assert view.value_text("sex") == sex
    assert view.value_text("activity") == activity
    assert view.label_text("sex") == label
    assert view.value_text("phone") == view.value_text("phone").split("\n")[0]  # the same in both: once
    assert summary_pairs(wizard)["sex"] == sex
    edit = translate("Capture", "Edit")  # the screen's own words: the UI's language
    assert (edit == "Edit") == (ui_lang == "en")
    assert edit in view.document_text()
    assert view.problems is None
    view.grab().save(str(tmp_path / f"review-{ui_lang}-{owner}.png"))


def test_a_review_without_the_owner_language_reads_back_in_khmer(qtbot: QtBot, translator: Translator) -> None:
    from branch_client.ui.capture.review import ReviewView
    from forms import load_form
    from forms.wizard import Wizard

    translator.set_language("en")
    answers = {**next(generate_registrations(1, seed=7, version="2026.1")), "sex": "male"}
    view = ReviewView()
    qtbot.addWidget(view)

    view.show_wizard(Wizard(load_form(version="2026.1"), answers, lang="en"))

    assert view.value_text("sex") == "ប្រុស"
    assert view.label_text("sex") == "ភេទ"
