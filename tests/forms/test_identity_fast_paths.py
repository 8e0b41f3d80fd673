"""Identity fast paths agree with the full rules: clean_identifier on ASCII text, and normalise_phone
(E.164 Cambodian numbers without parse(), number_type() alone) with the full phonenumbers check."""

from __future__ import annotations

import random

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forms.identity import _DROP_ZERO_WIDTH, IdentityError, ascii_digits, clean_identifier, normalise_phone


def reference(text: str) -> str:
    """normalise_phone as it was before the fast path: every number through phonenumbers.parse()."""
    import re

    from forms.identity import clean_identifier

    cleaned = clean_identifier(text).replace("-", "").replace("(", "").replace(")", "").replace(".", "")
    if not cleaned:
        return "error phone_empty"
    if len(cleaned) > 40 or not re.fullmatch(r"\+?[0-9]+", cleaned):
        return "error phone_unreadable"
    if cleaned.startswith("00"):
        cleaned = "+" + cleaned[2:]
    if cleaned.startswith("855") and len(cleaned) >= 11:
        cleaned = "+" + cleaned
    try:
        number = phonenumbers.parse(cleaned, "KH")
    except phonenumbers.NumberParseException:
        return "error phone_unreadable"
    if number.country_code != 855:
        return "error phone_not_cambodian"
    if not phonenumbers.is_valid_number(number) or phonenumbers.number_type(number) not in (0, 1, 2):
        return "error phone_invalid"
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def outcome(text: str) -> str:
    try:
        return normalise_phone(text)
    except IdentityError as exc:
        return f"error {exc.kind}"


@settings(max_examples=3000, deadline=None)
@given(
    st.sampled_from(["+855", "855", "+8550", "0", "", "+", "+85", "+1", "+66", "+84", "0855", "+8551"]),
    st.text(alphabet="0123456789", min_size=0, max_size=12),
)
def test_fast_path_equals_parse(prefix: str, digits: str) -> None:
    text = prefix + digits
    assert outcome(text) == reference(text)


def test_every_cambodian_prefix_and_length() -> None:
    rng = random.Random(855)
    checked = accepted = 0
    for prefix in range(10, 100):
        for length in range(6, 10):  # national numbers of 8 to 11 digits, either side of the fast path
            for _ in range(25):
                text = f"+855{prefix}{rng.randrange(10**length):0{length}d}"
                assert outcome(text) == reference(text), text
                checked += 1
                accepted += not outcome(text).startswith("error")
    assert accepted > checked // 10  # the fast path really ran on valid numbers, not only refusals


@settings(max_examples=1000, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(" \t\n\x1c\x85\u00a0\u200b\ufeff០៩aZz09-+()./é"), max_size=20)
    | st.text(max_size=20)
)
def test_clean_identifier_equals_the_full_cleaning(text: str) -> None:
    assert clean_identifier(text) == "".join(ascii_digits(text).translate(_DROP_ZERO_WIDTH).split()).upper()


def test_the_international_call_prefix_00_reads_as_plus() -> None:
    assert normalise_phone("00855 12 345 678") == normalise_phone("+855 12 345 678") == "+85512345678"
    with pytest.raises(IdentityError) as foreign:
        normalise_phone("0066 81 234 5678")
    assert foreign.value.kind == "phone_not_cambodian"
