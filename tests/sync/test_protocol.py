"""The protocol's strict parsing: what JSON allows and what it does not."""

from __future__ import annotations

import pytest

from sync.ids import uuid7_str
from sync.protocol import ProtocolError, Record, decode_records, encode_records


def _record() -> Record:
    return Record(uuid7_str(), "cam_ie_registration", "2026.1", {"sex": "female"}, "2026-11-24T09:00:00+07:00", "t-1")


def test_records_round_trip_through_canonical_json() -> None:
    records = [_record(), _record()]
    assert decode_records(encode_records(records), 2) == records


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_json(constant: str) -> None:
    text = encode_records([_record()]).replace(b'"female"', constant.encode())
    with pytest.raises(ProtocolError) as refused:
        decode_records(text, 1)
    assert refused.value.code == "malformed"


def test_records_must_be_a_list_and_match_the_count() -> None:
    with pytest.raises(ProtocolError) as not_list:
        decode_records(b'{"records":{}}', 1)
    assert not_list.value.code == "malformed"
    with pytest.raises(ProtocolError) as wrong_count:
        decode_records(encode_records([_record()]), 2)
    assert wrong_count.value.code == "count_mismatch"


def test_records_are_encoded_exactly_as_the_canonical_json_of_the_whole_payload() -> None:
    from sync.protocol import canonical_json

    records = [_record(), _record(), _record()]
    assert encode_records(records) == canonical_json({"records": [r.to_json() for r in records]})
    assert encode_records([]) == canonical_json({"records": []})
