"""The audit log: append-only, hash-chained entries for everything security-relevant.

Each entry's hash covers its own fields and the previous entry's hash, so editing or
removing an entry breaks the chain from that point; triggers refuse UPDATE and DELETE,
and a one-row head records the last entry so a cut-off tail is noticed too. Entries
never carry PII: actors and subjects are ids, details are codes.

Someone with the database key can still rewrite the whole chain consistently. What they
cannot rewrite is the centre's copy: every batch carries the chain's head (entry count and
hash), the centre keeps it and acknowledges it, and the acknowledgements are kept here
(`audit_witness`, written by the sync with the answer). `verify_chain` checks the chain
against every one of them, so a rewrite of entries the centre has witnessed is found
between two acknowledgements. Entries written since the last sync rest on the chain alone.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils

GENESIS_HASH = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    """One row of the audit log."""

    seq: int
    at: str
    actor: str | None
    action: str
    subject: str | None
    details: str
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class Witness:
    """A head of the chain the CAM-IE centre acknowledged: its entry count, the hash of entry
    `count` then, and when the centre received it (the centre's clock, UTC)."""

    count: int
    hash: str
    received_at: str


@dataclass(frozen=True)
class ChainReport:
    """The outcome of `verify_chain`: intact, or where and why it breaks.

    `witnessed` is the latest head the centre acknowledged (None: no sync has carried one
    yet), whatever the outcome. `mismatch` is set when the chain no longer leads to a head
    the centre witnessed: the first changed entry is then one of `broken_at` ..
    `mismatch.count` (the entries between that acknowledgement and the one before it).
    """

    intact: bool
    entries: int
    broken_at: int | None = None  # seq of the first entry that does not fit
    reason: str = ""
    witnessed: Witness | None = None
    mismatch: Witness | None = None

    @property
    def unwitnessed(self) -> int:
        """Entries written since the centre's last acknowledgement: the chain alone vouches for them."""
        return max(0, self.entries - (self.witnessed.count if self.witnessed else 0))


def entry_hash(
    seq: int, at: str, actor: str | None, action: str, subject: str | None, details: str, prev_hash: str
) -> str:
    """SHA-256 over the canonical JSON of an entry's fields and the previous hash."""
    canonical = json.dumps(
        [seq, at, actor, action, subject, details, prev_hash], ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def append(
    db: sqlite_utils.Database,
    *,
    actor: str | None,
    action: str,
    subject: str | None = None,
    details: Mapping[str, Any] | None = None,
    at: datetime | None = None,
) -> AuditEntry:
    """Add an entry at the end of the chain, inside the caller's transaction if any."""
    when = (at or datetime.now(UTC)).isoformat()
    details_json = json.dumps(dict(details or {}), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    with db.atomic():
        head = db.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
        prev_seq, prev_hash = (0, GENESIS_HASH) if head is None else (int(head[0]), str(head[1]))
        seq = prev_seq + 1
        digest = entry_hash(seq, when, actor, action, subject, details_json, prev_hash)
        db.execute(
            "INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [seq, when, actor, action, subject, details_json, prev_hash, digest],
        )
        db.execute(
            "INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
            [seq, digest],
        )
    return AuditEntry(seq, when, actor, action, subject, details_json, prev_hash, digest)


def witnesses(db: sqlite_utils.Database) -> list[Witness]:
    """Every acknowledgement of the chain's head the centre sent, by entry count then arrival."""
    if not db["audit_witness"].exists():  # a store older than 0006 being inspected before its upgrade
        return []
    rows = db.execute("SELECT count, hash, received_at FROM audit_witness ORDER BY count, received_at, batch_id")
    return [Witness(int(count), str(digest), str(at)) for count, digest, at in rows]


def verify_chain(db: sqlite_utils.Database) -> ChainReport:
    """Walk the whole log and report the first entry that was altered, removed or added,
    or that no longer leads to a head the centre witnessed (see `ChainReport`)."""
    acknowledged = witnesses(db)
    latest = max(acknowledged, key=lambda w: (w.count, w.received_at), default=None)
    by_count: dict[int, list[Witness]] = {}
    for witness in acknowledged:
        by_count.setdefault(witness.count, []).append(witness)
    expected_prev = GENESIS_HASH
    expected_seq = 1
    count = 0
    matched = 0  # the last entry count a witness vouched for
    cursor = db.execute("SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit_log ORDER BY seq")
    for seq, at, actor, action, subject, details, prev_hash, stored_hash in cursor:
        if seq != expected_seq:
            return ChainReport(False, count, expected_seq, f"entry {expected_seq} is missing", latest)
        if prev_hash != expected_prev:
            return ChainReport(False, count, seq, "the link to the previous entry does not match", latest)
        if entry_hash(seq, at, actor, action, subject, details, prev_hash) != stored_hash:
            return ChainReport(False, count, seq, "the entry's content was changed", latest)
        expected_prev = stored_hash
        expected_seq += 1
        count += 1
        for witness in by_count.get(seq, ()):
            if witness.hash != stored_hash:
                reason = "the chain no longer leads to what the centre witnessed"
                return ChainReport(False, count, matched + 1, reason, latest, witness)
        if seq in by_count:
            matched = seq
    head = db.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
    if head is None and count:
        return ChainReport(False, count, count, "the chain's head record is missing", latest)
    if head is not None and (int(head[0]) != count or head[1] != expected_prev):
        return ChainReport(False, count, count + 1, "entries after the last one were removed", latest)
    beyond = [w for w in acknowledged if w.count > count]
    if beyond:  # cut off consistently (the head row rewritten too): the centre witnessed more
        return ChainReport(False, count, count + 1, "entries after the last one were removed", latest, beyond[0])
    return ChainReport(True, count, witnessed=latest)


def entries(
    db: sqlite_utils.Database, *, actor: str | None = None, action: str | None = None, limit: int = 500
) -> list[AuditEntry]:
    """The newest entries first, optionally for one actor or one action."""
    where, params = [], []
    if actor is not None:
        where.append("actor = ?")
        params.append(actor)
    if action is not None:
        where.append("action = ?")
        params.append(action)
    sql = "SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY seq DESC LIMIT ?"
    params.append(str(limit))
    return [AuditEntry(*row) for row in db.execute(sql, params)]


def page(
    db: sqlite_utils.Database,
    *,
    before_seq: int | None = None,
    actor: str | None = None,
    action: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 200,
) -> list[AuditEntry]:
    """One page of the log for the viewer: newest first, below `before_seq`, filtered.

    `since` is inclusive and `until` exclusive; both are compared with the stored UTC
    times (entries are written with `datetime.isoformat()` in UTC, so the text order is the
    time order). An actor or action filter uses its index; a date range alone is a scan
    from the newest entry down, ended by `limit`.
    """
    where: list[str] = []
    params: list[object] = []
    if before_seq is not None:
        where.append("seq < ?")
        params.append(before_seq)
    if actor is not None:
        where.append("actor = ?")
        params.append(actor)
    if action is not None:
        where.append("action = ?")
        params.append(action)
    if since is not None:
        where.append("at >= ?")
        params.append(since.astimezone(UTC).isoformat())
    if until is not None:
        where.append("at < ?")
        params.append(until.astimezone(UTC).isoformat())
    sql = "SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit_log"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY seq DESC LIMIT ?"
    params.append(limit)
    return [AuditEntry(*row) for row in db.execute(sql, params)]


def entry(db: sqlite_utils.Database, seq: int) -> AuditEntry | None:
    """The entry numbered `seq`, or None (e.g. where `verify_chain` found one missing)."""
    row = db.execute(
        "SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit_log WHERE seq = ?", [seq]
    ).fetchone()
    return None if row is None else AuditEntry(*row)


def actions_used(db: sqlite_utils.Database) -> list[str]:
    """Every action code the log holds, sorted (for the viewer's filter)."""
    return [row[0] for row in db.execute("SELECT DISTINCT action FROM audit_log ORDER BY action")]
