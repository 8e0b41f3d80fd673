"""The sync protocol's messages: batch header, records, the centre's answers, the status feed.

Both sides import this module: the branch client builds these messages and the
reference centre (`central/`) checks them, so there is one definition of the wire format.
Parsing is strict (exact keys, types and bounds) and fails only with `ProtocolError`,
whatever bytes arrive. docs/protocol.md describes the same format in prose.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

#: The version this code sends: 2 adds the audit chain's head to the header (`AuditHead`).
PROTOCOL_VERSION: Final = 2
#: Versions the centre still reads: 1 (no audit head) is a batch sealed before the upgrade,
#: resent byte for byte after it.
SUPPORTED_VERSIONS: Final = (1, 2)

#: HPKE suites (RFC 9180): the KEM is named by the centre's key; KDF and AEAD are fixed.
SUITE_X25519: Final = "DHKEM-X25519/HKDF-SHA256/AES-256-GCM"
SUITE_MLKEM768_X25519: Final = "MLKEM768-X25519/HKDF-SHA256/AES-256-GCM"
SUITES: Final = (SUITE_X25519, SUITE_MLKEM768_X25519)

#: Kinds of centre key, and the suite each one is used with.
KEY_KIND_X25519: Final = "x25519"
KEY_KIND_MLKEM768_X25519: Final = "mlkem768-x25519"
SUITE_FOR_KIND: Final = {KEY_KIND_X25519: SUITE_X25519, KEY_KIND_MLKEM768_X25519: SUITE_MLKEM768_X25519}

#: What one batch may hold; the centre refuses more (and the client never makes more).
MAX_RECORDS_PER_BATCH: Final = 5000
MAX_PAYLOAD_BYTES: Final = 64 * 1024 * 1024  # decompressed canonical JSON

#: Record states the centre answers with (`RecordResult.status`) and decides later (feed).
ACCEPTED: Final = "accepted"
DUPLICATE: Final = "duplicate"
REJECTED: Final = "rejected"
APPROVED: Final = "approved"
NEEDS_CORRECTION: Final = "needs_correction"
RESULT_STATUSES: Final = (ACCEPTED, DUPLICATE, REJECTED, NEEDS_CORRECTION)  # the last: a resent record sent back
FEED_STATUSES: Final = (APPROVED, NEEDS_CORRECTION, REJECTED)

_ID_TEXT = re.compile(r"[A-Za-z0-9._:-]{1,64}")
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})")
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


class ProtocolError(ValueError):
    """A message that does not follow the protocol. `code` names the rule it broke."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no spaces, UTF-8 kept: the same value always gives the same bytes."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False).encode()


def is_uuid7(text: object) -> bool:
    """True for a UUID version 7 in canonical lower-case text form."""
    if not isinstance(text, str) or len(text) != 36:
        return False
    try:
        value = uuid.UUID(text)
    except ValueError:
        return False
    return value.version == 7 and str(value) == text


def _object(value: object, keys: Sequence[str], what: str, optional: Sequence[str] = ()) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise ProtocolError("malformed", f"{what} is not an object")
    missing = [k for k in keys if k not in value]
    unknown = [k for k in value if k not in keys and k not in optional]
    if missing or unknown:
        raise ProtocolError("malformed", f"{what}: missing {missing}, unknown {unknown}")
    return value


def _text(value: object, what: str, pattern: re.Pattern[str] | None = None, max_len: int = 200) -> str:
    if not isinstance(value, str) or not value or len(value) > max_len:
        raise ProtocolError("malformed", f"{what} is not a text of 1..{max_len} characters")
    if pattern is not None and not pattern.fullmatch(value):
        raise ProtocolError("malformed", f"{what} has the wrong form")
    return value


def _count(value: object, what: str, low: int, high: int) -> int:
    if type(value) is not int or not low <= value <= high:
        raise ProtocolError("malformed", f"{what} is not a whole number in {low}..{high}")
    return value


def _uuid7(value: object, what: str) -> str:
    if not is_uuid7(value):
        raise ProtocolError("malformed", f"{what} is not a UUIDv7")
    assert isinstance(value, str)
    return value


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")  # NaN and Infinity: Python accepts them, JSON does not


def _json(data: bytes, what: str) -> Any:
    try:
        return json.loads(data, parse_constant=_refuse_constant)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ProtocolError("malformed", f"{what} is not JSON") from exc


@dataclass(frozen=True)
class AuditHead:
    """The branch's audit chain as it stood when a batch was sealed: how many entries it held
    and the hash of the last one (`GENESIS`'s zeros for an empty chain).

    The centre keeps every head it receives, per device, and acknowledges it in its answer;
    the branch keeps the acknowledgements, so a chain rewritten after a sync no longer leads
    to a hash the centre witnessed (docs/protocol.md, "The audit witness").
    """

    count: int
    sha256: str

    _KEYS = ("count", "sha256")

    def to_json(self) -> dict[str, Any]:
        """As a JSON object."""
        return {"count": self.count, "sha256": self.sha256}

    @classmethod
    def from_json(cls, value: object) -> AuditHead:
        """Parse and check: a whole number of entries and a lower-case SHA-256 hex digest."""
        raw = _object(value, cls._KEYS, "audit head")
        return cls(
            count=_count(raw["count"], "audit head count", 0, 2**53),
            sha256=_text(raw["sha256"], "audit head sha256", _SHA256_HEX),
        )


@dataclass(frozen=True)
class BatchHeader:
    """What the centre reads before it opens a batch. Bound to the ciphertext as HPKE `info`."""

    suite: str
    device_id: str
    device_key_id: str
    centre_key_id: str
    batch_id: str
    sequence: int
    created_at: str
    record_count: int
    payload_sha256: str
    version: int = PROTOCOL_VERSION
    audit_head: AuditHead | None = None  # version 2 on: required; version 1: absent

    _KEYS = (
        "version",
        "suite",
        "device_id",
        "device_key_id",
        "centre_key_id",
        "batch_id",
        "sequence",
        "created_at",
        "record_count",
        "payload_sha256",
    )

    def __post_init__(self) -> None:
        if self.version not in SUPPORTED_VERSIONS:
            raise ValueError(f"protocol version {self.version} is not spoken here")
        if (self.audit_head is None) != (self.version == 1):
            raise ValueError("a version 2 header carries the audit head, a version 1 header does not")

    def to_bytes(self) -> bytes:
        """The header's canonical JSON: what is bound as `info` and signed."""
        value: dict[str, Any] = {key: getattr(self, key) for key in self._KEYS}
        if self.audit_head is not None:
            value["audit_head"] = self.audit_head.to_json()
        return canonical_json(value)

    @classmethod
    def from_bytes(cls, data: bytes) -> BatchHeader:
        """Parse and check a header; the bytes must be exactly its canonical form."""
        value = _json(data, "header")
        if not isinstance(value, dict):
            raise ProtocolError("malformed", "header is not an object")
        version = _count(value.get("version"), "version", 0, 2**31)
        if version not in SUPPORTED_VERSIONS:
            raise ProtocolError("unsupported_version", f"protocol version {version} is not spoken here")
        raw = _object(value, cls._KEYS + (("audit_head",) if version >= 2 else ()), "header")
        if raw["suite"] not in SUITES:
            raise ProtocolError("unsupported_suite", "unknown cipher suite")
        header = cls(
            suite=raw["suite"],
            device_id=_text(raw["device_id"], "device_id", _ID_TEXT),
            device_key_id=_text(raw["device_key_id"], "device_key_id", _ID_TEXT),
            centre_key_id=_text(raw["centre_key_id"], "centre_key_id", _ID_TEXT),
            batch_id=_uuid7(raw["batch_id"], "batch_id"),
            sequence=_count(raw["sequence"], "sequence", 1, 2**53),
            created_at=_text(raw["created_at"], "created_at", _TIMESTAMP),
            record_count=_count(raw["record_count"], "record_count", 1, MAX_RECORDS_PER_BATCH),
            payload_sha256=_text(raw["payload_sha256"], "payload_sha256", _SHA256_HEX),
            version=version,
            audit_head=AuditHead.from_json(raw["audit_head"]) if version >= 2 else None,
        )
        if header.to_bytes() != data:
            raise ProtocolError("malformed", "header is not in canonical form")
        return header


@dataclass(frozen=True)
class Record:
    """One registration as it travels: made at capture, never changed afterwards."""

    id: str  # UUIDv7 made at capture: the record's idempotency key
    form_id: str
    form_version: str
    answers: Mapping[str, Any]
    captured_at: str
    captured_by: str  # the teller's account id (never a name)
    supersedes: str | None = None  # a correction names the record it replaces

    def to_json(self) -> dict[str, Any]:
        """The record as a JSON object (for the payload)."""
        value: dict[str, Any] = {
            "id": self.id,
            "form_id": self.form_id,
            "form_version": self.form_version,
            "answers": dict(self.answers),
            "captured_at": self.captured_at,
            "captured_by": self.captured_by,
        }
        if self.supersedes is not None:
            value["supersedes"] = self.supersedes
        return value

    @classmethod
    def from_json(cls, value: object) -> Record:
        """Check one record's shape (its answers are the form engine's business)."""
        keys = ("id", "form_id", "form_version", "answers", "captured_at", "captured_by")
        raw = _object(value, keys, "record", optional=("supersedes",))
        if not isinstance(raw["answers"], dict):
            raise ProtocolError("malformed", "record answers are not an object")
        supersedes = raw.get("supersedes")
        return cls(
            id=_uuid7(raw["id"], "record id"),
            form_id=_text(raw["form_id"], "form_id", _ID_TEXT),
            form_version=_text(raw["form_version"], "form_version", _ID_TEXT),
            answers=raw["answers"],
            captured_at=_text(raw["captured_at"], "captured_at", _TIMESTAMP),
            captured_by=_text(raw["captured_by"], "captured_by", _ID_TEXT),
            supersedes=None if supersedes is None else _uuid7(supersedes, "supersedes"),
        )


def encode_records(records: Sequence[Record]) -> bytes:
    """The payload's plaintext before compression: canonical JSON of `{"records": [...]}`.

    Encoded record by record and joined (the same bytes as encoding the whole object at
    once) so the GIL is let go between records: the window's thread never waits on one
    long encoding call.
    """
    return b'{"records":[' + b",".join(canonical_json(r.to_json()) for r in records) + b"]}"


def decode_records(data: bytes, expected_count: int) -> list[Record]:
    """Parse a payload's plaintext; the count must match the header's."""
    raw = _object(_json(data, "payload"), ("records",), "payload")
    items = raw["records"]
    if not isinstance(items, list):
        raise ProtocolError("malformed", "records is not a list")
    if len(items) != expected_count:
        raise ProtocolError("count_mismatch", "the payload does not hold the number of records the header says")
    records = [Record.from_json(item) for item in items]
    if len({r.id for r in records}) != len(records):
        raise ProtocolError("malformed", "a record id appears twice in one batch")
    return records


@dataclass(frozen=True)
class Message:
    """A reason told to people, in both of the product's languages."""

    km: str
    en: str

    def to_json(self) -> dict[str, str]:
        """As a JSON object."""
        return {"km": self.km, "en": self.en}

    @classmethod
    def from_json(cls, value: object) -> Message:
        """Parse; both languages must be there."""
        raw = _object(value, ("km", "en"), "message")
        return cls(km=_text(raw["km"], "message km", max_len=2000), en=_text(raw["en"], "message en", max_len=2000))

    def in_language(self, lang: str) -> str:
        """The text for `lang` ("km" or "en"; anything else gets English)."""
        return self.km if lang == "km" else self.en


@dataclass(frozen=True)
class RecordResult:
    """The centre's answer for one record of a batch."""

    record_id: str
    status: str  # accepted | duplicate | rejected | needs_correction (a resend of a record sent back since)
    cam_ie_number: str | None = None  # accepted, and duplicate of an accepted record id
    duplicate_of: str | None = None  # probable duplicate: the other registration's number
    reason_code: str | None = None  # rejected, or flagged as a probable duplicate
    message: Message | None = None
    fields: Mapping[str, Message] = field(default_factory=dict)  # per-field problems

    def to_json(self) -> dict[str, Any]:
        """As a JSON object (absent values left out)."""
        value: dict[str, Any] = {"record_id": self.record_id, "status": self.status}
        for key in ("cam_ie_number", "duplicate_of", "reason_code"):
            if getattr(self, key) is not None:
                value[key] = getattr(self, key)
        if self.message is not None:
            value["message"] = self.message.to_json()
        if self.fields:
            value["fields"] = {name: m.to_json() for name, m in self.fields.items()}
        return value

    @classmethod
    def from_json(cls, value: object) -> RecordResult:
        """Parse one result."""
        optional = ("cam_ie_number", "duplicate_of", "reason_code", "message", "fields")
        raw = _object(value, ("record_id", "status"), "result", optional=optional)
        if raw["status"] not in RESULT_STATUSES:
            raise ProtocolError("malformed", "unknown result status")
        fields_raw = raw.get("fields", {})
        if not isinstance(fields_raw, dict):
            raise ProtocolError("malformed", "result fields are not an object")
        return cls(
            record_id=_uuid7(raw["record_id"], "record_id"),
            status=raw["status"],
            cam_ie_number=_optional_text(raw, "cam_ie_number"),
            duplicate_of=_optional_text(raw, "duplicate_of"),
            reason_code=_optional_text(raw, "reason_code"),
            message=Message.from_json(raw["message"]) if "message" in raw else None,
            fields={str(k): Message.from_json(v) for k, v in fields_raw.items()},
        )


def _optional_text(raw: Mapping[str, Any], key: str) -> str | None:
    return _text(raw[key], key) if key in raw else None


@dataclass(frozen=True)
class BatchAnswer:
    """The centre's answer to a batch: one result per record, in the batch's order, and (to
    a version 2 batch) the audit head it received and now keeps: its acknowledgement."""

    batch_id: str
    received_at: str
    results: Sequence[RecordResult]
    audit_head: AuditHead | None = None

    def to_json(self) -> dict[str, Any]:
        """As a JSON object (`audit_head` left out when there is none)."""
        value: dict[str, Any] = {
            "batch_id": self.batch_id,
            "received_at": self.received_at,
            "results": [r.to_json() for r in self.results],
        }
        if self.audit_head is not None:
            value["audit_head"] = self.audit_head.to_json()
        return value

    @classmethod
    def from_json(cls, value: object) -> BatchAnswer:
        """Parse an answer."""
        raw = _object(value, ("batch_id", "received_at", "results"), "answer", optional=("audit_head",))
        if not isinstance(raw["results"], list):
            raise ProtocolError("malformed", "results is not a list")
        return cls(
            batch_id=_uuid7(raw["batch_id"], "batch_id"),
            received_at=_text(raw["received_at"], "received_at", _TIMESTAMP),
            results=[RecordResult.from_json(item) for item in raw["results"]],
            audit_head=AuditHead.from_json(raw["audit_head"]) if "audit_head" in raw else None,
        )


@dataclass(frozen=True)
class FeedEntry:
    """A decision the centre made after answering a batch (status feed)."""

    cursor: int
    record_id: str
    status: str  # approved | needs_correction | rejected
    decided_at: str
    cam_ie_number: str | None = None
    reason_code: str | None = None
    message: Message | None = None

    def to_json(self) -> dict[str, Any]:
        """As a JSON object."""
        value: dict[str, Any] = {
            "cursor": self.cursor,
            "record_id": self.record_id,
            "status": self.status,
            "decided_at": self.decided_at,
        }
        if self.cam_ie_number is not None:
            value["cam_ie_number"] = self.cam_ie_number
        if self.reason_code is not None:
            value["reason_code"] = self.reason_code
        if self.message is not None:
            value["message"] = self.message.to_json()
        return value

    @classmethod
    def from_json(cls, value: object) -> FeedEntry:
        """Parse one feed entry."""
        keys = ("cursor", "record_id", "status", "decided_at")
        raw = _object(value, keys, "feed entry", optional=("cam_ie_number", "reason_code", "message"))
        if raw["status"] not in FEED_STATUSES:
            raise ProtocolError("malformed", "unknown feed status")
        return cls(
            cursor=_count(raw["cursor"], "cursor", 1, 2**53),
            record_id=_uuid7(raw["record_id"], "record_id"),
            status=raw["status"],
            decided_at=_text(raw["decided_at"], "decided_at", _TIMESTAMP),
            cam_ie_number=_optional_text(raw, "cam_ie_number"),
            reason_code=_optional_text(raw, "reason_code"),
            message=Message.from_json(raw["message"]) if "message" in raw else None,
        )
