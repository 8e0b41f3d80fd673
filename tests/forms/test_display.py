"""How an answer reads: the one rule the review, the record view, the receipt and the exports share."""

from __future__ import annotations

import datetime

import pytest

from forms import form_from_dict, load_form
from forms.display import (
    currency_question,
    currency_symbol,
    is_amount,
    show_amount,
    show_answer,
    show_date,
    show_datetime,
    show_number,
    show_phone,
)

FORM = load_form()


def shown(name: str, value: object, lang: str = "en", *, for_csv: bool = False) -> str:
    return show_answer(FORM, FORM.fields[name], value, lang, for_csv=for_csv)


def test_an_amount_is_grouped_and_a_year_or_a_count_is_not() -> None:
    assert shown("revenue_monthly", 3_000_000) == "3,000,000"
    assert shown("start_year", 2015) == "2015"
    assert shown("workers_female", 1200) == "1200"


@pytest.mark.parametrize(("lang", "expected"), [("en", "15 April 1988"), ("km", "15 មេសា 1988")])
def test_a_date_is_day_first_with_the_months_name(lang: str, expected: str) -> None:
    assert shown("date_of_birth", "1988-04-15", lang) == expected


def test_a_phone_reads_in_its_international_spelling() -> None:
    assert shown("phone", "+85512565201") == "+855 12 565 201"
    assert show_phone("012 565 201") == "012 565 201"  # not stored E.164: as it is


def test_a_choice_reads_by_its_label_in_the_language_asked() -> None:
    assert shown("sex", "female", "en") == "Female"
    assert shown("sex", "female", "km") == "ស្រី"
    assert shown("sex", "not-a-code") == "not-a-code"


def test_several_choices_are_listed_in_the_answers_order() -> None:
    services = FORM.choice_lists[FORM.fields["services"].list_name or ""]
    second, first = services.items[:2]  # the answer's order, not the list's
    codes, labels = [first.name, second.name], [first.label("en"), second.label("en")]
    assert shown("services", codes) == ", ".join(labels)
    assert shown("services", " ".join(codes)) == ", ".join(labels)  # XLSForm's "a b" spelling


def test_the_csv_variant_labels_choices_and_keeps_values_as_stored() -> None:
    assert shown("revenue_monthly", 3_000_000, for_csv=True) == "3000000"
    assert shown("date_of_birth", "1988-04-15", for_csv=True) == "1988-04-15"
    assert shown("phone", "+85512565201", for_csv=True) == "+85512565201"
    assert shown("sex", "male", for_csv=True) == "Male"


@pytest.mark.parametrize("empty", [None, "", "   ", []])
def test_an_empty_answer_shows_nothing(empty: object) -> None:
    assert shown("business_name", empty) == ""
    assert shown("services", empty) == ""


def test_text_that_is_not_a_date_is_shown_as_it_is() -> None:
    assert show_date("15/04/1988", "en") == "15/04/1988"


def test_a_date_can_read_as_on_the_id_card_for_a_narrow_column() -> None:
    assert show_date("1988-04-05", "en", numeric=True) == "05-04-1988"
    assert show_date("1988-04-05", "km", numeric=True) == "05-04-1988"
    assert show_date("", "en", numeric=True) == ""


@pytest.mark.parametrize(("lang", "expected"), [("en", "12 February 2026, 14:05"), ("km", "12 កុម្ភៈ 2026, 14:05")])
def test_a_moment_is_day_first_with_the_24_hour_time(lang: str, expected: str) -> None:
    moment = datetime.datetime(2026, 2, 12, 14, 5, 9)  # local: no AM/PM, never 2/12/26
    assert show_datetime(moment, lang) == expected
    assert show_datetime(moment.isoformat(), lang) == expected
    assert show_datetime(moment, lang, seconds=True) == expected + ":09"
    assert show_datetime(moment, lang, numeric=True) == "12-02-2026, 14:05"


def test_a_moment_with_a_time_zone_is_shown_in_this_computer_s() -> None:
    utc = datetime.datetime(2026, 11, 24, 2, 30, tzinfo=datetime.UTC)
    local = utc.astimezone()
    assert show_datetime(utc.isoformat(), "en") == f"{show_date(local.date().isoformat(), 'en')}, {local:%H:%M}"


def test_text_that_is_no_moment_is_shown_as_it_is() -> None:
    assert show_datetime("yesterday", "en") == "yesterday"


def test_amounts_are_grouped_and_other_numbers_never() -> None:
    assert show_amount(3_000_000) == "3,000,000"
    assert show_amount(1200.5) == "1,200.5"
    assert show_amount(3e6) == "3,000,000"
    assert show_number(2015) == "2015"
    assert show_number(2015.0) == "2015"
    assert is_amount(FORM.fields["revenue_monthly"])
    assert not is_amount(FORM.fields["start_year"])
    assert not is_amount(FORM.fields["date_of_birth"])


def test_a_decimal_amount_is_grouped_too() -> None:
    form = form_from_dict(
        {
            "settings": {"form_id": "loan", "version": "1"},
            "survey": [
                {"type": "decimal", "name": "loan", "appearance": "thousands-sep"},
                {"type": "decimal", "name": "rate"},
            ],
        }
    )
    assert show_answer(form, form.fields["loan"], 1234567.5, "en") == "1,234,567.5"
    assert show_answer(form, form.fields["rate"], 1234.5, "en") == "1234.5"


def test_an_amount_knows_its_currency_question_and_sign() -> None:
    assert currency_question(FORM, FORM.fields["revenue_monthly"]) == "revenue_currency"
    assert currency_question(FORM, FORM.fields["start_year"]) is None  # before any currency question
    assert currency_symbol("KHR") == ("", "៛")
    assert currency_symbol("USD") == ("$", "")
    assert currency_symbol("THB") == ("", "THB")
    assert currency_symbol(None) == ("", "")
