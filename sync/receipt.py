"""The registration receipt's QR code: a short signed text the centre can check.

    CAMIE-R1.<reference>.<record id>.<branch code>.<device key id>.<date>.<signature>

for example (one line)::

    CAMIE-R1.PNH-01-2026-000123-K.0193A1B2-C3D4-7E5F-8071-8293A4B5C6D7.PNH-01.
    DK-3F2A9C0B1D4E5F60718293A4.2026-11-24.<103 characters of base 32>

Everything is upper case and drawn from QR's *alphanumeric* set (0-9, A-Z, `-./` …), so
the code stays small (version 8, 49 modules, at error correction M) and reads from 80 mm
thermal paper. The signature is the branch device's Ed25519 signature (64 bytes, base 32
without padding) over `signed_bytes`: a domain tag, then the other fields in their
canonical form, one per line. The tag keeps a receipt signature from ever being taken for
a batch or status-request signature made with the same key. The device is named by its
key id (`sync.envelope.device_key_id`), not its device id, because a branch prints receipts
before it is enrolled and has no device id yet; the centre finds the device by the key.

Parsing is case-insensitive and tolerates surrounding white space (people type codes in);
anything else that is not exactly this format raises `ReceiptFormatError`.
See docs/receipt.md.
"""

from __future__ import annotations

import base64
import binascii
import re
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Final

from sync.envelope import DeviceKey, device_key_id, verify_signature

PREFIX: Final = "CAMIE-R1"
DOMAIN: Final = b"CAM-IE registration receipt v1\n"
SIGNATURE_BYTES: Final = 64
#: Longer than any well-formed receipt text; longer input is refused before it is looked at.
MAX_TEXT_LENGTH: Final = 400

_REFERENCE = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,47}(/[0-9]{1,4})?$")
_BRANCH_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,63}$")
_RECORD_ID = re.compile(r"^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$")
_KEY_ID = re.compile(r"^dk-[0-9a-f]{24}$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_SIGNATURE = re.compile(r"^[A-Z2-7]{103}$")


class ReceiptFormatError(ValueError):
    """Text that is not a CAM-IE receipt code (or a field in it that is not well formed)."""


@dataclass(frozen=True)
class ReceiptClaim:
    """What a receipt states, in canonical form: the fields the signature covers."""

    reference: str
    record_id: str  # lower case, with dashes
    branch_code: str
    key_id: str  # lower case: dk-…
    issued_on: date

    def __post_init__(self) -> None:
        _check(_REFERENCE.match(self.reference), "reference", self.reference)
        _check(_BRANCH_CODE.match(self.branch_code), "branch code", self.branch_code)
        _check(_KEY_ID.match(self.key_id), "key id", self.key_id)
        if self.record_id != _canonical_uuid(self.record_id):
            raise ReceiptFormatError("the record id is not a UUID in canonical form")

    @classmethod
    def of(cls, *, reference: str, record_id: str, branch_code: str, key_id: str, issued_on: date) -> ReceiptClaim:
        """A claim from values as the branch holds them (normalised: case, UUID form)."""
        return cls(
            reference=reference.strip().upper(),
            record_id=_canonical_uuid(record_id),
            branch_code=branch_code.strip().upper(),
            key_id=key_id.strip().lower(),
            issued_on=issued_on,
        )

    def signed_bytes(self) -> bytes:
        """The exact bytes the device signs: the domain tag, then each field on a line."""
        fields = (self.reference, self.record_id, self.branch_code, self.key_id, self.issued_on.isoformat())
        return DOMAIN + "\n".join(fields).encode("ascii")

    def sign(self, key: DeviceKey) -> SignedReceipt:
        """Sign with `key`, which must be the key this claim names."""
        if key.key_id != self.key_id:
            raise ValueError("the claim names another device key")
        return SignedReceipt(self, key.sign(self.signed_bytes()))


@dataclass(frozen=True)
class SignedReceipt:
    """A claim and the device's signature of it: what the QR code carries."""

    claim: ReceiptClaim
    signature: bytes

    def text(self) -> str:
        """The QR code's text (see the module docstring)."""
        c = self.claim
        signature = base64.b32encode(self.signature).decode("ascii").rstrip("=")
        return ".".join(
            (
                PREFIX,
                c.reference,
                c.record_id.upper(),
                c.branch_code,
                c.key_id.upper(),
                c.issued_on.isoformat(),
                signature,
            )
        )

    def verify(self, device_public_key: bytes) -> bool:
        """Whether `device_public_key` is the key the receipt names and it made the signature."""
        return device_key_id(device_public_key) == self.claim.key_id and verify_signature(
            device_public_key, self.claim.signed_bytes(), self.signature
        )


def sign(key: DeviceKey, *, reference: str, record_id: str, branch_code: str, issued_on: date) -> SignedReceipt:
    """The signed receipt for a registration, made with the device key `key`."""
    claim = ReceiptClaim.of(
        reference=reference, record_id=record_id, branch_code=branch_code, key_id=key.key_id, issued_on=issued_on
    )
    return claim.sign(key)


def parse(text: str) -> SignedReceipt:
    """Read a receipt code (as scanned or typed); raises `ReceiptFormatError` when it is not one.

    The signature is not checked here: that needs the device's public key (`SignedReceipt.verify`).
    """
    if len(text) > MAX_TEXT_LENGTH:
        raise ReceiptFormatError("too long to be a receipt code")
    parts = text.strip().upper().split(".")
    if len(parts) != 7 or parts[0] != PREFIX:
        raise ReceiptFormatError(f"a receipt code starts {PREFIX}. and has 7 parts separated by dots")
    _, reference, record_id, branch_code, key_id, issued, signature = parts
    _check(_RECORD_ID.match(record_id), "record id", record_id)
    _check(_DATE.match(issued), "date", issued)
    _check(_SIGNATURE.match(signature), "signature", "")
    try:
        issued_on = date.fromisoformat(issued)
    except ValueError as exc:
        raise ReceiptFormatError(f"the date {issued!r} does not exist") from exc
    try:
        raw_signature = base64.b32decode(signature + "=" * (-len(signature) % 8))
    except binascii.Error as exc:
        raise ReceiptFormatError("the signature is not base 32") from exc
    if len(raw_signature) != SIGNATURE_BYTES:
        raise ReceiptFormatError("the signature is not 64 bytes")
    claim = ReceiptClaim(
        reference=reference,
        record_id=_canonical_uuid(record_id),
        branch_code=branch_code,
        key_id=key_id.lower(),
        issued_on=issued_on,
    )
    return SignedReceipt(claim, raw_signature)


def _canonical_uuid(value: str) -> str:
    try:
        return str(uuid.UUID(value.strip()))
    except ValueError as exc:
        raise ReceiptFormatError("the record id is not a UUID") from exc


def _check(match: re.Match[str] | None, name: str, value: str) -> None:
    if match is None:
        shown = f" {value!r}" if value and len(value) <= 80 else ""
        raise ReceiptFormatError(f"the {name}{shown} is not well formed")
