"""The key-slot file: everything needed to unlock the store, and nothing that opens it.

`keyslots.json` sits beside the encrypted database. It names the branch (so the login
screen can greet it), and holds one slot per account plus the recovery slot, each with
its failed-login counter. The counters live here, outside the database, because a wrong
password cannot open the database to record anything; failed attempts wait here until
the next successful login writes them into the audit log.
"""

from __future__ import annotations

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
    WrappedKey,
    b64,
    unb64,
    wrap_with_password,
    wrap_with_recovery,
)

FORMAT_VERSION = 1
RECOVERY_SLOT_ID = "recovery"
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=5)


@dataclass(frozen=True)
class BranchInfo:
    """What the login screen may show before anyone is signed in."""

    code: str
    name: str


@dataclass
class KeySlot:
    """One way to unwrap the database key, with its brute-force counter."""

    slot_id: str  # the account id, or "recovery"
    kind: str  # "password" or "recovery"
    username: str | None
    kdf: KdfParams | None
    wrapped: WrappedKey
    failed_count: int = 0
    locked_until: datetime | None = None
    unaudited_failures: list[str] = field(default_factory=list)  # ISO times, UTC

    def associated_data(self, store_id: str) -> bytes:
        """What the slot's AES-GCM tag binds: moving or editing a slot breaks it."""
        return slot_associated_data(store_id, self.slot_id, self.kind, self.username, self.kdf)

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
        }

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
            if data.get("format") != FORMAT_VERSION:
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


def slot_associated_data(store_id: str, slot_id: str, kind: str, username: str | None, kdf: KdfParams | None) -> bytes:
    """The bytes a slot's tag authenticates: its store, identity, owner and KDF parameters."""
    params = "" if kdf is None else f"{kdf.memory_kib}/{kdf.iterations}/{kdf.lanes}"
    return f"cam-ie-slot|v1|{store_id}|{slot_id}|{kind}|{username or ''}|{params}".encode()


def password_slot(store_id: str, account_id: str, username: str, password: str, key: bytes, kdf: KdfParams) -> KeySlot:
    """A new slot wrapping `key` under `password` for one account."""
    aad = slot_associated_data(store_id, account_id, "password", username, kdf)
    return KeySlot(account_id, "password", username, kdf, wrap_with_password(key, password, kdf, aad))


def recovery_slot(store_id: str, recovery: RecoveryKey, key: bytes) -> KeySlot:
    """A new slot wrapping `key` under the recovery key."""
    aad = slot_associated_data(store_id, RECOVERY_SLOT_ID, "recovery", None, None)
    return KeySlot(RECOVERY_SLOT_ID, "recovery", None, None, wrap_with_recovery(key, recovery, aad))


def utc_now() -> datetime:
    """The current time, UTC, timezone-aware (the default clock)."""
    return datetime.now(UTC)
