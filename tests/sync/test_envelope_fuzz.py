"""Fuzzing the envelope: whatever bytes arrive, parsing and opening fail only with the documented errors.

The centre feeds `envelope.parse` whatever the network brings, so it must raise nothing
but `EnvelopeError`; `BatchHeader.from_bytes` nothing but `ProtocolError`; and opening a
mutated envelope nothing but `EnvelopeError`.
"""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync import envelope, protocol
from sync.envelope import CentrePrivateKey, DeviceKey, EnvelopeError
from sync.ids import uuid7_str
from sync.protocol import BatchHeader, ProtocolError, Record

_CENTRE = CentrePrivateKey.generate("ck-fuzz")
_DEVICE = DeviceKey.generate()
_RECORD = Record(
    id=uuid7_str(),
    form_id="cam_ie_registration",
    form_version="2026.1",
    answers={"sex": "female", "id_type": "national_id", "id_number": "012345678"},
    captured_at="2026-03-01T09:30:00+07:00",
    captured_by="teller-1",
)
_VALID = envelope.seal(
    [_RECORD],
    batch_id=uuid7_str(),
    sequence=1,
    device_id="dev-1",
    device_key=_DEVICE,
    centre_key=_CENTRE.public_key(),
    audit_head=protocol.AuditHead(12, "5e" * 32),  # version 2, as the branch sends
)
_HEADER = envelope.parse(_VALID).header_bytes
_FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _mutate(data: bytes, edits: list[tuple[int, int, int]]) -> bytes:
    """Apply (kind, position, value) edits: flip a bit, overwrite a byte, cut, or insert."""
    out = bytearray(data)
    for kind, position, value in edits:
        if not out:
            break
        at = position % len(out)
        if kind == 0:
            out[at] ^= 1 << (value % 8)
        elif kind == 1:
            out[at] = value % 256
        elif kind == 2:
            del out[at:]
        else:
            out[at:at] = bytes([value % 256])
    return bytes(out)


_EDITS = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2**20), st.integers(0, 255)), min_size=1, max_size=4)


def test_the_valid_envelope_opens() -> None:
    assert envelope.parse(_VALID).open(_CENTRE) == [_RECORD]


@_FAST
@given(st.binary(max_size=2048))
def test_parse_raises_only_envelope_error_for_any_bytes(data: bytes) -> None:
    with contextlib.suppress(EnvelopeError):
        envelope.parse(data)


@_FAST
@given(st.binary(max_size=64).map(lambda tail: b"CIEB\x01" + tail))
def test_parse_raises_only_envelope_error_for_bytes_with_the_magic(data: bytes) -> None:
    with contextlib.suppress(EnvelopeError):
        envelope.parse(data)


@_FAST
@given(_EDITS)
def test_mutated_envelopes_parse_or_fail_with_envelope_error_and_open_likewise(
    edits: list[tuple[int, int, int]],
) -> None:
    data = _mutate(_VALID, edits)
    try:
        parsed = envelope.parse(data)
    except EnvelopeError:
        return
    try:
        records = parsed.open(_CENTRE)
    except EnvelopeError:
        return
    # If it still opens, the ciphertext and header are the ones sealed: same records.
    assert records == [_RECORD]
    assert parsed.header_bytes == _HEADER


@_FAST
@given(st.binary(max_size=600))
def test_header_parsing_raises_only_protocol_error(data: bytes) -> None:
    with contextlib.suppress(ProtocolError):
        BatchHeader.from_bytes(data)


@_FAST
@given(_EDITS)
def test_mutated_headers_raise_only_protocol_error(edits: list[tuple[int, int, int]]) -> None:
    with contextlib.suppress(ProtocolError):
        BatchHeader.from_bytes(_mutate(_HEADER, edits))


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)


@_FAST
@given(st.dictionaries(st.sampled_from((*BatchHeader._KEYS, "extra")), _JSON, max_size=11))
def test_json_headers_of_any_shape_raise_only_protocol_error(value: dict[str, object]) -> None:
    with contextlib.suppress(ProtocolError):
        BatchHeader.from_bytes(protocol.canonical_json(value))


@_FAST
@given(_JSON)
def test_payloads_of_any_shape_raise_only_protocol_error(value: object) -> None:
    with contextlib.suppress(ProtocolError):
        protocol.decode_records(protocol.canonical_json({"records": value}), 1)
