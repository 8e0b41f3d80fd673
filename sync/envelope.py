"""The batch envelope: compress, seal with HPKE to the centre, sign with the device key.

Wire layout (all lengths big-endian)::

    b"CIEB" | u8 format (1) | u32 header length | header | u32 ciphertext length | ciphertext | 64-byte signature

The header is the canonical JSON of `protocol.BatchHeader`; it is bound to the HPKE
seal as `info`, so a ciphertext moved under another header does not open. The device's
Ed25519 signature covers every byte before it (the framing, the header and the
ciphertext), so nothing can be changed without the signature failing.

`parse` turns any bytes into an `Envelope` or raises `EnvelopeError`; it never raises
anything else (the centre feeds it whatever the network brings; tests fuzz it).
"""

from __future__ import annotations

import hashlib
import io
import struct
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

import zstandard
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric import mlkem, x25519
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from sync import protocol
from sync.protocol import AuditHead, BatchHeader, ProtocolError, Record

MAGIC: Final = b"CIEB"
FORMAT: Final = 1
SIGNATURE_BYTES: Final = 64
MAX_HEADER_BYTES: Final = 4096
MAX_CIPHERTEXT_BYTES: Final = 32 * 1024 * 1024
_PREFIX = struct.Struct(">4sBI")
_LENGTH = struct.Struct(">I")
_X25519_PUBLIC_BYTES = 32
_MLKEM768_PUBLIC_BYTES = 1184
_COMPRESSION_LEVEL = 6


class EnvelopeError(ValueError):
    """An envelope that cannot be accepted. `code` is what the centre answers with."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


def _suite(kind: str) -> hpke.Suite:
    kem = hpke.KEM.MLKEM768_X25519 if kind == protocol.KEY_KIND_MLKEM768_X25519 else hpke.KEM.X25519
    return hpke.Suite(kem, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)


def fingerprint(public_bytes: bytes) -> str:
    """A public key's fingerprint as people compare it: 32 hex digits of SHA-256 in groups of 4."""
    digest = hashlib.sha256(public_bytes).hexdigest()[:32]
    return " ".join(digest[i : i + 4] for i in range(0, 32, 4))


def device_key_id(public_bytes: bytes) -> str:
    """The id of a device's Ed25519 key: derived from the key, so both sides agree on it."""
    return "dk-" + hashlib.sha256(public_bytes).hexdigest()[:24]


@dataclass(frozen=True)
class CentrePublicKey:
    """The centre's HPKE public key as the branch keeps it (`kind` decides the KEM)."""

    key_id: str
    kind: str
    public_bytes: bytes

    @property
    def suite(self) -> str:
        """The protocol suite name for this key."""
        return protocol.SUITE_FOR_KIND[self.kind]

    def _key(self) -> x25519.X25519PublicKey | hpke.MLKEM768X25519PublicKey:
        if self.kind == protocol.KEY_KIND_X25519:
            return x25519.X25519PublicKey.from_public_bytes(self.public_bytes)
        if self.kind == protocol.KEY_KIND_MLKEM768_X25519:
            if len(self.public_bytes) != _MLKEM768_PUBLIC_BYTES + _X25519_PUBLIC_BYTES:
                raise ValueError("an ML-KEM-768 + X25519 public key is 1216 bytes")
            return hpke.MLKEM768X25519PublicKey(
                mlkem.MLKEM768PublicKey.from_public_bytes(self.public_bytes[:_MLKEM768_PUBLIC_BYTES]),
                x25519.X25519PublicKey.from_public_bytes(self.public_bytes[_MLKEM768_PUBLIC_BYTES:]),
            )
        raise ValueError(f"unknown centre key kind {self.kind!r}")

    def check(self) -> None:
        """Raise ValueError when the bytes are not a key of this kind."""
        self._key()


@dataclass(frozen=True)
class CentrePrivateKey:
    """The centre's HPKE private key (kept only by the centre)."""

    key_id: str
    kind: str
    private_bytes: bytes  # x25519: 32 bytes; hybrid: 64-byte ML-KEM seed + 32-byte X25519

    @classmethod
    def generate(cls, key_id: str, kind: str = protocol.KEY_KIND_X25519) -> CentrePrivateKey:
        """A new key pair of `kind`."""
        x = x25519.X25519PrivateKey.generate().private_bytes_raw()
        if kind == protocol.KEY_KIND_X25519:
            return cls(key_id, kind, x)
        if kind == protocol.KEY_KIND_MLKEM768_X25519:
            return cls(key_id, kind, mlkem.MLKEM768PrivateKey.generate().private_bytes_raw() + x)
        raise ValueError(f"unknown centre key kind {kind!r}")

    def _key(self) -> x25519.X25519PrivateKey | hpke.MLKEM768X25519PrivateKey:
        if self.kind == protocol.KEY_KIND_X25519:
            return x25519.X25519PrivateKey.from_private_bytes(self.private_bytes)
        return hpke.MLKEM768X25519PrivateKey(
            mlkem.MLKEM768PrivateKey.from_seed_bytes(self.private_bytes[:64]),
            x25519.X25519PrivateKey.from_private_bytes(self.private_bytes[64:]),
        )

    def public_key(self) -> CentrePublicKey:
        """The public half, as published to branches."""
        key = self._key()
        if isinstance(key, x25519.X25519PrivateKey):
            public = key.public_key().public_bytes_raw()
        else:
            x_public = x25519.X25519PrivateKey.from_private_bytes(self.private_bytes[64:]).public_key()
            m_public = mlkem.MLKEM768PrivateKey.from_seed_bytes(self.private_bytes[:64]).public_key()
            public = m_public.public_bytes_raw() + x_public.public_bytes_raw()
        return CentrePublicKey(self.key_id, self.kind, public)


@dataclass(frozen=True)
class DeviceKey:
    """A branch device's Ed25519 signing key."""

    private_bytes: bytes

    @classmethod
    def generate(cls) -> DeviceKey:
        """A new random key."""
        return cls(Ed25519PrivateKey.generate().private_bytes_raw())

    @property
    def public_bytes(self) -> bytes:
        """The raw 32-byte public key the centre registers."""
        return Ed25519PrivateKey.from_private_bytes(self.private_bytes).public_key().public_bytes_raw()

    @property
    def key_id(self) -> str:
        """The key's id (see `device_key_id`)."""
        return device_key_id(self.public_bytes)

    def sign(self, message: bytes) -> bytes:
        """An Ed25519 signature of `message`."""
        return Ed25519PrivateKey.from_private_bytes(self.private_bytes).sign(message)


def verify_signature(public_bytes: bytes, message: bytes, signature: bytes) -> bool:
    """True when `signature` is the device key's Ed25519 signature of `message`."""
    try:
        Ed25519PublicKey.from_public_bytes(public_bytes).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True


def compress(plaintext: bytes) -> bytes:
    """zstd, level 6: a good ratio on JSON at a speed far below the network's cost."""
    return zstandard.ZstdCompressor(level=_COMPRESSION_LEVEL).compress(plaintext)


def decompress(data: bytes, limit: int = protocol.MAX_PAYLOAD_BYTES) -> bytes:
    """Undo `compress`, refusing anything that would grow beyond `limit` (a zip bomb)."""
    try:
        with zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data)) as reader:
            plaintext = reader.read(limit + 1)
    except zstandard.ZstdError as exc:
        raise EnvelopeError("payload_unreadable", "the payload is not valid zstd") from exc
    if len(plaintext) > limit:
        raise EnvelopeError("payload_too_large", "the payload is larger than a batch may be")
    return plaintext


@dataclass(frozen=True)
class Envelope:
    """A parsed envelope: what the centre checks, step by step."""

    header: BatchHeader
    header_bytes: bytes
    ciphertext: bytes
    signature: bytes
    signed_bytes: bytes

    def signature_valid(self, device_public_bytes: bytes) -> bool:
        """Whether the device key signed these exact bytes."""
        return verify_signature(device_public_bytes, self.signed_bytes, self.signature)

    def open(self, centre_key: CentrePrivateKey) -> list[Record]:
        """Decrypt, check the digest, decompress and parse the records."""
        if centre_key.key_id != self.header.centre_key_id:
            raise EnvelopeError("unknown_centre_key", "sealed to another centre key")
        if protocol.SUITE_FOR_KIND[centre_key.kind] != self.header.suite:
            raise EnvelopeError("unsupported_suite", "the suite does not match the centre key")
        try:
            compressed = _suite(centre_key.kind).decrypt(self.ciphertext, centre_key._key(), info=self.header_bytes)
        except Exception as exc:  # cryptography raises InvalidTag or ValueError kinds here
            raise EnvelopeError("payload_unopenable", "the payload does not open with the centre key") from exc
        if hashlib.sha256(compressed).hexdigest() != self.header.payload_sha256:
            raise EnvelopeError("digest_mismatch", "the payload does not match the header's digest")
        try:
            return protocol.decode_records(decompress(compressed), self.header.record_count)
        except ProtocolError as exc:
            raise EnvelopeError(exc.code, exc.detail) from exc


def parse(body: bytes) -> Envelope:
    """Split and check the framing and the header. Raises only `EnvelopeError`."""
    if len(body) < _PREFIX.size + _LENGTH.size + SIGNATURE_BYTES:
        raise EnvelopeError("malformed", "too short to be an envelope")
    magic, fmt, header_len = _PREFIX.unpack_from(body, 0)
    if magic != MAGIC or fmt != FORMAT:
        raise EnvelopeError("malformed", "not a CAM-IE batch envelope of a known format")
    if header_len > MAX_HEADER_BYTES:
        raise EnvelopeError("malformed", "header too long")
    offset = _PREFIX.size
    header_bytes = body[offset : offset + header_len]
    offset += header_len
    if len(body) < offset + _LENGTH.size + SIGNATURE_BYTES:
        raise EnvelopeError("malformed", "truncated")
    (ct_len,) = _LENGTH.unpack_from(body, offset)
    offset += _LENGTH.size
    if ct_len > MAX_CIPHERTEXT_BYTES or len(body) != offset + ct_len + SIGNATURE_BYTES:
        raise EnvelopeError("malformed", "lengths do not add up")
    try:
        header = BatchHeader.from_bytes(header_bytes)
    except ProtocolError as exc:
        raise EnvelopeError(exc.code, exc.detail) from exc
    return Envelope(
        header=header,
        header_bytes=header_bytes,
        ciphertext=body[offset : offset + ct_len],
        signature=body[offset + ct_len :],
        signed_bytes=body[: offset + ct_len],
    )


def seal(
    records: list[Record],
    *,
    batch_id: str,
    sequence: int,
    device_id: str,
    device_key: DeviceKey,
    centre_key: CentrePublicKey,
    created_at: str | None = None,
    audit_head: AuditHead | None = None,
) -> bytes:
    """Make the envelope for a batch: the exact bytes to send (and to resend after a crash).

    With `audit_head` (the branch's audit chain as it stands) the header is protocol
    version 2, which the centre witnesses; without it, version 1 (tools and old tests).
    """
    compressed = compress(protocol.encode_records(records))
    header = BatchHeader(
        suite=centre_key.suite,
        device_id=device_id,
        device_key_id=device_key.key_id,
        centre_key_id=centre_key.key_id,
        batch_id=batch_id,
        sequence=sequence,
        created_at=created_at or datetime.now(UTC).isoformat(timespec="milliseconds"),
        record_count=len(records),
        payload_sha256=hashlib.sha256(compressed).hexdigest(),
        version=1 if audit_head is None else protocol.PROTOCOL_VERSION,
        audit_head=audit_head,
    )
    header_bytes = header.to_bytes()
    ciphertext = _suite(centre_key.kind).encrypt(compressed, centre_key._key(), info=header_bytes)
    signed = _PREFIX.pack(MAGIC, FORMAT, len(header_bytes)) + header_bytes + _LENGTH.pack(len(ciphertext)) + ciphertext
    return signed + device_key.sign(signed)
