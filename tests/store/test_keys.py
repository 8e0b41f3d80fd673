"""Key wrapping and the recovery key's text form."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from branch_client.store.errors import InvalidRecoveryKey
from branch_client.store.keys import (
    MIN_ITERATIONS,
    MIN_MEMORY_KIB,
    KdfParams,
    RecoveryKey,
    SlotDoesNotOpen,
    calibrate_kdf,
    new_database_key,
    unwrap_with_password,
    unwrap_with_recovery,
    wrap_with_password,
    wrap_with_recovery,
)
from tests.conftest import FAST_KDF


def test_password_wrap_round_trip_and_wrong_password() -> None:
    key = new_database_key()
    wrapped = wrap_with_password(key, "correct horse", FAST_KDF, b"slot-1")
    assert unwrap_with_password(wrapped, "correct horse", FAST_KDF, b"slot-1") == key
    with pytest.raises(SlotDoesNotOpen):
        unwrap_with_password(wrapped, "correct hors", FAST_KDF, b"slot-1")


def test_wrapped_key_is_bound_to_its_associated_data() -> None:
    key = new_database_key()
    wrapped = wrap_with_password(key, "correct horse", FAST_KDF, b"slot-1|alice")
    with pytest.raises(SlotDoesNotOpen):
        unwrap_with_password(wrapped, "correct horse", FAST_KDF, b"slot-1|mallory")


def test_passwords_match_across_unicode_normalisation() -> None:
    key = new_database_key()
    composed = "ពាក្យ-caf\u00e9-2026"  # é as one code point ...
    decomposed = "ពាក្យ-cafe\u0301-2026"  # ... or as e + combining accent, as some keyboards send
    wrapped = wrap_with_password(key, composed, FAST_KDF, b"s")
    assert unwrap_with_password(wrapped, decomposed, FAST_KDF, b"s") == key


def test_kdf_parameters_below_the_floor_are_refused() -> None:
    key = new_database_key()
    weak = KdfParams(memory_kib=1024, iterations=1)
    wrapped = wrap_with_password(key, "correct horse", FAST_KDF, b"s")
    with pytest.raises(SlotDoesNotOpen):
        unwrap_with_password(wrapped, "correct horse", weak, b"s")


def test_calibration_never_goes_below_the_owasp_floor() -> None:
    params = calibrate_kdf(target_seconds=0.001)
    assert params.memory_kib >= MIN_MEMORY_KIB
    assert params.iterations >= MIN_ITERATIONS


def test_recovery_key_text_round_trip() -> None:
    recovery = RecoveryKey.generate()
    text = str(recovery)
    assert len(text.split("-")) == 8
    assert all(len(group) == 4 for group in text.split("-"))
    assert RecoveryKey.parse(text) == recovery


def test_recovery_key_forgives_case_spaces_and_look_alikes() -> None:
    recovery = RecoveryKey.generate()
    text = str(recovery)
    sloppy = " ".join(text.lower().split("-")).replace("0", "o").replace("1", "l")
    assert RecoveryKey.parse(sloppy) == recovery


def test_recovery_key_typo_is_caught_by_the_checksum() -> None:
    text = str(RecoveryKey.generate())
    first = text[0]
    typo = ("A" if first != "A" else "B") + text[1:]
    with pytest.raises(InvalidRecoveryKey):
        RecoveryKey.parse(typo)


def test_recovery_key_repr_hides_the_secret() -> None:
    recovery = RecoveryKey.generate()
    assert str(recovery) not in repr(recovery)


@given(st.text(max_size=80))
def test_recovery_key_parser_only_ever_says_invalid(text: str) -> None:
    try:
        parsed = RecoveryKey.parse(text)
    except InvalidRecoveryKey:
        return  # the one error a typed key may give
    assert RecoveryKey.parse(str(parsed)) == parsed


def test_recovery_wrap_round_trip() -> None:
    key = new_database_key()
    recovery = RecoveryKey.generate()
    wrapped = wrap_with_recovery(key, recovery, b"recovery")
    assert unwrap_with_recovery(wrapped, recovery, b"recovery") == key
    with pytest.raises(SlotDoesNotOpen):
        unwrap_with_recovery(wrapped, RecoveryKey.generate(), b"recovery")
