"""Protocol version 2: the batch header carries the audit chain's head, signed with the rest;
the centre's answer acknowledges it. Version 1 batches (no head) still read."""

from __future__ import annotations

import json
import struct

import pytest

from sync import envelope, protocol
from sync.envelope import CentrePrivateKey, DeviceKey
from sync.ids import uuid7_str
from sync.protocol import AuditHead, BatchAnswer, BatchHeader, ProtocolError, Record, RecordResult

_CENTRE = CentrePrivateKey.generate("ck-test")
_DEVICE = DeviceKey.generate()
_HEAD = AuditHead(42, "3f" * 32)


def _record() -> Record:
    return Record(uuid7_str(), "cam_ie_registration", "2026.1", {"sex": "female"}, "2026-11-24T09:00:00+07:00", "t-1")


def _seal(head: AuditHead | None = _HEAD) -> bytes:
    return envelope.seal(
        [_record()],
        batch_id=uuid7_str(),
        sequence=3,
        device_id="dev-1",
        device_key=_DEVICE,
        centre_key=_CENTRE.public_key(),
        audit_head=head,
    )


def _reframe(body: bytes, header_bytes: bytes) -> bytes:
    """The envelope with another header and the original ciphertext and signature."""
    env = envelope.parse(body)
    return (
        b"CIEB\x01"
        + struct.pack(">I", len(header_bytes))
        + header_bytes
        + struct.pack(">I", len(env.ciphertext))
        + env.ciphertext
        + env.signature
    )


def test_a_batch_carries_the_audit_head_in_its_signed_header() -> None:
    env = envelope.parse(_seal())
    assert env.header.version == protocol.PROTOCOL_VERSION == 2
    assert env.header.audit_head == _HEAD
    assert json.loads(env.header_bytes)["audit_head"] == {"count": 42, "sha256": "3f" * 32}
    assert env.signature_valid(_DEVICE.public_bytes)
    assert len(env.open(_CENTRE)) == 1


@pytest.mark.parametrize(
    "changed",
    [AuditHead(41, "3f" * 32), AuditHead(42, "3e" + "3f" * 31), AuditHead(420, "3f" * 32)],
    ids=["count", "hash", "longer"],
)
def test_a_changed_audit_head_breaks_the_signature(changed: AuditHead) -> None:
    body = _seal()
    header = envelope.parse(body).header
    forged = _reframe(body, BatchHeader(**{**header.__dict__, "audit_head": changed}).to_bytes())
    env = envelope.parse(forged)  # a well-formed header…
    assert env.header.audit_head == changed
    assert not env.signature_valid(_DEVICE.public_bytes)  # …that the device did not sign
    with pytest.raises(envelope.EnvelopeError) as unopenable:  # and the seal is bound to the header too
        env.open(_CENTRE)
    assert unopenable.value.code == "payload_unopenable"


def test_a_version_1_batch_has_no_audit_head_and_still_reads() -> None:
    env = envelope.parse(_seal(None))
    assert (env.header.version, env.header.audit_head) == (1, None)
    assert "audit_head" not in json.loads(env.header_bytes)
    assert env.signature_valid(_DEVICE.public_bytes)


def _header_json(**changes: object) -> bytes:
    raw = json.loads(envelope.parse(_seal()).header_bytes)
    raw.update(changes)
    return protocol.canonical_json({k: v for k, v in raw.items() if v is not None})


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"audit_head": None}, "malformed"),  # version 2 without its head
        ({"version": 1}, "malformed"),  # version 1 with a head
        ({"version": 3}, "unsupported_version"),
        ({"audit_head": {"count": -1, "sha256": "3f" * 32}}, "malformed"),
        ({"audit_head": {"count": 1, "sha256": "3F" * 32}}, "malformed"),
        ({"audit_head": {"count": 1, "sha256": "3f" * 31}}, "malformed"),
        ({"audit_head": {"count": 1}}, "malformed"),
        ({"audit_head": {"count": 1, "sha256": "3f" * 32, "at": "x"}}, "malformed"),
        ({"audit_head": {"count": True, "sha256": "3f" * 32}}, "malformed"),
        ({"audit_head": [1, "3f" * 32]}, "malformed"),
    ],
)
def test_headers_with_a_wrong_audit_head_are_refused(changes: dict[str, object], code: str) -> None:
    with pytest.raises(ProtocolError) as refused:
        BatchHeader.from_bytes(_header_json(**changes))
    assert refused.value.code == code


def test_the_answer_acknowledges_the_head_and_round_trips() -> None:
    record_id = uuid7_str()
    answer = BatchAnswer(
        uuid7_str(), "2026-11-24T10:00:00.000+00:00", [RecordResult(record_id, "accepted", "C")], _HEAD
    )
    value = answer.to_json()
    assert value["audit_head"] == {"count": 42, "sha256": "3f" * 32}
    assert BatchAnswer.from_json(json.loads(json.dumps(value))) == answer
    plain = BatchAnswer(answer.batch_id, answer.received_at, answer.results)
    assert "audit_head" not in plain.to_json()
    assert BatchAnswer.from_json(plain.to_json()).audit_head is None
    with pytest.raises(ProtocolError):
        BatchAnswer.from_json({**value, "audit_head": {"count": "42", "sha256": "3f" * 32}})
