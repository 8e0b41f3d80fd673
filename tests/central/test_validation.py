"""The record validator seam and the identity key: total functions, normalisation as documented."""

from __future__ import annotations

import dataclasses
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from central.intake import check_record
from central.validation import Rejection, identity_key, normalise_id_number, schema_validator
from tests.central.conftest import make_record

_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5),
    max_leaves=25,
)


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.text(max_size=12) | st.sampled_from(["sex", "id_type", "id_number"]), _JSON, max_size=8))
def test_the_default_validator_and_the_record_check_never_raise(answers: dict[str, Any]) -> None:
    record = dataclasses.replace(make_record(), answers=answers)
    outcome = schema_validator(record)
    assert outcome is None or isinstance(outcome, Rejection)
    checked = check_record(record, schema_validator)
    assert (checked.rejection is None) == (outcome is None)
    identity_key(answers)


def test_nan_answers_that_a_lenient_validator_lets_through_are_rejected_not_crashed() -> None:
    record = make_record(answers={"score": float("nan")})
    checked = check_record(record, lambda _: None)
    assert checked.rejection is not None
    assert checked.rejection.reason_code == "invalid_answers"


def test_id_numbers_are_normalised() -> None:
    assert normalise_id_number(" ab\u200b12 ៣៤\t") == "AB1234"
    assert identity_key({"id_type": " National_ID ", "id_number": "0 1"}) == "national_id:01"
    assert identity_key({"id_type": "national_id", "id_number": " \u200b "}) is None
    assert identity_key({"id_type": "national_id"}) is None


def test_required_answers_and_shapes_are_named_per_field() -> None:
    rejection = schema_validator(make_record(answers={"sex": "", "tags": ["a", 1], "id_type": None}))
    assert rejection is not None
    assert rejection.reason_code == "invalid_answers"
    assert set(rejection.fields) == {"sex", "tags", "id_type"}
    assert schema_validator(make_record(answers={f"k{i}": 1 for i in range(100)})) is not None
    assert schema_validator(make_record(answers={"tags": ["a", "b"], "age": 41, "ok": True, "x": None})) is None


def test_a_national_id_with_its_suffix_is_the_same_card() -> None:
    assert identity_key({"id_type": "national_id", "id_number": "987 654 321(01)"}) == "national_id:987654321"
    assert identity_key({"id_type": "national_id", "id_number": "987654321"}) == "national_id:987654321"


def test_no_id_type_has_no_identity_whatever_a_stray_number_says() -> None:
    assert identity_key({"id_type": "none", "id_number": "987654321"}) is None
