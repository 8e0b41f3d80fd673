"""The centre's storage: one plain SQLite file (WAL) holding branches, devices, keys, batches, records, the
feed and the audit chain heads the devices' batches carried (the branches' audit witness).

`CentreStore` is the one object the HTTP API, the command line and the tests use. It
holds a single connection guarded by a lock (the API calls it from worker threads);
every change is one transaction (`BEGIN IMMEDIATE`), so a batch is stored whole or not
at all. The schema is created when the file is opened.

The reference centre keeps its HPKE private keys in this file, in clear. A production
centre keeps them in an HSM or a key service (docs/central.md).
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, Final

from central import ledger
from central.ledger import now_iso
from sync import protocol
from sync.envelope import CentrePrivateKey, CentrePublicKey, device_key_id, fingerprint
from sync.ids import uuid7_str
from sync.protocol import FeedEntry, Message

DEFAULT_DB: Final = "cam-ie-central.db"
KEY_VALID_DAYS: Final = 365
#: After a rotation the previous key still opens batches for this long (batches sealed before the client heard).
KEY_GRACE_DAYS: Final = 14
ENROLMENT_VALID_DAYS: Final = 7
_CROCKFORD: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CODE_ALIASES: Final = str.maketrans({"O": "0", "I": "1", "L": "1"})

_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS branches (
    branch_id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS enrolment_codes (
    code_hash TEXT PRIMARY KEY, branch_id TEXT NOT NULL REFERENCES branches(branch_id),
    created_at TEXT NOT NULL, expires_at TEXT NOT NULL, used_at TEXT, used_by TEXT);
CREATE TABLE IF NOT EXISTS devices (
    device_id TEXT PRIMARY KEY, branch_id TEXT NOT NULL REFERENCES branches(branch_id), name TEXT NOT NULL,
    public_key BLOB NOT NULL, key_id TEXT NOT NULL UNIQUE, enrolled_at TEXT NOT NULL, revoked_at TEXT,
    last_sequence INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS centre_keys (
    key_id TEXT PRIMARY KEY, kind TEXT NOT NULL, private_key BLOB NOT NULL, public_key BLOB NOT NULL,
    created_at TEXT NOT NULL, expires_at TEXT NOT NULL, retired_at TEXT);
CREATE TABLE IF NOT EXISTS batches (
    batch_id TEXT PRIMARY KEY, device_id TEXT NOT NULL, sequence INTEGER NOT NULL, body_sha256 TEXT NOT NULL,
    answer BLOB NOT NULL, record_count INTEGER NOT NULL, received_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS records (
    record_id TEXT PRIMARY KEY, batch_id TEXT NOT NULL, branch_id TEXT NOT NULL, device_id TEXT NOT NULL,
    form_id TEXT NOT NULL, form_version TEXT NOT NULL, answers TEXT NOT NULL, captured_at TEXT NOT NULL,
    captured_by TEXT NOT NULL, supersedes TEXT, status TEXT NOT NULL, cam_ie_number TEXT, id_key TEXT,
    duplicate_of TEXT, received_at TEXT NOT NULL, decided_at TEXT);
CREATE UNIQUE INDEX IF NOT EXISTS records_number ON records(cam_ie_number)
    WHERE cam_ie_number IS NOT NULL AND status != 'superseded';
CREATE INDEX IF NOT EXISTS records_id_key ON records(id_key) WHERE id_key IS NOT NULL;
CREATE INDEX IF NOT EXISTS records_status ON records(status);
CREATE TABLE IF NOT EXISTS feed (
    cursor INTEGER PRIMARY KEY AUTOINCREMENT, branch_id TEXT NOT NULL, record_id TEXT NOT NULL,
    status TEXT NOT NULL, cam_ie_number TEXT, reason_code TEXT, message_km TEXT, message_en TEXT,
    decided_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS feed_branch ON feed(branch_id, cursor);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS audit_heads (
    batch_id TEXT PRIMARY KEY, device_id TEXT NOT NULL, count INTEGER NOT NULL, sha256 TEXT NOT NULL,
    received_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS audit_heads_device ON audit_heads(device_id, received_at);
"""


class StoreError(Exception):
    """An operator's request the store cannot carry out (unknown device, wrong state…); the text is safe to show."""


class EnrolmentRefused(Exception):
    """An enrolment the centre refuses; `code` is the protocol's error code."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def normalise_code(code: str) -> str:
    """An enrolment code as typed -> its canonical characters (no separators, upper case, O->0, I/L->1)."""
    return "".join(ch for ch in code.upper() if ch not in "- \t").translate(_CODE_ALIASES)


def _hash_code(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


@dataclass(frozen=True)
class CentreKey:
    """One of the centre's HPKE keys with its lifetime."""

    private: CentrePrivateKey
    created_at: str
    expires_at: str
    retired_at: str | None

    @property
    def key_id(self) -> str:
        """The id batches name in `centre_key_id`."""
        return self.private.key_id

    @property
    def kind(self) -> str:
        """`x25519` or `mlkem768-x25519`."""
        return self.private.kind

    @property
    def public(self) -> CentrePublicKey:
        """The public half, as published."""
        return self.private.public_key()

    @property
    def fingerprint(self) -> str:
        """What the operator reads out at enrolment."""
        return fingerprint(self.public.public_bytes)

    def usable(self, moment: datetime | None = None) -> bool:
        """Whether batches sealed to this key are still opened."""
        return self.retired_at is None and self.expires_at > now_iso(moment)


@dataclass(frozen=True)
class Device:
    """An enrolled branch device."""

    device_id: str
    branch_id: str
    branch_code: str
    name: str
    public_key: bytes
    key_id: str
    enrolled_at: str
    revoked_at: str | None
    last_sequence: int


@dataclass(frozen=True)
class Enrolment:
    """What an enrolment answers with."""

    branch_id: str
    branch_code: str
    device_id: str
    device_key_id: str
    centre_key: CentreKey


@dataclass(frozen=True)
class RecordSummary:
    """A stored record without its answers (what the operator lists; no names)."""

    record_id: str
    branch_code: str
    status: str
    cam_ie_number: str | None
    duplicate_of: str | None
    received_at: str


@dataclass(frozen=True)
class AuditHeadHeld:
    """A branch device's audit chain head as a batch carried it: the centre's witness."""

    batch_id: str
    count: int
    sha256: str
    received_at: str


@dataclass(frozen=True)
class StoredBatch:
    """A batch already answered: the digest of its exact bytes and the answer sent."""

    batch_id: str
    body_sha256: str
    answer: bytes


class CentreStore:
    """The centre's database. Thread-safe; open with `CentreStore.open(path)`, close with `close()`."""

    def __init__(self, connection: sqlite3.Connection, path: Path, default_kind: str) -> None:
        self._conn = connection
        self._lock = threading.RLock()
        self.path = path
        self.default_kind = default_kind

    @classmethod
    def open(cls, path: str | Path = DEFAULT_DB, *, default_kind: str = protocol.KEY_KIND_X25519) -> CentreStore:
        """Open (creating if needed) the database at `path`. `default_kind` is the kind of a key made when none is usable."""
        if default_kind not in protocol.SUITE_FOR_KIND:
            raise StoreError(f"unknown key kind {default_kind!r}")
        path = Path(path)
        try:
            conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10.0)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the database {path}: {exc}") from exc
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            # FULL: an answer the centre gave must survive a power cut at the centre, or a
            # branch would hold CAM-IE numbers the centre has lost.
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA foreign_keys=ON")
            conn.executescript(_SCHEMA)
        except sqlite3.Error as exc:
            conn.close()
            raise StoreError(f"cannot use the database {path}: {exc}") from exc
        return cls(conn, path, default_kind)

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._conn.close()

    def __enter__(self) -> CentreStore:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, under the lock; rolled back on any exception."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def _query_by_name(self, sql: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        """Like `_query`, each row as column name → value: wide rows are read into dataclasses
        by name, so a column added to a SELECT cannot shift the others. Only this cursor reads
        so (the connection's row factory stays: the ledger reads tuples); a SELECT naming two
        columns alike is a mistake and raises ValueError."""
        with self._lock:
            cursor = self._conn.execute(sql, params)
            names = [column[0] for column in cursor.description]
            if len(set(names)) != len(names):
                raise ValueError(f"a SELECT read by name has two columns of the same name: {names}")
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    # --- branches and enrolment -------------------------------------------------------

    def issue_enrolment_code(
        self, branch_code: str, branch_name: str | None = None, valid_days: int = ENROLMENT_VALID_DAYS
    ) -> str:
        """A one-use code (4 groups of 4 Crockford base-32) that enrols one device into `branch_code`."""
        branch_code = branch_code.strip()
        if not branch_code or len(branch_code) > 64:
            raise StoreError("a branch code is 1 to 64 characters")
        if not 1 <= valid_days <= 365:
            raise StoreError("an enrolment code is valid for 1 to 365 days")
        raw = "".join(secrets.choice(_CROCKFORD) for _ in range(16))
        code = "-".join(raw[i : i + 4] for i in range(0, 16, 4))
        now = datetime.now(UTC)
        with self._write() as conn:
            branch_id = self._branch_id(conn, branch_code, branch_name, now)
            conn.execute(
                "INSERT INTO enrolment_codes (code_hash, branch_id, created_at, expires_at) VALUES (?, ?, ?, ?)",
                (_hash_code(code), branch_id, now_iso(now), now_iso(now + timedelta(days=valid_days))),
            )
        return code

    @staticmethod
    def _branch_id(conn: sqlite3.Connection, code: str, name: str | None, now: datetime) -> str:
        row = conn.execute("SELECT branch_id FROM branches WHERE code = ?", (code,)).fetchone()
        if row is not None:
            if name:
                conn.execute("UPDATE branches SET name = ? WHERE branch_id = ?", (name, row[0]))
            return str(row[0])
        branch_id = "br-" + uuid7_str()
        conn.execute(
            "INSERT INTO branches (branch_id, code, name, created_at) VALUES (?, ?, ?, ?)",
            (branch_id, code, name, now_iso(now)),
        )
        return branch_id

    def enrol(self, code: str, branch_code: str, device_public_key: bytes, device_name: str = "") -> Enrolment:
        """Use an enrolment code: register the device's Ed25519 public key in the code's branch.

        Raises `EnrolmentRefused("enrolment_code_invalid")` for an unknown, used or expired
        code or one for another branch (one answer for all), and
        `EnrolmentRefused("device_already_enrolled")` when the key is already registered
        (the code is then not used up).
        """
        key = self.current_key()
        now = now_iso()
        key_id = device_key_id(device_public_key)
        with self._write() as conn:
            row = conn.execute(
                "SELECT c.branch_id, b.code FROM enrolment_codes c JOIN branches b USING (branch_id)"
                " WHERE c.code_hash = ? AND c.used_at IS NULL AND c.expires_at > ?",
                (_hash_code(code), now),
            ).fetchone()
            if row is None or row[1] != branch_code:
                raise EnrolmentRefused("enrolment_code_invalid")
            if conn.execute("SELECT 1 FROM devices WHERE key_id = ?", (key_id,)).fetchone() is not None:
                raise EnrolmentRefused("device_already_enrolled")
            device_id = "dev-" + uuid7_str()
            conn.execute(
                "INSERT INTO devices (device_id, branch_id, name, public_key, key_id, enrolled_at) VALUES (?, ?, ?, ?, ?, ?)",
                (device_id, row[0], device_name, device_public_key, key_id, now),
            )
            conn.execute(
                "UPDATE enrolment_codes SET used_at = ?, used_by = ? WHERE code_hash = ?",
                (now, device_id, _hash_code(code)),
            )
        return Enrolment(str(row[0]), str(row[1]), device_id, key_id, key)

    #: Each column named after its `Device` field.
    _DEVICE_SQL: Final = (
        "SELECT d.device_id AS device_id, d.branch_id AS branch_id, b.code AS branch_code, d.name AS name,"
        " d.public_key AS public_key, d.key_id AS key_id, d.enrolled_at AS enrolled_at, d.revoked_at AS revoked_at,"
        " d.last_sequence AS last_sequence FROM devices d JOIN branches b USING (branch_id)"
    )

    def device(self, device_id: str) -> Device | None:
        """The device with this id, revoked or not; None when unknown."""
        rows = self._query_by_name(self._DEVICE_SQL + " WHERE d.device_id = ?", (device_id,))
        return Device(**rows[0]) if rows else None

    def device_with_key(self, key_id: str) -> Device | None:
        """The device whose Ed25519 key has this id (revoked or not); None when unknown."""
        rows = self._query_by_name(self._DEVICE_SQL + " WHERE d.key_id = ?", (key_id,))
        return Device(**rows[0]) if rows else None

    def devices(self) -> list[Device]:
        """Every enrolled device, oldest first."""
        rows = self._query_by_name(self._DEVICE_SQL + " ORDER BY d.enrolled_at, d.device_id")
        return [Device(**row) for row in rows]

    def revoke_device(self, device_id: str) -> None:
        """Refuse everything this device sends from now on (its stored records stay)."""
        with self._write() as conn:
            row = conn.execute("SELECT revoked_at FROM devices WHERE device_id = ?", (device_id,)).fetchone()
            if row is None:
                raise StoreError(f"no device {device_id}")
            if row[0] is None:
                conn.execute("UPDATE devices SET revoked_at = ? WHERE device_id = ?", (now_iso(), device_id))

    # --- centre keys ------------------------------------------------------------------

    _KEY_SQL: Final = (
        "SELECT key_id AS key_id, kind AS kind, private_key AS private_key, created_at AS created_at,"
        " expires_at AS expires_at, retired_at AS retired_at FROM centre_keys"
    )

    def _keys(self, key_id: str | None = None) -> list[CentreKey]:
        """Every key (newest first), or the one with `key_id`."""
        if key_id is None:
            rows = self._query_by_name(self._KEY_SQL + " ORDER BY created_at DESC, rowid DESC")
        else:
            rows = self._query_by_name(self._KEY_SQL + " WHERE key_id = ?", (key_id,))
        return [
            CentreKey(
                CentrePrivateKey(r["key_id"], r["kind"], bytes(r["private_key"])),
                created_at=r["created_at"],
                expires_at=r["expires_at"],
                retired_at=r["retired_at"],
            )
            for r in rows
        ]

    def keys(self) -> list[CentreKey]:
        """Every centre key ever made, newest first."""
        return self._keys()

    def rotate_key(self, kind: str | None = None, *, valid_days: int = KEY_VALID_DAYS) -> str:
        """Make a new current key of `kind`; older keys keep opening batches for `KEY_GRACE_DAYS` at most.

        Returns the new key's id.
        """
        kind = kind or self.default_kind
        if kind not in protocol.SUITE_FOR_KIND:
            raise StoreError(f"unknown key kind {kind!r}")
        now = datetime.now(UTC)
        private = CentrePrivateKey.generate("pending", kind)
        public = private.public_key().public_bytes
        key_id = "ck-" + hashlib.sha256(public).hexdigest()[:20]
        grace_end = now_iso(now + timedelta(days=KEY_GRACE_DAYS))
        with self._write() as conn:
            conn.execute(
                "UPDATE centre_keys SET expires_at = ? WHERE retired_at IS NULL AND expires_at > ?",
                (grace_end, grace_end),
            )
            conn.execute(
                "INSERT INTO centre_keys (key_id, kind, private_key, public_key, created_at, expires_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (key_id, kind, private.private_bytes, public, now_iso(now), now_iso(now + timedelta(days=valid_days))),
            )
        return key_id

    def retire_key(self, key_id: str) -> None:
        """Stop opening batches sealed to this key at once (a compromised key)."""
        with self._write() as conn:
            if (
                conn.execute(
                    "UPDATE centre_keys SET retired_at = ? WHERE key_id = ? AND retired_at IS NULL", (now_iso(), key_id)
                ).rowcount
                != 1
            ):
                raise StoreError(f"no usable key {key_id}")

    def current_key(self) -> CentreKey:
        """The key branches should seal to: the newest usable one (made now, of `default_kind`, if there is none)."""
        with self._lock:
            for key in self._keys():
                if key.usable():
                    return key
            key_id = self.rotate_key(self.default_kind)
            return self._keys(key_id)[0]

    def usable_key(self, key_id: str) -> CentreKey | None:
        """The key with this id if it still opens batches, else None."""
        keys = self._keys(key_id)
        return keys[0] if keys and keys[0].usable() else None

    # --- batches ----------------------------------------------------------------------

    def stored_batch(self, batch_id: str) -> StoredBatch | None:
        """The answer already given to this batch id, if any."""
        rows = self._query("SELECT batch_id, body_sha256, answer FROM batches WHERE batch_id = ?", (batch_id,))
        return StoredBatch(rows[0][0], rows[0][1], bytes(rows[0][2])) if rows else None

    def commit_batch(self, batch: ledger.IncomingBatch) -> bytes:
        """Decide and store every record of an opened, checked batch in one transaction; return the answer bytes.

        Raises `ledger.StaleSequence` when another batch of the device got in first.
        """
        with self._write() as conn:
            return ledger.commit(conn, batch)

    def audit_heads(self, device_id: str) -> list[AuditHeadHeld]:
        """Every audit chain head the device's batches carried, in the order they arrived.

        Raises `StoreError` for an unknown device.
        """
        if self.device(device_id) is None:
            raise StoreError(f"no device {device_id}")
        rows = self._query_by_name(
            "SELECT batch_id AS batch_id, count AS count, sha256 AS sha256, received_at AS received_at"
            " FROM audit_heads WHERE device_id = ? ORDER BY received_at, rowid",
            (device_id,),
        )
        return [AuditHeadHeld(**row) for row in rows]

    # --- records, review and the feed -------------------------------------------------

    def record_count(self) -> int:
        """How many records are stored (every status, superseded versions included)."""
        return int(self._query("SELECT count(*) FROM records")[0][0])

    def batch_count(self) -> int:
        """How many batches have been answered."""
        return int(self._query("SELECT count(*) FROM batches")[0][0])

    def records_by_status(self) -> dict[str, int]:
        """Record counts per status."""
        return {
            str(s): int(n)
            for s, n in self._query("SELECT status, count(*) FROM records GROUP BY status ORDER BY status")
        }

    #: Each column named after its `RecordSummary` field.
    _SUMMARY_SQL: Final = (
        "SELECT r.record_id AS record_id, b.code AS branch_code, r.status AS status,"
        " r.cam_ie_number AS cam_ie_number, r.duplicate_of AS duplicate_of, r.received_at AS received_at"
        " FROM records r JOIN branches b USING (branch_id)"
    )

    def records(self, status: str | None = None, limit: int = 1000) -> list[RecordSummary]:
        """Stored records (all, or those with `status`), oldest first, without their answers."""
        if status is None:
            rows = self._query_by_name(self._SUMMARY_SQL + " ORDER BY r.rowid LIMIT ?", (limit,))
        else:
            rows = self._query_by_name(
                self._SUMMARY_SQL + " WHERE r.status = ? ORDER BY r.rowid LIMIT ?", (status, limit)
            )
        return [RecordSummary(**row) for row in rows]

    def held_records(self) -> list[RecordSummary]:
        """Records held for review (probable duplicates)."""
        return self.records(ledger.HELD)

    def record(self, record_id: str) -> RecordSummary | None:
        """One record's summary, or None."""
        rows = self._query_by_name(self._SUMMARY_SQL + " WHERE r.record_id = ?", (record_id,))
        return RecordSummary(**rows[0]) if rows else None

    def decide(
        self,
        record_id: str,
        status: str,
        reason_code: str | None = None,
        message_km: str | None = None,
        message_en: str | None = None,
    ) -> FeedEntry:
        """An operator's decision on a stored record; appended to its branch's status feed.

        `approved` (a held or sent-back record; it gets a CAM-IE number if it has none),
        `needs_correction` or `rejected` (a held or accepted record; the branch corrects
        it as a new record that supersedes it).
        """
        try:
            with self._write() as conn:
                return ledger.decide(conn, record_id, status, reason_code, message_km, message_en)
        except ledger.DecisionRefused as exc:
            raise StoreError(str(exc)) from exc

    def feed(self, branch_id: str, after: int, limit: int) -> tuple[list[FeedEntry], bool]:
        """The branch's feed entries after `after`, at most `limit`, and whether more follow."""
        rows = self._query_by_name(
            "SELECT cursor AS cursor, record_id AS record_id, status AS status, decided_at AS decided_at,"
            " cam_ie_number AS cam_ie_number, reason_code AS reason_code, message_km AS message_km,"
            " message_en AS message_en FROM feed WHERE branch_id = ? AND cursor > ? ORDER BY cursor LIMIT ?",
            (branch_id, after, limit + 1),
        )
        entries = [
            FeedEntry(
                cursor=r["cursor"],
                record_id=r["record_id"],
                status=r["status"],
                decided_at=r["decided_at"],
                cam_ie_number=r["cam_ie_number"],
                reason_code=r["reason_code"],
                message=Message(r["message_km"], r["message_en"]) if r["message_km"] and r["message_en"] else None,
            )
            for r in rows[:limit]
        ]
        return entries, len(rows) > limit
