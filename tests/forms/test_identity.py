"""Khmer and identity rules: digits, identifiers, names, matching keys, ID cards, passports, phones."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from branch_client.store.registrations import id_key as branch_id_key
from central.validation import identity_key as centre_id_key
from forms import load_form
from forms.identity import (
    KHMER_DIGITS,
    IdentityError,
    ascii_digits,
    clean_identifier,
    id_duplicate_key,
    identifier_matching_key,
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


# --------------------------------------------------------------------------- the ID duplicate key
# Separators people type (or paste) inside an ID number: spaces, no-break spaces, dashes and
# the zero-width spaces Khmer keyboards leave behind.
_SEPARATORS = st.sampled_from(["", "", "", " ", "  ", "\u00a0", "-", "\u200b", "\ufeff"])


def _spelled(digit: str, khmer: bool) -> str:
    return KHMER_DIGITS[int(digit)] if khmer else digit


@st.composite
def _national_ids(draw: st.DrawFn) -> tuple[str, str]:
    """(a national ID as someone might type it, its 9 digits): Khmer or ASCII digits, separators,
    perhaps the "(NN)" check suffix, stray spaces and zero-width spaces around."""
    digits = draw(st.text("0123456789", min_size=9, max_size=9))
    khmer = draw(st.lists(st.booleans(), min_size=11, max_size=11))
    typed = "".join(_spelled(d, k) + draw(_SEPARATORS) for d, k in zip(digits, khmer, strict=False))
    if draw(st.booleans()):
        suffix = draw(st.text("0123456789", min_size=1, max_size=2))
        suffix = "".join(_spelled(d, k) for d, k in zip(suffix, khmer[9:], strict=False))
        typed += draw(st.sampled_from(["", " ", "\u200b"])) + f"({suffix})"
    edge = st.sampled_from(["", " ", "\u200b", " \u200b"])
    return draw(edge) + typed + draw(edge), digits


@st.composite
def _passports(draw: st.DrawFn) -> tuple[str, str]:
    """(a passport number as typed, the number as stored): one or two letters, 7 or 8 digits,
    either case, spaces anywhere."""
    letters = draw(st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=2))
    digits = draw(st.text("0123456789", min_size=7, max_size=8))
    lower = draw(st.booleans())
    typed = "".join(c + draw(st.sampled_from(["", "", " ", "\u200b"])) for c in letters + digits)
    return (typed.lower() if lower else typed), letters + digits


_ID_TYPE_SPELLINGS = st.sampled_from(["{}", " {}", "{} "])


@settings(max_examples=300, deadline=None)
@given(_national_ids(), _ID_TYPE_SPELLINGS)
def test_branch_and_centre_derive_the_same_key_for_a_national_id(typed: tuple[str, str], spelling: str) -> None:
    number, digits = typed
    answers = {"id_type": spelling.format("national_id"), "id_number": number}
    key = branch_id_key(answers)
    assert key == centre_id_key(answers) == id_duplicate_key(answers)
    if "-" not in number:  # a dash is no ID digit: such a number is compared as typed, not reduced
        assert key == f"national_id:{digits}"  # the stored format: no suffix, ASCII digits


@settings(max_examples=200, deadline=None)
@given(_passports(), _ID_TYPE_SPELLINGS)
def test_branch_and_centre_derive_the_same_key_for_a_passport(typed: tuple[str, str], spelling: str) -> None:
    number, stored = typed
    answers = {"id_type": spelling.format("passport"), "id_number": number}
    assert branch_id_key(answers) == centre_id_key(answers) == f"passport:{stored}"


@settings(max_examples=100, deadline=None)
@given(st.one_of(_national_ids(), _passports()), _ID_TYPE_SPELLINGS)
def test_id_type_none_has_no_key_on_either_side(typed: tuple[str, str], spelling: str) -> None:
    answers = {"id_type": spelling.format("none"), "id_number": typed[0]}
    assert branch_id_key(answers) is None
    assert centre_id_key(answers) is None


@settings(max_examples=150, deadline=None)
@given(st.one_of(_national_ids(), _passports()), st.sampled_from(["national_id", "passport"]))
def test_the_key_of_the_stored_answers_is_the_key_of_the_typed_ones(typed: tuple[str, str], id_type: str) -> None:
    """The branch keys the answers the form stored; the centre keys the answers it receives."""
    form = load_form()
    answers = {"id_type": id_type, "id_number": typed[0]}
    if "id_number" in form.validate(answers):
        return  # a passport typed under national ID (or the reverse), or a dash: never stored
    stored = form.normalise(answers)
    assert branch_id_key(stored) == centre_id_key(answers) == centre_id_key(stored)


@pytest.mark.parametrize(
    ("id_type", "id_number", "key"),
    [
        ("national_id", "០១០ ២០៣ ០៤០ (០១)", "national_id:010203040"),
        ("national_id", "\u200b010-203-040", "national_id:010-203-040"),
        ("passport", "n0 123 4567", "passport:N01234567"),
        ("none", "010203040", None),
        ("national_id", " \u200b ", None),
        ("national_id", None, None),
        # Where the branch and the centre used to differ (the form refuses each of these, so
        # neither side has stored such a key): the centre's reading is kept.
        ("national_id", "(01)", "national_id:(01)"),  # the branch made "national_id:", matching any other
        ("national_id", "12345(6)", "national_id:12345(6)"),  # not a national ID: compared as typed
        ("national_id", "010203040(123)", "national_id:010203040(123)"),
        ("Passport", "N1234567", "passport:N1234567"),
        ("NONE", "010203040", None),
        ("national_id", "010\u2060203\u00ad040", "national_id:010203040"),  # word joiner, soft hyphen
        ("national_id", "０１０２０３０４０", "national_id:010203040"),  # full-width digits
        # The centre kept the suffix here (its check read the number without NFKC): one card.
        ("national_id", "０１０２０３０４０（０１）", "national_id:010203040"),
    ],
)
def test_the_id_key_as_both_sides_store_it(id_type: str, id_number: str | None, key: str | None) -> None:
    answers = {"id_type": id_type, "id_number": id_number}
    assert id_duplicate_key(answers) == key
    assert branch_id_key(answers) == centre_id_key(answers) == key


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_the_matching_key_of_an_ascii_id_number_is_the_stored_identifier(text: str) -> None:
    """Every ID the form accepts is ASCII once cleaned: for those, matching adds nothing."""
    assert identifier_matching_key(text) == clean_identifier(text) or not text.isascii()
    cleaned = clean_identifier(text)
    if cleaned.isascii():
        assert identifier_matching_key(cleaned) == cleaned
