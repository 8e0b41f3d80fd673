"""What the sync page lists: the batch history, newest first, and each batch's records;
and when the oldest record still on its way entered the outbox (the counts are `states`).

No Qt here: the page's models (`ui/sync/batches_model.py`) page through these queries. A
branch that syncs every five minutes makes a hundred thousand small batches in a year,
so batches are read a page at a time by sequence (the column's unique index), never all.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlite_utils

from branch_client.store.database import translate_errors


@dataclass(frozen=True)
class BatchRow:
    """One batch as the history shows it."""

    batch_id: str
    sequence: int
    created_at: str
    record_count: int
    wire_bytes: int
    state: str  # in_flight | answered | abandoned
    duration_ms: int | None
    accepted: int
    duplicates: int
    rejected: int
    error_code: str | None
    answered_at: str | None


@dataclass(frozen=True)
class BatchRecord:
    """One record of a batch: its reference, where it stands, and the centre's words."""

    record_id: str
    reference: str
    state: str  # one of sync.outbox.STATES, or `resent` (its batch was given up)
    reason_code: str | None
    message_km: str | None
    message_en: str | None
    cam_ie_number: str | None


_BATCH_COLUMNS = (
    "batch_id, sequence, created_at, record_count, wire_bytes, state, duration_ms,"
    " accepted, duplicates, rejected, error_code, answered_at"
)


def batches(db: sqlite_utils.Database, *, before_sequence: int | None = None, limit: int = 200) -> list[BatchRow]:
    """Up to `limit` batches, newest first, older than `before_sequence` (all when None)."""
    sql = f"SELECT {_BATCH_COLUMNS} FROM sync_batches"  # noqa: S608 - constant column list
    params: list[object] = []
    if before_sequence is not None:
        sql += " WHERE sequence < ?"
        params.append(before_sequence)
    sql += " ORDER BY sequence DESC LIMIT ?"
    params.append(limit)
    with translate_errors():
        return [BatchRow(*row) for row in db.execute(sql, params)]


def batches_version(db: sqlite_utils.Database) -> tuple[int, int, int]:
    """Changes whenever a batch is added, answered or given up (three index lookups)."""
    with translate_errors():
        newest = db.execute("SELECT coalesce(max(sequence), 0) FROM sync_batches").fetchone()[0]
        in_flight = db.execute("SELECT count(*) FROM sync_batches WHERE state = 'in_flight'").fetchone()[0]
        abandoned = db.execute("SELECT count(*) FROM sync_batches WHERE state = 'abandoned'").fetchone()[0]
    return int(newest), int(in_flight), int(abandoned)


def batch_records(db: sqlite_utils.Database, batch_id: str) -> list[BatchRecord]:
    """The records of one batch, by reference.

    An answered or in-flight batch keeps its records' ids in `outbox.batch_id`; a batch
    given up released them (they went out again in a later batch), so its records are
    found in the `batch_abandoned` events and shown as `resent`.
    """
    with translate_errors():
        rows = db.execute(
            "SELECT o.record_id, r.reference, o.state, s.status, s.reason_code, s.message_km, s.message_en,"
            " s.cam_ie_number FROM outbox o JOIN registrations r ON r.id = o.record_id"
            " LEFT JOIN sync_results s ON s.record_id = o.record_id"
            " WHERE o.batch_id = ? ORDER BY r.reference",
            [batch_id],
        ).fetchall()
        records = [
            BatchRecord(
                record_id,
                reference,
                status if outbox_state == "acknowledged" and status else outbox_state,
                reason,
                km,
                en,
                number,
            )
            for record_id, reference, outbox_state, status, reason, km, en, number in rows
        ]
        if not records:
            resent = db.execute(
                "SELECT DISTINCT e.record_id, r.reference, e.detail FROM sync_events e"
                " JOIN registrations r ON r.id = e.record_id"
                " WHERE e.batch_id = ? AND e.event = 'batch_abandoned' ORDER BY r.reference",
                [batch_id],
            ).fetchall()
            records = [BatchRecord(rid, ref, "resent", code, None, None, None) for rid, ref, code in resent]
    return records


def oldest_waiting(db: sqlite_utils.Database) -> str | None:
    """When the oldest record still waiting or in flight entered the outbox, or None."""
    oldest = [
        row[0]
        for state in ("waiting", "in_flight")  # each a lookup on outbox_state (state, enqueued_at)
        for row in db.execute("SELECT min(enqueued_at) FROM outbox WHERE state = ?", [state])
        if row[0] is not None
    ]
    return min(oldest) if oldest else None
