"""The validation engine on a small form: types, relevance, required, constraints, choices, robustness."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms import ANSWERS_KEY, META_FORM_ID, META_FORM_VERSION, Form, form_from_dict, load_form
from forms.messages import DEFAULT_MESSAGES
from forms.validation import MAX_TEXT_LENGTH

TODAY = datetime.date(2026, 3, 15)

SMALL: dict[str, Any] = {
    "settings": {"form_id": "small", "version": "3", "default_language": "en"},
    "survey": [
        {"type": "text", "name": "name", "label": {"en": "Name", "km": "ឈ្មោះ"}, "required": True, "normalise": "name"},
        {
            "type": "integer",
            "name": "age",
            "constraint": ". >= 18",
            "constraint_message": {"en": "Adults only.", "km": "សម្រាប់មនុស្សពេញវ័យតែប៉ុណ្ណោះ។"},
        },
        {"type": "decimal", "name": "weight"},
        {"type": "date", "name": "day"},
        {"type": "select_one colour", "name": "colour"},
        {"type": "select_one shade", "name": "shade", "choice_filter": "colour = ${colour}"},
        {"type": "select_multiple colour", "name": "likes"},
        {"type": "text", "name": "why", "relevant": "selected(${likes}, 'red')", "required": True},
        {"type": "text", "name": "code", "normalise": "identifier", "required": "${age} > 60"},
        {"type": "text", "name": "phone", "normalise": "phone"},
        {"type": "begin_group", "name": "extra", "relevant": "${age} >= 30"},
        {"type": "text", "name": "job"},
        {"type": "text", "name": "employer", "relevant": "${job} != ''"},
        {"type": "end_group", "name": "extra"},
        {"type": "note", "name": "info", "label": "Thanks"},
        {"type": "calculate", "name": "double_age", "calculation": "${age} * 2"},
    ],
    "choices": {
        "colour": [
            {"name": "red", "label": {"en": "Red", "km": "ក្រហម"}},
            {"name": "blue", "label": {"en": "Blue", "km": "ខៀវ"}},
        ],
        "shade": [
            {"name": "crimson", "label": "Crimson", "colour": "red"},
            {"name": "navy", "label": "Navy", "colour": "blue"},
            {"name": "sky", "label": "Sky", "colour": "blue"},
        ],
    },
}


@pytest.fixture(scope="module")
def form() -> Form:
    return form_from_dict(SMALL, source="small.toml")


def check(form: Form, **answers: object) -> dict[str, str]:
    return form.validate({"name": "Dara", **answers}, today=TODAY)


# --------------------------------------------------------------------------- types
@pytest.mark.parametrize(
    ("raw", "stored"), [(42, 42), ("42", 42), ("៤២", 42), (" 4 2 ", 42), (42.0, 42), ("1,000", 1000), ("-3", -3)]
)
def test_integers_in_any_digit_set(form: Form, raw: object, stored: int) -> None:
    assert form.normalise({"age": raw})["age"] == stored


@pytest.mark.parametrize("raw", [True, "4.5", 4.5, "12abc", "1,00", 10**20, "9" * 50, [1], {"a": 1}, float("nan")])
def test_not_whole_numbers(form: Form, raw: object) -> None:
    assert check(form, age=raw) == {"age": "Enter a whole number."}


@pytest.mark.parametrize(("raw", "stored"), [(2, 2.0), ("2.5", 2.5), ("២.៥", 2.5), (".5", 0.5)])
def test_decimals(form: Form, raw: object, stored: float) -> None:
    assert form.normalise({"weight": raw})["weight"] == stored


@pytest.mark.parametrize("raw", ["two", float("inf"), float("nan"), "1e5", False])
def test_not_numbers(form: Form, raw: object) -> None:
    assert check(form, weight=raw) == {"weight": "Enter a number."}


NOT_A_DATE = "Enter the date as on the ID card, day-month-year, for example 31-05-1990."


def test_dates(form: Form) -> None:
    assert form.normalise({"day": "២០២៤-០២-២៩"})["day"] == "2024-02-29"
    assert form.normalise({"day": datetime.date(2024, 1, 2)})["day"] == "2024-01-02"
    for bad in ("29 Feb 2024", "2024/02", "29-02-02024", 20240229, datetime.datetime(2024, 1, 2, 3, 4)):
        assert check(form, day=bad) == {"day": NOT_A_DATE}, bad


@pytest.mark.parametrize(
    "typed",
    ["15-04-1988", "15/04/1988", "15.04.1988", "១៥-០៤-១៩៨៨", "១៥/៤/១៩៨៨", " 15-4-1988 ", "1988-04-15", "1988-4-15"],
)
def test_a_date_typed_as_on_the_id_card_is_stored_as_iso(form: Form, typed: str) -> None:
    assert check(form, day=typed) == {}
    assert form.normalise({"name": "Dara", "day": typed})["day"] == "1988-04-15"


def test_a_two_digit_year_is_refused_not_guessed(form: Form) -> None:
    assert check(form, day="15-04-88") == {"day": "Write the year in full, with four digits, for example 31-05-1990."}
    assert form.validate({"name": "Dara", "day": "១៥/០៤/៨៨"}, "km", today=TODAY) == {
        "day": "សូមសរសេរឆ្នាំឱ្យពេញ ៤ ខ្ទង់ ឧទាហរណ៍ ៣១-០៥-១៩៩០។"
    }
    assert form.normalise({"name": "Dara", "day": "15-04-88"})["day"] == "15-04-88"  # as typed: never a guessed date


@pytest.mark.parametrize("impossible", ["31-02-1990", "29/02/2023", "2023-02-29", "00-01-1990", "15-13-1990"])
def test_a_day_the_calendar_does_not_have_is_refused(form: Form, impossible: str) -> None:
    assert check(form, day=impossible) == {"day": "There is no such date: check the day and the month."}
    assert form.validate({"name": "Dara", "day": impossible}, "km", today=TODAY) == {
        "day": "គ្មានកាលបរិច្ឆេទនេះទេ៖ សូមពិនិត្យថ្ងៃ និងខែ។"
    }


def test_text_must_be_text_of_sane_length_and_characters(form: Form) -> None:
    assert check(form, name=12) == {"name": "Enter text."}
    assert check(form, name="x" * (MAX_TEXT_LENGTH + 1)) == {
        "name": f"This answer is too long: at most {MAX_TEXT_LENGTH} characters."
    }
    assert check(form, name="x" * 10_000_000) == {
        "name": f"This answer is too long: at most {MAX_TEXT_LENGTH} characters."
    }
    assert form.validate({"name": "x" * 1001}, "km", today=TODAY) == {"name": "ចម្លើយនេះវែងពេក៖ យ៉ាងច្រើន ១០០០ តួអក្សរ។"}
    assert check(form, name="Da\udc80ra") == {"name": "This answer contains characters that cannot be stored."}
    assert check(form, name="Da\x00ra") == {"name": "This answer contains characters that cannot be stored."}


def test_select_one_and_select_multiple(form: Form) -> None:
    assert check(form, colour="red", likes="blue", why="") == {}
    assert check(form, colour="green") == {"colour": "Choose one of the options in the list."}
    assert check(form, colour=["red"]) == {"colour": "Choose one of the options in the list."}
    assert form.normalise({"likes": "blue  blue red"})["likes"] == ["blue", "red"]
    assert form.normalise({"likes": ("blue",)})["likes"] == ["blue"]
    assert check(form, likes=["blue", 3]) == {"likes": "Choose one of the options in the list."}
    assert check(form, likes=["blue", "pink"]) == {"likes": "Choose one of the options in the list."}
    assert "likes" not in form.normalise({"likes": []})


def test_choice_filter_is_checked(form: Form) -> None:
    assert check(form, colour="blue", shade="navy") == {}
    assert check(form, colour="red", shade="navy") == {"shade": "This option does not fit the answers above."}


def test_notes_take_no_answer_and_calculates_are_recomputed(form: Form) -> None:
    assert check(form, info="hello") == {"info": "This item takes no answer."}
    stored = form.normalise({"name": "Dara", "age": 20, "double_age": 999})
    assert stored["double_age"] == 40
    assert "double_age" not in form.normalise({"name": "Dara"})  # NaN is not stored


def test_identifiers_and_phones_are_cleaned(form: Form) -> None:
    stored = form.normalise({"code": " ab\u200b ១២៣ ", "phone": "០១២ ៣៤៥ ៦៧៨"})
    assert (stored["code"], stored["phone"]) == ("AB123", "+85512345678")
    assert check(form, phone="+66 81 234 5678") == {
        "phone": "Enter a Cambodian mobile or landline number, for example 012 345 678."
    }
    assert form.normalise({"phone": "not a phone"})["phone"] == "NOTAPHONE"  # kept, so it can be shown and fixed


# --------------------------------------------------------------------------- required, constraints, relevance
def test_required_and_required_if(form: Form) -> None:
    assert form.validate({}, today=TODAY) == {"name": "This answer is required."}
    assert form.validate({"name": "  \u200b "}, "km", today=TODAY) == {"name": "សូមបំពេញចម្លើយនេះ។"}
    assert check(form, age=70) == {"code": "This answer is required."}
    assert check(form, age=70, code="X1") == {}


def test_constraint_uses_the_form_message_in_each_language(form: Form) -> None:
    assert check(form, age=12) == {"age": "Adults only."}
    assert form.validate({"name": "Dara", "age": 12}, "km", today=TODAY) == {"age": "សម្រាប់មនុស្សពេញវ័យតែប៉ុណ្ណោះ។"}


def test_irrelevant_questions_are_not_checked_and_not_stored(form: Form) -> None:
    assert check(form, likes="blue") == {}
    assert check(form, likes="red") == {"why": "This answer is required."}
    stored = form.normalise({"name": "Dara", "likes": "blue", "why": "because"})
    assert "why" not in stored


def test_group_relevance_applies_to_its_rows_and_chains(form: Form) -> None:
    young = form.normalise({"name": "Dara", "age": 20, "job": "tailor", "employer": "self"})
    assert "job" not in young
    assert "employer" not in young  # job was cleared, so employer no longer applies either
    older = form.normalise({"name": "Dara", "age": 40, "job": "tailor", "employer": "self"})
    assert (older["job"], older["employer"]) == ("tailor", "self")
    assert form.is_relevant("extra", {"age": 40})
    assert not form.is_relevant("job", {"age": 20})
    assert not form.is_relevant("nope", {})


# --------------------------------------------------------------------------- the record as a whole
def test_unknown_fields_get_a_message_under_their_name(form: Form) -> None:
    assert check(form, colour_of_hat="red") == {"colour_of_hat": "This form has no question with this name."}
    assert form.validate({"name": "Dara", 7: "x"}, today=TODAY) == {"7": "This form has no question with this name."}  # type: ignore[dict-item]


def test_answers_that_are_not_a_mapping_get_one_message(form: Form) -> None:
    for answers in (None, ["name"], "name=Dara", 3):
        assert form.validate(answers, today=TODAY) == {
            ANSWERS_KEY: "The answers could not be read.",
            "name": "This answer is required.",
        }  # type: ignore[arg-type]


def test_normalise_stamps_the_form_and_validate_checks_the_stamp(form: Form) -> None:
    stored = form.normalise({"name": " Dara "})
    assert stored == {"name": "Dara", META_FORM_ID: "small", META_FORM_VERSION: "3"}
    assert form.validate(stored, today=TODAY) == {}
    assert form.validate({**stored, META_FORM_VERSION: "2"}, today=TODAY) == {
        META_FORM_VERSION: "This record was captured with another form or version (small 3 expected)."
    }
    assert META_FORM_ID in form.validate({**stored, META_FORM_ID: ["small"]}, today=TODAY)
    assert META_FORM_VERSION in form.validate({**stored, META_FORM_VERSION: 3}, today=TODAY)
    restamped = form.normalise({**stored, META_FORM_VERSION: "2"})
    assert restamped[META_FORM_VERSION] == "2"  # not silently re-stamped with this form's version
    assert META_FORM_VERSION in form.validate(restamped, today=TODAY)


def test_normalise_keeps_unknown_fields_so_they_are_still_reported(form: Form) -> None:
    stored = form.normalise({"name": "Dara", "extra_key": 1})
    assert stored["extra_key"] == 1
    assert "extra_key" in form.validate(stored, today=TODAY)


def test_check_field_reports_one_field(form: Form) -> None:
    answers = {"age": 12, "colour": "green"}
    assert form.check_field("age", answers, today=TODAY) == "Adults only."
    assert form.check_field("colour", answers, "km", today=TODAY) == "សូមជ្រើសរើសជម្រើសមួយក្នុងបញ្ជី។"
    assert form.check_field("weight", answers, today=TODAY) is None
    assert form.check_field("nope", {"nope": 1}, today=TODAY) == "This form has no question with this name."


def test_messages_both_gives_khmer_and_english(form: Form) -> None:
    assert form.messages_both({"age": 12, "name": "Dara"}, today=TODAY) == {
        "age": {"km": "សម្រាប់មនុស្សពេញវ័យតែប៉ុណ្ណោះ។", "en": "Adults only."}
    }


def test_choices_apply_the_filter(form: Form) -> None:
    assert [c.name for c in form.choices("shade", {"colour": "blue"})] == ["navy", "sky"]
    assert form.choices("shade", {}) == []
    assert [c.label("km") for c in form.choices("colour", {})] == ["ក្រហម", "ខៀវ"]
    assert form.choices("name", {}) == []
    assert form.choices("nope", {}) == []


def test_every_default_message_is_in_khmer_and_english() -> None:
    for kind, texts in DEFAULT_MESSAGES.items():
        assert set(texts) == {"km", "en"}, kind
        assert any("\u1780" <= c <= "\u17ff" for c in texts["km"]), kind
        assert texts["km"] != texts["en"]


def test_unknown_language_falls_back_to_english(form: Form) -> None:
    assert form.validate({}, "fr", today=TODAY) == {"name": "This answer is required."}


# --------------------------------------------------------------------------- never an exception
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20) | st.dates(),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=6,
)
_surrogates = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, exclude_categories=())
_weird_text = st.text(alphabet=st.characters() | _surrogates | st.sampled_from("០៥៩\u200b \ufeff"), max_size=30)
_keys = st.sampled_from(sorted(load_form().fields)) | _weird_text | st.integers()


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(_keys, _json | _weird_text, max_size=12), st.sampled_from(["en", "km", "xx"]))
def test_registration_form_never_raises_on_any_answers(answers: dict[Any, Any], lang: str) -> None:
    form = load_form()
    messages = form.validate(answers, lang, today=TODAY)
    assert all(isinstance(k, str) and isinstance(v, str) and v for k, v in messages.items())
    stored = form.normalise(answers)
    assert form.normalise(stored) == stored  # normalising twice changes nothing
    assert form.validate(stored, lang, today=TODAY).keys() <= messages.keys() | {"id_suffix"}
    form.messages_both(answers, today=TODAY)
    for name in ("village", "district", "sex"):
        form.choices(name, answers)
        form.check_field(name, answers, lang, today=TODAY)
