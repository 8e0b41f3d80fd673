"""The key-slot file: everything needed to unlock the store, and nothing that opens it.

`keyslots.json` sits beside the encrypted database. It names the branch (so the login
screen can greet it), and holds one slot per account plus the recovery slot, each with
its failed-login counter. The counters live here, outside the database, because a wrong
password cannot open the database to record anything; failed attempts wait here until
the next successful login writes them into the audit log.

Format 2 (see `keys`): each slot has an X25519 key pair whose private half its password
(or the recovery key) unwraps; the database key is sealed to its public half, and so is
the manager key in managers' slots. A format-1 slot (the database key itself under the
password) is still read; its owner's next sign-in rewrites it. While the store is being
re-keyed, every slot also holds the *next* database key (`sealed_next_key`): the file is
written with both before the database changes key and with the new one alone after, so a
crash at any instant leaves a file that opens the database whichever key it has.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from branch_client.store.errors import AccountLocked, RecoveryLocked, StoreCorrupt, StoreMissing
from branch_client.store.files import known_os_error, write_atomic
from branch_client.store.keys import (
    KdfParams,
    RecoveryKey,
    SlotDoesNotOpen,
    WrappedKey,
    b64,
    new_slot_key_pair,
    open_sealed,
    seal_to,
    slot_public_key,
    unb64,
    unwrap_with_password,
    unwrap_with_recovery,
    wrap_with_password,
    wrap_with_recovery,
)

FORMAT_VERSION = 2
READABLE_FORMATS = (1, 2)  # 1: before issue 15 (no key pairs); its slots are rewritten at sign-in
RECOVERY_SLOT_ID = "recovery"
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=5)


@dataclass(frozen=True)
class BranchInfo:
    """What the login screen may show before anyone is signed in."""

    code: str
    name: str


@dataclass(frozen=True)
class OpenedSlot:
    """What a slot gave up to its password or recovery key."""

    keys: tuple[bytes, ...]  # database keys to try, in order: the current one, then a re-key's next one
    role_seed: bytes | None  # the manager key (managers' format-2 slots only)


@dataclass
class KeySlot:
    """One way to unwrap the database key, with its brute-force counter.

    Format 2 (`public_key` set): `wrapped` is the slot's X25519 private key; the database
    key (`sealed_key`), a re-key's next key and the manager key are sealed to `public_key`.
    Format 1 (`public_key` None): `wrapped` is the database key itself.
    """

    slot_id: str  # the account id, or "recovery"
    kind: str  # "password" or "recovery"
    username: str | None
    kdf: KdfParams | None
    wrapped: WrappedKey
    failed_count: int = 0
    locked_until: datetime | None = None
    unaudited_failures: list[str] = field(default_factory=list)  # ISO times, UTC
    public_key: bytes | None = None
    sealed_key: bytes | None = None
    sealed_next_key: bytes | None = None  # only while a re-key is under way
    sealed_role_key: bytes | None = None  # only in managers' slots

    @property
    def is_legacy(self) -> bool:
        """A format-1 slot: it cannot be given a new database key without its password."""
        return self.public_key is None

    def associated_data(self, store_id: str) -> bytes:
        """What the slot's AES-GCM tag binds: moving or editing a slot breaks it."""
        if self.public_key is None:
            return slot_associated_data(store_id, self.slot_id, self.kind, self.username, self.kdf)
        return slot_associated_data(store_id, self.slot_id, self.kind, self.username, self.kdf, self.public_key)

    def open_with_password(self, password: str, store_id: str) -> OpenedSlot:
        """Everything this slot holds, or `SlotDoesNotOpen` (wrong password, edited slot)."""
        if self.kdf is None:
            raise SlotDoesNotOpen("not a password slot")
        return self._opened(
            unwrap_with_password(self.wrapped, password, self.kdf, self.associated_data(store_id)), store_id
        )

    def open_with_recovery(self, recovery: RecoveryKey, store_id: str) -> OpenedSlot:
        """Everything the recovery slot holds, or `SlotDoesNotOpen`."""
        return self._opened(unwrap_with_recovery(self.wrapped, recovery, self.associated_data(store_id)), store_id)

    def _opened(self, inner: bytes, store_id: str) -> OpenedSlot:
        if self.public_key is None:
            return OpenedSlot((inner,), None)
        # The secret opened, so the password was right: a seal that does not open was edited.
        # Without the database key nothing opens; a next key or a manager key that does not
        # open is left out (the database tells which key it has; a manager without the
        # manager key makes a new one), so an edited seal cannot lock a manager out.
        try:
            if slot_public_key(inner) != self.public_key or self.sealed_key is None:
                raise SlotDoesNotOpen("the slot's key pair does not match")
            keys = [open_sealed(inner, self.sealed_key, self._info(store_id, _DATABASE_KEY))]
        except SlotDoesNotOpen as exc:
            raise StoreCorrupt("the database key sealed in the key slot does not open") from exc
        if self.sealed_next_key is not None:
            with contextlib.suppress(SlotDoesNotOpen):
                keys.append(open_sealed(inner, self.sealed_next_key, self._info(store_id, _DATABASE_KEY)))
        role = None
        if self.sealed_role_key is not None:
            with contextlib.suppress(SlotDoesNotOpen):
                role = open_sealed(inner, self.sealed_role_key, self._info(store_id, _ROLE_KEY))
        return OpenedSlot(tuple(keys), role)

    def seal_key(self, key: bytes, store_id: str) -> None:
        """Seal the database key in force to this (format-2) slot."""
        self.sealed_key = seal_to(self._public(), key, self._info(store_id, _DATABASE_KEY))

    def seal_next_key(self, key: bytes, store_id: str) -> None:
        """Seal a re-key's new database key to this (format-2) slot, beside the current one."""
        self.sealed_next_key = seal_to(self._public(), key, self._info(store_id, _DATABASE_KEY))

    def seal_role_key(self, seed: bytes | None, store_id: str) -> None:
        """Give this (manager's, format-2) slot the manager key; None takes it away."""
        self.sealed_role_key = None if seed is None else seal_to(self._public(), seed, self._info(store_id, _ROLE_KEY))

    def _public(self) -> bytes:
        if self.public_key is None:
            raise ValueError("a format-1 slot cannot be sealed to")
        return self.public_key

    def _info(self, store_id: str, what: str) -> bytes:
        return f"cam-ie-seal|v2|{store_id}|{self.slot_id}|{what}".encode()

    def raise_if_locked(self, now: datetime) -> None:
        """`AccountLocked` (or `RecoveryLocked`) while failed attempts lock this slot."""
        if self.locked_until is not None and now < self.locked_until:
            raise (RecoveryLocked if self.kind == "recovery" else AccountLocked)(self.locked_until)

    def record_failure(self, now: datetime) -> None:
        """Count one failed attempt; the fifth in a row locks the slot for five minutes."""
        if self.locked_until is not None and now >= self.locked_until:
            self.failed_count = 0
            self.locked_until = None
        self.failed_count += 1
        self.unaudited_failures.append(now.isoformat())
        if self.failed_count >= MAX_FAILED_LOGINS:
            self.locked_until = now + LOCKOUT

    def record_success(self) -> None:
        """A successful unlock clears the counter."""
        self.failed_count = 0
        self.locked_until = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.slot_id,
            "kind": self.kind,
            "username": self.username,
            "kdf": None
            if self.kdf is None
            else {
                "name": "argon2id",
                "memory_kib": self.kdf.memory_kib,
                "iterations": self.kdf.iterations,
                "lanes": self.kdf.lanes,
            },
            "salt": b64(self.wrapped.salt),
            "nonce": b64(self.wrapped.nonce),
            "wrapped_key": b64(self.wrapped.ciphertext),
            "failed_count": self.failed_count,
            "locked_until": None if self.locked_until is None else self.locked_until.isoformat(),
            "unaudited_failures": self.unaudited_failures,
        } | (
            {}
            if self.public_key is None
            else {
                "public_key": b64(self.public_key),
                "sealed_key": _b64_or_none(self.sealed_key),
                "sealed_next_key": _b64_or_none(self.sealed_next_key),
                "sealed_role_key": _b64_or_none(self.sealed_role_key),
            }
        )

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KeySlot:
        kdf_data = data["kdf"]
        kdf = (
            None
            if kdf_data is None
            else KdfParams(
                memory_kib=int(kdf_data["memory_kib"]),
                iterations=int(kdf_data["iterations"]),
                lanes=int(kdf_data["lanes"]),
            )
        )
        locked = data.get("locked_until")
        return cls(
            slot_id=str(data["id"]),
            kind=str(data["kind"]),
            username=None if data["username"] is None else str(data["username"]),
            kdf=kdf,
            wrapped=WrappedKey(unb64(data["salt"]), unb64(data["nonce"]), unb64(data["wrapped_key"])),
            failed_count=int(data.get("failed_count", 0)),
            locked_until=None if locked is None else datetime.fromisoformat(locked),
            unaudited_failures=[str(t) for t in data.get("unaudited_failures", [])],
            public_key=_unb64_or_none(data.get("public_key")),
            sealed_key=_unb64_or_none(data.get("sealed_key")),
            sealed_next_key=_unb64_or_none(data.get("sealed_next_key")),
            sealed_role_key=_unb64_or_none(data.get("sealed_role_key")),
        )


@dataclass
class KeySlotFile:
    """The parsed `keyslots.json` of one branch store."""

    path: Path
    store_id: str
    branch_code: str
    branch_name: str
    created_at: str
    slots: dict[str, KeySlot]

    @classmethod
    def load(cls, path: Path) -> KeySlotFile:
        """Read the slot file; `StoreMissing` / `StoreCorrupt` / `StoreUnreadable` otherwise."""
        try:
            raw = path.read_bytes()
        except FileNotFoundError as exc:
            raise StoreMissing("key-slot file is missing") from exc
        except OSError as exc:
            raise known_os_error(exc, writing=False) from exc
        try:
            data = json.loads(raw)
            if data.get("format") not in READABLE_FORMATS:
                raise ValueError(f"unknown key-slot format {data.get('format')!r}")
            slots = [KeySlot.from_json(s) for s in data["slots"]]
            return cls(
                path=path,
                store_id=str(data["store_id"]),
                branch_code=str(data["branch"]["code"]),
                branch_name=str(data["branch"]["name"]),
                created_at=str(data["created_at"]),
                slots={s.slot_id: s for s in slots},
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise StoreCorrupt(f"key-slot file cannot be read: {type(exc).__name__}") from exc

    def save(self) -> None:
        """Write the file atomically (a crash leaves the previous version)."""
        data = {
            "format": FORMAT_VERSION,
            "store_id": self.store_id,
            "branch": {"code": self.branch_code, "name": self.branch_name},
            "created_at": self.created_at,
            "slots": [s.to_json() for s in self.slots.values()],
        }
        write_atomic(self.path, json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8"))

    def slot_for_username(self, username: str) -> KeySlot | None:
        """The password slot of a normalised `username`, if any."""
        for slot in self.slots.values():
            if slot.kind == "password" and slot.username == username:
                return slot
        return None

    def strongest_kdf(self) -> KdfParams | None:
        """The costliest Argon2id parameters in use (new slots and decoys use them)."""
        existing = [s.kdf for s in self.slots.values() if s.kdf is not None]
        return max(existing, key=lambda p: (p.memory_kib * p.iterations, p.lanes)) if existing else None

    def prune(self, account_ids: set[str]) -> bool:
        """Drop password slots whose account does not exist; True if any were dropped.

        Such a slot is left when a crash falls between writing the slot file and
        committing the new account: it can open nothing, but would hold its username.
        """
        orphans = [i for i, s in self.slots.items() if s.kind == "password" and i not in account_ids]
        for slot_id in orphans:
            del self.slots[slot_id]
        return bool(orphans)

    @property
    def rekey_pending(self) -> bool:
        """Whether a re-key was begun and not committed (slots hold a next key)."""
        return any(s.sealed_next_key is not None for s in self.slots.values())

    @property
    def all_legacy(self) -> bool:
        """Whether no slot has the format of this version yet: a store whose roles were
        never signed (see `roles.check_sign_in`)."""
        return all(s.is_legacy for s in self.slots.values())

    def begin_rekey(self, next_key: bytes) -> list[str]:
        """Seal `next_key` beside the current key in every format-2 slot; returns the ids
        of the format-1 password slots, which cannot take it and are dropped (their
        accounts need a new password). A format-1 recovery slot is the caller's to replace."""
        dropped = [i for i, s in self.slots.items() if s.is_legacy and s.kind == "password"]
        for slot_id in dropped:
            del self.slots[slot_id]
        for slot in self.slots.values():
            if not slot.is_legacy:
                slot.seal_next_key(next_key, self.store_id)
        return dropped

    def commit_rekey(self) -> None:
        """The database has the next key: it becomes every slot's key; a slot without it
        (which could only open the old key) is dropped."""
        for slot_id in [i for i, s in self.slots.items() if s.sealed_next_key is None]:
            del self.slots[slot_id]
        for slot in self.slots.values():
            slot.sealed_key, slot.sealed_next_key = slot.sealed_next_key, None

    @property
    def recovery_slot(self) -> KeySlot:
        """The recovery slot (every store has one)."""
        try:
            return self.slots[RECOVERY_SLOT_ID]
        except KeyError as exc:
            raise StoreCorrupt("the recovery slot is missing") from exc

    def take_unaudited_failures(self) -> list[tuple[str, str]]:
        """(slot id, time) of failed attempts not yet in the audit log; clears them."""
        taken = [(s.slot_id, t) for s in self.slots.values() for t in s.unaudited_failures]
        for slot in self.slots.values():
            slot.unaudited_failures = []
        return sorted(taken, key=lambda item: item[1])


_DATABASE_KEY = "database-key"
_ROLE_KEY = "role-key"


def slot_associated_data(
    store_id: str,
    slot_id: str,
    kind: str,
    username: str | None,
    kdf: KdfParams | None,
    public_key: bytes | None = None,
) -> bytes:
    """The bytes a slot's tag authenticates: its store, identity, owner and KDF parameters,
    and (format 2) its public key."""
    params = "" if kdf is None else f"{kdf.memory_kib}/{kdf.iterations}/{kdf.lanes}"
    if public_key is None:
        return f"cam-ie-slot|v1|{store_id}|{slot_id}|{kind}|{username or ''}|{params}".encode()
    return f"cam-ie-slot|v2|{store_id}|{slot_id}|{kind}|{username or ''}|{params}|{b64(public_key)}".encode()


def password_slot(
    store_id: str,
    account_id: str,
    username: str,
    password: str,
    key: bytes,
    kdf: KdfParams,
    *,
    role_seed: bytes | None = None,
    next_key: bytes | None = None,
) -> KeySlot:
    """A new slot for one account: its key pair under `password`, `key` sealed to it (and
    the manager key, for a manager; a pending re-key's next key, if one is under way)."""
    private, public = new_slot_key_pair()
    aad = slot_associated_data(store_id, account_id, "password", username, kdf, public)
    slot = KeySlot(account_id, "password", username, kdf, wrap_with_password(private, password, kdf, aad))
    return _sealed(slot, public, store_id, key, next_key, role_seed)


def recovery_slot(store_id: str, recovery: RecoveryKey, key: bytes, *, next_key: bytes | None = None) -> KeySlot:
    """A new slot whose key pair the recovery key unwraps, with `key` sealed to it. It holds
    no manager key: a recovery makes a new one (`roles.rotate`)."""
    private, public = new_slot_key_pair()
    aad = slot_associated_data(store_id, RECOVERY_SLOT_ID, "recovery", None, None, public)
    slot = KeySlot(RECOVERY_SLOT_ID, "recovery", None, None, wrap_with_recovery(private, recovery, aad))
    return _sealed(slot, public, store_id, key, next_key, None)


def _sealed(
    slot: KeySlot, public: bytes, store_id: str, key: bytes, next_key: bytes | None, role_seed: bytes | None
) -> KeySlot:
    slot.public_key = public
    slot.seal_key(key, store_id)
    if next_key is not None:
        slot.seal_next_key(next_key, store_id)
    slot.seal_role_key(role_seed, store_id)
    return slot


def _b64_or_none(data: bytes | None) -> str | None:
    return None if data is None else b64(data)


def _unb64_or_none(text: object) -> bytes | None:
    return None if text is None else unb64(str(text))


def utc_now() -> datetime:
    """The current time, UTC, timezone-aware (the default clock)."""
    return datetime.now(UTC)
