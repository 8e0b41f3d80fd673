"""The database key and the ways it is wrapped: password slots, the recovery key, the manager key.

The store is encrypted with one random 256-bit key. That key is never written in clear.
Each account holds a *key slot* with an X25519 key pair of its own: the private half is
sealed with AES-256-GCM under a key derived from the account's password with Argon2id
(the recovery slot's under HKDF of the recovery key, which already has full entropy), and
the database key is sealed to the public half with HPKE. Anyone holding the database key
can therefore seal a *new* database key to every slot without knowing any password: that
is what re-keying the store needs (`slots.KeySlotFile.begin_rekey`). The slot's identity,
KDF parameters and public key are bound as associated data, so a slot edited on disk does
not open. Slots of the first format (the database key itself under the password) are
still read, and rewritten in this format at their owner's next sign-in.

The *manager key* is an Ed25519 key pair: its public half is kept in the store, so every
account can check a signature, and its private half is sealed only to managers' slots, so
only a manager can make one (`signatures`, `roles`).
"""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
import time
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from branch_client.store.errors import InvalidRecoveryKey

if TYPE_CHECKING:  # cryptography is imported when first used: the sign-in screen starts sooner
    from cryptography.hazmat.primitives import hpke

KEY_BYTES = 32
PASSWORD_MIN_LENGTH = 8
PASSWORD_MAX_LENGTH = 256

# OWASP's floor for Argon2id is m=19 MiB, t=2; we never go below 64 MiB and t=2.
MIN_MEMORY_KIB = 64 * 1024
MIN_ITERATIONS = 2
TARGET_UNLOCK_SECONDS = 0.3
MAX_ITERATIONS = 12


class SlotDoesNotOpen(Exception):
    """The secret offered does not unwrap this slot (wrong password or tampered slot)."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters, stored beside each slot so they can be raised later."""

    memory_kib: int = MIN_MEMORY_KIB
    iterations: int = 3
    lanes: int = 1

    def check(self) -> None:
        """Refuse parameters below the policy floor (a slot edited to be cheap to attack)."""
        if self.memory_kib < MIN_MEMORY_KIB or self.iterations < MIN_ITERATIONS:
            raise SlotDoesNotOpen("KDF parameters below the policy floor")
        if not 1 <= self.lanes <= 16 or self.iterations > 64 or self.memory_kib > 4 * 1024 * 1024:
            raise SlotDoesNotOpen("KDF parameters out of range")


def calibrate_kdf(target_seconds: float = TARGET_UNLOCK_SECONDS) -> KdfParams:
    """Parameters that take about `target_seconds` on this machine, never below the floor.

    Run once at branch set-up; the slots remember their parameters, so a faster PC later
    still opens them.
    """

    def timed(iterations: int) -> float:
        started = time.perf_counter()
        _argon2(KdfParams(iterations=iterations), b"calibration", os.urandom(16))
        return time.perf_counter() - started

    timed(MIN_ITERATIONS)  # warm-up: the first run also pays for allocating the memory
    # Time grows linearly with the iterations: fixed cost + per-iteration cost.
    low, high = timed(MIN_ITERATIONS), timed(2 * MIN_ITERATIONS)
    per_iteration = max((high - low) / MIN_ITERATIONS, 1e-6)
    wanted = MIN_ITERATIONS + round((target_seconds - low) / per_iteration)
    return KdfParams(iterations=max(MIN_ITERATIONS, min(MAX_ITERATIONS, wanted)))


def new_database_key() -> bytes:
    """A fresh random 256-bit database key."""
    return secrets.token_bytes(KEY_BYTES)


def normalise_password(password: str) -> bytes:
    """Passwords are NFC-normalised: the same password typed on another keyboard still matches."""
    return unicodedata.normalize("NFC", password).encode("utf-8")


def _argon2(params: KdfParams, secret: bytes, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(secret)


def spend_like_an_unlock(params: KdfParams) -> None:
    """Do the work of an unlock for nothing, so an unknown username costs the same time."""
    _argon2(params, b"decoy", b"\0" * 16)


def _hkdf(secret: bytes, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    kdf = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=b"cam-ie recovery slot v1")
    return kdf.derive(secret)


@dataclass(frozen=True)
class WrappedKey:
    """The database key sealed under one secret: what a key slot stores."""

    salt: bytes
    nonce: bytes
    ciphertext: bytes


def wrap_with_password(database_key: bytes, password: str, params: KdfParams, associated_data: bytes) -> WrappedKey:
    """Seal the database key under Argon2id(password)."""
    salt = os.urandom(16)
    kek = _argon2(params, normalise_password(password), salt)
    return _seal(kek, salt, database_key, associated_data)


def unwrap_with_password(wrapped: WrappedKey, password: str, params: KdfParams, associated_data: bytes) -> bytes:
    """The database key, or `SlotDoesNotOpen`."""
    params.check()
    kek = _argon2(params, normalise_password(password), wrapped.salt)
    return _open(kek, wrapped, associated_data)


def wrap_with_recovery(database_key: bytes, recovery: RecoveryKey, associated_data: bytes) -> WrappedKey:
    """Seal the database key under the recovery key."""
    salt = os.urandom(16)
    return _seal(_hkdf(recovery.secret, salt), salt, database_key, associated_data)


def unwrap_with_recovery(wrapped: WrappedKey, recovery: RecoveryKey, associated_data: bytes) -> bytes:
    """The database key, or `SlotDoesNotOpen`."""
    return _open(_hkdf(recovery.secret, wrapped.salt), wrapped, associated_data)


def _seal(kek: bytes, salt: bytes, database_key: bytes, associated_data: bytes) -> WrappedKey:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    return WrappedKey(salt, nonce, AESGCM(kek).encrypt(nonce, database_key, associated_data))


def _open(kek: bytes, wrapped: WrappedKey, associated_data: bytes) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        key = AESGCM(kek).decrypt(wrapped.nonce, wrapped.ciphertext, associated_data)
    except (InvalidTag, ValueError) as exc:
        raise SlotDoesNotOpen("authentication failed") from exc
    if len(key) != KEY_BYTES:
        raise SlotDoesNotOpen("unexpected key length")
    return key


# --- the recovery key -------------------------------------------------------------------

# Crockford's base32: no I, L, O or U, so a key read aloud or copied by hand survives.
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DECODE = {c: i for i, c in enumerate(_ALPHABET)} | {"I": 1, "L": 1, "O": 0}
_SECRET_BYTES = 16
_CHECK_BYTES = 4


@dataclass(frozen=True)
class RecoveryKey:
    """A 128-bit secret with a 32-bit checksum, written as 8 groups of 4 characters."""

    secret: bytes

    @classmethod
    def generate(cls) -> RecoveryKey:
        """A new random recovery key."""
        return cls(secrets.token_bytes(_SECRET_BYTES))

    def __str__(self) -> str:
        raw = self.secret + _checksum(self.secret)
        number = int.from_bytes(raw, "big")
        chars = [_ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(len(raw) * 8 // 5))]
        text = "".join(chars)
        return "-".join(text[i : i + 4] for i in range(0, len(text), 4))

    def __repr__(self) -> str:  # never print the secret by accident
        return "RecoveryKey(<hidden>)"

    @classmethod
    def parse(cls, text: str) -> RecoveryKey:
        """Read a typed recovery key; tolerant of case, spaces, dashes and I/L/O look-alikes."""
        cleaned = "".join(c for c in text.upper() if c not in " -\t\r\n\u200b")
        total_chars = (_SECRET_BYTES + _CHECK_BYTES) * 8 // 5
        if len(cleaned) != total_chars or any(c not in _DECODE for c in cleaned):
            raise InvalidRecoveryKey("recovery key has the wrong length or characters")
        number = 0
        for c in cleaned:
            number = (number << 5) | _DECODE[c]
        raw = number.to_bytes(_SECRET_BYTES + _CHECK_BYTES, "big")
        secret, check = raw[:_SECRET_BYTES], raw[_SECRET_BYTES:]
        if not secrets.compare_digest(check, _checksum(secret)):
            raise InvalidRecoveryKey("recovery key checksum does not match (typing mistake)")
        return cls(secret)


def _checksum(secret: bytes) -> bytes:
    return hashlib.sha256(b"cam-ie recovery check" + secret).digest()[:_CHECK_BYTES]


def b64(data: bytes) -> str:
    """Bytes as standard base64 text (for the JSON slot file)."""
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    """Base64 text back to bytes; `ValueError` on anything else."""
    return base64.b64decode(text.encode("ascii"), validate=True)


# --- sealing to a slot's public key (key-slot format 2) ----------------------------------


def new_slot_key_pair() -> tuple[bytes, bytes]:
    """A fresh X25519 key pair for a key slot: (private, public), 32 bytes each."""
    from cryptography.hazmat.primitives.asymmetric import x25519

    private = x25519.X25519PrivateKey.generate()
    return private.private_bytes_raw(), private.public_key().public_bytes_raw()


def slot_public_key(private_key: bytes) -> bytes:
    """The X25519 public key of a slot's private key."""
    from cryptography.hazmat.primitives.asymmetric import x25519

    return x25519.X25519PrivateKey.from_private_bytes(private_key).public_key().public_bytes_raw()


def _hpke_suite() -> hpke.Suite:
    from cryptography.hazmat.primitives import hpke

    return hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)


def seal_to(public_key: bytes, secret: bytes, info: bytes) -> bytes:
    """`secret` sealed with HPKE (X25519, HKDF-SHA256, AES-256-GCM) to a slot's public key.

    Needs no password: this is how a manager gives a new database key or the manager key
    to an account that is not there.
    """
    from cryptography.hazmat.primitives.asymmetric import x25519

    suite = _hpke_suite()
    recipient = x25519.X25519PublicKey.from_public_bytes(public_key)
    return suite.encrypt(secret, recipient, info=info)


def open_sealed(private_key: bytes, sealed: bytes, info: bytes) -> bytes:
    """What `seal_to` sealed, or `SlotDoesNotOpen` (another key, other `info`, edited bytes)."""
    from cryptography.hazmat.primitives.asymmetric import x25519

    suite = _hpke_suite()
    try:
        opened = suite.decrypt(sealed, x25519.X25519PrivateKey.from_private_bytes(private_key), info=info)
    except Exception as exc:  # cryptography raises InvalidTag or ValueError kinds here
        raise SlotDoesNotOpen("sealed secret does not open") from exc
    if len(opened) != KEY_BYTES:
        raise SlotDoesNotOpen("unexpected sealed secret length")
    return opened


# --- the manager key ----------------------------------------------------------------------


@dataclass(frozen=True)
class RoleKey:
    """The branch's manager key: an Ed25519 signing key (its 32-byte seed).

    It signs every account row and the branch's policies; its public half is in the
    store, its private half only in managers' key slots.
    """

    seed: bytes

    @classmethod
    def generate(cls) -> RoleKey:
        """A new random manager key."""
        return cls(secrets.token_bytes(KEY_BYTES))

    @property
    def public_bytes(self) -> bytes:
        """The raw 32-byte Ed25519 public key, which anyone may use to check a signature."""
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        return Ed25519PrivateKey.from_private_bytes(self.seed).public_key().public_bytes_raw()

    def sign(self, message: bytes) -> bytes:
        """The Ed25519 signature of `message`."""
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        return Ed25519PrivateKey.from_private_bytes(self.seed).sign(message)

    def __repr__(self) -> str:  # never print the secret by accident
        return "RoleKey(<hidden>)"


def signature_valid(public_key: bytes, message: bytes, signature: bytes | None) -> bool:
    """Whether `signature` is the Ed25519 signature of `message` by `public_key`."""
    if not signature:
        return False
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True
