"""Khmer and identity rules: digits, identifiers, names, matching keys, ID cards, passports, phones."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forms.identity import (
    IdentityError,
    ascii_digits,
    clean_identifier,
    is_national_id,
    is_passport,
    name_matching_key,
    normalise_name,
    normalise_phone,
    parse_national_id,
)


def test_khmer_digits_become_ascii() -> None:
    assert ascii_digits("០១២៣៤៥៦៧៨៩") == "0123456789"
    assert ascii_digits("ផ្ទះ ១២ A") == "ផ្ទះ 12 A"


def test_identifiers_lose_zero_width_characters_and_spaces() -> None:
    assert clean_identifier("\u200b០១០ ២០៣\u200c ០៤០\u200d\ufeff") == "010203040"
    assert clean_identifier(" n0 123\t4567 ") == "N01234567"


def test_names_are_nfc_trimmed_and_single_spaced() -> None:
    decomposed = "Nguye\u0302\u0303n"
    assert normalise_name(f"  {decomposed}   Van\u200b ") == unicodedata.normalize("NFC", "Nguyễn Van")
    assert normalise_name("សុខ\u200bដារ៉ា") == "សុខដារ៉ា"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Sok Dara", "SOK-DARA"),
        ("Sok  Dara", "sokdara"),
        ("Chéa", "Chea"),
        ("O'Neil", "oneil"),
        ("ភក្ដី", "ភក្តី"),  # subscript DA and subscript TA look the same
        ("ស្ត្រី", "ស្រ្តី"),  # two subscripts typed in either order
        ("ឲ្យ", "ឱ្យ"),  # the two QOO letters
        ("កៅ\u17c9", "ក\u17c9ៅ"),  # register shifter before or after the vowel
        ("សុខ\u200b", "សុ ខ"),  # zero-width space and space
    ],
)
def test_matching_key_folds_look_alikes(one: str, other: str) -> None:
    assert name_matching_key(one) == name_matching_key(other)


@pytest.mark.parametrize(("one", "other"), [("សុខ", "សុក"), ("Sok", "Sak"), ("ដារ៉ា", "តារ៉ា")])
def test_matching_key_keeps_different_names_apart(one: str, other: str) -> None:
    assert name_matching_key(one) != name_matching_key(other)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_matching_key_is_stable(text: str) -> None:
    key = name_matching_key(text)
    assert name_matching_key(key) == key


def test_national_id_with_and_without_suffix() -> None:
    assert parse_national_id("010203040") == ("010203040", "")
    assert parse_national_id("០១០ ២០៣ ០៤០ (០១)") == ("010203040", "01")
    assert is_national_id("010 203 040")
    assert not is_national_id("01020304")
    with pytest.raises(IdentityError) as info:
        parse_national_id("0102030401")
    assert info.value.kind == "national_id"


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("N1234567", True),
        ("NA12345678", True),
        ("n 0123 4567", True),
        ("1234567", False),
        ("ABC1234567", False),
        ("N123456", False),
    ],
)
def test_passport_numbers(text: str, ok: bool) -> None:
    assert is_passport(text) is ok


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        ("012 345 678", "+85512345678"),
        ("០១២ ៣៤៥ ៦៧៨", "+85512345678"),
        ("+855 12 345 678", "+85512345678"),
        ("855 12 345 678", "+85512345678"),
        ("097 123 4567", "+855971234567"),
        ("023 721 234", "+85523721234"),  # Phnom Penh landline
        ("(012) 345-678", "+85512345678"),
    ],
)
def test_cambodian_phones_become_e164(text: str, e164: str) -> None:
    assert normalise_phone(text) == e164


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("", "phone_empty"),
        ("call me", "phone_unreadable"),
        ("+66 81 234 5678", "phone_not_cambodian"),
        ("012 34", "phone_invalid"),
        ("1" * 60, "phone_unreadable"),
    ],
)
def test_phones_that_are_not_cambodian_numbers_are_refused(text: str, kind: str) -> None:
    with pytest.raises(IdentityError) as info:
        normalise_phone(text)
    assert info.value.kind == kind
