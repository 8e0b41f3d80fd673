"""Dates typed as on the Cambodian ID card: every valid date in every accepted spelling reads
back as itself; two-digit years and days the calendar does not have are refused, with words."""

from __future__ import annotations

import calendar
import datetime

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from forms.dates import DATE_KINDS, DateError, age_on, parse_typed_date
from forms.messages import DEFAULT_MESSAGES

KHMER = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")
#: Four-digit years only: a year below 1000 cannot be written as the card writes it.
DATES = st.dates(min_value=datetime.date(1000, 1, 1), max_value=datetime.date(9999, 12, 31))


def spell(day: datetime.date, separator: str, padded: bool, khmer: bool, year_first: bool) -> str:
    """`day` written one of the ways a teller or a stored answer writes it."""
    width = 2 if padded else 1
    d, m = f"{day.day:0{width}d}", f"{day.month:0{width}d}"
    text = f"{day.year}{separator}{m}{separator}{d}" if year_first else f"{d}{separator}{m}{separator}{day.year}"
    return text.translate(KHMER) if khmer else text


@given(
    day=DATES,
    separator=st.sampled_from(["-", "/", "."]),
    padded=st.booleans(),
    khmer=st.booleans(),
    year_first=st.booleans(),
    before=st.sampled_from(["", " ", "  ", "\t"]),
    after=st.sampled_from(["", " ", "\u00a0"]),
)
def test_every_valid_date_in_every_accepted_spelling_round_trips(
    day: datetime.date, separator: str, padded: bool, khmer: bool, year_first: bool, before: str, after: str
) -> None:
    text = before + spell(day, separator, padded, khmer, year_first) + after
    assert parse_typed_date(text) == day


@given(day=DATES)
def test_the_stored_spelling_reads_back(day: datetime.date) -> None:
    assert parse_typed_date(day.isoformat()) == day


@given(day=DATES, separator=st.sampled_from(["-", "/", "."]), khmer=st.booleans(), digits=st.sampled_from([1, 2]))
def test_a_year_of_one_or_two_digits_is_refused_not_guessed(
    day: datetime.date, separator: str, khmer: bool, digits: int
) -> None:
    short = f"{day.year % 10**digits:0{digits}d}"
    text = f"{day.day:02d}{separator}{day.month:02d}{separator}{short}"
    with pytest.raises(DateError) as refused:
        parse_typed_date(text.translate(KHMER) if khmer else text)
    assert refused.value.kind == "date_short_year"
    assert "four digits" in refused.value.message("en")
    assert "៤ ខ្ទង់" in refused.value.message("km")


@given(
    year=st.integers(1000, 9999),
    month=st.integers(1, 12),
    extra=st.integers(1, 3),
    separator=st.sampled_from(["-", "/", "."]),
    khmer=st.booleans(),
)
def test_a_day_past_the_end_of_its_month_is_refused(
    year: int, month: int, extra: int, separator: str, khmer: bool
) -> None:
    day = calendar.monthrange(year, month)[1] + extra
    text = f"{day:02d}{separator}{month:02d}{separator}{year}"
    with pytest.raises(DateError) as refused:
        parse_typed_date(text.translate(KHMER) if khmer else text)
    assert refused.value.kind == "no_such_date"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("31-02-1990", "no_such_date"),
        ("29/02/2023", "no_such_date"),
        ("00-05-1990", "no_such_date"),
        ("15-13-1990", "no_such_date"),
        ("1990-02-30", "no_such_date"),
        ("15-04-88", "date_short_year"),
        ("១៥/០៤/៨៨", "date_short_year"),
        ("15-04-988", "not_date"),
        ("15-04-19888", "not_date"),
        ("15-04/1988", "not_date"),  # one separator, used twice
        ("15 04 1988", "not_date"),
        ("15 April 1988", "not_date"),
        ("1988", "not_date"),
        ("", "not_date"),
        ("١٥-٠٤-١٩٨٨", "not_date"),  # Arabic-Indic digits are no digits of a Cambodian card
        ("1" * 41, "not_date"),
    ],
)
def test_what_is_refused_and_why(text: str, kind: str) -> None:
    with pytest.raises(DateError) as refused:
        parse_typed_date(text)
    assert refused.value.kind == kind
    assert kind in DATE_KINDS
    assert refused.value.message("en") == DEFAULT_MESSAGES[kind]["en"]
    assert refused.value.message("km") == DEFAULT_MESSAGES[kind]["km"]


def test_the_refusals_say_what_to_type_in_both_languages() -> None:
    with pytest.raises(DateError) as refused:
        parse_typed_date("April 15")
    assert refused.value.message("en") == "Enter the date as on the ID card, day-month-year, for example 31-05-1990."
    assert refused.value.message("km") == "សូមបញ្ចូលកាលបរិច្ឆេទដូចនៅលើអត្តសញ្ញាណប័ណ្ណ ថ្ងៃ-ខែ-ឆ្នាំ ឧទាហរណ៍ ៣១-០៥-១៩៩០។"


@pytest.mark.parametrize(
    ("born", "today", "age"),
    [
        ((1988, 4, 15), (2024, 4, 14), 35),
        ((1988, 4, 15), (2024, 4, 15), 36),  # the birthday itself counts
        ((1988, 4, 15), (2024, 12, 31), 36),
        ((2000, 2, 29), (2023, 2, 28), 22),
        ((2000, 2, 29), (2023, 3, 1), 23),
        ((2000, 2, 29), (2024, 2, 29), 24),
        ((2024, 1, 1), (2024, 1, 1), 0),
        ((2025, 1, 1), (2024, 1, 1), -1),  # born "after today": a typing slip the caller can see
    ],
)
def test_age_on(born: tuple[int, int, int], today: tuple[int, int, int], age: int) -> None:
    assert age_on(datetime.date(*born), datetime.date(*today)) == age


@given(born=DATES, today=DATES)
def test_age_is_the_number_of_birthdays_passed(born: datetime.date, today: datetime.date) -> None:
    assume(born <= today and (born.month, born.day) != (2, 29))
    age = age_on(born, today)
    assert born.replace(year=born.year + age) <= today
    if born.year + age < 9999:
        assert born.replace(year=born.year + age + 1) > today
