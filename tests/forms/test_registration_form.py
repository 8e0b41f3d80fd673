"""Golden tests for each rule of the CAM-IE registration form, in Khmer and English."""

from __future__ import annotations

import datetime

import pytest

from forms import Form, load_form

TODAY = datetime.date(2026, 3, 15)

# As a teller might type it: Khmer digits, spaces, a bracketed ID suffix, a local phone number.
TYPED = {
    "family_name_km": " សុខ ",
    "given_name_km": "ស្រីមុំ\u200b",
    "family_name_latin": "Sok",
    "given_name_latin": "Sreymom",
    "sex": "female",
    "date_of_birth": "១៩៨៥-០៣-២១",
    "id_type": "national_id",
    "id_number": "០១០ ២០៣ ០៤០ (០១)",
    "phone": "០១២ ៣៤៥ ៦៧៨",
    "role": "owner",
    "business_name": "ហាងលក់បាយ ស្រីមុំ",
    "activity": "isic_5610",
    "premises": "market_stall",
    "start_year": "២០១៥",
    "workers_female": "1",
    "workers_male": 0,
    "revenue_currency": "KHR",
    "revenue_monthly": "1,500,000",
    "province": "12",
    "district": "1201",
    "commune": "120101",
    "village": "12010101",
    "services": "nssf skills",
    "owner_language": "km",
    "consent": "yes",
}

STORED = {
    "family_name_km": "សុខ",
    "given_name_km": "ស្រីមុំ",
    "family_name_latin": "Sok",
    "given_name_latin": "Sreymom",
    "sex": "female",
    "date_of_birth": "1985-03-21",
    "id_type": "national_id",
    "id_number": "010203040",
    "id_suffix": "01",
    "phone": "+85512345678",
    "role": "owner",
    "business_name": "ហាងលក់បាយ ស្រីមុំ",
    "activity": "isic_5610",
    "premises": "market_stall",
    "start_year": 2015,
    "workers_female": 1,
    "workers_male": 0,
    "workers_total": 1,
    "revenue_currency": "KHR",
    "revenue_monthly": 1500000,
    "province": "12",
    "district": "1201",
    "commune": "120101",
    "village": "12010101",
    "services": ["nssf", "skills"],
    "owner_language": "km",
    "consent": "yes",
    "_form_id": "cam_ie_registration",
    "_form_version": "2026.2",
}


@pytest.fixture(scope="module")
def form() -> Form:
    return load_form()


def problems(form: Form, lang: str = "en", **changes: object) -> dict[str, str]:
    answers = {k: v for k, v in {**TYPED, **changes}.items() if v is not None}
    return form.validate(answers, lang, today=TODAY)


def test_a_typed_registration_is_valid_and_stored_clean(form: Form) -> None:
    assert form.validate(TYPED, today=TODAY) == {}
    assert form.normalise(TYPED) == STORED
    assert form.validate(STORED, today=TODAY) == {}


def test_a_record_of_2026_1_still_validates_with_its_version() -> None:
    old_form = load_form(version="2026.1")
    old = {k: v for k, v in STORED.items() if k != "owner_language"} | {"_form_version": "2026.1"}
    assert old_form.validate(old, today=TODAY) == {}
    assert old_form.normalise(old) == old
    assert "owner_language" in old_form.validate(STORED | {"_form_version": "2026.1"}, today=TODAY)  # unknown there


def test_the_owner_language_is_required_and_one_of_three(form: Form) -> None:
    assert problems(form, owner_language=None) == {"owner_language": "This answer is required."}
    assert "owner_language" in problems(form, owner_language="fr")
    for code in ("km", "en", "both"):
        assert problems(form, owner_language=code) == {}


# --------------------------------------------------------------------------- owner
def test_khmer_names_must_be_in_khmer_script(form: Form) -> None:
    assert problems(form, family_name_km="Sok") == {
        "family_name_km": "Write the name in Khmer script (at most 60 characters)."
    }
    assert problems(form, "km", given_name_km="Sreymom") == {"given_name_km": "សូមសរសេរឈ្មោះជាអក្សរខ្មែរ (យ៉ាងច្រើន ៦០ តួ)។"}
    assert problems(form, given_name_km="ស" * 61) == {
        "given_name_km": "Write the name in Khmer script (at most 60 characters)."
    }


def test_latin_names_must_be_in_latin_letters(form: Form) -> None:
    assert problems(form, family_name_latin="Sok-Heng O'Dara") == {}
    assert problems(form, family_name_latin="សុខ") == {
        "family_name_latin": "Write the name in Latin letters (at most 60 characters)."
    }
    assert problems(form, "km", given_name_latin="Sreymom2") == {
        "given_name_latin": "សូមសរសេរឈ្មោះជាអក្សរឡាតាំង (យ៉ាងច្រើន ៦០ តួ)។"
    }


def test_names_are_required(form: Form) -> None:
    assert problems(form, family_name_km=None, given_name_latin=" ") == {
        "family_name_km": "This answer is required.",
        "given_name_latin": "This answer is required.",
    }
    assert problems(form, "km", family_name_km=None) == {"family_name_km": "សូមបំពេញចម្លើយនេះ។"}


def test_sex_is_female_or_male(form: Form) -> None:
    assert problems(form, sex="male") == {}
    assert problems(form, sex="f") == {"sex": "Choose one of the options in the list."}
    assert problems(form, "km", sex="f") == {"sex": "សូមជ្រើសរើសជម្រើសមួយក្នុងបញ្ជី។"}


@pytest.mark.parametrize(
    ("born", "ok"),
    [
        ("2011-03-15", True),  # fifteen today
        ("2011-03-16", False),  # fifteen tomorrow
        ("២០១១-០៣-១៥", True),
        ("2027-01-01", False),  # in the future
        ("1899-12-31", False),
        ("1930-06-01", True),
    ],
)
def test_owner_is_at_least_fifteen(form: Form, born: str, ok: bool) -> None:
    expected = {} if ok else {"date_of_birth": "The owner must be at least 15 years old. Check the date of birth."}
    assert problems(form, date_of_birth=born) == expected
    if not ok:
        assert problems(form, "km", date_of_birth=born) == {
            "date_of_birth": "ម្ចាស់អាជីវកម្មត្រូវមានអាយុយ៉ាងតិច ១៥ ឆ្នាំ។ សូមពិនិត្យថ្ងៃខែឆ្នាំកំណើតឡើងវិញ។"
        }


def test_date_of_birth_must_be_a_date(form: Form) -> None:
    assert problems(form, date_of_birth="21/03/1985") == {}  # as the ID card prints it
    assert problems(form, date_of_birth="21 March 1985") == {
        "date_of_birth": "Enter the date as on the ID card, day-month-year, for example 31-05-1990."
    }
    assert problems(form, "km", date_of_birth="1985-02-30") == {"date_of_birth": "គ្មានកាលបរិច្ឆេទនេះទេ៖ សូមពិនិត្យថ្ងៃ និងខែ។"}


ID_MESSAGE_EN = "A national ID number has 9 digits; a passport number has 1 or 2 letters and 7 or 8 digits."
ID_MESSAGE_KM = "លេខអត្តសញ្ញាណប័ណ្ណមាន ៩ ខ្ទង់។ លេខលិខិតឆ្លងដែនមានអក្សរ ១ ឬ ២ តួ និងលេខ ៧ ឬ ៨ ខ្ទង់។"


@pytest.mark.parametrize(
    ("id_type", "number", "ok"),
    [
        ("national_id", "010203040", True),
        ("national_id", "0102 0304 0", True),
        ("national_id", "01020304", False),
        ("national_id", "N1234567", False),
        ("passport", "N1234567", True),
        ("passport", "n 0123 4567", True),
        ("passport", "010203040", False),
        ("passport", "ABC123456", False),
    ],
)
def test_id_numbers_follow_the_document_type(form: Form, id_type: str, number: str, ok: bool) -> None:
    assert problems(form, id_type=id_type, id_number=number) == ({} if ok else {"id_number": ID_MESSAGE_EN})
    assert problems(form, "km", id_type=id_type, id_number=number) == ({} if ok else {"id_number": ID_MESSAGE_KM})


def test_id_suffix_is_split_off_and_checked(form: Form) -> None:
    stored = form.normalise({**TYPED, "id_number": "010203040(2)"})
    assert (stored["id_number"], stored["id_suffix"]) == ("010203040", "2")
    assert problems(form, id_number="010203040", id_suffix="123") == {
        "id_suffix": "The number in brackets has 1 or 2 digits."
    }
    assert problems(form, "km", id_number="010203040", id_suffix="x") == {"id_suffix": "លេខក្នុងវង់ក្រចកមាន ១ ឬ ២ ខ្ទង់។"}
    passport = form.normalise({**TYPED, "id_type": "passport", "id_number": "N1234567", "id_suffix": "01"})
    assert "id_suffix" not in passport  # only ID cards have one


def test_owner_without_an_identity_document(form: Form) -> None:
    assert problems(form, id_type="none", id_number=None) == {}
    assert "id_number" not in form.normalise({**TYPED, "id_type": "none"})
    assert problems(form, id_type="national_id", id_number=None) == {"id_number": "This answer is required."}
    assert problems(form, id_type="driving_licence") == {"id_type": "Choose one of the options in the list."}


@pytest.mark.parametrize(
    ("phone", "stored"),
    [("012345678", "+85512345678"), ("+855 97 123 4567", "+855971234567"), ("០៨៨ ១២៣ ៤៥៦៧", "+855881234567")],
)
def test_phone_is_stored_as_e164(form: Form, phone: str, stored: str) -> None:
    assert problems(form, phone=phone) == {}
    assert form.normalise({**TYPED, "phone": phone})["phone"] == stored


@pytest.mark.parametrize("phone", ["+66 81 234 5678", "012 34", "hello", "+1 202 555 0100"])
def test_phone_must_be_cambodian(form: Form, phone: str) -> None:
    assert problems(form, phone=phone) == {
        "phone": "Enter a Cambodian mobile or landline number, for example 012 345 678."
    }
    assert problems(form, "km", phone=phone) == {"phone": "សូមបញ្ចូលលេខទូរស័ព្ទដៃ ឬទូរស័ព្ទលើតុនៅកម្ពុជា ឧទាហរណ៍ ០១២ ៣៤៥ ៦៧៨។"}


@pytest.mark.parametrize("role", ["owner", "self_employed", "employee", "seasonal_worker"])
def test_roles(form: Form, role: str) -> None:
    assert problems(form, role=role) == {}


def test_unknown_role(form: Form) -> None:
    assert problems(form, role="boss") == {"role": "Choose one of the options in the list."}


# --------------------------------------------------------------------------- business
def test_business_name_is_required_and_bounded(form: Form) -> None:
    assert problems(form, business_name="Sreymom Rice Shop") == {}
    assert problems(form, business_name="x" * 151) == {
        "business_name": "The business name is too long (at most 150 characters)."
    }
    assert problems(form, "km", business_name="x" * 151) == {"business_name": "ឈ្មោះអាជីវកម្មវែងពេក (យ៉ាងច្រើន ១៥០ តួ)។"}


def test_activity_is_an_isic_class_from_the_list(form: Form) -> None:
    activities = form.choice_lists["activity"].items
    assert len(activities) >= 25
    assert all(c.name.startswith("isic_") and c.name[5:].isdigit() and len(c.name) == 9 for c in activities)
    sectors = {c.columns["sector"] for c in activities}
    assert sectors == {
        "retail",
        "food_service",
        "food_processing",
        "handicraft",
        "personal_services",
        "transport",
        "repair",
        "construction",
        "agriculture",
    }
    assert problems(form, activity="isic_4922") == {}
    assert problems(form, activity="isic_9999") == {"activity": "Choose one of the options in the list."}


@pytest.mark.parametrize("premises", ["fixed_stall", "market_stall", "mobile", "home_based", "other"])
def test_premises(form: Form, premises: str) -> None:
    assert problems(form, premises=premises) == {}


@pytest.mark.parametrize(("year", "ok"), [(1950, True), (2026, True), (1949, False), (2027, False), ("២០២៦", True)])
def test_start_year(form: Form, year: object, ok: bool) -> None:
    assert problems(form, start_year=year) == ({} if ok else {"start_year": "Enter a year from 1950 to this year."})


def test_start_year_is_a_whole_number(form: Form) -> None:
    assert problems(form, "km", start_year="ឆ្នាំមុន") == {"start_year": "សូមបញ្ចូលចំនួនគត់។"}


@pytest.mark.parametrize(("count", "ok"), [(0, True), (500, True), (-1, False), (501, False)])
def test_workers_by_sex(form: Form, count: int, ok: bool) -> None:
    expected = (
        {}
        if ok
        else {"workers_female": "Enter a number from 0 to 500.", "workers_male": "Enter a number from 0 to 500."}
    )
    assert problems(form, workers_female=count, workers_male=count) == expected


def test_workers_total_is_calculated(form: Form) -> None:
    assert form.normalise({**TYPED, "workers_female": 2, "workers_male": "៣"})["workers_total"] == 5


@pytest.mark.parametrize(
    ("currency", "amount", "ok"),
    [
        ("KHR", 400_000_000, True),
        ("KHR", 400_000_001, False),
        ("USD", 100_000, True),
        ("USD", 100_001, False),
        ("USD", -5, False),
        ("KHR", 0, True),
    ],
)
def test_revenue_by_currency(form: Form, currency: str, amount: int, ok: bool) -> None:
    expected = (
        {}
        if ok
        else {"revenue_monthly": "Enter a whole amount from 0 to 400,000,000 riel, or from 0 to 100,000 dollars."}
    )
    assert problems(form, revenue_currency=currency, revenue_monthly=amount) == expected


def test_revenue_is_whole_and_currency_known(form: Form) -> None:
    assert problems(form, revenue_monthly="1500.50") == {"revenue_monthly": "Enter a whole number."}
    assert problems(form, revenue_currency="THB") == {"revenue_currency": "Choose one of the options in the list."}


# --------------------------------------------------------------------------- address
def test_address_cascade_by_code(form: Form) -> None:
    assert problems(form, province="99") == {
        "province": "Choose one of the options in the list.",
        "district": "This option does not fit the answers above.",
    }
    assert problems(form, district="0102") == {
        "district": "This option does not fit the answers above.",
        "commune": "This option does not fit the answers above.",
    }
    assert problems(form, district="1202", commune="120201", village="12020101") == {}
    assert problems(form, "km", village="01020101") == {"village": "ជម្រើសនេះមិនត្រូវនឹងចម្លើយខាងលើទេ។"}
    assert problems(form, commune=None) == {
        "commune": "This answer is required.",
        "village": "This option does not fit the answers above.",
    }
    assert problems(form, province=12)["province"] == "Choose one of the options in the list."  # codes are text


def test_address_codes_in_khmer_digits(form: Form) -> None:
    assert form.normalise({**TYPED, "province": "១២"})["province"] == "12"


def test_address_detail_is_optional_and_bounded(form: Form) -> None:
    assert problems(form, address_detail="ផ្ទះលេខ ១២ ផ្លូវ ២៧១") == {}
    assert problems(form, address_detail="x" * 201) == {
        "address_detail": "The address detail is too long (at most 200 characters)."
    }


# --------------------------------------------------------------------------- existing registrations, services, consent
def test_existing_registrations_are_optional_and_cleaned(form: Form) -> None:
    stored = form.normalise(
        {
            **TYPED,
            "tax_id": "k001 - ១២៣៤៥៦៧៨៩",
            "moc_number": "00012345",
            "nssf_number": "ab-12",
            "misti_number": "M/123",
        }
    )
    assert (stored["tax_id"], stored["moc_number"], stored["nssf_number"], stored["misti_number"]) == (
        "K001-123456789",
        "00012345",
        "AB-12",
        "M/123",
    )
    assert form.validate(stored, today=TODAY) == {}


def test_existing_registration_formats(form: Form) -> None:
    assert problems(form, tax_id="12345") == {"tax_id": "A tax ID looks like K001-123456789."}
    assert problems(form, "km", tax_id="12345") == {"tax_id": "លេខអត្តសញ្ញាណកម្មសារពើពន្ធមានទម្រង់ដូចជា K001-123456789។"}
    assert problems(form, moc_number="#1") == {
        "moc_number": "Use only letters, digits and / . -, from 3 to 30 characters."
    }


def test_services(form: Form) -> None:
    assert problems(form, services=["nssf", "skills", "finance", "formalisation"]) == {}
    assert problems(form, services=None) == {}
    assert problems(form, services="nssf cash") == {"services": "Choose one of the options in the list."}


def test_consent_is_required_and_must_be_yes(form: Form) -> None:
    assert problems(form, consent="no") == {"consent": "Registration needs the owner's consent."}
    assert problems(form, "km", consent=None) == {"consent": "ការចុះបញ្ជីត្រូវការការយល់ព្រមពីម្ចាស់អាជីវកម្ម។"}


def test_consent_text_is_shown_in_both_languages(form: Form) -> None:
    note = form.row("consent_text")
    assert "CAM-IE" in note.label("en")
    assert "CAM-IE" in note.label("km")
    assert note.label("km").startswith("ព័ត៌មាន")


def test_central_server_gets_reasons_in_both_languages(form: Form) -> None:
    assert form.messages_both({**TYPED, "consent": "no"}, today=TODAY) == {
        "consent": {"km": "ការចុះបញ្ជីត្រូវការការយល់ព្រមពីម្ចាស់អាជីវកម្ម។", "en": "Registration needs the owner's consent."}
    }


def test_record_carries_form_id_and_version(form: Form) -> None:
    stored = form.normalise(TYPED)
    assert (stored["_form_id"], stored["_form_version"]) == ("cam_ie_registration", "2026.2")
