"""What someone with the database key and a SQLite shell can do to the audit log: rewrite an
entry and every hash after it, and move the head, so the chain is consistent in itself."""

from __future__ import annotations

import json

import sqlite_utils

from branch_client.store import audit


def rewrite_consistently(db: sqlite_utils.Database, seq: int, details: dict[str, str]) -> None:
    """Give entry `seq` new details, recompute its hash and every later one, and move the head.

    The guard trigger is dropped first, as an attacker would. Afterwards every entry's hash
    and link fit: only a witness outside the store can tell.
    """
    db.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    row = db.execute("SELECT hash FROM audit_log WHERE seq = ?", [seq - 1]).fetchone()
    prev_hash = audit.GENESIS_HASH if row is None else row[0]
    rows = db.execute(
        "SELECT seq, at, actor, action, subject, details FROM audit_log WHERE seq >= ? ORDER BY seq", [seq]
    ).fetchall()
    with db.atomic():
        for number, at, actor, action, subject, old_details in rows:
            text = json.dumps(details, sort_keys=True, separators=(",", ":")) if number == seq else old_details
            digest = audit.entry_hash(number, at, actor, action, subject, text, prev_hash)
            db.execute(
                "UPDATE audit_log SET details = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                [text, prev_hash, digest, number],
            )
            prev_hash = digest
        db.execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", [rows[-1][0], prev_hash])


def chain_alone_fits(db: sqlite_utils.Database) -> bool:
    """Whether every entry's hash and link fit, and the head names the last entry: the check the
    chain can make by itself, without the centre's witness."""
    prev_hash, count = audit.GENESIS_HASH, 0
    for seq, at, actor, action, subject, details, prev, digest in db.execute(
        "SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit_log ORDER BY seq"
    ):
        if (
            seq != count + 1
            or prev != prev_hash
            or audit.entry_hash(seq, at, actor, action, subject, details, prev) != digest
        ):
            return False
        prev_hash, count = digest, seq
    head = db.execute("SELECT seq, hash FROM audit_head WHERE id = 1").fetchone()
    return head is not None and (head[0], head[1]) == (count, prev_hash)
